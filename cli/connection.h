// The CLI's link to kg-server: one channel, the two service stubs, and how
// calls report errors.
#ifndef KG_CLI_CONNECTION_H_
#define KG_CLI_CONNECTION_H_

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "kg/v1/admin_service.grpc.pb.h"
#include "kg/v1/graph_service.grpc.pb.h"
#include "kg/v1/ingest_service.grpc.pb.h"
#include "kg/v1/query_service.grpc.pb.h"

namespace kg::cli {

class ParsedArgs;

// How the CLI proves who it is and checks whom it talks to.
struct ChannelSecurity {
  // Sent as "authorization: Bearer <token>" with every call; empty sends
  // none.
  std::string token;
  bool tls = false;
  // PEM roots that sign the server's certificate; empty trusts the
  // system's roots.
  std::string root_certs;
  // A client certificate and its key (PEM), for servers that ask for one.
  std::string cert_chain;
  std::string private_key;
};

// The security the global options ask for: --token (else the KG_TOKEN
// environment variable), --tls, --tls_ca, --tls_cert and --tls_key (files
// read here; any of them means TLS). InvalidArgument naming the option for
// an unreadable file or a certificate without its key.
absl::StatusOr<ChannelSecurity> ChannelSecurityFrom(const ParsedArgs& args);

class Connection {
 public:
  // `timeout` bounds each call, so a stuck server cannot hang the CLI.
  Connection(const std::string& address, absl::Duration timeout,
             const ChannelSecurity& security = {});

  // Stubs are safe to share between calls; calling one leaves the
  // connection as it was.
  kg::v1::GraphService::Stub& graph() const { return *graph_; }
  kg::v1::IngestService::Stub& ingest() const { return *ingest_; }
  kg::v1::AdminService::Stub& admin() const { return *admin_; }
  kg::v1::QueryService::Stub& query() const { return *query_; }

  // A fresh context for one call, with the deadline set.
  std::unique_ptr<grpc::ClientContext> NewContext() const;

 private:
  absl::Duration timeout_;
  std::string authorization_;  // The metadata value; empty for none.
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<kg::v1::GraphService::Stub> graph_;
  std::unique_ptr<kg::v1::IngestService::Stub> ingest_;
  std::unique_ptr<kg::v1::AdminService::Stub> admin_;
  std::unique_ptr<kg::v1::QueryService::Stub> query_;
};

// gRPC and absl status codes are the same numbers.
absl::Status ToAbslStatus(const grpc::Status& status);

// Calls a paginated list RPC, `call(context, request, response)`, page after
// page until the server returns no next_page_token, handing each response
// to `consume`.
template <typename Request, typename Response, typename Call, typename Consume>
absl::Status ListAllPages(const Connection& connection, Request request,
                          Call call, Consume consume) {
  do {
    std::unique_ptr<grpc::ClientContext> context = connection.NewContext();
    Response response;
    const grpc::Status status = call(context.get(), request, &response);
    if (!status.ok()) return ToAbslStatus(status);
    consume(response);
    request.set_page_token(response.next_page_token());
  } while (!request.page_token().empty());
  return absl::OkStatus();
}

// Hand every node (ForEachNode) or every edge (ForEachEdge) of the graph
// to `consume`, fetched in pages of the largest size the API allows.
absl::Status ForEachNode(
    const Connection& connection,
    const std::function<void(const kg::v1::Node&)>& consume);
absl::Status ForEachEdge(
    const Connection& connection,
    const std::function<void(const kg::v1::Edge&)>& consume);

// Writes "kg: [context: ]CODE: message" to `err` and returns the exit
// status for a failed command.
int ReportError(const absl::Status& status, std::ostream& err,
                absl::string_view context = "");

// Exit statuses.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

}  // namespace kg::cli

#endif  // KG_CLI_CONNECTION_H_
