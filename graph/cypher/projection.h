// Projection: the stages of a WITH or RETURN, built from the generic row
// operators: Project (MapRows) or Aggregate (GroupRows, with the Cypher
// aggregate functions of aggregator.h), then Distinct, OrderBy, Skip and
// Limit, a WITH's WHERE as a Filter, and for a WITH the narrowing of the
// rows to its columns.
//
// Until that narrowing the rows hold the input's variables too, the
// projected columns shadowing them, since ORDER BY and WHERE may read both.
#ifndef KG_GRAPH_CYPHER_PROJECTION_H_
#define KG_GRAPH_CYPHER_PROJECTION_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "ast.h"
#include "evaluator.h"
#include "plan.h"

namespace kg::graph::cypher {

struct ProjectionPlan {
  CypherOperatorPtr root;
  // The columns in order; `*` expands to `scope` sorted by name.
  std::vector<std::string> columns;
};

// Appends `clause`'s stages (a WITH or a RETURN) to `input`, whose rows
// bind the variables of `scope`, and their descriptions to `*stages`.
// SKIP and LIMIT are evaluated here unless `describe_only`.
absl::StatusOr<ProjectionPlan> PlanProjection(
    const Clause& clause, const std::vector<std::string>& scope,
    CypherOperatorPtr input, Evaluator& evaluator, bool describe_only,
    std::vector<std::string>* stages);

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_PROJECTION_H_
