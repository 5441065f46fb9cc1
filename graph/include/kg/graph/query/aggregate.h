// Aggregate: groups the input rows by key expressions and computes
// aggregates per group. Reads every input row first; holds one row per
// group, each charged as a row. With no keys, one group (and one output
// row even for no input: count 0, an empty collection).
#ifndef KG_GRAPH_QUERY_AGGREGATE_H_
#define KG_GRAPH_QUERY_AGGREGATE_H_

#include <vector>

#include "kg/graph/query/expression.h"
#include "kg/graph/query/operator.h"
#include "kg/graph/query/query_context.h"

namespace kg::graph::query {

struct Aggregation {
  enum Kind {
    kCount,    // Rows, or without a null `value` when one is given.
    kCollect,  // The list of the non-null values of `value`.
  };
  Kind kind = kCount;
  // Unset for count(*).
  Expression value;
  // Count or collect each distinct value once.
  bool distinct = false;
};

// Output columns: the group keys' values, then the aggregates', in order;
// groups in the order their first row came.
OperatorPtr Aggregate(QueryContext& context, OperatorPtr input,
                      std::vector<Expression> keys,
                      std::vector<Aggregation> aggregations);

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_AGGREGATE_H_
