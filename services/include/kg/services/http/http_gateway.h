// HttpGateway: kg-server's HTTP/1.1 listener, for browsers and tools that
// cannot speak gRPC.
//
//   GET  /healthz            200 "ok" while the server runs.
//   GET  /metrics            Prometheus text (ServerMetrics::Render).
//   GET  /, /app.js, ...     the browser explorer (static_files.h), when
//                            web_dir is set.
//   POST /api/v1/<endpoint>  the body is a request message in protobuf's
//                            JSON mapping (empty means all defaults); the
//                            answer is the response message in the same
//                            mapping, or for a streaming method a JSON
//                            array of its response messages.
//
// Endpoints: get, batch_get, nodes, neighbours (ListEdges), stats, search,
// describe, traverse, shortest_path, paths, commitments, query (Run),
// store_stats, calls (ListRunningCalls), cancel_call (CancelCall). Each calls
// its gRPC method over an in-process channel to the same server, so the
// answers, limits and metrics are the gRPC ones.
//
// A failure answers {"code": "<gRPC status name>", "message": "..."} with
// the HTTP status usual for that code (INVALID_ARGUMENT 400, NOT_FOUND 404,
// UNAUTHENTICATED 401, ...). With tokens, every path but /healthz needs the
// role its gRPC method needs (/metrics: GetStoreStats's), from an
// "Authorization: Bearer <token>" header or a "kg_token" cookie.
#ifndef KG_SERVICES_HTTP_HTTP_GATEWAY_H_
#define KG_SERVICES_HTTP_HTTP_GATEWAY_H_

#include <grpcpp/channel.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "kg/services/auth.h"
#include "kg/services/http/server_metrics.h"
#include "kg/services/tls.h"

namespace httplib {
class Server;
}

namespace kg::services {

struct HttpGatewayOptions {
  // "host:port"; port 0 picks a free port.
  std::string listen_address;
  // HTTPS with this certificate and key when tls.enabled().
  TlsFiles tls;
  // Null lets every caller call everything.
  std::shared_ptr<const TokenTable> tokens;
  // The explorer's folder (web/); empty serves no explorer.
  std::string web_dir;
};

class HttpGateway {
 public:
  // Serves on a thread of its own until destroyed. `channel` reaches the
  // gRPC services; `metrics` must outlive the gateway. Unavailable when
  // the address cannot be bound, InvalidArgument for unusable TLS files.
  static absl::StatusOr<std::unique_ptr<HttpGateway>> Start(
      const HttpGatewayOptions& options, std::shared_ptr<grpc::Channel> channel,
      const ServerMetrics& metrics);

  HttpGateway(const HttpGateway&) = delete;
  HttpGateway& operator=(const HttpGateway&) = delete;
  // Stops listening and waits for requests being answered.
  ~HttpGateway();

  // The address actually bound: the host asked for and the port chosen.
  const std::string& address() const { return address_; }

 private:
  HttpGateway() = default;

  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  // Set by thread_ once the server loop has returned.
  std::atomic<bool> finished_ = false;
  std::string address_;
};

}  // namespace kg::services

#endif  // KG_SERVICES_HTTP_HTTP_GATEWAY_H_
