// OrderBy: sorts the input rows by keys, each ascending or descending
// (OrderValues in value.h; rows equal on every key keep their input order).
// Reads and holds every input row before producing the first, each charged
// as a row.
#ifndef KG_GRAPH_QUERY_ORDER_BY_H_
#define KG_GRAPH_QUERY_ORDER_BY_H_

#include <vector>

#include "kg/graph/query/expression.h"
#include "kg/graph/query/operator.h"
#include "kg/graph/query/query_context.h"

namespace kg::graph::query {

struct SortKey {
  Expression value;
  bool descending = false;
};

// Output columns: the input's.
OperatorPtr OrderBy(QueryContext& context, OperatorPtr input,
                    std::vector<SortKey> keys);

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_ORDER_BY_H_
