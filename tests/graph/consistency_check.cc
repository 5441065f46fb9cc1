#include "consistency_check.h"

#include <map>
#include <memory>
#include <set>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "dictionary.h"
#include "kg/graph/encoding.h"
#include "kg/graph/graph_store.h"
#include "record_view.h"
#include "records.pb.h"
#include "rocksdb/db.h"
#include "schema.h"
#include "test_util.h"

namespace kg::graph::test {
namespace {

using kg::storage::Assertion;
using kg::storage::EdgeRecord;
using kg::storage::NodeRecord;
using KeyValues = std::map<std::string, std::string>;

std::string Show(absl::string_view bytes) {
  return absl::StrCat("\"", absl::CHexEscape(bytes), "\"");
}

// The database opened read-only with every family read into memory: the
// test databases are small.
class Reader {
 public:
  ~Reader() {
    if (db_ == nullptr) return;
    for (rocksdb::ColumnFamilyHandle* h : handles_) {
      db_->DestroyColumnFamilyHandle(h);
    }
    delete db_;
  }

  std::string Open(const std::string& path) {
    rocksdb::Status s = rocksdb::DB::OpenForReadOnly(
        ReadOnlyOptions(), path, schema::FamilyDescriptors(StoreOptions()),
        &handles_, &db_);
    if (!s.ok()) return s.ToString();
    absl::Status loaded = dictionary_.Load(db_, handles_[schema::kMeta]);
    if (!loaded.ok()) return std::string(loaded.message());
    for (int f = 0; f < schema::kFamilyCount; ++f) {
      rocksdb::ReadOptions options;
      options.total_order_seek = true;
      std::unique_ptr<rocksdb::Iterator> it(
          db_->NewIterator(options, handles_[f]));
      for (it->SeekToFirst(); it->Valid(); it->Next()) {
        families_[f][it->key().ToString()] = it->value().ToString();
      }
      if (!it->status().ok()) return it->status().ToString();
    }
    return "";
  }

  const KeyValues& family(schema::Family f) const { return families_[f]; }
  const Dictionary& dictionary() const { return dictionary_; }

 private:
  rocksdb::DB* db_ = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  Dictionary dictionary_;
  KeyValues families_[schema::kFamilyCount];
};

class Checker {
 public:
  explicit Checker(const Reader& reader)
      : reader_(reader), dictionary_(reader.dictionary()) {}

  std::vector<std::string> Run() {
    if (!reader_.family(schema::kDefault).empty()) {
      Fail("the default family is not empty");
    }
    ReadNodes();
    ReadEdges();
    CheckKeys();
    CheckNodeIndexes();
    CheckAdjacency();
    CheckMeta();
    CheckDocFacts();
    return std::move(problems_);
  }

 private:
  void Fail(std::string problem) { problems_.push_back(std::move(problem)); }

  // Checks what every node and edge record must satisfy on its own.
  void CheckAssertions(
      const google::protobuf::RepeatedPtrField<Assertion>& assertions,
      const std::string& what) {
    if (assertions.empty()) Fail(absl::StrCat(what, " has no assertion"));
    std::set<std::string> documents;
    for (const Assertion& a : assertions) {
      if (!documents.insert(a.document_key()).second) {
        Fail(absl::StrCat(what, " has two assertions by ", a.document_key()));
      }
      if (!absl::StartsWith(a.document_key(), "doc:")) {
        Fail(absl::StrCat(what, " has an assertion by bad document ",
                          Show(a.document_key())));
      }
      if (a.sources().empty()) {
        Fail(absl::StrCat(what, " assertion by ", a.document_key(),
                          " has no source"));
      }
      for (const kg::v1::Source& source : a.sources()) {
        if (source.document_key() != a.document_key()) {
          Fail(absl::StrCat(what, " assertion by ", a.document_key(),
                            " has a source naming ", source.document_key()));
        }
      }
    }
  }

  void ReadNodes() {
    for (const auto& [key, value] : reader_.family(schema::kNodes)) {
      uint64_t id;
      NodeRecord record;
      if (!schema::ParseIdKey(key, &id) || !record.ParseFromString(value)) {
        Fail(absl::StrCat("corrupt node entry ", Show(key)));
        continue;
      }
      std::string what = absl::StrCat("node ", id, " (", record.key(), ")");
      CheckAssertions(record.assertions(), what);
      if (dictionary_.Name(DictKind::kLabel, record.label_id()).empty()) {
        Fail(absl::StrCat(what, " has unknown label id ", record.label_id()));
      }
      nodes_[id] = std::move(record);
    }
  }

