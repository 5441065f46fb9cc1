// Matcher: a MATCH's patterns as pipeline stages, one per step: for each
// path pattern a NodeScan of its first node, then an Expand (or a
// VarExpand for `*min..max`) per relationship to the next node. Each stage
// is a shared ExpandRows (kg/graph/query/row_operators.h) whose expansion
// reads the PropertyGraph; rows carry the matching's state (MatchState in
// plan.h) from stage to stage. Variables bound before must match their
// value; the last step of a pattern binds its path variable.
#ifndef KG_GRAPH_CYPHER_MATCHER_H_
#define KG_GRAPH_CYPHER_MATCHER_H_

#include <string>
#include <vector>

#include "ast.h"
#include "evaluator.h"
#include "plan.h"

namespace kg::graph::cypher {

// Appends the stages of `patterns` to `input`, and a line describing each
// to `*stages`, prefixed by `verb` ("Match", "OptionalMatch"). The
// patterns must outlive the stages.
// A node or relationship pattern as EXPLAIN shows it: `(a:Person {..})`,
// `-[r:KNOWS*1..2]->`.
std::string NodeText(const NodePattern& node);
std::string RelText(const RelPattern& rel);

CypherOperatorPtr MatchStages(const std::vector<PathPattern>& patterns,
                              CypherOperatorPtr input, Evaluator& evaluator,
                              const std::string& verb,
                              std::vector<std::string>* stages);

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_MATCHER_H_
