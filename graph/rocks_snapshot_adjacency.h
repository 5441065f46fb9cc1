// The adjacency reads of a RocksDB-backed snapshot (ListEdges,
// ListAdjacent, Degree, Degrees): from the snapshot's topology when it has
// one, else from the `adj` family and the degree counters. Both give the
// same entries in the same order, and a cursor of either resumes the
// other.
#ifndef KG_GRAPH_ROCKS_SNAPSHOT_ADJACENCY_H_
#define KG_GRAPH_ROCKS_SNAPSHOT_ADJACENCY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "dictionary.h"
#include "kg/graph/snapshot.h"
#include "rocks_snapshot_records.h"
#include "schema.h"

namespace kg::graph {

// The `adj` directions a Direction covers, in key order.
std::vector<schema::AdjDir> DirectionsOf(Direction direction);

// The ids of the named edge types, sorted and without repeats; nullopt
// when names were given and none is known (nothing can match).
std::optional<std::vector<uint32_t>> EdgeTypeIds(
    const Dictionary& dictionary, const std::vector<std::string>& names);

using AdjacencyVisitor = absl::FunctionRef<absl::Status(
    const schema::AdjEntry& entry, uint64_t edge_id)>;

// Calls `visit(entry, edge_id)` for up to `limit` `adj` entries of `node`
// in `direction` with a type in `types` (all when empty), in key order
// after `cursor`; sets `*next_cursor` when more remain.
absl::Status ScanAdjacency(const SnapshotRecords& records, uint64_t node,
                           Direction direction,
                           const std::vector<uint32_t>& types,
                           absl::string_view cursor, size_t limit,
                           std::string* next_cursor, AdjacencyVisitor visit);

// The node's edges of type `type` in `direction`.
absl::StatusOr<uint64_t> CountAdjacent(const SnapshotRecords& records,
                                       uint64_t node, Direction direction,
                                       uint32_t type);

// Snapshot::Degrees of the node with id `node`.
absl::StatusOr<std::vector<DegreeCount>> DegreesOf(
    const SnapshotRecords& records, uint64_t node);

}  // namespace kg::graph

#endif  // KG_GRAPH_ROCKS_SNAPSHOT_ADJACENCY_H_
