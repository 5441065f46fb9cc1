// DescribePlan: the operators a query runs as, one line each, in the
// order rows flow through them (what EXPLAIN returns).
#ifndef KG_GRAPH_CYPHER_PLAN_H_
#define KG_GRAPH_CYPHER_PLAN_H_

#include <string>
#include <vector>

#include "ast.h"

namespace kg::graph::cypher {

std::vector<std::string> DescribePlan(const Query& query);

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_PLAN_H_
