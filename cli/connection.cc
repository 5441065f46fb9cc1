#include "connection.h"

#include <limits>

#include "absl/strings/str_cat.h"

namespace kg::cli {

Connection::Connection(const std::string& address, absl::Duration timeout)
    : timeout_(timeout) {
  grpc::ChannelArguments arguments;
  // A page of nodes with many sources each can exceed gRPC's 4 MiB default.
  arguments.SetMaxReceiveMessageSize(std::numeric_limits<int>::max());
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

int ReportError(const absl::Status& status, std::ostream& err,
                absl::string_view context) {
  err << "kg: " << context << (context.empty() ? "" : ": ")
      << absl::StatusCodeToString(status.code()) << ": " << status.message()
      << "\n";
  return kExitFailure;
}

}  // namespace kg::cli
