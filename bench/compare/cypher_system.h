// kg answering the comparison's questions as openCypher queries (issue 7):
// Q1..Q4 one query each, Q5 by iterative deepening (one query a length,
// 1 to kMaxPathEdges, until a path is found), since the Cypher subset has
// no shortestPath(). Every query returns one string column whose rows are
// the answer's items, so answers compare with the typed clients'.
#ifndef KG_BENCH_COMPARE_CYPHER_SYSTEM_H_
#define KG_BENCH_COMPARE_CYPHER_SYSTEM_H_

#include <memory>
#include <string>

#include "kg/graph/graph_store.h"
#include "workload.h"

namespace kg::bench {

// Runs the queries with the Cypher engine on a fresh snapshot per query.
std::unique_ptr<Client> NewKgCypherInProcessClient(graph::GraphStore& store);
// Runs them through QueryService.Run on a channel of its own.
std::unique_ptr<Client> NewKgCypherGrpcClient(const std::string& address);

}  // namespace kg::bench

#endif  // KG_BENCH_COMPARE_CYPHER_SYSTEM_H_
