// The kg gRPC server: GraphService, IngestService, QueryService and
// AdminService over one GraphStore,
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
#include "kg/services/admin_service.h"
#include "kg/services/call_registry.h"
#include "kg/services/graph_service.h"
#include "kg/services/health_service.h"
#include "kg/services/http/http_gateway.h"
#include "kg/services/http/server_metrics.h"
#include "kg/services/ingest_service.h"
#include "kg/services/query_limits.h"
#include "kg/services/query_service.h"
#include "kg/services/tls.h"

namespace kg::services {

// Everything a KgServer is started with besides its store.
struct ServerOptions {
  // "host:port"; port 0 picks a free port.
  std::string listen_address = "127.0.0.1:0";
  IngestLimits ingest_limits;
  QueryLimits query_limits;
  // Largest request message; larger ones fail with RESOURCE_EXHAUSTED.
  // Text documents of up to 16 MiB travel in one ImportDocument message.
  int max_message_bytes = 20 << 20;
  // Plaintext unless tls.cert_file is set.
  TlsFiles tls;
  // Token file of hashes and roles (see auth.h); empty lets every caller
  // call everything. Needs TLS: bearer tokens must not cross in clear.
  std::string token_file;
  // Allows a non-loopback listen_address without TLS and tokens.
  bool insecure = false;
  // "host:port" of the HTTP listener (http_gateway.h), with the same TLS,
  // token and loopback rules; empty serves no HTTP.
  std::string http_listen_address;
  // The browser explorer's folder, served on the HTTP listener; empty
  // serves none.
  std::string web_dir;
  // Calls taking at least this long are logged on stderr as JSON lines
  // (slow_call_log.h); infinite logs none.
  absl::Duration slow_call_threshold = absl::InfiniteDuration();
};

class KgServer {
 public:
  // Starts serving `store`, which must outlive the server. Unavailable when
  // the address cannot be bound; InvalidArgument naming the option for a
  // TLS or token set-up that cannot be used, tokens without TLS, or a
  // non-loopback address without TLS and tokens (unless `insecure`).
  static absl::StatusOr<std::unique_ptr<KgServer>> Start(
      graph::GraphStore& store, const ServerOptions& options);

  KgServer(const KgServer&) = delete;
  KgServer& operator=(const KgServer&) = delete;
  // Cancels calls still running (see Shutdown).
  ~KgServer();

  // The address actually bound: the host asked for and the port chosen.
  const std::string& address() const { return address_; }
  int port() const { return port_; }
  // The HTTP address bound; empty without an HTTP listener.
  std::string http_address() const {
    return http_ == nullptr ? "" : http_->address();
  }

  // Stops accepting calls and waits up to `grace` for running ones, then
  // cancels them. Later calls do nothing.
  void Shutdown(absl::Duration grace);

 private:
  KgServer(graph::GraphStore& store, const IngestLimits& limits,
           const QueryLimits& query_limits)
      : graph_service_(store),
        ingest_service_(store, limits, &metrics_),
        query_service_(store, query_limits, calls_),
        admin_service_(store, calls_) {}

  // Declared before the services that register calls in it.
  CallRegistry calls_;
  // Declared before the ingest service and the server, which record into
  // it.
  ServerMetrics metrics_;
  GraphServiceImpl graph_service_;
  IngestServiceImpl ingest_service_;
  QueryServiceImpl query_service_;
  AdminServiceImpl admin_service_;
  HealthServiceImpl health_service_;
  // Declared after the services so that it is destroyed before them.
  std::unique_ptr<grpc::Server> server_;
  std::string address_;
  int port_ = 0;
  // Calls the server through an in-process channel: stopped first.
  std::unique_ptr<HttpGateway> http_;
};

}  // namespace kg::services

#endif  // KG_SERVICES_SERVER_BUILDER_H_
