// kg.v1.QueryService over a GraphStore: traversals, paths, commitments,
// search and descriptions (see query_service.proto for the contract).
//
// Each call reads one snapshot under a budget made of the server's
// QueryLimits, the client's deadline and its cancellation (by the client
// or through the CallRegistry), and runs the plan of query_plans.h.
#ifndef KG_SERVICES_QUERY_SERVICE_H_
#define KG_SERVICES_QUERY_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "absl/strings/string_view.h"
#include "kg/graph/graph_store.h"
#include "kg/services/call_registry.h"
#include "kg/services/query_limits.h"
#include "kg/services/scratch_graphs.h"
#include "kg/v1/query_service.grpc.pb.h"

namespace kg::services {

class QueryServiceImpl final : public kg::v1::QueryService::Service {
 public:
  // `store` and `calls` must outlive the service; every call is listed in
  // `calls` while it runs, and stops when cancelled there.
  QueryServiceImpl(const graph::GraphStore& store, const QueryLimits& limits,
                   CallRegistry& calls)
      : store_(store), limits_(limits), calls_(calls) {}

  grpc::Status Traverse(
      grpc::ServerContext* context, const kg::v1::TraverseRequest* request,
      grpc::ServerWriter<kg::v1::TraverseResponse>* writer) override;
  grpc::Status ShortestPath(grpc::ServerContext* context,
                            const kg::v1::ShortestPathRequest* request,
                            kg::v1::ShortestPathResponse* response) override;
  grpc::Status Paths(grpc::ServerContext* context,
                     const kg::v1::PathsRequest* request,
                     kg::v1::PathsResponse* response) override;
  grpc::Status Commitments(grpc::ServerContext* context,
                           const kg::v1::CommitmentsRequest* request,
                           kg::v1::CommitmentsResponse* response) override;
  grpc::Status Search(grpc::ServerContext* context,
                      const kg::v1::SearchRequest* request,
                      kg::v1::SearchResponse* response) override;
  grpc::Status Describe(grpc::ServerContext* context,
                        const kg::v1::DescribeRequest* request,
                        kg::v1::DescribeResponse* response) override;
  grpc::Status Run(grpc::ServerContext* context,
                   const kg::v1::RunRequest* request,
                   grpc::ServerWriter<kg::v1::RunResponse>* writer) override;
  grpc::Status DropScratchGraph(
      grpc::ServerContext* context,
      const kg::v1::DropScratchGraphRequest* request,
      kg::v1::DropScratchGraphResponse* response) override;

 private:
  // Runs `plan` for `request`, once its sizes are checked, on a fresh
  // snapshot under the call's budget, registered in calls_ meanwhile.
  template <typename Plan>
  grpc::Status Serve(absl::string_view method, grpc::ServerContext* context,
                     const google::protobuf::Message& request, Plan plan);

  const graph::GraphStore& store_;
  const QueryLimits limits_;
  CallRegistry& calls_;
  ScratchGraphs scratch_graphs_;
};

}  // namespace kg::services

#endif  // KG_SERVICES_QUERY_SERVICE_H_
