// Operator: one stage of a query pipeline. Pipelines are pull-based: the
// consumer asks the last operator for a row, which asks its input, and so
// on down to a scan, so a query does only the work its rows need (a Limit
// stops everything upstream).
//
// An operator documents the columns of the rows it produces, usually its
// input's columns plus the ones it appends; a plan addresses columns by
// index. Every operator charges the query's budget for its work and stops
// with the budget's error.
#ifndef KG_GRAPH_QUERY_OPERATOR_H_
#define KG_GRAPH_QUERY_OPERATOR_H_

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "kg/graph/query/query_budget.h"
#include "kg/graph/query/row_operators.h"
#include "kg/graph/query/value.h"

namespace kg::graph::query {

// The typed pipeline's stage: rows of Values (row_operators.h).
using Operator = RowOperator<Row>;
using OperatorPtr = RowOperatorPtr<Row>;

// Every remaining row of `op`, each charged to `budget` as a row held.
absl::StatusOr<std::vector<Row>> Drain(Operator& op, QueryBudget& budget);

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_OPERATOR_H_
