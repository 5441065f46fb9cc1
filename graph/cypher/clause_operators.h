// The Cypher stages of a plan besides pattern matching (matcher.h) and
// projection (projection.h): the start of a query, OPTIONAL MATCH, UNWIND
// and CREATE. Each takes its clause by reference; the query must outlive
// the stage.
#ifndef KG_GRAPH_CYPHER_CLAUSE_OPERATORS_H_
#define KG_GRAPH_CYPHER_CLAUSE_OPERATORS_H_

#include <functional>
#include <string>
#include <vector>

#include "ast.h"
#include "evaluator.h"
#include "kg/graph/cypher/property_graph.h"
#include "plan.h"

namespace kg::graph::cypher {

// One empty row: what the first clause runs on.
CypherOperatorPtr SingleRow();

// Builds stages on top of `argument`, a source of one row at a time.
using SubPlan = std::function<CypherOperatorPtr(CypherOperatorPtr argument)>;

// OPTIONAL MATCH: for each input row, the rows of `match` run on that row
// alone, or when there are none the row itself with null for each of
// `introduced`.
CypherOperatorPtr Optional(CypherOperatorPtr input, const SubPlan& match,
                           std::vector<std::string> introduced);

// Each input row once per element of the clause's list (a non-list value
// counts as a list of itself; null as the empty list), bound to its
// variable.
CypherOperatorPtr Unwind(const Clause& clause, CypherOperatorPtr input,
                         Evaluator& evaluator);

// Reads every input row first (so a MATCH upstream never sees what this
// creates), then creates the clause's patterns for each and passes it on
// with the new variables bound. Fails when run with a null `writable`.
CypherOperatorPtr Create(const Clause& clause, CypherOperatorPtr input,
                         Evaluator& evaluator, WritableGraph* writable);

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_CLAUSE_OPERATORS_H_
