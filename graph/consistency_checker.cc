#include "consistency_checker.h"

#include <map>
#include <set>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "kg/graph/encoding.h"
#include "record_view.h"
#include "records.pb.h"

namespace kg::graph {
namespace {

using kg::storage::Assertion;
using kg::storage::EdgeRecord;
using kg::storage::NodeRecord;
using KeyValues = std::map<std::string, std::string>;

std::string Show(absl::string_view bytes) {
  return absl::StrCat("\"", absl::CHexEscape(bytes), "\"");
}

class Checker {
 public:
  explicit Checker(const DatabaseContents& contents)
      : contents_(contents), dictionary_(contents.dictionary) {}

  ConsistencyReport Run() && {
    if (!family(schema::kDefault).empty()) {
      Fail(FaultKind::kCorruptEntry, "the default family is not empty");
    }
    ReadNodes();
    ReadEdges();
    CheckKeys();
    CheckNodeIndexes();
    CheckAdjacency();
    CheckMeta();
    CheckDocFacts();
    report_.nodes_checked = nodes_.size();
    report_.edges_checked = edges_.size();
    report_.entries_checked = contents_.entries;
    return std::move(report_);
  }

 private:
  const KeyValues& family(schema::Family f) const {
    return contents_.families[f];
  }

  void Fail(FaultKind kind, std::string detail) {
    report_.faults.push_back({kind, std::move(detail)});
  }

  // Checks what every node and edge record must satisfy on its own.
  void CheckAssertions(
      const google::protobuf::RepeatedPtrField<Assertion>& assertions,
      const std::string& what) {
    if (assertions.empty()) {
      Fail(FaultKind::kFactWithoutSource, absl::StrCat(what, " has no source"));
    }
    std::set<std::string> documents;
    for (const Assertion& a : assertions) {
      if (!documents.insert(a.document_key()).second) {
        Fail(FaultKind::kCorruptEntry,
             absl::StrCat(what, " has two assertions by ", a.document_key()));
      }
      if (!absl::StartsWith(a.document_key(), "doc:")) {
        Fail(FaultKind::kCorruptEntry,
             absl::StrCat(what, " has an assertion by bad document ",
                          Show(a.document_key())));
      }
      if (a.sources().empty()) {
        Fail(FaultKind::kFactWithoutSource,
             absl::StrCat(what, " assertion by ", a.document_key(),
                          " has no source"));
      }
      for (const kg::v1::Source& source : a.sources()) {
        if (source.document_key() != a.document_key()) {
          Fail(FaultKind::kCorruptEntry,
               absl::StrCat(what, " assertion by ", a.document_key(),
                            " has a source naming ", source.document_key()));
        }
      }
    }
  }

  void ReadNodes() {
    for (const auto& [key, value] : family(schema::kNodes)) {
      uint64_t id;
      NodeRecord record;
      if (!schema::ParseIdKey(key, &id) || !record.ParseFromString(value)) {
        Fail(FaultKind::kCorruptEntry,
             absl::StrCat("corrupt node entry ", Show(key)));
        continue;
      }
      std::string what = absl::StrCat("node ", id, " (", record.key(), ")");
      CheckAssertions(record.assertions(), what);
      if (dictionary_.Name(DictKind::kLabel, record.label_id()).empty()) {
        Fail(FaultKind::kCorruptEntry,
             absl::StrCat(what, " has unknown label id ", record.label_id()));
      }
      nodes_[id] = std::move(record);
    }
  }

  void ReadEdges() {
    for (const auto& [key, value] : family(schema::kEdges)) {
      uint64_t id;
      EdgeRecord record;
      if (!schema::ParseIdKey(key, &id) || !record.ParseFromString(value)) {
        Fail(FaultKind::kCorruptEntry,
             absl::StrCat("corrupt edge entry ", Show(key)));
        continue;
      }
      std::string what = absl::StrCat("edge ", id);
      CheckAssertions(record.assertions(), what);
      if (dictionary_.Name(DictKind::kEdgeType, record.type_id()).empty()) {
        Fail(FaultKind::kCorruptEntry,
             absl::StrCat(what, " has unknown type id ", record.type_id()));
      }
      for (uint64_t end : {record.src(), record.dst()}) {
        CheckEdgeEnd(what, record, end);
      }
      edges_[id] = std::move(record);
    }
  }

  // The end must exist, and the documents asserting the edge must keep it
  // alive.
  void CheckEdgeEnd(const std::string& what, const EdgeRecord& record,
                    uint64_t end) {
    auto node = nodes_.find(end);
    if (node == nodes_.end()) {
      Fail(FaultKind::kEdgeEndMissing,
           absl::StrCat(what, " names missing node ", end));
      return;
    }
    for (const Assertion& a : record.assertions()) {
      bool found = false;
      for (const Assertion& n : node->second.assertions()) {
        found = found || n.document_key() == a.document_key();
      }
      if (!found) {
        Fail(FaultKind::kEdgeEndMissing,
             absl::StrCat(what, " is asserted by ", a.document_key(),
                          " which does not assert its end ",
                          node->second.key()));
      }
    }
  }

