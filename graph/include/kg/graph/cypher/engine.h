// The Cypher engine: runs one openCypher query (the read subset plus
// CREATE) on a PropertyGraph.
//
// Errors are InvalidArgument with the message "<ErrorType>: <Detail>:
// <what>", named as the openCypher TCK names them: "SyntaxError: ..." for
// everything found before running (syntax, undefined variables, type
// conflicts, misplaced aggregates), "TypeError: ...", "ArgumentError: ...",
// "ArithmeticError: ...", "ParameterMissing: ..." while running. The
// budget's errors (ResourceExhausted, Cancelled, DeadlineExceeded) pass
// through unchanged.
#ifndef KG_GRAPH_CYPHER_ENGINE_H_
#define KG_GRAPH_CYPHER_ENGINE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/graph/cypher/property_graph.h"
#include "kg/graph/query/query_budget.h"

namespace kg::graph::cypher {

struct QueryResult {
  // A column is named by its alias, or by its expression as written.
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

// Runs `text` with `parameters` on `graph`. CREATE writes to `writable`,
// which may be null for a read-only graph (then CREATE fails). A query
// starting with EXPLAIN is checked, not run: its one column "plan" lists
// the operators, one a row.
absl::StatusOr<QueryResult> RunQuery(absl::string_view text,
                                     const Value::Map& parameters,
                                     PropertyGraph& graph,
                                     WritableGraph* writable,
                                     query::QueryBudget& budget);

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_ENGINE_H_
