// Filter: passes on the input rows for which a predicate holds.
//
// The predicates below cover labels, property comparisons and validity; a
// declarative language compiles its WHERE clauses to Predicates too.
#ifndef KG_GRAPH_QUERY_FILTER_H_
#define KG_GRAPH_QUERY_FILTER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "kg/graph/query/expression.h"
#include "kg/graph/query/operator.h"
#include "kg/graph/query/query_context.h"
#include "kg/v1/types.pb.h"

namespace kg::graph::query {

using Predicate =
    std::function<absl::StatusOr<bool>(const Row& row, QueryContext& context)>;

// Output columns: the input's.
OperatorPtr Filter(QueryContext& context, OperatorPtr input,
                   Predicate predicate);

// The node at `column` has one of `labels`.
Predicate HasLabel(size_t column, std::vector<std::string> labels);

enum class CompareOp { kEq, kNe, kLt, kLe, kGt, kGe };

// `left op right` as Equals and CompareValues (value.h) decide it; false
// when either is null or the two are not comparable.
Predicate Comparison(Expression left, CompareOp op, Expression right);

// The node or edge at `column` holds at `date` (validity.h).
Predicate ValidAt(size_t column, kg::v1::Date date);

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_FILTER_H_
