#include "record_view.h"

#include <utility>

#include "absl/container/flat_hash_set.h"
#include "kg/graph/text_normalize.h"

namespace kg::graph {
namespace {

using Assertions = google::protobuf::RepeatedPtrField<kg::storage::Assertion>;

void MergeProvenanceAndProps(
    const Assertions& assertions,
    google::protobuf::Map<std::string, kg::v1::Value>* props,
    google::protobuf::RepeatedPtrField<kg::v1::Source>* sources) {
  for (const kg::storage::Assertion& assertion : assertions) {
    for (const auto& [name, value] : assertion.props()) (*props)[name] = value;
    sources->MergeFrom(assertion.sources());
  }
}

}  // namespace

kg::v1::Node NodeView(uint64_t id, const kg::storage::NodeRecord& record,
                      const Dictionary& dictionary) {
  kg::v1::Node node;
  node.set_id(id);
  node.set_key(record.key());
  node.set_label(dictionary.Name(DictKind::kLabel, record.label_id()));
  for (const kg::storage::Assertion& assertion : record.assertions()) {
    if (!assertion.name().empty()) {
      node.set_name(assertion.name());
      break;
    }
  }
  absl::flat_hash_set<std::string> seen = {node.name()};
  for (const kg::storage::Assertion& assertion : record.assertions()) {
    for (const std::string& alias : assertion.aliases()) {
      if (seen.insert(alias).second) node.add_aliases(alias);
    }
  }
  MergeProvenanceAndProps(record.assertions(), node.mutable_props(),
                          node.mutable_sources());
  return node;
}

kg::v1::Edge EdgeView(uint64_t id, kg::storage::EdgeRecord record,
                      std::string type, std::string src_key,
                      std::string dst_key) {
  kg::v1::Edge edge;
  edge.set_id(id);
  edge.set_src_key(std::move(src_key));
  edge.set_type(std::move(type));
  edge.set_dst_key(std::move(dst_key));
  // As MergeProvenanceAndProps, moving: a later assertion's value wins.
  for (kg::storage::Assertion& assertion : *record.mutable_assertions()) {
    for (auto& [name, value] : *assertion.mutable_props()) {
      (*edge.mutable_props())[name] = std::move(value);
    }
  }
  TakeSources(&record, edge.mutable_sources());
  return edge;
}

void TakeSources(kg::storage::EdgeRecord* record,
                 google::protobuf::RepeatedPtrField<kg::v1::Source>* sources) {
  for (kg::storage::Assertion& assertion : *record->mutable_assertions()) {
    google::protobuf::RepeatedPtrField<kg::v1::Source>* from =
        assertion.mutable_sources();
    // Most edges have one assertion: its sources are taken whole.
    if (sources->empty()) {
      sources->Swap(from);
      continue;
    }
    for (kg::v1::Source& source : *from) *sources->Add() = std::move(source);
  }
}

std::vector<std::string> NormalizedNames(const kg::v1::Node& node) {
  std::vector<std::string> out;
  absl::flat_hash_set<std::string> seen;
  auto add = [&](const std::string& text) {
    std::string normalized = NormalizeName(text);
    if (!normalized.empty() && seen.insert(normalized).second) {
      out.push_back(std::move(normalized));
    }
  };
  add(node.name());
  for (const std::string& alias : node.aliases()) add(alias);
  return out;
}

}  // namespace kg::graph
