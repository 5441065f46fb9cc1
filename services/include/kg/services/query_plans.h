// The QueryService's calls as plans of the engine's query operators over
// one snapshot, without gRPC: what QueryServiceImpl serves, callable in
// process (benchmarks). Each validates its request (INVALID_ARGUMENT
// naming the field, NOT_FOUND for unknown keys, RESOURCE_EXHAUSTED naming
// a cap asked beyond) and runs under `env.budget`.
#ifndef KG_SERVICES_QUERY_PLANS_H_
#define KG_SERVICES_QUERY_PLANS_H_

#include <functional>

#include "absl/status/status.h"
#include "kg/graph/query/query_budget.h"
#include "kg/graph/snapshot.h"
#include "kg/services/query_limits.h"
#include "kg/v1/query_service.pb.h"

namespace kg::services {

struct QueryEnv {
  graph::Snapshot& snapshot;
  graph::query::QueryBudget& budget;
  const QueryLimits& limits;
};

// The budget of one call under `limits`, until `deadline`, stopped early
// when `cancelled` says so.
graph::query::BudgetLimits BudgetFor(const QueryLimits& limits,
                                     absl::Time deadline,
                                     std::function<bool()> cancelled);

// Hands the result over in batches; `write` returns false when the client
// is gone, which ends the call with CANCELLED.
absl::Status RunTraverse(
    const QueryEnv& env, const kg::v1::TraverseRequest& request,
    const std::function<bool(const kg::v1::TraverseResponse&)>& write);

absl::Status RunShortestPath(const QueryEnv& env,
                             const kg::v1::ShortestPathRequest& request,
                             kg::v1::ShortestPathResponse* response);

absl::Status RunPaths(const QueryEnv& env, const kg::v1::PathsRequest& request,
                      kg::v1::PathsResponse* response);

absl::Status RunCommitments(const QueryEnv& env,
                            const kg::v1::CommitmentsRequest& request,
                            kg::v1::CommitmentsResponse* response);

absl::Status RunSearch(const QueryEnv& env,
                       const kg::v1::SearchRequest& request,
                       kg::v1::SearchResponse* response);

absl::Status RunDescribe(const QueryEnv& env,
                         const kg::v1::DescribeRequest& request,
                         kg::v1::DescribeResponse* response);

// One openCypher query (cypher_plan.cc): the header, then one message a
// row, each handed to `write` (false: the client is gone, CANCELLED).
absl::Status RunCypher(
    const QueryEnv& env, const kg::v1::RunRequest& request,
    const std::function<bool(const kg::v1::RunResponse&)>& write);

}  // namespace kg::services

#endif  // KG_SERVICES_QUERY_PLANS_H_
