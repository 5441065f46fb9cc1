#include "connection.h"

#include <limits>

#include "absl/strings/str_cat.h"

namespace kg::cli {
namespace {

// kg-server accepts messages of up to 20 MiB: a text document of up to
// text::kMaxDocumentBytes (16 MiB) with its metadata in one ImportDocument
// call.
constexpr int kMaxSendMessageBytes = 20 << 20;

// The largest page the API allows: fewest round trips.
constexpr int kPageSize = 1000;

}  // namespace

Connection::Connection(const std::string& address, absl::Duration timeout)
    : timeout_(timeout) {
  grpc::ChannelArguments arguments;
  // A page of nodes with many sources each can exceed gRPC's 4 MiB default.
  arguments.SetMaxReceiveMessageSize(std::numeric_limits<int>::max());
  arguments.SetMaxSendMessageSize(kMaxSendMessageBytes);
  channel_ = grpc::CreateCustomChannel(
      address, grpc::InsecureChannelCredentials(), arguments);
  graph_ = kg::v1::GraphService::NewStub(channel_);
  ingest_ = kg::v1::IngestService::NewStub(channel_);
}

std::unique_ptr<grpc::ClientContext> Connection::NewContext() const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(absl::ToChronoTime(absl::Now() + timeout_));
  return context;
}

absl::Status ToAbslStatus(const grpc::Status& status) {
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
}

absl::Status ForEachNode(
    const Connection& connection,
    const std::function<void(const kg::v1::Node&)>& consume) {
  kg::v1::ListNodesRequest request;
  request.set_page_size(kPageSize);
  return ListAllPages<kg::v1::ListNodesRequest, kg::v1::ListNodesResponse>(
      connection, request,
      [&connection](grpc::ClientContext* call, const auto& page_request,
                    auto* response) {
        return connection.graph().ListNodes(call, page_request, response);
      },
      [&consume](const kg::v1::ListNodesResponse& response) {
        for (const kg::v1::Node& node : response.nodes()) consume(node);
      });
}

absl::Status ForEachEdge(
    const Connection& connection,
    const std::function<void(const kg::v1::Edge&)>& consume) {
  kg::v1::ListEdgesRequest request;
  request.set_page_size(kPageSize);
  return ListAllPages<kg::v1::ListEdgesRequest, kg::v1::ListEdgesResponse>(
      connection, request,
      [&connection](grpc::ClientContext* call, const auto& page_request,
                    auto* response) {
        return connection.graph().ListEdges(call, page_request, response);
      },
      [&consume](const kg::v1::ListEdgesResponse& response) {
        for (const kg::v1::Edge& edge : response.edges()) consume(edge);
      });
}

int ReportError(const absl::Status& status, std::ostream& err,
                absl::string_view context) {
  err << "kg: " << context << (context.empty() ? "" : ": ")
      << absl::StatusCodeToString(status.code()) << ": " << status.message()
      << "\n";
  return kExitFailure;
}

}  // namespace kg::cli
