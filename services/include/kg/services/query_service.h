// kg.v1.QueryService over a GraphStore: traversals, paths, commitments,
// search and descriptions (see query_service.proto for the contract).
//
// Each call reads one snapshot under a budget made of the server's
// QueryLimits, the client's deadline and its cancellation, and runs the
// plan of query_plans.h.
#ifndef KG_SERVICES_QUERY_SERVICE_H_
#define KG_SERVICES_QUERY_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "kg/graph/graph_store.h"
#include "kg/services/query_limits.h"
#include "kg/v1/query_service.grpc.pb.h"

namespace kg::services {

class QueryServiceImpl final : public kg::v1::QueryService::Service {
 public:
  // `store` must outlive the service.
  QueryServiceImpl(const graph::GraphStore& store, const QueryLimits& limits)
      : store_(store), limits_(limits) {}

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

 private:
  const graph::GraphStore& store_;
  const QueryLimits limits_;
};

}  // namespace kg::services

#endif  // KG_SERVICES_QUERY_SERVICE_H_