  void CheckKeys() {
    const KeyValues& keys = family(schema::kKeys);
    for (const auto& [key, value] : keys) {
      uint64_t id;
      if (!schema::ParseIdKey(value, &id)) {
        Fail(FaultKind::kCorruptEntry,
             absl::StrCat("keys entry ", key, " has a corrupt id"));
        continue;
      }
      auto node = nodes_.find(id);
      if (node == nodes_.end()) {
        Fail(FaultKind::kDanglingIndexEntry,
             absl::StrCat("keys entry ", key, " names missing node ", id));
      } else if (node->second.key() != key) {
        Fail(FaultKind::kDanglingIndexEntry,
             absl::StrCat("keys entry ", key, " names node ", id, " keyed ",
                          node->second.key()));
      }
    }
    for (const auto& [id, record] : nodes_) {
      auto entry = keys.find(record.key());
      if (entry == keys.end() || entry->second != schema::IdKey(id)) {
        Fail(FaultKind::kRecordNotIndexed,
             absl::StrCat("node ", id, " (", record.key(),
                          ") has no keys entry naming it"));
      }
    }
  }

  // Compares the keys of family `f` with `expected`; values must be empty.
  void CompareIndex(schema::Family f, const std::set<std::string>& expected,
                    absl::string_view name) {
    const KeyValues& actual = family(f);
    for (const auto& [key, value] : actual) {
      if (!expected.count(key)) {
        Fail(FaultKind::kDanglingIndexEntry,
             absl::StrCat("stale ", name, " entry ", Show(key)));
      }
      if (!value.empty()) {
        Fail(FaultKind::kCorruptEntry,
             absl::StrCat(name, " entry ", Show(key), " has a value"));
      }
    }
    for (const std::string& key : expected) {
      if (!actual.count(key)) {
        Fail(FaultKind::kRecordNotIndexed,
             absl::StrCat("missing ", name, " entry ", Show(key)));
      }
    }
  }

  void CheckNodeIndexes() {
    std::set<std::string> labels, names, props;
    for (const auto& [id, record] : nodes_) {
      if (record.assertions().empty()) continue;
      labels.insert(schema::LabelKey(record.label_id(), id));
      kg::v1::Node view = NodeView(id, record, dictionary_);
      for (const std::string& name : NormalizedNames(view)) {
        names.insert(schema::NameKey(name, id));
      }
      for (const auto& [prop, value] : view.props()) {
        if (value.has_list_value()) continue;
        std::optional<uint32_t> prop_id =
            dictionary_.Find(DictKind::kProperty, prop);
        if (!prop_id) {
          Fail(FaultKind::kCorruptEntry,
               absl::StrCat("node ", id, " property ", prop,
                            " is not in the dictionary"));
          continue;
        }
        absl::StatusOr<std::string> key = schema::PropKey(*prop_id, value, id);
        if (!key.ok()) {
          Fail(FaultKind::kCorruptEntry,
               absl::StrCat("node ", id, " property ", prop, ": ",
                            key.status().message()));
          continue;
        }
        props.insert(*key);
      }
      ++label_counts_[record.label_id()];
    }
    CompareIndex(schema::kLabels, labels, "labels");
    CompareIndex(schema::kNames, names, "names");
    CompareIndex(schema::kProps, props, "props");
  }

  void CheckAdjacency() {
    KeyValues expected;
    for (const auto& [id, record] : edges_) {
      ++type_counts_[record.type_id()];
      for (schema::AdjDir dir : {schema::kOut, schema::kIn}) {
        uint64_t node = dir == schema::kOut ? record.src() : record.dst();
        uint64_t other = dir == schema::kOut ? record.dst() : record.src();
        std::string key = schema::AdjKey({node, dir, record.type_id(), other});
        if (!expected.emplace(key, schema::IdKey(id)).second) {
          Fail(FaultKind::kAdjacencyMismatch,
               absl::StrCat("edge ", id, " and edge ", Show(expected[key]),
                            " share the adj key ", Show(key)));
        }
        ++degrees_[schema::DegreeKey(node, dir, record.type_id())];
      }
    }
    const KeyValues& actual = family(schema::kAdj);
    for (const auto& [key, value] : actual) {
      uint64_t edge = 0;
      auto it = expected.find(key);
      if (!schema::ParseIdKey(value, &edge) || !edges_.count(edge)) {
        Fail(FaultKind::kDanglingIndexEntry,
             absl::StrCat("adj entry ", Show(key), " names no live edge (",
                          Show(value), ")"));
      } else if (it == expected.end()) {
        Fail(FaultKind::kAdjacencyMismatch,
             absl::StrCat("adj entry ", Show(key), " of edge ", edge,
                          " does not match the edge"));
      } else if (it->second != value) {
        Fail(FaultKind::kAdjacencyMismatch,
             absl::StrCat("adj entry ", Show(key), " names edge ", edge,
                          " not ", Show(it->second)));
      }
    }
    for (const auto& [key, value] : expected) {
      if (!actual.count(key)) {
        Fail(FaultKind::kAdjacencyMismatch,
             absl::StrCat("missing adj entry ", Show(key), " of edge ",
                          Show(value)));
      }
    }
  }

