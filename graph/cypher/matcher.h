// Matcher: every way the path patterns of one MATCH bind against the graph,
// extending one input row. Relationships are distinct within one MATCH
// (Cypher's relationship isomorphism); variables already bound in the row
// must match their value.
#ifndef KG_GRAPH_CYPHER_MATCHER_H_
#define KG_GRAPH_CYPHER_MATCHER_H_

#include <functional>
#include <vector>

#include "absl/status/status.h"
#include "ast.h"
#include "evaluator.h"

namespace kg::graph::cypher {

// Calls `emit` with each extended row; stops at the first error.
absl::Status MatchPatterns(const std::vector<PathPattern>& patterns,
                           const Row& row, Evaluator& evaluator,
                           const std::function<absl::Status(const Row&)>& emit);

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_MATCHER_H_
