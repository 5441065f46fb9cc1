// The kg gRPC server: GraphService, IngestService and QueryService over
// one GraphStore,
// plus the standard health service (grpc.health.v1, SERVING) and server
// reflection (v1alpha), so generic gRPC tools can discover the API.
#ifndef KG_SERVICES_SERVER_BUILDER_H_
#define KG_SERVICES_SERVER_BUILDER_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "kg/graph/graph_store.h"
#include "kg/services/graph_service.h"
#include "kg/services/ingest_service.h"
#include "kg/services/query_limits.h"
#include "kg/services/query_service.h"

namespace kg::services {

class KgServer {
 public:
  // Starts serving `store`, which must outlive the server, on
  // `listen_address` ("host:port"; port 0 picks a free port). Unavailable
  // when the address cannot be bound.
  static absl::StatusOr<std::unique_ptr<KgServer>> Start(
      graph::GraphStore& store, const std::string& listen_address,
      const IngestLimits& limits = {}, const QueryLimits& query_limits = {});

  KgServer(const KgServer&) = delete;
  KgServer& operator=(const KgServer&) = delete;
  // Cancels calls still running (see Shutdown).
  ~KgServer();

  // The address actually bound: the host asked for and the port chosen.
  const std::string& address() const { return address_; }
  int port() const { return port_; }

  // Stops accepting calls and waits up to `grace` for running ones, then
  // cancels them. Later calls do nothing.
  void Shutdown(absl::Duration grace);

 private:
  KgServer(graph::GraphStore& store, const IngestLimits& limits,
           const QueryLimits& query_limits)
      : graph_service_(store),
        ingest_service_(store, limits),
        query_service_(store, query_limits) {}

  GraphServiceImpl graph_service_;
  IngestServiceImpl ingest_service_;
  QueryServiceImpl query_service_;
  // Declared after the services so that it is destroyed before them.
  std::unique_ptr<grpc::Server> server_;
  std::string address_;
  int port_ = 0;
};

}  // namespace kg::services

#endif  // KG_SERVICES_SERVER_BUILDER_H_
