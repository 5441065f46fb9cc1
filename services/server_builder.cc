#include "kg/services/server_builder.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>

#include <memory>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "kg/services/auth.h"

namespace kg::services {
namespace {

// Refuses to expose an unprotected listener beyond this machine.
absl::Status CheckExposure(const ServerOptions& options, absl::string_view flag,
                           absl::string_view address) {
  if (IsLoopbackAddress(address) || options.insecure ||
      (!options.token_file.empty() && options.tls.enabled())) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat(
      flag, ": ", address,
      " is reachable from other machines; serve it with --tls_cert, "
      "--tls_key and --token_file, or pass --insecure to serve it "
      "unprotected"));
}

// The credentials `options` ask for, with the check of `tokens` (null when
// there are none) installed; and the refusal to expose an unprotected
// server beyond this machine.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> CredentialsFor(
    const ServerOptions& options,
    const std::shared_ptr<const TokenTable>& tokens) {
  if (!options.token_file.empty() && !options.tls.enabled()) {
    return absl::InvalidArgumentError(
        "--token_file: needs --tls_cert and --tls_key (bearer tokens must "
        "not cross the network in clear)");
  }
  absl::Status exposure =
      CheckExposure(options, "--listen", options.listen_address);
  if (exposure.ok() && !options.http_listen_address.empty()) {
    exposure =
        CheckExposure(options, "--http_listen", options.http_listen_address);
  }
  if (!exposure.ok()) return exposure;
  const TlsFiles& tls = options.tls;
  if (!tls.enabled() && tls.key_file.empty() && tls.client_ca_file.empty()) {
    return grpc::InsecureServerCredentials();
  }
  // Also refuses a partial TLS set-up.
  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
      TlsServerCredentials(tls);
  if (!credentials.ok() || tokens == nullptr) return credentials;
  (*credentials)->SetAuthMetadataProcessor(NewTokenAuthProcessor(tokens));
  return credentials;
}

}  // namespace

absl::StatusOr<std::unique_ptr<KgServer>> KgServer::Start(
    graph::GraphStore& store, const ServerOptions& options) {
  std::shared_ptr<const TokenTable> tokens;
  if (!options.token_file.empty()) {
    absl::StatusOr<TokenTable> table = TokenTable::Load(options.token_file);
    if (!table.ok()) return table.status();
    tokens = std::make_shared<const TokenTable>(*std::move(table));
  }
  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
      CredentialsFor(options, tokens);
  if (!credentials.ok()) return credentials.status();
  const std::string& listen_address = options.listen_address;
  // A process-wide switch; the plugin registers itself at most once.
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  std::unique_ptr<KgServer> server(
      new KgServer(store, options.ingest_limits, options.query_limits));
  grpc::ServerBuilder builder;
  builder.AddListeningPort(listen_address, *credentials, &server->port_);
  builder.SetMaxReceiveMessageSize(options.max_message_bytes);
  builder.RegisterService(&server->graph_service_);
  builder.RegisterService(&server->ingest_service_);
  builder.RegisterService(&server->query_service_);
  builder.RegisterService(&server->admin_service_);
  builder.RegisterService(&server->health_service_);
  std::vector<
      std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
      interceptors;
  interceptors.push_back(
      server->metrics_.NewInterceptorFactory(options.slow_call_threshold));
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr || server->port_ == 0) {
    return absl::UnavailableError(
        absl::StrCat("listen: cannot serve on ", listen_address));
  }
  // The whole server ("") and each service.
  for (const char* service : {"", kg::v1::GraphService::service_full_name(),
                              kg::v1::IngestService::service_full_name(),
                              kg::v1::QueryService::service_full_name(),
                              kg::v1::AdminService::service_full_name()}) {
    server->health_service_.SetServing(service, true);
  }
  std::string host = listen_address.substr(0, listen_address.rfind(':'));
  server->address_ = absl::StrCat(host, ":", server->port_);
  if (!options.http_listen_address.empty()) {
    HttpGatewayOptions http_options;
    http_options.listen_address = options.http_listen_address;
    http_options.tls = options.tls;
    http_options.tokens = std::move(tokens);
    http_options.web_dir = options.web_dir;
    absl::StatusOr<std::unique_ptr<HttpGateway>> http = HttpGateway::Start(
        http_options,
        server->server_->InProcessChannel(grpc::ChannelArguments()),
        server->metrics_);
    if (!http.ok()) return http.status();
    server->http_ = *std::move(http);
  }
  return server;
}

KgServer::~KgServer() { Shutdown(absl::ZeroDuration()); }

void KgServer::Shutdown(absl::Duration grace) {
  http_.reset();
  health_service_.Shutdown();
  if (server_ != nullptr) {
    server_->Shutdown(absl::ToChronoTime(absl::Now() + grace));
  }
}

}  // namespace kg::services
