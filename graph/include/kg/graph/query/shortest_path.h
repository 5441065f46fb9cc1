// ShortestPath: one path with the fewest edges from one node to another,
// by bidirectional breadth-first search (each round expands the smaller
// frontier by one level). Edges follow the StepFilter's direction from
// `from` (and against it from `to`); its labels filter the nodes between
// the two ends.
//
// Produces one row [path], or none when no path of at most `max_depth`
// edges exists. A path of no edges when `from` is `to`.
#ifndef KG_GRAPH_QUERY_SHORTEST_PATH_H_
#define KG_GRAPH_QUERY_SHORTEST_PATH_H_

#include <cstdint>

#include "kg/graph/query/neighbours.h"
#include "kg/graph/query/operator.h"
#include "kg/graph/query/query_context.h"

namespace kg::graph::query {

struct ShortestPathSpec {
  uint64_t from = 0;
  uint64_t to = 0;
  StepFilter step;
  int max_depth = 6;
};

OperatorPtr ShortestPath(QueryContext& context, ShortestPathSpec spec);

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_SHORTEST_PATH_H_
