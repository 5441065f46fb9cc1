// Projection: WITH and RETURN over a clause's rows — expressions and
// aliases, grouping with aggregates, DISTINCT, ORDER BY, SKIP and LIMIT.
#ifndef KG_GRAPH_CYPHER_PROJECTION_H_
#define KG_GRAPH_CYPHER_PROJECTION_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "ast.h"
#include "evaluator.h"

namespace kg::graph::cypher {

struct ProjectedRows {
  std::vector<std::string> columns;
  // Keyed by column name.
  std::vector<Row> rows;
};

// `scope` lists the variables of `rows` in the order `*` expands them.
// `where` (WITH ... WHERE, may be null) filters the projected rows last;
// like ORDER BY it may read the variables of the input rows.
absl::StatusOr<ProjectedRows> Project(const Projection& projection,
                                      const Expr* where,
                                      const std::vector<std::string>& scope,
                                      std::vector<Row> rows,
                                      Evaluator& evaluator);

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_PROJECTION_H_
