#include "commit_builder.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "assertions.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "kg/graph/encoding.h"
#include "record_view.h"
#include "records.pb.h"
#include "schema.h"

namespace kg::graph {
namespace {

using kg::storage::Assertion;
using kg::storage::EdgeRecord;
using kg::storage::NodeRecord;
using schema::Family;

// The extractor named on the source that a document gets on a node it only
// uses as an edge end: the document does speak of the node, and the node
// must outlive none of the edges that need it.
constexpr absl::string_view kEndpointExtractor = "edge-endpoint";

struct EdgeTriple {
  std::string src_key;
  std::string type;
  std::string dst_key;
  bool operator<(const EdgeTriple& o) const {
    return std::tie(src_key, type, dst_key) <
           std::tie(o.src_key, o.type, o.dst_key);
  }
};

// Map fields serialize in hash-table order, which differs between two equal
// messages (protobuf seeds the order per map), so two assertions compare by
// their deterministic serializations.
std::string CanonicalBytes(const Assertion& assertion) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    assertion.SerializeToCodedStream(&coded);
  }
  return out;
}

// Puts `assertion` in place of the document's previous one (keeping its
// position, so re-committing changes nothing), or appends it; with
// `assertion` null, removes the document's. Returns whether the list
// changed.
bool ReplaceAssertion(absl::string_view document_key,
                      const Assertion* assertion,
                      google::protobuf::RepeatedPtrField<Assertion>* list) {
  for (int i = 0; i < list->size(); ++i) {
    if ((*list)[i].document_key() != document_key) continue;
    if (assertion == nullptr) {
      list->erase(list->begin() + i);
      return true;
    }
    if (CanonicalBytes((*list)[i]) == CanonicalBytes(*assertion)) {
      return false;
    }
    (*list)[i] = *assertion;
    return true;
  }
  if (assertion == nullptr) return false;
  *list->Add() = *assertion;
  return true;
}

// One commit's work: reads the state it needs, then writes the batch.
class CommitPlan {
 public:
  CommitPlan(rocksdb::DB* db,
             const std::vector<rocksdb::ColumnFamilyHandle*>& families,
             Dictionary* dictionary, IdCounters* ids,
             std::vector<std::pair<DictKind, std::string>>* added_names,
             rocksdb::WriteBatch* batch)
      : db_(db),
        families_(families),
        dictionary_(dictionary),
        ids_(ids),
        added_names_(added_names),
        batch_(batch) {}

  absl::StatusOr<kg::v1::CommitSummary> Run(const DocumentFacts& facts) {
    document_key_ = facts.document_key;
    summary_.set_document_key(document_key_);
    GatherAssertions(facts);
    if (absl::Status s = ReadPreviousFacts(); !s.ok()) return s;
    if (absl::Status s = ResolveNodes(facts); !s.ok()) return s;
    if (absl::Status s = ResolveEdges(facts); !s.ok()) return s;
    if (absl::Status s = WriteNodes(); !s.ok()) return s;
    if (absl::Status s = WriteEdges(); !s.ok()) return s;
    WriteDocFacts();
    summary_.set_nodes_asserted(node_assertions_.size());
    summary_.set_edges_asserted(edge_assertions_.size());
    summary_.set_changed(changed_);
    if (!changed_) batch_->Clear();
    return summary_;
  }

 private:
  rocksdb::ColumnFamilyHandle* cf(Family f) const { return families_[f]; }

  absl::StatusOr<bool> Get(Family f, absl::string_view key,
                           std::string* value) const {
    rocksdb::Status s =
        db_->Get(rocksdb::ReadOptions(), cf(f), schema::ToSlice(key), value);
    if (s.IsNotFound()) return false;
    if (!s.ok()) return absl::InternalError(s.ToString());
    return true;
  }

  void GatherAssertions(const DocumentFacts& facts) {
    for (const kg::v1::Node& node : facts.nodes) {
      auto [it, inserted] = node_assertions_.try_emplace(node.key());
      if (inserted) {
        it->second.set_document_key(document_key_);
        node_labels_[node.key()] = node.label();
      }
      MergeNodeInto(node, document_key_, &it->second);
    }
    for (const kg::v1::Edge& edge : facts.edges) {
      Assertion& a =
          edge_assertions_[{edge.src_key(), edge.type(), edge.dst_key()}];
      a.set_document_key(document_key_);
      MergeEdgeInto(edge, document_key_, &a);
    }
    for (auto& [key, a] : edge_assertions_) {
      EnsureSource(document_key_, "import", &a);
    }
    for (auto& [key, a] : node_assertions_) {
      EnsureSource(document_key_, "import", &a);
    }
  }