  void ReadEdges() {
    for (const auto& [key, value] : reader_.family(schema::kEdges)) {
      uint64_t id;
      EdgeRecord record;
      if (!schema::ParseIdKey(key, &id) || !record.ParseFromString(value)) {
        Fail(absl::StrCat("corrupt edge entry ", Show(key)));
        continue;
      }
      std::string what = absl::StrCat("edge ", id);
      CheckAssertions(record.assertions(), what);
      if (dictionary_.Name(DictKind::kEdgeType, record.type_id()).empty()) {
        Fail(absl::StrCat(what, " has unknown type id ", record.type_id()));
      }
      for (uint64_t end : {record.src(), record.dst()}) {
        auto node = nodes_.find(end);
        if (node == nodes_.end()) {
          Fail(absl::StrCat(what, " names missing node ", end));
          continue;
        }
        // The documents asserting an edge must keep its ends alive.
        for (const Assertion& a : record.assertions()) {
          bool found = false;
          for (const Assertion& n : node->second.assertions()) {
            found = found || n.document_key() == a.document_key();
          }
          if (!found) {
            Fail(absl::StrCat(what, " is asserted by ", a.document_key(),
                              " which does not assert its end ",
                              node->second.key()));
          }
        }
      }
      edges_[id] = std::move(record);
    }
  }

  void CheckKeys() {
    const KeyValues& keys = reader_.family(schema::kKeys);
    for (const auto& [key, value] : keys) {
      uint64_t id;
      if (!schema::ParseIdKey(value, &id)) {
        Fail(absl::StrCat("keys entry ", key, " has a corrupt id"));
        continue;
      }
      auto node = nodes_.find(id);
      if (node == nodes_.end()) {
        Fail(absl::StrCat("keys entry ", key, " names missing node ", id));
      } else if (node->second.key() != key) {
        Fail(absl::StrCat("keys entry ", key, " names node ", id, " keyed ",
                          node->second.key()));
      }
    }
    for (const auto& [id, record] : nodes_) {
      auto entry = keys.find(record.key());
      if (entry == keys.end() || entry->second != schema::IdKey(id)) {
        Fail(absl::StrCat("node ", id, " (", record.key(),
                          ") has no keys entry naming it"));
      }
    }
  }

