#include "kg/graph/query/neighbours.h"

#include <algorithm>
#include <utility>

namespace kg::graph::query {
namespace {

// Adjacency entries read per page: big enough to amortize the iterator,
// small enough that a fan-out cap stops a hub's scan early.
constexpr size_t kPageSize = 256;

}  // namespace

Neighbours::Neighbours(QueryContext& context, StepFilter filter)
    : context_(context), filter_(std::move(filter)) {}

absl::StatusOr<bool> Neighbours::Accepts(uint64_t node) {
  // Only a date needs the node's record; a label filter reads the label.
  if (!filter_.labels.empty()) {
    absl::StatusOr<std::string> label = context_.Label(node);
    if (!label.ok()) return label.status();
    if (std::find(filter_.labels.begin(), filter_.labels.end(), *label) ==
        filter_.labels.end()) {
      return false;
    }
  }
  if (!context_.as_of()) return true;
  return context_.NodeHolds(node);
}

absl::Status Neighbours::NextPage(uint64_t node, std::string* cursor,
                                  std::vector<Step>* steps) {
  absl::StatusOr<AdjacencyPage> page = context_.snapshot().ListAdjacent(
      node, filter_.direction, filter_.types, *cursor, kPageSize);
  if (!page.ok()) return page.status();
  if (absl::Status charged =
          context_.budget().ChargeExpansions(page->edges.size());
      !charged.ok()) {
    return charged;
  }
  for (AdjacentEdge& adjacent : page->edges) {
    if (context_.as_of()) {
      absl::StatusOr<const kg::v1::Edge*> edge =
          context_.Edge(adjacent.edge_id);
      if (!edge.ok()) return edge.status();
      if (!context_.Holds(**edge)) continue;
    }
    absl::StatusOr<bool> accepted = Accepts(adjacent.neighbour_id);
    if (!accepted.ok()) return accepted.status();
    if (!*accepted) continue;
    const bool out = adjacent.direction == Direction::kOut;
    steps->push_back(Step{
        EdgeRef{adjacent.edge_id, out ? node : adjacent.neighbour_id,
                out ? adjacent.neighbour_id : node, std::move(adjacent.type)},
        adjacent.neighbour_id});
  }
  *cursor = std::move(page->next_cursor);
  return absl::OkStatus();
}

absl::StatusOr<bool> Neighbours::All(uint64_t node, size_t limit,
                                     std::vector<Step>* steps) {
  const size_t first = steps->size();
  std::string cursor;
  do {
    if (absl::Status read = NextPage(node, &cursor, steps); !read.ok()) {
      return read;
    }
    if (limit != 0 && steps->size() - first > limit) {
      steps->resize(first + limit);
      return true;
    }
  } while (!cursor.empty());
  return false;
}

}  // namespace kg::graph::query
