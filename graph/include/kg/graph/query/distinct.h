// Distinct: passes on each input row the first time it is seen (all
// columns compared, see GroupingKey in value.h). Holds one key per
// distinct row, each charged as a row.
#ifndef KG_GRAPH_QUERY_DISTINCT_H_
#define KG_GRAPH_QUERY_DISTINCT_H_

#include "kg/graph/query/operator.h"
#include "kg/graph/query/query_context.h"

namespace kg::graph::query {

// Output columns: the input's.
OperatorPtr Distinct(QueryContext& context, OperatorPtr input);

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_DISTINCT_H_