  // Compares the keys of family `f` with `expected`; values must be empty.
  void CompareIndex(schema::Family f, const std::set<std::string>& expected,
                    absl::string_view name) {
    const KeyValues& actual = reader_.family(f);
    for (const auto& [key, value] : actual) {
      if (!expected.count(key)) {
        Fail(absl::StrCat("stale ", name, " entry ", Show(key)));
      }
      if (!value.empty()) {
        Fail(absl::StrCat(name, " entry ", Show(key), " has a value"));
      }
    }
    for (const std::string& key : expected) {
      if (!actual.count(key)) {
        Fail(absl::StrCat("missing ", name, " entry ", Show(key)));
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
          Fail(absl::StrCat("node ", id, " property ", prop,
                            " is not in the dictionary"));
          continue;
        }
        absl::StatusOr<std::string> key = schema::PropKey(*prop_id, value, id);
        if (!key.ok()) {
          Fail(absl::StrCat("node ", id, " property ", prop, ": ",
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
          Fail(absl::StrCat("edge ", id, " and edge ", Show(expected[key]),
                            " share the adj key ", Show(key)));
        }
        ++degrees_[schema::DegreeKey(node, dir, record.type_id())];
      }
    }
    const KeyValues& actual = reader_.family(schema::kAdj);
    for (const auto& [key, value] : actual) {
      auto it = expected.find(key);
      if (it == expected.end()) {
        Fail(absl::StrCat("stale adj entry ", Show(key)));
      } else if (it->second != value) {
        Fail(absl::StrCat("adj entry ", Show(key), " names edge ", Show(value),
                          " not ", Show(it->second)));
      }
    }
    for (const auto& [key, value] : expected) {
      if (!actual.count(key))
        Fail(absl::StrCat("missing adj entry ", Show(key)));
    }
  }

  // `counter` read from meta against `expected` counts (absent = 0).
  template <typename Key>
  void CompareCounters(const std::map<Key, int64_t>& found,
                       const std::map<Key, int64_t>& expected,
                       absl::string_view name) {
    for (const auto& [key, value] : found) {
      auto it = expected.find(key);
      int64_t want = it == expected.end() ? 0 : it->second;
      if (value != want) {
        Fail(absl::StrCat(name, " counter ", Show(absl::StrCat(key)), " is ",
                          value, ", records say ", want));
      }
    }
    for (const auto& [key, value] : expected) {
      if (value != 0 && !found.count(key)) {
        Fail(absl::StrCat(name, " counter ", Show(absl::StrCat(key)),
                          " is missing; records say ", value));
      }
    }
  }

  void CheckMeta() {
    std::map<uint32_t, int64_t> labels, types;
    std::map<std::string, int64_t> degrees;
    uint64_t next_node = 1, next_edge = 1;
    for (const auto& [key, value] : reader_.family(schema::kMeta)) {
      absl::string_view k = key;
      uint32_t id;
      if (k == schema::kFormatVersionKey || absl::StartsWith(k, "dict/")) {
        continue;
      } else if (k == schema::kNextNodeIdKey) {
        if (!schema::ParseIdKey(value, &next_node))
          Fail("corrupt next node id");
      } else if (k == schema::kNextEdgeIdKey) {
        if (!schema::ParseIdKey(value, &next_edge))
          Fail("corrupt next edge id");
      } else if (absl::ConsumePrefix(&k, schema::kLabelCountPrefix) &&
                 k.size() == 4 && GetFixed32BE(&k, &id)) {
        labels[id] = schema::DecodeCounter(value);
      } else if (absl::ConsumePrefix(&k, schema::kTypeCountPrefix) &&
                 k.size() == 4 && GetFixed32BE(&k, &id)) {
        types[id] = schema::DecodeCounter(value);
      } else if (absl::StartsWith(k, "degree/") && k.size() == 7 + 13) {
        degrees[key] = schema::DecodeCounter(value);
      } else {
        Fail(absl::StrCat("unknown meta key ", Show(key)));
      }
      if (value.size() != 8 && !absl::StartsWith(key, "dict/") &&
          key != schema::kFormatVersionKey) {
        Fail(absl::StrCat("meta value of ", Show(key), " is not 8 bytes"));
      }
    }
    CompareCounters(labels, label_counts_, "label");
    CompareCounters(types, type_counts_, "type");
    CompareCounters(degrees, degrees_, "degree");
    if (!nodes_.empty() && nodes_.rbegin()->first >= next_node) {
      Fail(absl::StrCat("node id ", nodes_.rbegin()->first,
                        " is not below the next node id ", next_node));
    }
    if (!edges_.empty() && edges_.rbegin()->first >= next_edge) {
      Fail(absl::StrCat("edge id ", edges_.rbegin()->first,
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
    for (const auto& [key, value] : reader_.family(schema::kDocFacts)) {
      schema::DocFact fact;
      if (!schema::ParseDocFactKey(key, &fact) ||
          (fact.kind != schema::kNodeFact && fact.kind != schema::kEdgeFact)) {
        Fail(absl::StrCat("corrupt doc_facts key ", Show(key)));
      }
    }
    CompareIndex(schema::kDocFacts, expected, "doc_facts");
  }

  const Reader& reader_;
  const Dictionary& dictionary_;
  std::vector<std::string> problems_;
  std::map<uint64_t, NodeRecord> nodes_;
  std::map<uint64_t, EdgeRecord> edges_;
  std::map<uint32_t, int64_t> label_counts_, type_counts_;
  std::map<std::string, int64_t> degrees_;
};

}  // namespace

std::vector<std::string> CheckConsistency(const std::string& path) {
  std::unique_ptr<Reader> reader;
  absl::StatusOr<bool> opened = RetryWhileFilesMove<bool>([&] {
    reader = std::make_unique<Reader>();
    std::string error = reader->Open(path);
    if (!error.empty()) return absl::StatusOr<bool>(absl::InternalError(error));
    return absl::StatusOr<bool>(true);
  });
  if (!opened.ok()) {
    return {
        absl::StrCat("cannot read ", path, ": ", opened.status().message())};
  }
  return Checker(*reader).Run();
}

::testing::AssertionResult IsConsistent(const std::string& path) {
  std::vector<std::string> problems = CheckConsistency(path);
  if (problems.empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << problems.size() << " inconsistencies:\n  "
         << absl::StrJoin(problems, "\n  ");
}

}  // namespace kg::graph::test
