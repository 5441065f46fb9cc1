#include "kg/services/query_service.h"

#include <chrono>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "kg/graph/query/query_budget.h"
#include "kg/services/http/slow_call_log.h"
#include "kg/services/query_plans.h"
#include "kg/services/status_mapping.h"
#include "validation.h"

namespace kg::services {
namespace {

std::string MethodName(absl::string_view method) {
  return absl::StrCat("/", kg::v1::QueryService::service_full_name(), "/",
                      method);
}

}  // namespace

template <typename Plan>
grpc::Status QueryServiceImpl::Serve(absl::string_view method,
                                     grpc::ServerContext* context,
                                     const google::protobuf::Message& request,
                                     Plan plan) {
  if (absl::Status sizes = CheckSizes(request); !sizes.ok()) {
    return ToGrpcStatus(sizes);
  }
  RunningCallScope call(calls_, MethodName(method), request, context);
  const auto deadline = context->deadline();
  // The probe reads the budget it is part of only once the query runs.
  graph::query::QueryBudget budget(
      BudgetFor(limits_,
                deadline == std::chrono::system_clock::time_point::max()
                    ? absl::InfiniteFuture()
                    : absl::FromChrono(deadline),
                [&call, &budget] {
                  return call.Poll(budget.rows(), budget.expansions());
                }));
  std::unique_ptr<graph::Snapshot> snapshot = store_.NewSnapshot();
  const absl::Status status = plan(QueryEnv{*snapshot, budget, limits_});
  // For the slow-call log; the server's interceptor takes it out.
  context->AddTrailingMetadata(kRowsTrailer, absl::StrCat(budget.rows()));
  // After a cancellation the handler must answer CANCELLED, even when the
  // plan finished before its budget noticed.
  if (call.cancel_requested()) {
    return grpc::Status(grpc::StatusCode::CANCELLED,
                        "the call was cancelled by an administrator");
  }
  return ToGrpcStatus(status);
}

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
  return Serve("Traverse", context, *request, [&](const QueryEnv& env) {
    return RunTraverse(env, *request,
                       [writer](const kg::v1::TraverseResponse& batch) {
                         return writer->Write(batch);
                       });
  });
}

grpc::Status QueryServiceImpl::ShortestPath(
    grpc::ServerContext* context, const kg::v1::ShortestPathRequest* request,
    kg::v1::ShortestPathResponse* response) {
  return Serve("ShortestPath", context, *request, [&](const QueryEnv& env) {
    return RunShortestPath(env, *request, response);
  });
}

grpc::Status QueryServiceImpl::Paths(grpc::ServerContext* context,
                                     const kg::v1::PathsRequest* request,
                                     kg::v1::PathsResponse* response) {
  return Serve("Paths", context, *request, [&](const QueryEnv& env) {
    return RunPaths(env, *request, response);
  });
}

grpc::Status QueryServiceImpl::Commitments(
    grpc::ServerContext* context, const kg::v1::CommitmentsRequest* request,
    kg::v1::CommitmentsResponse* response) {
  return Serve("Commitments", context, *request, [&](const QueryEnv& env) {
    return RunCommitments(env, *request, response);
  });
}

grpc::Status QueryServiceImpl::Search(grpc::ServerContext* context,
                                      const kg::v1::SearchRequest* request,
                                      kg::v1::SearchResponse* response) {
  return Serve("Search", context, *request, [&](const QueryEnv& env) {
    return RunSearch(env, *request, response);
  });
}

grpc::Status QueryServiceImpl::Describe(grpc::ServerContext* context,
                                        const kg::v1::DescribeRequest* request,
                                        kg::v1::DescribeResponse* response) {
  return Serve("Describe", context, *request, [&](const QueryEnv& env) {
    return RunDescribe(env, *request, response);
  });
}

grpc::Status QueryServiceImpl::Run(
    grpc::ServerContext* context, const kg::v1::RunRequest* request,
    grpc::ServerWriter<kg::v1::RunResponse>* writer) {
  return Serve("Run", context, *request, [&](const QueryEnv& env) {
    auto write = [writer](const kg::v1::RunResponse& message) {
      return writer->Write(message);
    };
    if (!request->scratch_graph().empty()) {
      return scratch_graphs_.Run(env, *request, write);
    }
    return RunCypher(env, *request, write);
  });
}

grpc::Status QueryServiceImpl::DropScratchGraph(
    grpc::ServerContext* context,
    const kg::v1::DropScratchGraphRequest* request,
    kg::v1::DropScratchGraphResponse* response) {
  return Serve("DropScratchGraph", context, *request, [&](const QueryEnv&) {
    return scratch_graphs_.Drop(request->name());
  });
}

}  // namespace kg::services
