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
#include "bulk_loader_node_ids.h"
#include "bulk_loader_table_file.h"
#include "bulk_loader_topology_tables.h"
#include "fact_validation.h"
#include "records.pb.h"
#include "schema.h"
#include "topology.h"

namespace kg::graph {
namespace {

using kg::storage::EdgeRecord;
using kg::storage::NodeRecord;
using schema::Family;
using schema::ToSlice;

// Edges are handed to the background writer this many at a time.
constexpr size_t kEdgeBatch = size_t{1} << 14;

// Edges in id order, to write, with the records of those not bare.
struct EdgeBatch {
  std::vector<TopologyEdge> edges;
  absl::flat_hash_map<uint64_t, std::string> records;
};

class RocksBulkLoader : public BulkLoader {
 public:
  RocksBulkLoader(StoreCore* core, std::string document_key, std::string dir)
      : core_(core), document_key_(std::move(document_key)), dir_(dir) {
    std::filesystem::create_directories(dir_);
    // Most edges carry nothing but their ends and type: their assertion is
    // the same bytes every time (field 4 of the record, fields in number
    // order), serialized once by the general path.
    EdgeRecord bare;
    kg::storage::Assertion* assertion = bare.add_assertions();
    assertion->set_document_key(document_key_);
    EnsureSource(document_key_, "import", assertion);
    bare.SerializeToString(&bare_edge_assertion_);
    // The background writer's files, made before it uses them.
    File(schema::kEdges);
    File(schema::kDocFacts);
    pending_.edges.reserve(kEdgeBatch);
  }

