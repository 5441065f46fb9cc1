#include "connection.h"

#include <stdlib.h>

#include <limits>
#include <utility>

#include "absl/strings/str_cat.h"
#include "args.h"
#include "kg/services/tls.h"

namespace kg::cli {
namespace {

// kg-server accepts messages of up to 20 MiB: a text document of up to
// text::kMaxDocumentBytes (16 MiB) with its metadata in one ImportDocument
// call.
constexpr int kMaxSendMessageBytes = 20 << 20;

// The largest page the API allows: fewest round trips.
constexpr int kPageSize = 1000;

// The contents of the file option `name` names, into `*contents`; nothing
// when the option is absent.
absl::Status ReadOptionFile(const ParsedArgs& args, absl::string_view name,
                            std::string* contents) {
  if (!args.Has(name)) return absl::OkStatus();
  absl::StatusOr<std::string> text =
      services::ReadSettingsFile(absl::StrCat("--", name), args.Value(name));
  if (!text.ok()) return text.status();
  *contents = *std::move(text);
  return absl::OkStatus();
}

std::shared_ptr<grpc::ChannelCredentials> CredentialsFor(
    const ChannelSecurity& security) {
  if (!security.tls) return grpc::InsecureChannelCredentials();
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = security.root_certs;
  options.pem_cert_chain = security.cert_chain;
  options.pem_private_key = security.private_key;
  return grpc::SslCredentials(options);
}

}  // namespace

absl::StatusOr<ChannelSecurity> ChannelSecurityFrom(const ParsedArgs& args) {
  ChannelSecurity security;
  if (args.Has("token")) {
    security.token = args.Value("token");
  } else if (const char* token = getenv("KG_TOKEN"); token != nullptr) {
    security.token = token;
  }
  if (args.Has("tls_cert") != args.Has("tls_key")) {
    return absl::InvalidArgumentError(
        "--tls_cert, --tls_key: give both or neither");
  }
  const std::pair<const char*, std::string*> files[] = {
      {"tls_ca", &security.root_certs},
      {"tls_cert", &security.cert_chain},
      {"tls_key", &security.private_key}};
  for (const auto& [name, contents] : files) {
    absl::Status read = ReadOptionFile(args, name, contents);
    if (!read.ok()) return read;
  }
  security.tls = args.Has("tls") || args.Has("tls_ca") || args.Has("tls_cert");
  return security;
}

Connection::Connection(const std::string& address, absl::Duration timeout,
                       const ChannelSecurity& security)
    : timeout_(timeout),
      authorization_(security.token.empty()
                         ? ""
                         : absl::StrCat("Bearer ", security.token)) {
  grpc::ChannelArguments arguments;
  // A page of nodes with many sources each can exceed gRPC's 4 MiB default.
  arguments.SetMaxReceiveMessageSize(std::numeric_limits<int>::max());
  arguments.SetMaxSendMessageSize(kMaxSendMessageBytes);
  channel_ =
      grpc::CreateCustomChannel(address, CredentialsFor(security), arguments);
  graph_ = kg::v1::GraphService::NewStub(channel_);
  ingest_ = kg::v1::IngestService::NewStub(channel_);
  admin_ = kg::v1::AdminService::NewStub(channel_);
  query_ = kg::v1::QueryService::NewStub(channel_);
}

std::unique_ptr<grpc::ClientContext> Connection::NewContext() const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(absl::ToChronoTime(absl::Now() + timeout_));
  if (!authorization_.empty()) {
    context->AddMetadata("authorization", authorization_);
  }
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
