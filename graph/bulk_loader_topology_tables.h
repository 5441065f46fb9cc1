// The table files of a bulk load made from its topology at Finish: the
// `adj` entries and the `meta` counters (node counts by label, edge counts
// by type, degrees, next ids). Both walk each node's adjacency in `adj`
// key order, so neither needs a sort; they share nothing and may be
// written at once, as may the `adj` entries of two ranges of nodes.
#ifndef KG_GRAPH_BULK_LOADER_TOPOLOGY_TABLES_H_
#define KG_GRAPH_BULK_LOADER_TOPOLOGY_TABLES_H_

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "bulk_loader_table_file.h"
#include "topology.h"

namespace kg::graph {

// Puts every edge of `topology`, from each end, into `adj`, for the nodes
// with ids node_begin to node_end - 1.
absl::Status WriteAdjacencyTable(const Topology& topology, uint64_t node_begin,
                                 uint64_t node_end, TableFile* adj);

// The node id that splits the `adj` entries of nodes 1 to node_end - 1 in
// halves, so two files of them may be written at once: `adj` keys lead
// with the node id, so the two files' key ranges do not overlap.
uint64_t AdjacencyMidpoint(const Topology& topology, uint64_t node_end);

// Puts the counters into `meta`: of the nodes whose label ids are `labels`
// (by node id, from 1) and of `edges` (ids 1 to edges.size()), the edges
// of `topology`.
absl::Status WriteCounterTable(const Topology& topology,
                               const std::vector<uint32_t>& labels,
                               const std::vector<TopologyEdge>& edges,
                               TableFile* meta);

}  // namespace kg::graph

#endif  // KG_GRAPH_BULK_LOADER_TOPOLOGY_TABLES_H_
