#include "kg/loaders/document_node.h"

#include <string>
#include <utility>

#include "kg/graph/values.h"

namespace kg::loaders {

using graph::StringValue;

void AddDocumentNode(const kg::v1::Document& document,
                     graph::DocumentFacts* facts) {
  kg::v1::Node* node = nullptr;
  for (kg::v1::Node& asserted : facts->nodes) {
    if (asserted.key() == document.key()) node = &asserted;
  }
  if (node == nullptr) {
    node = &facts->nodes.emplace_back();
    node->set_key(document.key());
    node->set_label("Document");
  }
  if (node->name().empty()) node->set_name(document.title());
  // Map::insert keeps a property the stream set itself.
  auto& props = *node->mutable_props();
  if (!document.title().empty()) {
    props.insert({"title", StringValue(document.title())});
  }
  if (document.has_date() && document.date().year() != 0) {
    kg::v1::Value date;
    *date.mutable_date_value() = document.date();
    props.insert({"date", std::move(date)});
  }
  if (!document.kind().empty()) {
    props.insert({"kind", StringValue(document.kind())});
  }
  if (!document.source_url().empty()) {
    props.insert({"source_url", StringValue(document.source_url())});
  }
}

}  // namespace kg::loaders