  absl::Status ReadPreviousFacts() {
    std::string prefix = schema::DocFactPrefix(document_key_);
    std::unique_ptr<rocksdb::Iterator> it(
        db_->NewIterator(rocksdb::ReadOptions(), cf(schema::kDocFacts)));
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix);
         it->Next()) {
      schema::DocFact fact;
      if (!schema::ParseDocFactKey(schema::ToView(it->key()), &fact)) {
        return absl::DataLossError("corrupt doc_facts key");
      }
      (fact.kind == schema::kNodeFact ? old_nodes_ : old_edges_)
          .insert(fact.id);
    }
    if (!it->status().ok()) return absl::InternalError(it->status().ToString());
    return absl::OkStatus();
  }

  // The id of an existing node with `key`, or 0.
  absl::StatusOr<uint64_t> FindNodeId(absl::string_view key) const {
    std::string value;
    absl::StatusOr<bool> found = Get(schema::kKeys, key, &value);
    if (!found.ok()) return found.status();
    if (!*found) return 0;
    uint64_t id;
    if (!schema::ParseIdKey(value, &id)) {
      return absl::DataLossError(absl::StrCat("corrupt keys entry for ", key));
    }
    return id;
  }

  uint32_t Intern(DictKind kind, absl::string_view name) {
    return dictionary_->Intern(kind, name, cf(schema::kMeta), batch_,
                               added_names_);
  }

  absl::Status ResolveNodes(const DocumentFacts& facts) {
    for (size_t i = 0; i < facts.nodes.size(); ++i) {
      const std::string& key = facts.nodes[i].key();
      if (node_ids_.contains(key)) continue;
      absl::StatusOr<uint64_t> id = FindNodeId(key);
      if (!id.ok()) return id.status();
      uint32_t label = Intern(DictKind::kLabel, node_labels_[key]);
      if (*id == 0) {
        id = ids_->next_node_id++;
        new_nodes_[*id] = {key, label};
        allocated_ = true;
      }
      node_ids_[key] = *id;
      node_field_[*id] = absl::StrCat("nodes[", i, "]");
      expected_label_[*id] = label;
    }
    return absl::OkStatus();
  }

  absl::StatusOr<uint64_t> ResolveEndpoint(const std::string& key,
                                           absl::string_view field) {
    auto it = node_ids_.find(key);
    if (it != node_ids_.end()) return it->second;
    absl::StatusOr<uint64_t> id = FindNodeId(key);
    if (!id.ok()) return id.status();
    if (*id == 0) {
      return absl::FailedPreconditionError(absl::StrFormat(
          "%s: no node '%s' in this document or in the graph", field, key));
    }
    Assertion& a = node_assertions_[key];
    a.set_document_key(document_key_);
    EnsureSource(document_key_, kEndpointExtractor, &a);
    node_ids_[key] = *id;
    return *id;
  }

  absl::Status ResolveEdges(const DocumentFacts& facts) {
    // Field names for errors refer to the first edge with the triple.
    std::map<EdgeTriple, size_t> first_index;
    for (size_t i = 0; i < facts.edges.size(); ++i) {
      const kg::v1::Edge& e = facts.edges[i];
      first_index.try_emplace({e.src_key(), e.type(), e.dst_key()}, i);
    }
    for (const auto& [triple, assertion] : edge_assertions_) {
      std::string field = absl::StrCat("edges[", first_index[triple], "]");
      absl::StatusOr<uint64_t> src =
          ResolveEndpoint(triple.src_key, absl::StrCat(field, ".src_key"));
      if (!src.ok()) return src.status();
      absl::StatusOr<uint64_t> dst =
          ResolveEndpoint(triple.dst_key, absl::StrCat(field, ".dst_key"));
      if (!dst.ok()) return dst.status();
      uint32_t type = Intern(DictKind::kEdgeType, triple.type);
      std::string adj = schema::AdjKey({*src, schema::kOut, type, *dst});
      std::string value;
      absl::StatusOr<bool> found = Get(schema::kAdj, adj, &value);
      if (!found.ok()) return found.status();
      uint64_t id;
      if (*found) {
        if (!schema::ParseIdKey(value, &id)) {
          return absl::DataLossError("corrupt adj entry");
        }
      } else {
        id = ids_->next_edge_id++;
        allocated_ = true;
        EdgeRecord& record = new_edges_[id];
        record.set_src(*src);
        record.set_dst(*dst);
        record.set_type_id(type);
      }
      edge_ids_[triple] = id;
    }
    return absl::OkStatus();
  }

  std::vector<std::pair<Family, std::string>> IndexEntries(
      uint64_t id, const NodeRecord& record) {
    return NodeIndexEntries(id, record, *dictionary_,
                            [&](absl::string_view name) {
                              return Intern(DictKind::kProperty, name);
                            });
  }

  void WriteIndexDiff(
      const std::vector<std::pair<Family, std::string>>& before,
      const std::vector<std::pair<Family, std::string>>& after) {
    std::vector<std::pair<Family, std::string>> gone, added;
    std::set_difference(before.begin(), before.end(), after.begin(),
                        after.end(), std::back_inserter(gone));
    std::set_difference(after.begin(), after.end(), before.begin(),
                        before.end(), std::back_inserter(added));
    for (const auto& [f, key] : gone) batch_->Delete(cf(f), key);
    for (const auto& [f, key] : added) batch_->Put(cf(f), key, "");
  }

  void AddCounter(const std::string& key, int64_t delta) {
    batch_->Merge(cf(schema::kMeta), key, schema::EncodeCounter(delta));
  }

  absl::StatusOr<bool> LoadNode(uint64_t id, NodeRecord* record) const {
    std::string value;
    absl::StatusOr<bool> found = Get(schema::kNodes, schema::IdKey(id), &value);
    if (!found.ok() || !*found) return found;
    if (!record->ParseFromString(value)) {
      return absl::DataLossError(absl::StrCat("corrupt node record ", id));
    }
    return true;
  }

  absl::Status WriteNodes() {
    std::set<uint64_t> ids(old_nodes_.begin(), old_nodes_.end());
    absl::flat_hash_map<uint64_t, const Assertion*> by_id;
    for (const auto& [key, assertion] : node_assertions_) {
      uint64_t id = node_ids_[key];
      by_id[id] = &assertion;
      ids.insert(id);
      new_doc_nodes_.insert(id);
    }
    for (uint64_t id : ids) {
      NodeRecord record;
      absl::StatusOr<bool> existed = LoadNode(id, &record);
      if (!existed.ok()) return existed.status();
      if (!*existed) {
        const auto& [key, label] = new_nodes_[id];
        record.set_key(key);
        record.set_label_id(label);
      } else if (auto expected = expected_label_.find(id);
                 expected != expected_label_.end() &&
                 expected->second != record.label_id()) {
        return absl::FailedPreconditionError(absl::StrFormat(
            "%s.label: '%s' conflicts with the stored label '%s' of '%s'",
            node_field_[id],
            dictionary_->Name(DictKind::kLabel, expected->second),
            dictionary_->Name(DictKind::kLabel, record.label_id()),
            record.key()));
      }
      auto before = IndexEntries(id, record);
      auto assertion = by_id.find(id);
      if (!ReplaceAssertion(
              document_key_,
              assertion == by_id.end() ? nullptr : assertion->second,
              record.mutable_assertions())) {
        continue;
      }
      changed_ = true;
      WriteIndexDiff(before, IndexEntries(id, record));
      std::string id_key = schema::IdKey(id);
      if (record.assertions_size() == 0) {
        batch_->Delete(cf(schema::kNodes), id_key);
        batch_->Delete(cf(schema::kKeys), record.key());
        AddCounter(schema::LabelCountKey(record.label_id()), -1);
        summary_.set_nodes_deleted(summary_.nodes_deleted() + 1);
        continue;
      }
      if (!*existed) {
        batch_->Put(cf(schema::kKeys), record.key(), id_key);
        AddCounter(schema::LabelCountKey(record.label_id()), 1);
        summary_.set_nodes_created(summary_.nodes_created() + 1);
      }
      batch_->Put(cf(schema::kNodes), id_key, record.SerializeAsString());
    }
    return absl::OkStatus();
  }

  void WriteAdjacency(const EdgeRecord& record, uint64_t id, int delta) {
    std::string id_key = schema::IdKey(id);
    for (schema::AdjDir dir : {schema::kOut, schema::kIn}) {
      uint64_t node = dir == schema::kOut ? record.src() : record.dst();
      uint64_t other = dir == schema::kOut ? record.dst() : record.src();
      std::string key = schema::AdjKey({node, dir, record.type_id(), other});
      if (delta > 0) {
        batch_->Put(cf(schema::kAdj), key, id_key);
      } else {
        batch_->Delete(cf(schema::kAdj), key);
      }
      AddCounter(schema::DegreeKey(node, dir, record.type_id()), delta);
    }
    AddCounter(schema::TypeCountKey(record.type_id()), delta);
  }

  absl::Status WriteEdges() {
    std::set<uint64_t> ids(old_edges_.begin(), old_edges_.end());
    absl::flat_hash_map<uint64_t, const Assertion*> by_id;
    for (const auto& [triple, assertion] : edge_assertions_) {
      uint64_t id = edge_ids_[triple];
      by_id[id] = &assertion;
      ids.insert(id);
      new_doc_edges_.insert(id);
    }
    for (uint64_t id : ids) {
      std::string id_key = schema::IdKey(id);
      EdgeRecord record;
      auto fresh = new_edges_.find(id);
      bool existed = fresh == new_edges_.end();
      if (existed) {
        std::string value;
        absl::StatusOr<bool> found = Get(schema::kEdges, id_key, &value);
        if (!found.ok()) return found.status();
        if (!*found || !record.ParseFromString(value)) {
          return absl::DataLossError(absl::StrCat("missing edge record ", id));
        }
      } else {
        record = fresh->second;
      }
      auto assertion = by_id.find(id);
      if (!ReplaceAssertion(
              document_key_,
              assertion == by_id.end() ? nullptr : assertion->second,
              record.mutable_assertions())) {
        continue;
      }
      changed_ = true;
      if (record.assertions_size() == 0) {
        batch_->Delete(cf(schema::kEdges), id_key);
        WriteAdjacency(record, id, -1);
        summary_.set_edges_deleted(summary_.edges_deleted() + 1);
        continue;
      }
      if (!existed) {
        WriteAdjacency(record, id, 1);
        summary_.set_edges_created(summary_.edges_created() + 1);
      }
      batch_->Put(cf(schema::kEdges), id_key, record.SerializeAsString());
    }
    return absl::OkStatus();
  }

  void WriteDocFactDiff(const absl::flat_hash_set<uint64_t>& before,
                        const absl::flat_hash_set<uint64_t>& after,
                        schema::FactKind kind) {
    for (uint64_t id : before) {
      if (!after.contains(id)) {
        batch_->Delete(cf(schema::kDocFacts),
                       schema::DocFactKey(document_key_, kind, id));
      }
    }
    for (uint64_t id : after) {
      if (!before.contains(id)) {
        batch_->Put(cf(schema::kDocFacts),
                    schema::DocFactKey(document_key_, kind, id), "");
      }
    }
  }

  void WriteDocFacts() {
    WriteDocFactDiff(old_nodes_, new_doc_nodes_, schema::kNodeFact);
    WriteDocFactDiff(old_edges_, new_doc_edges_, schema::kEdgeFact);
    if (allocated_) {
      batch_->Put(cf(schema::kMeta), schema::ToSlice(schema::kNextNodeIdKey),
                  schema::IdKey(ids_->next_node_id));
      batch_->Put(cf(schema::kMeta), schema::ToSlice(schema::kNextEdgeIdKey),
                  schema::IdKey(ids_->next_edge_id));
    }
  }

  rocksdb::DB* db_;
  const std::vector<rocksdb::ColumnFamilyHandle*>& families_;
  Dictionary* dictionary_;
  IdCounters* ids_;
  std::vector<std::pair<DictKind, std::string>>* added_names_;
  rocksdb::WriteBatch* batch_;

  std::string document_key_;
  kg::v1::CommitSummary summary_;
  bool changed_ = false;
  bool allocated_ = false;
  // What the document asserts now, merged per key / per triple.
  std::map<std::string, Assertion> node_assertions_;
  absl::flat_hash_map<std::string, std::string> node_labels_;
  std::map<EdgeTriple, Assertion> edge_assertions_;
  // Resolution of keys to ids.
  absl::flat_hash_map<std::string, uint64_t> node_ids_;
  absl::flat_hash_map<uint64_t, std::string> node_field_;
  absl::flat_hash_map<uint64_t, uint32_t> expected_label_;
  absl::flat_hash_map<uint64_t, std::pair<std::string, uint32_t>> new_nodes_;
  std::map<EdgeTriple, uint64_t> edge_ids_;
  absl::flat_hash_map<uint64_t, EdgeRecord> new_edges_;
  // The document's facts before and after.
  absl::flat_hash_set<uint64_t> old_nodes_, old_edges_;
  absl::flat_hash_set<uint64_t> new_doc_nodes_, new_doc_edges_;
};

}  // namespace

CommitBuilder::CommitBuilder(
    rocksdb::DB* db, const std::vector<rocksdb::ColumnFamilyHandle*>& families,
    Dictionary* dictionary, IdCounters* ids)
    : db_(db), families_(families), dictionary_(dictionary), ids_(ids) {}

absl::StatusOr<kg::v1::CommitSummary> CommitBuilder::Build(
    const DocumentFacts& facts, rocksdb::WriteBatch* batch) {
  CommitPlan plan(db_, families_, dictionary_, ids_, &added_names_, batch);
  return plan.Run(facts);
}

}  // namespace kg::graph
