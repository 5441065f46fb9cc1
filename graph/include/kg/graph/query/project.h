// Project: computes new rows from the input's, one value per expression.
#ifndef KG_GRAPH_QUERY_PROJECT_H_
#define KG_GRAPH_QUERY_PROJECT_H_

#include <vector>

#include "kg/graph/query/expression.h"
#include "kg/graph/query/operator.h"
#include "kg/graph/query/query_context.h"

namespace kg::graph::query {

// Output columns: the values of `columns`, in order.
OperatorPtr Project(QueryContext& context, OperatorPtr input,
                    std::vector<Expression> columns);

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_PROJECT_H_
