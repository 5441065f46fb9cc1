#include "assertions.h"

#include <algorithm>

#include "record_view.h"

namespace kg::graph {

using kg::storage::Assertion;

// Adds `sources` to `assertion`, naming the document and dropping repeats
// of one span by one extractor.
void AddSources(
    const google::protobuf::RepeatedPtrField<kg::v1::Source>& sources,
    absl::string_view document_key, Assertion* assertion) {
  auto same = [](const kg::v1::Source& a, const kg::v1::Source& b) {
    return a.start() == b.start() && a.end() == b.end() &&
           a.extractor() == b.extractor();
  };
  for (kg::v1::Source source : sources) {
    source.set_document_key(std::string(document_key));
    bool seen =
        std::any_of(assertion->sources().begin(), assertion->sources().end(),
                    [&](const kg::v1::Source& s) { return same(s, source); });
    if (!seen) *assertion->add_sources() = std::move(source);
  }
}

void EnsureSource(absl::string_view document_key, absl::string_view extractor,
                  Assertion* assertion) {
  if (assertion->sources_size() > 0) return;
  kg::v1::Source* source = assertion->add_sources();
  source->set_document_key(std::string(document_key));
  source->set_extractor(std::string(extractor));
  source->set_confidence(1.0);
}

void MergeNodeInto(const kg::v1::Node& node, absl::string_view document_key,
                   Assertion* assertion) {
  if (assertion->name().empty()) assertion->set_name(node.name());
  for (const std::string& alias : node.aliases()) {
    if (std::find(assertion->aliases().begin(), assertion->aliases().end(),
                  alias) == assertion->aliases().end()) {
      assertion->add_aliases(alias);
    }
  }
  for (const auto& [name, value] : node.props()) {
    (*assertion->mutable_props())[name] = value;
  }
  AddSources(node.sources(), document_key, assertion);
}

void MergeEdgeInto(const kg::v1::Edge& edge, absl::string_view document_key,
                   Assertion* assertion) {
  for (const auto& [name, value] : edge.props()) {
    (*assertion->mutable_props())[name] = value;
  }
  AddSources(edge.sources(), document_key, assertion);
}

std::vector<std::pair<schema::Family, std::string>> NodeIndexEntries(
    uint64_t id, const kg::storage::NodeRecord& record,
    const Dictionary& dictionary,
    absl::FunctionRef<uint32_t(absl::string_view)> property_id) {
  if (record.assertions_size() == 0) return {};
  return NodeIndexEntriesOfView(id, record.label_id(),
                                NodeView(id, record, dictionary), property_id);
}

std::vector<std::pair<schema::Family, std::string>> NodeIndexEntriesOfView(
    uint64_t id, uint32_t label_id, const kg::v1::Node& view,
    absl::FunctionRef<uint32_t(absl::string_view)> property_id) {
  std::vector<std::pair<schema::Family, std::string>> out;
  out.emplace_back(schema::kLabels, schema::LabelKey(label_id, id));
  for (const std::string& name : NormalizedNames(view)) {
    out.emplace_back(schema::kNames, schema::NameKey(name, id));
  }
  for (const auto& [name, value] : view.props()) {
    if (value.has_list_value()) continue;
    absl::StatusOr<std::string> key =
        schema::PropKey(property_id(name), value, id);
    if (key.ok()) out.emplace_back(schema::kProps, *std::move(key));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace kg::graph