  ~RocksBulkLoader() override {
    writer_.Wait().IgnoreError();
    for (std::unique_ptr<TableFile>& file : files_) file.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  absl::Status AddNode(const kg::v1::Node& node) override {
    if (absl::Status s = ValidateNode(node, document_key_, "node"); !s.ok()) {
      return s;
    }
    const uint64_t id = labels_.size();
    if (!node_ids_.Add(node.key(), id)) {
      return absl::InvalidArgumentError(
          absl::StrFormat("node.key: '%s' was added before", node.key()));
    }
    absl::StatusOr<uint32_t> label = Intern(DictKind::kLabel, node.label());
    if (!label.ok()) return label.status();
    for (const auto& [name, value] : node.props()) {
      absl::StatusOr<uint32_t> prop = Intern(DictKind::kProperty, name);
      if (!prop.ok()) return prop.status();
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
    return File(schema::kNodes).Put(schema::IdKey(id), scratch_);
  }

  absl::Status AddEdge(const kg::v1::Edge& edge) override {
    absl::StatusOr<uint64_t> src = node_ids_.Find(edge.src_key(), schema::kOut);
    absl::StatusOr<uint64_t> dst = node_ids_.Find(edge.dst_key(), schema::kIn);
    // Keys of added nodes and types of added edges were validated then: an
    // edge of those alone needs no check of its own.
    if (!src.ok() || !dst.ok() || !edge.props().empty() ||
        !edge.sources().empty() ||
        !dictionary_cache_[static_cast<int>(DictKind::kEdgeType)].contains(
            edge.type())) {
      if (absl::Status s = ValidateEdge(edge, document_key_, "edge"); !s.ok()) {
        return s;
      }
    }
    TopologyEdge added;
    for (auto [key, id, end, field] :
         {std::tuple{&edge.src_key(), &src, &added.src, "src_key"},
          std::tuple{&edge.dst_key(), &dst, &added.dst, "dst_key"}}) {
      if (!id->ok()) {
        return absl::FailedPreconditionError(absl::StrFormat(
            "edge.%s: no node '%s' was added before", field, *key));
      }
      *end = **id;
    }
    absl::StatusOr<uint32_t> type = Intern(DictKind::kEdgeType, edge.type());
    if (!type.ok()) return type.status();
    added.type = *type;
    added.id = ++edge_count_;
    pending_.edges.push_back(added);
    // Bare edges' records are made by the background writer; only the
    // others are made here.
    if (!edge.props().empty() || !edge.sources().empty()) {
      EdgeRecord record = BareEdgeRecord(added);
      kg::storage::Assertion* assertion = record.add_assertions();
      assertion->set_document_key(document_key_);
      MergeEdgeInto(edge, document_key_, assertion);
      EnsureSource(document_key_, "import", assertion);
      record.SerializeToString(&pending_.records[added.id]);
    }
    return pending_.edges.size() < kEdgeBatch ? absl::OkStatus()
                                              : WriteEdgesInBackground();
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
    summary.set_edges_asserted(edge_count_);
    summary.set_nodes_created(node_ids_.size());
    summary.set_edges_created(edge_count_);
    summary.set_changed(!node_ids_.empty());
    if (node_ids_.empty()) return summary;
    if (absl::Status s = WriteEdgesInBackground(); !s.ok()) return s;
    if (absl::Status s = writer_.Wait(); !s.ok()) return s;
    std::vector<TopologyEdge> edges;
    edges.reserve(edge_count_);
    for (const std::shared_ptr<const EdgeBatch>& batch : batches_) {
      edges.insert(edges.end(), batch->edges.begin(), batch->edges.end());
    }
    batches_.clear();
    // Each family's file is finished and closed by one task; the tasks
    // share nothing else.
    for (Family family : {schema::kKeys, schema::kAdj, schema::kMeta}) {
      File(family);
    }
    absl::StatusOr<std::shared_ptr<const Topology>> topology;
    // The topology beside the files that need none; then the two made
    // from it (`adj` the larger), beside each other.
    absl::Status written = RunInParallel({
        [&] {
          topology =
              Topology::FromEdges(labels_,
                                  std::make_shared<const NodeKeys>(
                                      node_ids_.KeysById(labels_.size())),
                                  edges, 0, std::numeric_limits<size_t>::max());
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
    written = RunInParallel({
        [&] {
          absl::Status s = WriteAdjacencyTable(**topology, labels_.size(),
                                               &File(schema::kAdj));
          return s.ok() ? Close({schema::kAdj}) : s;
        },
        [&] {
          absl::Status s = WriteCounterTable(**topology, labels_, edges,
                                             &File(schema::kMeta));
          if (s.ok()) s = WriteNodeFacts();
          return s.ok()
                     ? Close({schema::kMeta, schema::kDocFacts, schema::kNodes})
                     : s;
        },
    });
    if (!written.ok()) return written;
    std::vector<rocksdb::IngestExternalFileArg> ingest;
    for (std::vector<rocksdb::IngestExternalFileArg>& closed : closed_) {
      for (rocksdb::IngestExternalFileArg& arg : closed) {
        ingest.push_back(std::move(arg));
      }
    }
    rocksdb::Status s = core_->db->IngestExternalFiles(ingest);
    if (!s.ok()) return FromRocks(s, "ingesting the bulk load");
    core_->ids.next_node_id = labels_.size();
    core_->ids.next_edge_id = edge_count_ + 1;
    const size_t budget = core_->options.topology_budget_bytes;
    core_->Publish(
        budget > 0 && (*topology)->memory_bytes() <= budget
            ? (*topology)->WithSequence(core_->db->GetLatestSequenceNumber())
            : nullptr);
    return summary;
  }

 private:
  TableFile& File(Family family) {
    std::unique_ptr<TableFile>& file = files_[family];
    if (file == nullptr) {
      file = std::make_unique<TableFile>(
          *core_, family, absl::StrCat(dir_, "/", family, ".sst"));
    }
    return *file;
  }

  // Closes the families' files (those written) into closed_.
  absl::Status Close(std::initializer_list<Family> families) {
    for (Family family : families) {
      if (files_[family] == nullptr) continue;
      absl::Status s = files_[family]->FinishInto(&closed_[family]);
      if (!s.ok()) return s;
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

  // An edge's record without its assertion.
  static EdgeRecord BareEdgeRecord(const TopologyEdge& edge) {
    EdgeRecord record;
    record.set_src(edge.src);
    record.set_dst(edge.dst);
    record.set_type_id(edge.type);
    return record;
  }

  // Hands the pending edges to the background writer; a failure of its
  // earlier work, if any.
  absl::Status WriteEdgesInBackground() {
    if (pending_.edges.empty()) return absl::OkStatus();
    auto batch = std::make_shared<const EdgeBatch>(std::move(pending_));
    batches_.push_back(batch);
    pending_ = EdgeBatch();
    pending_.edges.reserve(kEdgeBatch);
    return writer_.Run([this, batch] { return WriteEdges(*batch); });
  }

  // The batch's `edges` records and doc facts (edge facts sort before node
  // facts: 'e' < 'n'), on the background writer. A bare edge's record is
  // its ends and type followed by the shared assertion.
  absl::Status WriteEdges(const EdgeBatch& batch) {
    std::string value;
    std::string fact = schema::DocFactKey(document_key_, schema::kEdgeFact, 0);
    for (const TopologyEdge& edge : batch.edges) {
      auto kept = batch.records.find(edge.id);
      if (kept == batch.records.end()) {
        BareEdgeRecord(edge).SerializeToString(&value);
        value.append(bare_edge_assertion_);
      }
      absl::Status s =
          File(schema::kEdges)
              .Put(schema::IdKey(edge.id),
                   kept == batch.records.end() ? value : kept->second);
      SetTrailingId(edge.id, &fact);
      if (s.ok()) s = File(schema::kDocFacts).Put(fact, "");
      if (!s.ok()) return s;
    }
    return absl::OkStatus();
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
  std::array<std::unique_ptr<TableFile>, schema::kFamilyCount> files_;
  absl::flat_hash_map<std::string, uint32_t> dictionary_cache_[3];
  NodeIds node_ids_;
  // Label ids by node id; ids start at 1.
  std::vector<uint32_t> labels_ = {0};
  size_t edge_count_ = 0;
  // The edges, in id order: those handed to `writer_` (which reads them
  // while they are written), then those not yet.
  std::vector<std::shared_ptr<const EdgeBatch>> batches_;
  EdgeBatch pending_;
  // The closed files, by family.
  std::array<std::vector<rocksdb::IngestExternalFileArg>, schema::kFamilyCount>
      closed_;
  std::string bare_edge_assertion_;
  // `labels`, `names` and `props` keys.
  std::vector<std::pair<Family, std::string>> index_entries_;
  // Reused per fact.
  NodeRecord node_record_;
  std::string scratch_;
  bool finished_ = false;
  // Writes the `edges` and `doc_facts` files while edges are added; the
  // other members it reads are set before it starts.
  BackgroundWriter writer_;
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
