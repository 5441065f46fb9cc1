#include "kg/services/query_service.h"

#include <chrono>
#include <utility>

#include "kg/graph/query/query_budget.h"
#include "kg/services/query_plans.h"
#include "kg/services/status_mapping.h"
#include "validation.h"

namespace kg::services {
namespace {

// Runs `plan` for `request`, once its sizes are checked, on a fresh
// snapshot under the call's budget.
template <typename Plan>
grpc::Status Serve(const graph::GraphStore& store, const QueryLimits& limits,
                   grpc::ServerContext* context,
                   const google::protobuf::Message& request, Plan plan) {
  if (absl::Status sizes = CheckSizes(request); !sizes.ok()) {
    return ToGrpcStatus(sizes);
  }
  const auto deadline = context->deadline();
  graph::query::QueryBudget budget(
      BudgetFor(limits,
                deadline == std::chrono::system_clock::time_point::max()
                    ? absl::InfiniteFuture()
                    : absl::FromChrono(deadline),
                [context] { return context->IsCancelled(); }));
  std::unique_ptr<graph::Snapshot> snapshot = store.NewSnapshot();
  return ToGrpcStatus(plan(QueryEnv{*snapshot, budget, limits}));
}

}  // namespace

graph::query::BudgetLimits BudgetFor(const QueryLimits& limits,
                                     absl::Time deadline,
                                     std::function<bool()> cancelled) {
  graph::query::BudgetLimits budget;
  budget.max_rows = limits.max_rows;
  budget.max_expansions = limits.max_expansions;
  budget.max_time = limits.max_time;
  budget.deadline = deadline;
  budget.cancelled = std::move(cancelled);
  return budget;
}

grpc::Status QueryServiceImpl::Traverse(
    grpc::ServerContext* context, const kg::v1::TraverseRequest* request,
    grpc::ServerWriter<kg::v1::TraverseResponse>* writer) {
  return Serve(store_, limits_, context, *request, [&](const QueryEnv& env) {
    return RunTraverse(env, *request,
                       [writer](const kg::v1::TraverseResponse& batch) {
                         return writer->Write(batch);
                       });
  });
}

grpc::Status QueryServiceImpl::ShortestPath(
    grpc::ServerContext* context, const kg::v1::ShortestPathRequest* request,
    kg::v1::ShortestPathResponse* response) {
  return Serve(store_, limits_, context, *request, [&](const QueryEnv& env) {
    return RunShortestPath(env, *request, response);
  });
}

grpc::Status QueryServiceImpl::Paths(grpc::ServerContext* context,
                                     const kg::v1::PathsRequest* request,
                                     kg::v1::PathsResponse* response) {
  return Serve(store_, limits_, context, *request, [&](const QueryEnv& env) {
    return RunPaths(env, *request, response);
  });
}

grpc::Status QueryServiceImpl::Commitments(
    grpc::ServerContext* context, const kg::v1::CommitmentsRequest* request,
    kg::v1::CommitmentsResponse* response) {
  return Serve(store_, limits_, context, *request, [&](const QueryEnv& env) {
    return RunCommitments(env, *request, response);
  });
}

grpc::Status QueryServiceImpl::Search(grpc::ServerContext* context,
                                      const kg::v1::SearchRequest* request,
                                      kg::v1::SearchResponse* response) {
  return Serve(store_, limits_, context, *request, [&](const QueryEnv& env) {
    return RunSearch(env, *request, response);
  });
}

grpc::Status QueryServiceImpl::Describe(grpc::ServerContext* context,
                                        const kg::v1::DescribeRequest* request,
                                        kg::v1::DescribeResponse* response) {
  return Serve(store_, limits_, context, *request, [&](const QueryEnv& env) {
    return RunDescribe(env, *request, response);
  });
}

grpc::Status QueryServiceImpl::Run(
    grpc::ServerContext* context, const kg::v1::RunRequest* request,
    grpc::ServerWriter<kg::v1::RunResponse>* writer) {
  return Serve(store_, limits_, context, *request, [&](const QueryEnv& env) {
    return RunCypher(env, *request,
                     [writer](const kg::v1::RunResponse& message) {
                       return writer->Write(message);
                     });
  });
}

}  // namespace kg::services
