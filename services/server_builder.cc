#include "kg/services/server_builder.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace kg::services {
namespace {

constexpr int kMaxReceiveMessageBytes = 20 << 20;

}  // namespace

absl::StatusOr<std::unique_ptr<KgServer>> KgServer::Start(
    graph::GraphStore& store, const std::string& listen_address,
    const IngestLimits& limits, const QueryLimits& query_limits) {
  // Both are process-wide switches that only affect servers built after
  // them; the reflection plugin registers itself at most once.
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  std::unique_ptr<KgServer> server(new KgServer(store, limits, query_limits));
  grpc::ServerBuilder builder;
  builder.AddListeningPort(listen_address, grpc::InsecureServerCredentials(),
                           &server->port_);
  // Text documents of up to 16 MiB travel in one ImportDocument message.
  builder.SetMaxReceiveMessageSize(kMaxReceiveMessageBytes);
  builder.RegisterService(&server->graph_service_);
  builder.RegisterService(&server->ingest_service_);
  builder.RegisterService(&server->query_service_);
  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr || server->port_ == 0) {
    return absl::UnavailableError(
        absl::StrCat("listen: cannot serve on ", listen_address));
  }
  // Per-service health, besides the server-wide "" that gRPC sets itself.
  for (const char* service : {kg::v1::GraphService::service_full_name(),
                              kg::v1::IngestService::service_full_name(),
                              kg::v1::QueryService::service_full_name()}) {
    server->server_->GetHealthCheckService()->SetServingStatus(service, true);
  }
  std::string host = listen_address.substr(0, listen_address.rfind(':'));
  server->address_ = absl::StrCat(host, ":", server->port_);
  return server;
}

KgServer::~KgServer() { Shutdown(absl::ZeroDuration()); }

void KgServer::Shutdown(absl::Duration grace) {
  if (server_ != nullptr) {
    server_->Shutdown(absl::ToChronoTime(absl::Now() + grace));
  }
}

}  // namespace kg::services
