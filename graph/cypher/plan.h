// Plan: a query compiled to one pipeline of row operators (the templates
// of kg/graph/query/row_operators.h that the typed query RPCs run on too,
// plus the Cypher stages of clause_operators.h), and the description of
// each stage built, in the order rows flow through them (what EXPLAIN
// returns).
#ifndef KG_GRAPH_CYPHER_PLAN_H_
#define KG_GRAPH_CYPHER_PLAN_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "ast.h"
#include "evaluator.h"
#include "kg/graph/cypher/property_graph.h"
#include "kg/graph/query/row_operators.h"

namespace kg::graph::cypher {

// Where a MATCH's stages are in matching one row (matcher.h): the
// relationships the MATCH has bound so far, which no later step may bind
// again (relationship isomorphism), and the path of the pattern being
// matched. Empty between clauses.
struct MatchState {
  std::vector<uint64_t> relationships;
  Path path;
};

// What flows between the stages: one row's bindings and, after an
// aggregation, the values of its aggregate calls, which ORDER BY may read.
struct Record {
  Row bindings;
  AggregateValues aggregates;
  MatchState match;
};

using CypherOperator = query::RowOperator<Record>;
using CypherOperatorPtr = query::RowOperatorPtr<Record>;

struct Plan {
  CypherOperatorPtr root;
  // One line per stage.
  std::vector<std::string> stages;
  // RETURN's columns; the root's rows hold a binding for each. Empty for
  // a query without RETURN (its rows are only run for their effects).
  std::vector<std::string> columns;
};

// Compiles an analyzed `query`. The stages evaluate with `evaluator` and
// CREATE writes to `writable` (null: CREATE fails when run). SKIP and
// LIMIT counts are evaluated here unless `describe_only`, for a plan that
// is described and never run.
absl::StatusOr<Plan> BuildPlan(const Query& query, Evaluator& evaluator,
                               WritableGraph* writable, bool describe_only);

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_PLAN_H_
