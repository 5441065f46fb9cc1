// Paths: every simple path (no node twice) from one node to another of at
// most `max_depth` edges, along edges the StepFilter lets through (its
// labels filter the nodes between the two ends).
//
// Produces rows [path], shortest first: it searches depth-first to each
// length in turn, so a Limit downstream stops the search early. Holds only
// the current path and the steps of the nodes on it.
#ifndef KG_GRAPH_QUERY_PATHS_H_
#define KG_GRAPH_QUERY_PATHS_H_

#include <cstdint>

#include "kg/graph/query/neighbours.h"
#include "kg/graph/query/operator.h"
#include "kg/graph/query/query_context.h"

namespace kg::graph::query {

struct PathsSpec {
  uint64_t from = 0;
  uint64_t to = 0;
  StepFilter step;
  int max_depth = 3;
};

OperatorPtr Paths(QueryContext& context, PathsSpec spec);

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_PATHS_H_
