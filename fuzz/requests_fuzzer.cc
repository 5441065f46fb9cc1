// Service requests from wire bytes: the first byte picks the RPC, the rest
// is its request message. Every request that parses is served, directly
// through the service code (no network), against a store holding the
// reference data; a bad one must fail with a status that blames the
// request, with a message, never with INTERNAL or a crash.
#include <grpcpp/grpcpp.h>

#include <functional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "fuzz_targets.h"
#include "kg/services/graph_service.h"
#include "kg/services/ingest_service.h"
#include "kg/services/query_plans.h"
#include "kg/services/status_mapping.h"
#include "reference_store.h"

namespace kg::fuzz {
namespace {

// Smaller than the server's, so that one input stays fast.
services::QueryLimits FuzzLimits() {
  services::QueryLimits limits;
  limits.max_rows = 1000;
  limits.max_expansions = 100'000;
  limits.max_time = absl::Seconds(5);
  return limits;
}

// Runs a QueryService plan on a fresh snapshot of the reference store.
grpc::Status RunPlan(
    const std::function<absl::Status(const services::QueryEnv&)>& plan) {
  static const services::QueryLimits limits = FuzzLimits();
  graph::query::QueryBudget budget(services::BudgetFor(
      limits, absl::InfiniteFuture(), [] { return false; }));
  std::unique_ptr<graph::Snapshot> snapshot = ReferenceStore().NewSnapshot();
  return services::ToGrpcStatus(
      plan(services::QueryEnv{*snapshot, budget, limits}));
}

// Parses `bytes` as a Request and serves it with `serve`; OK when the
// bytes are not a Request (gRPC would not deliver them).
template <typename Request, typename Response, typename Serve>
grpc::Status Call(absl::string_view bytes, Serve serve) {
  Request request;
  if (!request.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return grpc::Status::OK;
  }
  Response response;
  return serve(request, &response);
}

grpc::Status Serve(uint8_t rpc, absl::string_view bytes) {
  using namespace kg::v1;  // NOLINT: every request and response type.
  static services::GraphServiceImpl graph_service(ReferenceStore());
  static services::IngestServiceImpl ingest_service(ScratchStore());
  grpc::ServerContext context;
  switch (rpc % 12) {
    case 0:
      return Call<TraverseRequest, TraverseResponse>(
          bytes, [](const TraverseRequest& request, TraverseResponse*) {
            return RunPlan([&](const services::QueryEnv& env) {
              return services::RunTraverse(
                  env, request, [](const TraverseResponse&) { return true; });
            });
          });
    case 1:
      return Call<ShortestPathRequest, ShortestPathResponse>(
          bytes, [](const auto& request, auto* response) {
            return RunPlan([&](const services::QueryEnv& env) {
              return services::RunShortestPath(env, request, response);
            });
          });
    case 2:
      return Call<PathsRequest, PathsResponse>(
          bytes, [](const auto& request, auto* response) {
            return RunPlan([&](const services::QueryEnv& env) {
              return services::RunPaths(env, request, response);
            });
          });
    case 3:
      return Call<CommitmentsRequest, CommitmentsResponse>(
          bytes, [](const auto& request, auto* response) {
            return RunPlan([&](const services::QueryEnv& env) {
              return services::RunCommitments(env, request, response);
            });
          });
    case 4:
      return Call<SearchRequest, SearchResponse>(
          bytes, [](const auto& request, auto* response) {
            return RunPlan([&](const services::QueryEnv& env) {
              return services::RunSearch(env, request, response);
            });
          });
    case 5:
      return Call<DescribeRequest, DescribeResponse>(
          bytes, [](const auto& request, auto* response) {
            return RunPlan([&](const services::QueryEnv& env) {
              return services::RunDescribe(env, request, response);
            });
          });
    case 6:
      return Call<GetNodeRequest, Node>(
          bytes, [&](const auto& request, auto* response) {
            return graph_service.GetNode(&context, &request, response);
          });
    case 7:
      return Call<BatchGetNodesRequest, BatchGetNodesResponse>(
          bytes, [&](const auto& request, auto* response) {
            return graph_service.BatchGetNodes(&context, &request, response);
          });
    case 8:
      return Call<ListNodesRequest, ListNodesResponse>(
          bytes, [&](const auto& request, auto* response) {
            return graph_service.ListNodes(&context, &request, response);
          });
    case 9:
      return Call<ListEdgesRequest, ListEdgesResponse>(
          bytes, [&](const auto& request, auto* response) {
            return graph_service.ListEdges(&context, &request, response);
          });
    case 10:
      return Call<ImportDocumentRequest, ImportDocumentResponse>(
          bytes, [&](const auto& request, auto* response) {
            return ingest_service.ImportDocument(&context, &request, response);
          });
    default:
      return Call<RemoveDocumentRequest, RemoveDocumentResponse>(
          bytes, [&](const auto& request, auto* response) {
            return ingest_service.RemoveDocument(&context, &request, response);
          });
  }
}

// The codes that put the blame on the request or its limits.
bool BlamesRequest(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::NOT_FOUND:
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
    case grpc::StatusCode::FAILED_PRECONDITION:
    case grpc::StatusCode::OUT_OF_RANGE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return true;
    default:
      return false;
  }
}

}  // namespace

int FuzzRequests(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  grpc::Status status = Serve(
      data[0],
      absl::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
  if (status.ok()) return 0;
  Require(BlamesRequest(status.error_code()) && !status.error_message().empty(),
          absl::StrCat("RPC ", data[0] % 12, " failed with code ",
                       status.error_code(), ": ", status.error_message()));
  return 0;
}

}  // namespace kg::fuzz
