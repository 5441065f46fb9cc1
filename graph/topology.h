// Topology: the graph's shape in memory — every node's label and its edges
// per direction, sorted by (type id, other end) as the `adj` family orders
// them — so traversals step without reading RocksDB.
//
// A Topology is immutable: a compact base (CSR arrays indexed by node id)
// plus a small copy-on-write delta of the nodes changed since. The single
// writer derives the next version from a committed write batch (Apply) and
// publishes it; readers hold a shared_ptr to the version that matches their
// RocksDB snapshot (`sequence`), so they never block and never see a later
// commit. Records, properties and provenance stay in RocksDB; the keys of
// the nodes a base was built with are kept too, as keys never change.
//
// Node ids must stay below 2^32 (entries store them in 32 bits); versions
// that would exceed the memory budget are not built (nullptr), and readers
// fall back to RocksDB scans.
#ifndef KG_GRAPH_TOPOLOGY_H_
#define KG_GRAPH_TOPOLOGY_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"
#include "schema.h"
#include "topology_keys.h"

namespace kg::graph {

// One edge seen from one end.
struct TopologyEntry {
  uint32_t type = 0;
  uint32_t other = 0;
  uint64_t edge = 0;
};

// An edge by its ends, for building a topology from a list.
struct TopologyEdge {
  uint64_t src = 0;
  uint64_t dst = 0;
  uint32_t type = 0;
  uint64_t id = 0;
};

class Topology {
 public:
  // Reads `adj`, `labels` and `keys` as of `snapshot`; the version is numbered
  // with the snapshot's sequence. nullptr when it would not fit in
  // `budget_bytes`.
  static absl::StatusOr<std::shared_ptr<const Topology>> Load(
      rocksdb::DB* db,
      const std::vector<rocksdb::ColumnFamilyHandle*>& families,
      const rocksdb::Snapshot* snapshot, size_t budget_bytes);

  // From node labels (labels[id], 0 for no node), their keys and edges in
  // any order. InvalidArgument when two edges share (src, type, dst);
  // nullptr when over budget.
  static absl::StatusOr<std::shared_ptr<const Topology>> FromEdges(
      std::vector<uint32_t> labels, std::shared_ptr<const NodeKeys> keys,
      const std::vector<TopologyEdge>& edges, uint64_t sequence,
      size_t budget_bytes);

  // This version with the `adj` and `labels` changes of `batch` (a commit
  // written at `sequence`) applied; nullptr when over budget.
  std::shared_ptr<const Topology> Apply(
      const rocksdb::WriteBatch& batch,
      const std::vector<rocksdb::ColumnFamilyHandle*>& families,
      uint64_t sequence, size_t budget_bytes) const;

  // This version numbered `sequence` (for contents written otherwise than
  // by a commit, as by a bulk load).
  std::shared_ptr<const Topology> WithSequence(uint64_t sequence) const {
    return std::make_shared<const Topology>(base_, delta_, sequence);
  }

  // The RocksDB sequence number of the last commit this version includes.
  uint64_t sequence() const { return sequence_; }

  // The node's edges in `dir`, sorted by (type, other); empty for an
  // unknown node.
  absl::Span<const TopologyEntry> Adjacent(uint64_t node,
                                           schema::AdjDir dir) const;
  // The part of `Adjacent(node, dir)` with type `type`.
  absl::Span<const TopologyEntry> Adjacent(uint64_t node, schema::AdjDir dir,
                                           uint32_t type) const;

  // The node's label id; 0 when no node has the id.
  uint32_t Label(uint64_t node) const;

  // The node's key; empty when no node has the id or the node was created
  // after the base (read its record then).
  absl::string_view Key(uint64_t node) const;

  size_t memory_bytes() const;

  // Use Load, FromEdges or Apply.
  struct Base;
  struct NodeDelta;
  using Delta = absl::flat_hash_map<uint64_t, std::shared_ptr<const NodeDelta>>;
  Topology(std::shared_ptr<const Base> base, std::shared_ptr<const Delta> delta,
           uint64_t sequence);

 private:
  std::shared_ptr<const Base> base_;
  std::shared_ptr<const Delta> delta_;
  uint64_t sequence_;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_TOPOLOGY_H_
