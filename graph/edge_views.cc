#include "kg/graph/edge_views.h"

#include <string>
#include <utility>

namespace kg::graph {
namespace {

// What the basic view keeps of an edge the full view was read for.
kg::v1::Edge BasicOf(kg::v1::Edge& edge) {
  kg::v1::Edge basic;
  basic.set_id(edge.id());
  basic.set_src_key(std::move(*edge.mutable_src_key()));
  basic.set_type(std::move(*edge.mutable_type()));
  basic.set_dst_key(std::move(*edge.mutable_dst_key()));
  return basic;
}

// A node's edges in the basic view, from its adjacency entries.
absl::StatusOr<EdgePage> ListAdjacentBasic(Snapshot& snapshot,
                                           const EdgeQuery& query,
                                           absl::string_view cursor,
                                           size_t limit) {
  absl::StatusOr<kg::v1::Node> node = snapshot.GetNode(query.node_key);
  if (!node.ok()) return node.status();
  absl::StatusOr<AdjacencyPage> adjacent = snapshot.ListAdjacent(
      node->id(), query.direction, query.types, cursor, limit);
  if (!adjacent.ok()) return adjacent.status();
  EdgePage page;
  page.next_cursor = std::move(adjacent->next_cursor);
  page.edges.reserve(adjacent->edges.size());
  for (AdjacentEdge& entry : adjacent->edges) {
    absl::StatusOr<std::string> other = snapshot.NodeKey(entry.neighbour_id);
    if (!other.ok()) return other.status();
    kg::v1::Edge& edge = page.edges.emplace_back();
    edge.set_id(entry.edge_id);
    edge.set_type(std::move(entry.type));
    const bool out = entry.direction == Direction::kOut;
    edge.set_src_key(out ? node->key() : *other);
    edge.set_dst_key(out ? *std::move(other) : node->key());
  }
  return page;
}

}  // namespace

absl::StatusOr<EdgePage> ListEdgesInView(Snapshot& snapshot,
                                         const EdgeQuery& query, EdgeView view,
                                         absl::string_view cursor,
                                         size_t limit) {
  if (view == EdgeView::kBasic && !query.node_key.empty()) {
    return ListAdjacentBasic(snapshot, query, cursor, limit);
  }
  absl::StatusOr<EdgePage> page = snapshot.ListEdges(query, cursor, limit);
  if (!page.ok() || view == EdgeView::kFull) return page;
  for (kg::v1::Edge& edge : page->edges) edge = BasicOf(edge);
  return page;
}

}  // namespace kg::graph
