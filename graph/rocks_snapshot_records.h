// SnapshotRecords: what every read of one RocksDB-backed snapshot shares —
// the RocksDB snapshot, the store's dictionary and the topology version of
// the same sequence — and the reads by key and id: node ids by key, node
// and edge records as their effective views, and a node's key and label
// without its assertions.
#ifndef KG_GRAPH_ROCKS_SNAPSHOT_RECORDS_H_
#define KG_GRAPH_ROCKS_SNAPSHOT_RECORDS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "dictionary.h"
#include "kg/v1/types.pb.h"
#include "records.pb.h"
#include "rocksdb/db.h"
#include "schema.h"
#include "store_core.h"
#include "topology.h"

namespace kg::graph {

absl::Status FromRocks(const rocksdb::Status& s);

class SnapshotRecords {
 public:
  // Takes over `snapshot` (released with this); `topology` is null or the
  // version of `snapshot`'s sequence.
  SnapshotRecords(const StoreCore& core, const rocksdb::Snapshot* snapshot,
                  std::shared_ptr<const Topology> topology);
  ~SnapshotRecords();

  SnapshotRecords(const SnapshotRecords&) = delete;
  SnapshotRecords& operator=(const SnapshotRecords&) = delete;

  const Dictionary& dictionary() const { return dictionary_; }
  // Null when the store keeps no topology (or it was over budget).
  const Topology* topology() const { return topology_.get(); }
  rocksdb::DB* db() const { return db_; }
  const rocksdb::ReadOptions& read_options() const { return read_options_; }
  rocksdb::ColumnFamilyHandle* cf(schema::Family f) const {
    return families_[f];
  }

  // An iterator over family `f` as of the snapshot; `same_prefix` bounds
  // it to the prefix it is positioned at.
  std::unique_ptr<rocksdb::Iterator> NewIterator(schema::Family f,
                                                 bool same_prefix) const;
  // Positions `it` at the first key with `prefix` after `cursor` (or at the
  // prefix's start without one).
  static void SeekAfter(rocksdb::Iterator* it, absl::string_view prefix,
                        absl::string_view cursor);

  // Whether family `family` (nodes or edges) has a record for `id`.
  bool Exists(schema::Family family, uint64_t id) const;

  // NotFound naming the key when no node has it.
  absl::StatusOr<uint64_t> NodeId(absl::string_view key) const;
  // DataLoss for a missing or corrupt record.
  absl::StatusOr<kg::v1::Node> LoadNode(uint64_t id) const;
  // The nodes with ids `ids`, in that order, read with one MultiGet (as
  // LoadEdges).
  absl::StatusOr<std::vector<kg::v1::Node>> LoadNodes(
      const std::vector<uint64_t>& ids) const;
  absl::StatusOr<kg::v1::Edge> LoadEdge(uint64_t id);
  // The edges with ids `ids`, in that order, read with one MultiGet: a
  // page of edges costs one pass through RocksDB instead of one a record.
  absl::StatusOr<std::vector<kg::v1::Edge>> LoadEdges(
      const std::vector<uint64_t>& ids);
  // The sources of the edges with ids `ids`, in that order, read with one
  // MultiGet: what their views list, without the rest of the views.
  absl::StatusOr<std::vector<EdgeSources>> LoadEdgeSources(
      const std::vector<uint64_t>& ids) const;
  // The view of an edge record read otherwise (by a scan), taking the
  // record's props and sources.
  absl::StatusOr<kg::v1::Edge> ViewEdge(uint64_t id,
                                        kg::storage::EdgeRecord record);
  // The name of edge type `type_id` ("" when unknown), looked up in the
  // dictionary once a snapshot rather than once an edge.
  std::string EdgeTypeName(uint32_t type_id);

  // The fields of a node record before its assertions.
  struct NodeHead {
    std::string key;
    uint32_t label = 0;
  };
  // DataLoss for a missing or corrupt record.
  absl::StatusOr<NodeHead> ReadNodeHead(uint64_t id) const;
  // From the topology when it has the key, else the record's head (kept
  // for later calls). NotFound when no node has the id.
  absl::StatusOr<std::string> NodeKey(uint64_t id);

 private:
  // The records of `ids` in `family`, in that order, read with one
  // MultiGet and each made by `parse(id, read status, value)`.
  template <typename Record, typename Parse>
  absl::StatusOr<std::vector<Record>> LoadBatch(
      schema::Family family, const std::vector<uint64_t>& ids,
      Parse parse) const;
  // Reads the records of `ids` in `family` with one MultiGet into
  // `values` and `reads` (ids.size() each).
  void MultiRead(schema::Family family, const std::vector<uint64_t>& ids,
                 rocksdb::PinnableSlice* values, rocksdb::Status* reads) const;
  // The view of the node record `value` that a read of `id` returned
  // with `read`.
  absl::StatusOr<kg::v1::Node> ParseNode(uint64_t id,
                                         const rocksdb::Status& read,
                                         absl::string_view value) const;
  // The edge record `value` that a read of `id` returned with `read`.
  static absl::StatusOr<kg::storage::EdgeRecord> ParseEdgeRecord(
      uint64_t id, const rocksdb::Status& read, absl::string_view value);
  // The view of the edge record `value` that a read of `id` returned
  // with `read`.
  absl::StatusOr<kg::v1::Edge> ParseEdge(uint64_t id,
                                         const rocksdb::Status& read,
                                         absl::string_view value);

  rocksdb::DB* const db_;
  const std::vector<rocksdb::ColumnFamilyHandle*>& families_;
  const Dictionary& dictionary_;
  const rocksdb::Snapshot* const snapshot_;
  const std::shared_ptr<const Topology> topology_;
  rocksdb::ReadOptions read_options_;
  // Edge views name their ends by key; many edges share ends.
  absl::flat_hash_map<uint64_t, std::string> key_cache_;
  // Edge type names by id (EdgeTypeName).
  absl::flat_hash_map<uint32_t, std::string> type_names_;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_ROCKS_SNAPSHOT_RECORDS_H_
