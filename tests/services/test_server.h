// A test fixture that serves a fresh, empty graph database in-process on an
// ephemeral 127.0.0.1 port, with a real gRPC channel and stubs to it, plus
// small builders for hand-made facts. Each test gets its own temporary
// directory, removed afterwards; the server's structured log (logging.h)
// goes to server.log in it rather than to the test's output.
#ifndef KG_TESTS_SERVICES_TEST_SERVER_H_
#define KG_TESTS_SERVICES_TEST_SERVER_H_

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "kg/graph/document_facts.h"
#include "kg/graph/graph_store.h"
#include "kg/graph/values.h"
#include "kg/services/logging.h"
#include "kg/services/server_builder.h"
#include "kg/services/status_mapping.h"
#include "kg/v1/graph_service.grpc.pb.h"
#include "kg/v1/ingest_service.grpc.pb.h"
#include "kg/v1/query_service.grpc.pb.h"

namespace kg::testing {

using graph::IntValue;
using graph::StringValue;

inline kg::v1::Node MakeNode(
    const std::string& key, const std::string& label, const std::string& name,
    std::vector<std::string> aliases = {},
    std::vector<std::pair<std::string, kg::v1::Value>> props = {}) {
  kg::v1::Node node;
  node.set_key(key);
  node.set_label(label);
  node.set_name(name);
  for (std::string& alias : aliases) node.add_aliases(std::move(alias));
  for (auto& [prop, value] : props) (*node.mutable_props())[prop] = value;
  return node;
}

inline kg::v1::Edge MakeEdge(const std::string& src, const std::string& type,
                             const std::string& dst) {
  kg::v1::Edge edge;
  edge.set_src_key(src);
  edge.set_type(type);
  edge.set_dst_key(dst);
  return edge;
}

inline kg::v1::ImportFactsRequest DocumentMessage(
    const kg::v1::Document& document) {
  kg::v1::ImportFactsRequest message;
  *message.mutable_document() = document;
  return message;
}

inline kg::v1::ImportFactsRequest NodeMessage(const kg::v1::Node& node) {
  kg::v1::ImportFactsRequest message;
  *message.mutable_node() = node;
  return message;
}

inline kg::v1::ImportFactsRequest EdgeMessage(const kg::v1::Edge& edge) {
  kg::v1::ImportFactsRequest message;
  *message.mutable_edge() = edge;
  return message;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "kg-services-test-XXXXXX")
            .string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    ASSERT_TRUE(services::SetLogFile(LogPath()).ok());
    auto store = graph::GraphStore::Open((dir_ / "db").string());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    StartServer();
  }

  void TearDown() override {
    // The server reads the store, and RocksDB objects must go before the
    // directory does.
    server_.reset();
    store_.reset();
    EXPECT_TRUE(services::SetLogFile("").ok());
    std::filesystem::remove_all(dir_);
  }

  // The file the server logs to during the test, and what it holds.
  std::string LogPath() const { return (dir_ / "server.log").string(); }
  std::string Logged() const {
    std::ifstream file(LogPath());
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
  }

  // (Re)starts the server on the same store, on a new port.
  void StartServer(const services::IngestLimits& limits = {},
                   const services::QueryLimits& query_limits = {}) {
    services::ServerOptions options;
    options.ingest_limits = limits;
    options.query_limits = query_limits;
    StartServer(options);
  }
  // The same with every option; the test's stubs speak plaintext.
  void StartServer(const services::ServerOptions& options) {
    server_.reset();
    auto server = services::KgServer::Start(*store_, options);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    channel_ = grpc::CreateChannel(server_->address(),
                                   grpc::InsecureChannelCredentials());
    graph_ = kg::v1::GraphService::NewStub(channel_);
    ingest_ = kg::v1::IngestService::NewStub(channel_);
    query_ = kg::v1::QueryService::NewStub(channel_);
  }

  // Sends `messages` as one ImportFacts stream.
  grpc::Status ImportMessages(
      const std::vector<kg::v1::ImportFactsRequest>& messages,
      kg::v1::ImportFactsResponse* response) {
    grpc::ClientContext context;
    auto writer = ingest_->ImportFacts(&context, response);
    for (const kg::v1::ImportFactsRequest& message : messages) {
      // A write fails once the server has answered early; Finish then
      // reports the server's status.
      if (!writer->Write(message)) break;
    }
    writer->WritesDone();
    return writer->Finish();
  }

  // Imports the facts of one document named only by its key.
  grpc::Status Import(const std::string& document_key,
                      const std::vector<kg::v1::Node>& nodes,
                      const std::vector<kg::v1::Edge>& edges,
                      kg::v1::CommitSummary* summary = nullptr) {
    kg::v1::Document document;
    document.set_key(document_key);
    std::vector<kg::v1::ImportFactsRequest> messages = {
        DocumentMessage(document)};
    for (const kg::v1::Node& node : nodes)
      messages.push_back(NodeMessage(node));
    for (const kg::v1::Edge& edge : edges)
      messages.push_back(EdgeMessage(edge));
    kg::v1::ImportFactsResponse response;
    grpc::Status status = ImportMessages(messages, &response);
    if (summary != nullptr) *summary = response.summary();
    return status;
  }

  // Imports one document's facts; the server's error as an absl::Status
  // (what loaders::CommitInDependencyOrder takes).
  absl::StatusOr<kg::v1::CommitSummary> ImportFacts(
      const graph::DocumentFacts& facts) {
    kg::v1::CommitSummary summary;
    grpc::Status status =
        Import(facts.document_key, facts.nodes, facts.edges, &summary);
    if (!status.ok()) return services::FromGrpcStatus(status);
    return summary;
  }

  kg::v1::GetStatsResponse Stats() {
    grpc::ClientContext context;
    kg::v1::GetStatsResponse stats;
    grpc::Status status =
        graph_->GetStats(&context, kg::v1::GetStatsRequest(), &stats);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return stats;
  }

  std::filesystem::path dir_;
  std::unique_ptr<graph::GraphStore> store_;
  std::unique_ptr<services::KgServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<kg::v1::GraphService::Stub> graph_;
  std::unique_ptr<kg::v1::IngestService::Stub> ingest_;
  std::unique_ptr<kg::v1::QueryService::Stub> query_;
};

}  // namespace kg::testing

#endif  // KG_TESTS_SERVICES_TEST_SERVER_H_
