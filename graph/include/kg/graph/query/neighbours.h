// Neighbours: the one step every expansion and graph algorithm takes —
// the edges of a node that pass a StepFilter, with the node at their other
// end. Reads the adjacency index in pages; loads an edge only to check its
// validity (with `as_of`) and a neighbour only to check its label or
// validity. Each adjacency entry read is charged as an expansion.
#ifndef KG_GRAPH_QUERY_NEIGHBOURS_H_
#define KG_GRAPH_QUERY_NEIGHBOURS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "kg/graph/query/query_context.h"
#include "kg/graph/query/value.h"
#include "kg/graph/snapshot.h"

namespace kg::graph::query {

struct StepFilter {
  Direction direction = Direction::kBoth;
  // Edge types to follow; empty: every type.
  std::vector<std::string> types;
  // The neighbour must have one of these labels; empty: any.
  std::vector<std::string> labels;
};

struct Step {
  EdgeRef edge;
  uint64_t neighbour = 0;
};

class Neighbours {
 public:
  // `context` must outlive this.
  Neighbours(QueryContext& context, StepFilter filter);

  // Appends to `*steps` the passing steps of one adjacency page of `node`
  // after `*cursor`, and advances `*cursor` ("" when no page is left).
  // A page may yield no step.
  absl::Status NextPage(uint64_t node, std::string* cursor,
                        std::vector<Step>* steps);

  // Appends every passing step of `node`, or the first `limit` when that
  // is not 0; true when steps were left out for the limit.
  absl::StatusOr<bool> All(uint64_t node, size_t limit,
                           std::vector<Step>* steps);

  // Whether a node passes the label filter and holds as of the query's
  // date: what a neighbour is checked for.
  absl::StatusOr<bool> Accepts(uint64_t node);

  const StepFilter& filter() const { return filter_; }

 private:
  QueryContext& context_;
  const StepFilter filter_;
};

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_NEIGHBOURS_H_