  // Counters read from meta against `expected` counts (absent = 0).
  template <typename Key>
  void CompareCounters(const std::map<Key, int64_t>& found,
                       const std::map<Key, int64_t>& expected,
                       absl::string_view name) {
    for (const auto& [key, value] : found) {
      auto it = expected.find(key);
      int64_t want = it == expected.end() ? 0 : it->second;
      if (value != want) {
        Fail(FaultKind::kCounterMismatch,
             absl::StrCat(name, " counter ", Show(absl::StrCat(key)), " is ",
                          value, ", records say ", want));
      }
    }
    for (const auto& [key, value] : expected) {
      if (value != 0 && !found.count(key)) {
        Fail(FaultKind::kCounterMismatch,
             absl::StrCat(name, " counter ", Show(absl::StrCat(key)),
                          " is missing; records say ", value));
      }
    }
  }

  void CheckMeta() {
    std::map<uint32_t, int64_t> labels, types;
    std::map<std::string, int64_t> degrees;
    uint64_t next_node = 1, next_edge = 1;
    for (const auto& [key, value] : family(schema::kMeta)) {
      absl::string_view k = key;
      uint32_t id;
      if (k == schema::kFormatVersionKey || absl::StartsWith(k, "dict/")) {
        continue;
      }
      if (value.size() != 8) {
        Fail(FaultKind::kCorruptEntry,
             absl::StrCat("meta value of ", Show(key), " is not 8 bytes"));
        continue;
      }
      if (k == schema::kNextNodeIdKey) {
        schema::ParseIdKey(value, &next_node);
      } else if (k == schema::kNextEdgeIdKey) {
        schema::ParseIdKey(value, &next_edge);
      } else if (absl::ConsumePrefix(&k, schema::kLabelCountPrefix) &&
                 k.size() == 4 && GetFixed32BE(&k, &id)) {
        labels[id] = schema::DecodeCounter(value);
      } else if (absl::ConsumePrefix(&k, schema::kTypeCountPrefix) &&
                 k.size() == 4 && GetFixed32BE(&k, &id)) {
        types[id] = schema::DecodeCounter(value);
      } else if (absl::StartsWith(k, "degree/") && k.size() == 7 + 13) {
        degrees[key] = schema::DecodeCounter(value);
      } else {
        Fail(FaultKind::kCorruptEntry,
             absl::StrCat("unknown meta key ", Show(key)));
      }
    }
    CompareCounters(labels, label_counts_, "label");
    CompareCounters(types, type_counts_, "type");
    CompareCounters(degrees, degrees_, "degree");
    if (!nodes_.empty() && nodes_.rbegin()->first >= next_node) {
      Fail(FaultKind::kCounterMismatch,
           absl::StrCat("node id ", nodes_.rbegin()->first,
                        " is not below the next node id ", next_node));
    }
    if (!edges_.empty() && edges_.rbegin()->first >= next_edge) {
      Fail(FaultKind::kCounterMismatch,
           absl::StrCat("edge id ", edges_.rbegin()->first,
                        " is not below the next edge id ", next_edge));
    }
  }

  void CheckDocFacts() {
    std::set<std::string> expected;
    for (const auto& [id, record] : nodes_) {
      for (const Assertion& a : record.assertions()) {
        expected.insert(
            schema::DocFactKey(a.document_key(), schema::kNodeFact, id));
      }
    }
    for (const auto& [id, record] : edges_) {
      for (const Assertion& a : record.assertions()) {
        expected.insert(
            schema::DocFactKey(a.document_key(), schema::kEdgeFact, id));
      }
    }
    for (const auto& [key, value] : family(schema::kDocFacts)) {
      schema::DocFact fact;
      if (!schema::ParseDocFactKey(key, &fact) ||
          (fact.kind != schema::kNodeFact && fact.kind != schema::kEdgeFact)) {
        Fail(FaultKind::kCorruptEntry,
             absl::StrCat("corrupt doc_facts key ", Show(key)));
      }
    }
    CompareIndex(schema::kDocFacts, expected, "doc_facts");
  }

  const DatabaseContents& contents_;
  const Dictionary& dictionary_;
  ConsistencyReport report_;
  std::map<uint64_t, NodeRecord> nodes_;
  std::map<uint64_t, EdgeRecord> edges_;
  std::map<uint32_t, int64_t> label_counts_, type_counts_;
  std::map<std::string, int64_t> degrees_;
};

}  // namespace

ConsistencyReport CheckContents(const DatabaseContents& contents) {
  return Checker(contents).Run();
}

}  // namespace kg::graph
