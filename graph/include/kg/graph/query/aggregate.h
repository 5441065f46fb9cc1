// Aggregate: groups the input rows by key expressions (equivalent values
// group together, see GroupingKey) and computes aggregates per group
// (accumulator.h). Reads every input row first; holds one row per
// group, each charged as a row. With no keys, one group (and one output
// row even for no input: count 0, an empty collection).
#ifndef KG_GRAPH_QUERY_AGGREGATE_H_
#define KG_GRAPH_QUERY_AGGREGATE_H_

#include <vector>

#include "kg/graph/query/accumulator.h"
#include "kg/graph/query/expression.h"
#include "kg/graph/query/operator.h"
#include "kg/graph/query/query_context.h"

namespace kg::graph::query {

struct Aggregation {
  AggregateFunction function = AggregateFunction::kCountRows;
  // The value aggregated; unset for kCountRows.
  Expression value;
  // Aggregate each distinct value once.
  bool distinct = false;
  // The percentile functions' argument.
  Value percentile;
};

// Output columns: the group keys' values, then the aggregates', in order;
// groups in the order their first row came.
OperatorPtr Aggregate(QueryContext& context, OperatorPtr input,
                      std::vector<Expression> keys,
                      std::vector<Aggregation> aggregations);

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_AGGREGATE_H_
