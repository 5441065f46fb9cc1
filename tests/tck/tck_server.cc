#include "tck_server.h"

#include <stdlib.h>

#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "kg/services/status_mapping.h"

namespace kg::tck {
namespace {

// The one value of each row `outcome` holds, which must be of `kind`.
absl::StatusOr<std::vector<kg::v1::CypherValue>> Column(
    const QueryOutcome& outcome, kg::v1::CypherValue::KindCase kind) {
  if (!outcome.status.ok()) return services::FromGrpcStatus(outcome.status);
  std::vector<kg::v1::CypherValue> values;
  for (const std::vector<kg::v1::CypherValue>& row : outcome.rows) {
    if (row.size() != 1 || row[0].kind_case() != kind) {
      return absl::InternalError("unexpected row reading the graph");
    }
    values.push_back(row[0]);
  }
  return values;
}

}  // namespace

absl::StatusOr<std::unique_ptr<TckServer>> TckServer::Start() {
  std::unique_ptr<TckServer> server(new TckServer());
  std::string pattern =
      (std::filesystem::temp_directory_path() / "kg-tck-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return absl::InternalError(absl::StrCat("cannot create ", pattern));
  }
  server->dir_ = pattern;
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      graph::GraphStore::Open((server->dir_ / "db").string());
  if (!store.ok()) return store.status();
  server->store_ = *std::move(store);
  services::ServerOptions options;
  // The TCK's graphs are small, but some scenarios expand a lot of paths.
  options.query_limits.max_rows = 10'000'000;
  options.query_limits.max_expansions = 100'000'000;
  options.query_limits.max_time = absl::Minutes(1);
  options.query_limits.max_scratch_graphs = 1;
  absl::StatusOr<std::unique_ptr<services::KgServer>> started =
      services::KgServer::Start(*server->store_, options);
  if (!started.ok()) return started.status();
  server->server_ = *std::move(started);
  server->query_ = kg::v1::QueryService::NewStub(grpc::CreateChannel(
      server->server_->address(), grpc::InsecureChannelCredentials()));
  return server;
}

TckServer::~TckServer() {
  // The server reads the store, and RocksDB must close before its
  // directory goes.
  server_.reset();
  store_.reset();
  if (!dir_.empty()) std::filesystem::remove_all(dir_);
}

QueryOutcome TckServer::Run(const std::string& graph, const std::string& query,
                            const Parameters& parameters) {
  kg::v1::RunRequest request;
  request.set_query(query);
  request.set_scratch_graph(graph);
  *request.mutable_parameters() = parameters;
  return kg::testing::RunCypher(*query_, request);
}

absl::StatusOr<GraphCounts> TckServer::Counts(const std::string& graph) {
  absl::StatusOr<std::vector<kg::v1::CypherValue>> nodes = Column(
      Run(graph, "MATCH (n) RETURN n", {}), kg::v1::CypherValue::kNodeValue);
  if (!nodes.ok()) return nodes.status();
  absl::StatusOr<std::vector<kg::v1::CypherValue>> relationships =
      Column(Run(graph, "MATCH ()-[r]->() RETURN r", {}),
             kg::v1::CypherValue::kRelationshipValue);
  if (!relationships.ok()) return relationships.status();
  GraphCounts counts;
  absl::flat_hash_set<std::string> labels;
  for (const kg::v1::CypherValue& node : *nodes) {
    ++counts.nodes;
    counts.properties += node.node_value().properties_size();
    labels.insert(node.node_value().labels().begin(),
                  node.node_value().labels().end());
  }
  for (const kg::v1::CypherValue& relationship : *relationships) {
    ++counts.relationships;
    counts.properties += relationship.relationship_value().properties_size();
  }
  counts.labels = labels.size();
  return counts;
}

absl::Status TckServer::Drop(const std::string& graph) {
  kg::v1::DropScratchGraphRequest request;
  request.set_name(graph);
  kg::v1::DropScratchGraphResponse response;
  grpc::ClientContext context;
  return services::FromGrpcStatus(
      query_->DropScratchGraph(&context, request, &response));
}

}  // namespace kg::tck
