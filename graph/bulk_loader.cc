#include "bulk_loader.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <limits>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "assertions.h"
#include "bulk_loader_background.h"
#include "bulk_loader_edges.h"
#include "bulk_loader_node_ids.h"
#include "bulk_loader_table_file.h"
#include "bulk_loader_topology_tables.h"
#include "fact_validation.h"
#include "records.pb.h"
#include "schema.h"
#include "topology.h"

namespace kg::graph {
namespace {

using kg::storage::NodeRecord;
using schema::Family;
using schema::ToSlice;

class RocksBulkLoader : public BulkLoader {
 public:
  RocksBulkLoader(StoreCore* core, std::string document_key, std::string dir)
      : core_(core), document_key_(std::move(document_key)), dir_(dir) {
    std::filesystem::create_directories(dir_);
    edges_ = std::make_unique<BulkEdges>(document_key_, &File(schema::kEdges),
                                         &File(schema::kDocFacts));
  }

  ~RocksBulkLoader() override {
    // The writers stop before the files they write close.
    edges_.reset();
    for (auto& parts : files_) parts.clear();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  absl::StatusOr<uint64_t> AddNode(const kg::v1::Node& node) override {
    if (absl::Status s = ValidateNode(node, document_key_, "node"); !s.ok()) {
      return s;
    }
    // Names are interned before the key takes an id, so a node that fails
    // leaves no id behind for the next node to be given too.
    absl::StatusOr<uint32_t> label = Intern(DictKind::kLabel, node.label());
    if (!label.ok()) return label.status();
    for (const auto& [name, value] : node.props()) {
      absl::StatusOr<uint32_t> prop = Intern(DictKind::kProperty, name);
      if (!prop.ok()) return prop.status();
    }
    const uint64_t id = labels_.size();
    if (!node_ids_.Add(node.key(), id)) {
      return absl::InvalidArgumentError(
          absl::StrFormat("node.key: '%s' was added before", node.key()));
    }
    labels_.push_back(*label);
    node_record_.Clear();
    node_record_.set_key(node.key());
    node_record_.set_label_id(*label);
    kg::storage::Assertion* assertion = node_record_.add_assertions();
    assertion->set_document_key(document_key_);
    MergeNodeInto(node, document_key_, assertion);
    EnsureSource(document_key_, "import", assertion);
    // The node is its record's only assertion: it is the record's view.
    for (auto& entry :
         NodeIndexEntriesOfView(id, *label, node, [&](absl::string_view name) {
           return dictionary_cache_[static_cast<int>(DictKind::kProperty)]
               .find(name)
               ->second;
         })) {
      index_entries_.push_back(std::move(entry));
    }
    node_record_.SerializeToString(&scratch_);
    if (absl::Status s = File(schema::kNodes).Put(schema::IdKey(id), scratch_);
        !s.ok()) {
      return s;
    }
    return id;
  }

  absl::Status AddEdge(const kg::v1::Edge& edge) override {
    absl::StatusOr<uint64_t> src = node_ids_.Find(edge.src_key(), schema::kOut);
    absl::StatusOr<uint64_t> dst = node_ids_.Find(edge.dst_key(), schema::kIn);
    const bool bare = edge.props().empty() && edge.sources().empty();
    // Keys of added nodes and types of added edges were validated then: an
    // edge of those alone needs no check of its own.
    if (!src.ok() || !dst.ok() || !bare || !KnownEdgeType(edge.type())) {
      if (absl::Status s = ValidateEdge(edge, document_key_, "edge"); !s.ok()) {
        return s;
      }
    }
    for (auto [key, id, field] :
         {std::tuple{&edge.src_key(), &src, "src_key"},
          std::tuple{&edge.dst_key(), &dst, "dst_key"}}) {
      if (!id->ok()) {
        return absl::FailedPreconditionError(absl::StrFormat(
            "edge.%s: no node '%s' was added before", field, *key));
      }
    }
    return AddEdgeOfIds(*src, edge.type(), *dst, bare ? nullptr : &edge);
  }

  absl::Status AddEdgeBetween(uint64_t src_id, absl::string_view type,
                              uint64_t dst_id) override {
    if (!KnownEdgeType(type)) {
      if (absl::Status s = ValidateEdgeType(type, "edge.type"); !s.ok()) {
        return s;
      }
    }
    for (auto [id, field] :
         {std::pair{src_id, "src_id"}, std::pair{dst_id, "dst_id"}}) {
      if (id == 0 || id >= labels_.size()) {
        return absl::FailedPreconditionError(absl::StrFormat(
            "edge.%s: no node was added with id %d", field, id));
      }
    }
    return AddEdgeOfIds(src_id, type, dst_id, nullptr);
  }

  absl::StatusOr<kg::v1::CommitSummary> Finish() override {
    absl::MutexLock lock(&core_->write_mu);
    if (finished_) return absl::FailedPreconditionError("Finish called twice");
    finished_ = true;
    if (core_->ids.next_node_id != 1 || core_->ids.next_edge_id != 1) {
      return absl::FailedPreconditionError(
          "the store took a commit during the bulk load");
    }
    kg::v1::CommitSummary summary;
    summary.set_document_key(document_key_);
    summary.set_nodes_asserted(node_ids_.size());
    summary.set_edges_asserted(edges_->size());
    summary.set_nodes_created(node_ids_.size());
    summary.set_edges_created(edges_->size());
    summary.set_changed(!node_ids_.empty());
    if (node_ids_.empty()) return summary;
    absl::StatusOr<std::vector<TopologyEdge>> edges = edges_->Finish();
    if (!edges.ok()) return edges.status();
    // Each file is finished and closed by one task; the tasks share
    // nothing else.
    for (Family family : {schema::kKeys, schema::kAdj, schema::kMeta}) {
      File(family);
    }
    File(schema::kAdj, 1);
    absl::StatusOr<std::shared_ptr<const Topology>> topology;
    // The topology beside the files that need none; then those made from
    // it beside each other: `adj`, the largest, in two files.
    absl::Status written = RunInParallel({
        [&] {
          topology = Topology::FromEdges(
              labels_,
              std::make_shared<const NodeKeys>(
                  node_ids_.KeysById(labels_.size())),
              *edges, 0, std::numeric_limits<size_t>::max());
          return topology.ok() ? absl::OkStatus()
                               : absl::InvalidArgumentError(absl::StrCat(
                                     "edges: ", topology.status().message()));
        },
        [&] {
          absl::Status s = WriteKeys();
          if (s.ok()) s = WriteIndexes();
          return s.ok() ? Close({schema::kEdges, schema::kKeys, schema::kLabels,
                                 schema::kNames, schema::kProps})
                        : s;
        },
    });
    if (!written.ok()) return written;
    const uint64_t midpoint = AdjacencyMidpoint(**topology, labels_.size());
    written = RunInParallel({
        [&] {
          absl::Status s = WriteAdjacencyTable(**topology, 1, midpoint,
                                               &File(schema::kAdj, 0));
          return s.ok() ? File(schema::kAdj, 0).Finish() : s;
        },
        [&] {
          absl::Status s = WriteAdjacencyTable(
              **topology, midpoint, labels_.size(), &File(schema::kAdj, 1));
          return s.ok() ? File(schema::kAdj, 1).Finish() : s;
        },
        [&] {
          absl::Status s = WriteCounterTable(**topology, labels_, *edges,
                                             &File(schema::kMeta));
          if (s.ok()) s = WriteNodeFacts();
          return s.ok()
                     ? Close({schema::kMeta, schema::kDocFacts, schema::kNodes})
                     : s;
        },
    });
    if (!written.ok()) return written;
    std::vector<rocksdb::IngestExternalFileArg> ingest;
    for (const auto& parts : files_) {
      for (const std::unique_ptr<TableFile>& file : parts) file->AddTo(&ingest);
    }
    rocksdb::Status s = core_->db->IngestExternalFiles(ingest);
    if (!s.ok()) return FromRocks(s, "ingesting the bulk load");
    core_->ids.next_node_id = labels_.size();
    core_->ids.next_edge_id = edges->size() + 1;
    const size_t budget = core_->options.topology_budget_bytes;
    core_->Publish(
        budget > 0 && (*topology)->memory_bytes() <= budget
            ? (*topology)->WithSequence(core_->db->GetLatestSequenceNumber())
            : nullptr);
    return summary;
  }

 private:
  // The family's file number `part` (made with those before it, if new).
  TableFile& File(Family family, size_t part = 0) {
    std::vector<std::unique_ptr<TableFile>>& parts = files_[family];
    while (parts.size() <= part) {
      parts.push_back(std::make_unique<TableFile>(
          *core_, family,
          absl::StrCat(dir_, "/", family, "-", parts.size(), ".sst")));
    }
    return *parts[part];
  }

  // Closes the families' files.
  absl::Status Close(std::initializer_list<Family> families) {
    for (Family family : families) {
      for (const std::unique_ptr<TableFile>& file : files_[family]) {
        if (absl::Status s = file->Finish(); !s.ok()) return s;
      }
    }
    return absl::OkStatus();
  }

  // The dictionary id of `name`; a new name is persisted at once (a
  // dictionary entry no fact uses is harmless), as commits share the
  // dictionary.
  absl::StatusOr<uint32_t> Intern(DictKind kind, absl::string_view name) {
    auto& cache = dictionary_cache_[static_cast<int>(kind)];
    auto it = cache.find(name);
    if (it != cache.end()) return it->second;
    absl::MutexLock lock(&core_->write_mu);
    rocksdb::WriteBatch batch;
    std::vector<std::pair<DictKind, std::string>> added;
    const uint32_t id = core_->dictionary.Intern(
        kind, name, core_->families[schema::kMeta], &batch, &added);
    if (batch.Count() > 0) {
      rocksdb::WriteOptions sync;
      sync.sync = core_->options.sync_writes;
      rocksdb::Status s = core_->db->Write(sync, &batch);
      if (!s.ok()) {
        core_->dictionary.Forget(added);
        return FromRocks(s, "writing a dictionary entry");
      }
      core_->PublishCommit(batch);
    }
    cache.emplace(name, id);
    return id;
  }

  bool KnownEdgeType(absl::string_view type) const {
    return dictionary_cache_[static_cast<int>(DictKind::kEdgeType)].contains(
        type);
  }

  // `edge` is the whole of it when it has properties or sources.
  absl::Status AddEdgeOfIds(uint64_t src, absl::string_view type, uint64_t dst,
                            const kg::v1::Edge* edge) {
    absl::StatusOr<uint32_t> type_id = Intern(DictKind::kEdgeType, type);
    if (!type_id.ok()) return type_id.status();
    return edges_->Add(src, *type_id, dst, edge);
  }

  absl::Status WriteKeys() {
    for (const auto& [key, id] : node_ids_.SortedByKey()) {
      if (absl::Status s =
              File(schema::kKeys).Put(ToSlice(key), schema::IdKey(id));
          !s.ok()) {
        return s;
      }
    }
    return absl::OkStatus();
  }

  absl::Status WriteIndexes() {
    std::sort(index_entries_.begin(), index_entries_.end());
    for (const auto& [family, key] : index_entries_) {
      if (absl::Status s = File(family).Put(key, ""); !s.ok()) return s;
    }
    return absl::OkStatus();
  }

  // After the edge facts the background writer wrote.
  absl::Status WriteNodeFacts() {
    std::string key = schema::DocFactKey(document_key_, schema::kNodeFact, 0);
    for (uint64_t id = 1; id < labels_.size(); ++id) {
      SetTrailingId(id, &key);
      absl::Status s = File(schema::kDocFacts).Put(key, "");
      if (!s.ok()) return s;
    }
    return absl::OkStatus();
  }

  StoreCore* const core_;
  const std::string document_key_;
  const std::string dir_;
  // Each family's files, in key order.
  std::array<std::vector<std::unique_ptr<TableFile>>, schema::kFamilyCount>
      files_;
  absl::flat_hash_map<std::string, uint32_t> dictionary_cache_[3];
  NodeIds node_ids_;
  // Label ids by node id; ids start at 1.
  std::vector<uint32_t> labels_ = {0};
  // Writes the `edges` and `doc_facts` files while edges are added.
  std::unique_ptr<BulkEdges> edges_;
  // `labels`, `names` and `props` keys.
  std::vector<std::pair<Family, std::string>> index_entries_;
  // Reused per fact.
  NodeRecord node_record_;
  std::string scratch_;
  bool finished_ = false;
};

}  // namespace

absl::StatusOr<std::unique_ptr<BulkLoader>> NewRocksBulkLoader(
    StoreCore* core, absl::string_view document_key) {
  if (absl::Status s = ValidateDocumentKey(document_key, "document_key");
      !s.ok()) {
    return s;
  }
  {
    absl::MutexLock lock(&core->write_mu);
    if (core->ids.next_node_id != 1 || core->ids.next_edge_id != 1) {
      return absl::FailedPreconditionError(
          "bulk loads go into an empty store only");
    }
  }
  static std::atomic<int> serial{0};
  return std::make_unique<RocksBulkLoader>(
      core, std::string(document_key),
      absl::StrCat(core->path, "/bulk-load-", serial++));
}

}  // namespace kg::graph
