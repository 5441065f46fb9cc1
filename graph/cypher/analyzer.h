// Analyzer: the checks a query passes before it runs, reported as the TCK
// names them (SyntaxError with a detail): undefined variables, variables
// used as two kinds of thing, misplaced aggregations, clashing or missing
// column names, non-constant or negative SKIP/LIMIT, and literal operands
// of the wrong type.
#ifndef KG_GRAPH_CYPHER_ANALYZER_H_
#define KG_GRAPH_CYPHER_ANALYZER_H_

#include "absl/status/status.h"
#include "ast.h"

namespace kg::graph::cypher {

absl::Status Analyze(const Query& query);

// Whether the expression calls an aggregate function outside any nested
// list comprehension's scope.
bool ContainsAggregate(const Expr& e);

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_ANALYZER_H_
