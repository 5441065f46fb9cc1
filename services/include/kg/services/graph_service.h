// kg.v1.GraphService over a GraphStore: the read side of the API.
//
// Every call reads through one engine Snapshot, so it never sees half of
// a commit. Malformed requests are INVALID_ARGUMENT naming the field
// ("key: must not be empty"); unknown keys are NOT_FOUND naming the key.
#ifndef KG_SERVICES_GRAPH_SERVICE_H_
#define KG_SERVICES_GRAPH_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "kg/graph/graph_store.h"
#include "kg/v1/graph_service.grpc.pb.h"

namespace kg::services {

// At most this many keys per BatchGetNodes.
inline constexpr int kMaxBatchKeys = 1000;

class GraphServiceImpl final : public kg::v1::GraphService::Service {
 public:
  // `store` must outlive the service.
  explicit GraphServiceImpl(const graph::GraphStore& store) : store_(store) {}

  grpc::Status GetNode(grpc::ServerContext* context,
                       const kg::v1::GetNodeRequest* request,
                       kg::v1::Node* response) override;
  // Nodes in the order of the keys asked for; one unknown key fails all.
  grpc::Status BatchGetNodes(grpc::ServerContext* context,
                             const kg::v1::BatchGetNodesRequest* request,
                             kg::v1::BatchGetNodesResponse* response) override;
  // Nodes matching every filter given; no filter lists every node.
  grpc::Status ListNodes(grpc::ServerContext* context,
                         const kg::v1::ListNodesRequest* request,
                         kg::v1::ListNodesResponse* response) override;
  // A node's edges; an empty node_key lists every edge of the graph.
  grpc::Status ListEdges(grpc::ServerContext* context,
                         const kg::v1::ListEdgesRequest* request,
                         kg::v1::ListEdgesResponse* response) override;
  grpc::Status GetStats(grpc::ServerContext* context,
                        const kg::v1::GetStatsRequest* request,
                        kg::v1::GetStatsResponse* response) override;

 private:
  const graph::GraphStore& store_;
};

}  // namespace kg::services

#endif  // KG_SERVICES_GRAPH_SERVICE_H_
