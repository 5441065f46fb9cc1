#include "kg/services/http/http_gateway.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <grpcpp/grpcpp.h>
#include <httplib.h>

#include <chrono>
#include <functional>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "kg/services/http/static_files.h"
#include "kg/services/status_mapping.h"
#include "kg/v1/admin_service.grpc.pb.h"
#include "kg/v1/graph_service.grpc.pb.h"
#include "kg/v1/query_service.grpc.pb.h"

namespace kg::services {
namespace {

// The cookie a browser session keeps its token in.
constexpr absl::string_view kTokenCookie = "kg_token";

// Calls one gRPC method with the JSON request `body`, setting `json` to
// the JSON answer.
using JsonCall =
    std::function<grpc::Status(const std::string& body, std::string& json)>;

struct Endpoint {
  std::string path;
  // "/kg.v1.GraphService/GetNode": what the token rule checks.
  std::string grpc_method;
  JsonCall call;
};

grpc::Status ParseRequest(const std::string& body,
                          google::protobuf::Message& request) {
  if (body.empty()) return grpc::Status::OK;
  google::protobuf::util::JsonParseOptions options;
  auto parsed =
      google::protobuf::util::JsonStringToMessage(body, &request, options);
  if (parsed.ok()) return grpc::Status::OK;
  return grpc::Status(
      grpc::StatusCode::INVALID_ARGUMENT,
      absl::StrCat("request body: not a JSON ", request.GetTypeName(), ": ",
                   parsed.message().as_string()));
}

void AppendJson(const google::protobuf::Message& message, std::string& json) {
  std::string one;
  // Messages built by the services always print.
  google::protobuf::util::MessageToJsonString(message, &one);
  json += one;
}

template <typename Stub, typename Request, typename Response>
JsonCall Unary(std::shared_ptr<Stub> stub,
               grpc::Status (Stub::*method)(grpc::ClientContext*,
                                            const Request&, Response*)) {
  return [stub, method](const std::string& body, std::string& json) {
    Request request;
    grpc::Status status = ParseRequest(body, request);
    if (!status.ok()) return status;
    Response response;
    grpc::ClientContext context;
    status = (stub.get()->*method)(&context, request, &response);
    if (status.ok()) AppendJson(response, json);
    return status;
  };
}

template <typename Stub, typename Request, typename Response>
JsonCall ServerStreaming(std::shared_ptr<Stub> stub,
                         std::unique_ptr<grpc::ClientReader<Response>> (
                             Stub::*method)(grpc::ClientContext*,
                                            const Request&)) {
  return [stub, method](const std::string& body, std::string& json) {
    Request request;
    grpc::Status status = ParseRequest(body, request);
    if (!status.ok()) return status;
    grpc::ClientContext context;
    std::unique_ptr<grpc::ClientReader<Response>> reader =
        (stub.get()->*method)(&context, request);
    json = "[";
    Response response;
    for (bool first = true; reader->Read(&response); first = false) {
      if (!first) json += ",";
      AppendJson(response, json);
    }
    json += "]";
    return reader->Finish();
  };
}

std::string MethodName(const char* service, absl::string_view method) {
  return absl::StrCat("/", service, "/", method);
}

std::vector<Endpoint> Endpoints(const std::shared_ptr<grpc::Channel>& channel) {
  using kg::v1::AdminService;
  using kg::v1::GraphService;
  using kg::v1::QueryService;
  std::shared_ptr<GraphService::Stub> graph = GraphService::NewStub(channel);
  std::shared_ptr<QueryService::Stub> query = QueryService::NewStub(channel);
  std::shared_ptr<AdminService::Stub> admin = AdminService::NewStub(channel);
  const char* graph_name = GraphService::service_full_name();
  const char* query_name = QueryService::service_full_name();
  return {
      {"get", MethodName(graph_name, "GetNode"),
       Unary(graph, &GraphService::Stub::GetNode)},
      {"batch_get", MethodName(graph_name, "BatchGetNodes"),
       Unary(graph, &GraphService::Stub::BatchGetNodes)},
      {"nodes", MethodName(graph_name, "ListNodes"),
       Unary(graph, &GraphService::Stub::ListNodes)},
      {"neighbours", MethodName(graph_name, "ListEdges"),
       Unary(graph, &GraphService::Stub::ListEdges)},
      {"stats", MethodName(graph_name, "GetStats"),
       Unary(graph, &GraphService::Stub::GetStats)},
      {"search", MethodName(query_name, "Search"),
       Unary(query, &QueryService::Stub::Search)},
      {"describe", MethodName(query_name, "Describe"),
       Unary(query, &QueryService::Stub::Describe)},
      {"traverse", MethodName(query_name, "Traverse"),
       ServerStreaming(query, &QueryService::Stub::Traverse)},
      {"shortest_path", MethodName(query_name, "ShortestPath"),
       Unary(query, &QueryService::Stub::ShortestPath)},
      {"paths", MethodName(query_name, "Paths"),
       Unary(query, &QueryService::Stub::Paths)},
      {"commitments", MethodName(query_name, "Commitments"),
       Unary(query, &QueryService::Stub::Commitments)},
      {"query", MethodName(query_name, "Run"),
       ServerStreaming(query, &QueryService::Stub::Run)},
      {"store_stats",
       MethodName(AdminService::service_full_name(), "GetStoreStats"),
       Unary(admin, &AdminService::Stub::GetStoreStats)},
      {"calls",
       MethodName(AdminService::service_full_name(), "ListRunningCalls"),
       Unary(admin, &AdminService::Stub::ListRunningCalls)},
      {"cancel_call",
       MethodName(AdminService::service_full_name(), "CancelCall"),
       Unary(admin, &AdminService::Stub::CancelCall)},
  };
}

// The usual HTTP status for a gRPC code (as grpc-gateway maps them).
int HttpStatusFor(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return 200;
    case grpc::StatusCode::CANCELLED:
      return 499;
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::FAILED_PRECONDITION:
    case grpc::StatusCode::OUT_OF_RANGE:
      return 400;
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return 504;
    case grpc::StatusCode::NOT_FOUND:
      return 404;
    case grpc::StatusCode::ALREADY_EXISTS:
    case grpc::StatusCode::ABORTED:
      return 409;
    case grpc::StatusCode::PERMISSION_DENIED:
      return 403;
    case grpc::StatusCode::UNAUTHENTICATED:
      return 401;
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return 429;
    case grpc::StatusCode::UNIMPLEMENTED:
      return 501;
    case grpc::StatusCode::UNAVAILABLE:
      return 503;
    default:
      return 500;
  }
}

void SendError(const absl::Status& status, httplib::Response& response) {
  google::protobuf::Struct error;
  (*error.mutable_fields())["code"].set_string_value(
      absl::StatusCodeToString(status.code()));
  (*error.mutable_fields())["message"].set_string_value(
      std::string(status.message()));
  std::string json;
  AppendJson(error, json);
  response.status = HttpStatusFor(static_cast<grpc::StatusCode>(status.code()));
  response.set_content(json, "application/json");
}

// The request's credentials as gRPC metadata would carry them: the
// Authorization header, else the token cookie as a bearer token.
std::string Authorization(const httplib::Request& request) {
  if (request.has_header("Authorization")) {
    return request.get_header_value("Authorization");
  }
  for (absl::string_view cookie :
       absl::StrSplit(request.get_header_value("Cookie"), ';')) {
    cookie = absl::StripLeadingAsciiWhitespace(cookie);
    if (absl::ConsumePrefix(&cookie, kTokenCookie) &&
        absl::ConsumePrefix(&cookie, "=")) {
      return absl::StrCat("Bearer ", cookie);
    }
  }
  return "";
}

absl::Status Authorize(const TokenTable* tokens, absl::string_view method,
                       const httplib::Request& request) {
  if (tokens == nullptr) return absl::OkStatus();
  return tokens->Authorize(method, Authorization(request));
}

// Routes every path of the contract onto `server`.
void AddRoutes(std::shared_ptr<grpc::Channel> channel,
               const ServerMetrics& metrics,
               std::shared_ptr<const TokenTable> tokens,
               httplib::Server& server) {
  server.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("ok\n", "text/plain");
  });
  for (Endpoint& endpoint : Endpoints(channel)) {
    // Before the handler takes `endpoint` over.
    const std::string path = absl::StrCat("/api/v1/", endpoint.path);
    server.Post(path, [endpoint = std::move(endpoint), tokens](
                          const httplib::Request& req, httplib::Response& res) {
      absl::Status allowed = Authorize(tokens.get(), endpoint.grpc_method, req);
      if (!allowed.ok()) return SendError(allowed, res);
      std::string json;
      grpc::Status status = endpoint.call(req.body, json);
      if (!status.ok()) return SendError(FromGrpcStatus(status), res);
      res.set_content(json, "application/json");
    });
  }
  std::shared_ptr<kg::v1::GraphService::Stub> graph =
      kg::v1::GraphService::NewStub(channel);
  std::shared_ptr<kg::v1::AdminService::Stub> admin =
      kg::v1::AdminService::NewStub(channel);
  server.Get("/metrics", [graph, admin, &metrics, tokens](
                             const httplib::Request& req,
                             httplib::Response& res) {
    absl::Status allowed = Authorize(
        tokens.get(),
        MethodName(kg::v1::AdminService::service_full_name(), "GetStoreStats"),
        req);
    if (!allowed.ok()) return SendError(allowed, res);
    kg::v1::GetStatsResponse graph_stats;
    grpc::ClientContext graph_context;
    grpc::Status status = graph->GetStats(
        &graph_context, kg::v1::GetStatsRequest(), &graph_stats);
    kg::v1::GetStoreStatsResponse store_stats;
    grpc::ClientContext store_context;
    if (status.ok()) {
      status = admin->GetStoreStats(
          &store_context, kg::v1::GetStoreStatsRequest(), &store_stats);
    }
    if (!status.ok()) return SendError(FromGrpcStatus(status), res);
    res.set_content(metrics.Render(graph_stats, store_stats),
                    "text/plain; version=0.0.4");
  });
}

