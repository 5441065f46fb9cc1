// Edge views (AIP-157): how much of each edge a listing returns.
//
// The basic view of an edge is its id, type and its ends' keys: what the
// adjacency index knows, so a node's edges in the basic view are read
// without loading any edge record (the full view parses one record an
// edge for its properties and sources).
#ifndef KG_GRAPH_EDGE_VIEWS_H_
#define KG_GRAPH_EDGE_VIEWS_H_

#include <cstddef>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/graph/snapshot.h"

namespace kg::graph {

enum class EdgeView { kBasic, kFull };

// Snapshot::ListEdges in `view`: the same edges in the same order, with
// the same cursors, whatever the view. In kBasic each edge has only id,
// src_key, type and dst_key; a node's edges come from ListAdjacent (the
// in-memory topology when the store keeps one), the node's own key from
// its record. The graph-wide listing (no `query.node_key`) scans the edge
// records either way and drops what kBasic leaves out.
absl::StatusOr<EdgePage> ListEdgesInView(Snapshot& snapshot,
                                         const EdgeQuery& query, EdgeView view,
                                         absl::string_view cursor,
                                         size_t limit);

}  // namespace kg::graph

#endif  // KG_GRAPH_EDGE_VIEWS_H_
