// Expand: follows the edges of the node in one column of each input row.
//
// Produces, for each input row and each edge of the node at `from_column`
// that passes `step` (neighbours.h), the input row with two columns
// appended: [..., edge, neighbour]. A row whose column holds no node
// produces nothing.
#ifndef KG_GRAPH_QUERY_EXPAND_H_
#define KG_GRAPH_QUERY_EXPAND_H_

#include <cstddef>

#include "kg/graph/query/neighbours.h"
#include "kg/graph/query/operator.h"
#include "kg/graph/query/query_context.h"

namespace kg::graph::query {

OperatorPtr Expand(QueryContext& context, OperatorPtr input, size_t from_column,
                   StepFilter step);

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_EXPAND_H_