absl::StatusOr<std::unique_ptr<httplib::Server>> NewServer(
    const TlsFiles& tls) {
  if (!tls.enabled()) return std::make_unique<httplib::Server>();
  auto server = std::make_unique<httplib::SSLServer>(
      tls.cert_file.c_str(), tls.key_file.c_str(),
      tls.client_ca_file.empty() ? nullptr : tls.client_ca_file.c_str());
  if (!server->is_valid()) {
    return absl::InvalidArgumentError(
        "--tls_cert, --tls_key: cannot serve HTTPS with these files");
  }
  return server;
}

}  // namespace

absl::StatusOr<std::unique_ptr<HttpGateway>> HttpGateway::Start(
    const HttpGatewayOptions& options, std::shared_ptr<grpc::Channel> channel,
    const ServerMetrics& metrics) {
  const std::string& address = options.listen_address;
  const size_t colon = address.rfind(':');
  int port = 0;
  if (colon == std::string::npos ||
      !absl::SimpleAtoi(address.substr(colon + 1), &port) || port < 0 ||
      port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("--http_listen: '", address, "' is not host:port"));
  }
  const std::string host = address.substr(0, colon);
  std::string bind_host(absl::StripSuffix(absl::StripPrefix(host, "["), "]"));

  absl::StatusOr<std::unique_ptr<httplib::Server>> server =
      NewServer(options.tls);
  if (!server.ok()) return server.status();
  AddRoutes(std::move(channel), metrics, options.tokens, **server);
  if (!options.web_dir.empty()) AddStaticFileRoutes(options.web_dir, **server);
  if (port == 0) {
    port = (*server)->bind_to_any_port(bind_host);
  } else if (!(*server)->bind_to_port(bind_host, port)) {
    port = -1;
  }
  if (port <= 0) {
    return absl::UnavailableError(
        absl::StrCat("--http_listen: cannot serve on ", address));
  }
  std::unique_ptr<HttpGateway> gateway(new HttpGateway());
  gateway->server_ = *std::move(server);
  gateway->address_ = absl::StrCat(host, ":", port);
  HttpGateway* started = gateway.get();
  gateway->thread_ = std::thread([started] {
    started->server_->listen_after_bind();
    started->finished_ = true;
  });
  // httplib's stop() does nothing before the loop runs, so the destructor
  // could wait forever for a gateway stopped right after it started.
  while (!gateway->server_->is_running() && !gateway->finished_) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return gateway;
}

HttpGateway::~HttpGateway() {
  server_->stop();
  thread_.join();
}

}  // namespace kg::services
