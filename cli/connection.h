// The CLI's link to kg-server: one channel, the two service stubs, and how
// calls report errors.
#ifndef KG_CLI_CONNECTION_H_
#define KG_CLI_CONNECTION_H_

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "kg/v1/graph_service.grpc.pb.h"
#include "kg/v1/ingest_service.grpc.pb.h"

namespace kg::cli {

class Connection {
 public:
  // `timeout` bounds each call, so a stuck server cannot hang the CLI.
  Connection(const std::string& address, absl::Duration timeout);

  // Stubs are safe to share between calls; calling one leaves the
  // connection as it was.
  kg::v1::GraphService::Stub& graph() const { return *graph_; }
  kg::v1::IngestService::Stub& ingest() const { return *ingest_; }

  // A fresh context for one call, with the deadline set.
  std::unique_ptr<grpc::ClientContext> NewContext() const;

 private:
  absl::Duration timeout_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<kg::v1::GraphService::Stub> graph_;
  std::unique_ptr<kg::v1::IngestService::Stub> ingest_;
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
