// Expression: a value computed from a row, the unit that Project, OrderBy,
// Aggregate and Filter are parameterized with. A declarative language
// compiles its expressions to these; the typed RPCs use the few builders
// below.
#ifndef KG_GRAPH_QUERY_EXPRESSION_H_
#define KG_GRAPH_QUERY_EXPRESSION_H_

#include <cstddef>
#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "kg/graph/query/query_context.h"
#include "kg/graph/query/value.h"

namespace kg::graph::query {

using Expression =
    std::function<absl::StatusOr<Value>(const Row& row, QueryContext& context)>;

// The row's value at `column`.
Expression ColumnOf(size_t column);

// The same value for every row.
Expression Constant(Value value);

// The property `name` of the node or edge at `column`, null when it has
// none or the column holds no node or edge. A node's `key`, `name`,
// `aliases` and `label` and an edge's `type` read as properties too.
Expression PropertyOf(size_t column, std::string name);

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_EXPRESSION_H_
