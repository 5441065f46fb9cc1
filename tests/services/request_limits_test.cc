// Every request's sizes are checked before any work: string lengths,
// repeated fields and property maps, batch sizes, the message size, and
// page tokens. Each failure names the field and the limit, and writes
// nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "test_server.h"

namespace kg::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

// One byte over the per-string limit (services/validation.h).
const std::string kTooLong(64 * 1024 + 1, 'x');

void ExpectFailure(const grpc::Status& status, grpc::StatusCode code,
                   const std::string& field, const std::string& limit) {
  EXPECT_EQ(status.error_code(), code) << status.error_message();
  EXPECT_THAT(status.error_message(),
              AllOf(HasSubstr(field), HasSubstr(limit)));
}

using RequestLimitsTest = ServerTest;

TEST_F(RequestLimitsTest, LongStringsInReadsAreInvalid) {
  grpc::ClientContext get_context;
  kg::v1::GetNodeRequest get;
  get.set_key(kTooLong);
  kg::v1::Node node;
  ExpectFailure(graph_->GetNode(&get_context, get, &node),
                grpc::StatusCode::INVALID_ARGUMENT, "key: 65537 bytes",
                "max_string_bytes");

  grpc::ClientContext search_context;
  kg::v1::SearchRequest search;
  search.set_query(kTooLong);
  kg::v1::SearchResponse found;
  ExpectFailure(query_->Search(&search_context, search, &found),
                grpc::StatusCode::INVALID_ARGUMENT, "query",
                "max_string_bytes");
}

TEST_F(RequestLimitsTest, BatchesAreBounded) {
  grpc::ClientContext context;
  kg::v1::BatchGetNodesRequest request;
  for (int i = 0; i <= services::kMaxBatchKeys; ++i) {
    request.add_keys("k" + std::to_string(i));
  }
  kg::v1::BatchGetNodesResponse response;
  ExpectFailure(graph_->BatchGetNodes(&context, request, &response),
                grpc::StatusCode::INVALID_ARGUMENT, "keys", "at most 1000");

  grpc::ClientContext list_context;
  kg::v1::ListEdgesRequest list;
  for (int i = 0; i <= 10'000; ++i) list.add_types("T");
  kg::v1::ListEdgesResponse edges;
  ExpectFailure(graph_->ListEdges(&list_context, list, &edges),
                grpc::StatusCode::INVALID_ARGUMENT, "types: 10001 items",
                "max_repeated_items");
}

TEST_F(RequestLimitsTest, ImportedFactsAreCheckedWritingNothing) {
  kg::v1::Node many_props = MakeNode("person:a", "Person", "A");
  for (int i = 0; i <= 10'000; ++i) {
    (*many_props.mutable_props())["p" + std::to_string(i)] = IntValue(i);
  }
  ExpectFailure(Import("doc:a", {many_props}, {}),
                grpc::StatusCode::INVALID_ARGUMENT,
                "messages[1].node.props: 10001 items", "max_repeated_items");

  kg::v1::Node long_value =
      MakeNode("person:a", "Person", "A", {}, {{"bio", StringValue(kTooLong)}});
  ExpectFailure(
      Import("doc:a", {long_value}, {}), grpc::StatusCode::INVALID_ARGUMENT,
      "messages[1].node.props[\"bio\"].string_value", "max_string_bytes");

  kg::v1::Edge long_type = MakeEdge("person:a", kTooLong, "person:a");
  ExpectFailure(
      Import("doc:a", {MakeNode("person:a", "Person", "A")}, {long_type}),
      grpc::StatusCode::INVALID_ARGUMENT, "messages[2].edge.type",
      "max_string_bytes");

  ExpectFailure(Import(kTooLong, {}, {}), grpc::StatusCode::INVALID_ARGUMENT,
                "document.key", "max_string_bytes");
  EXPECT_EQ(Stats().node_count(), 0);
}

TEST_F(RequestLimitsTest, ImportDocumentMetadataIsChecked) {
  grpc::ClientContext context;
  kg::v1::ImportDocumentRequest request;
  request.mutable_document()->set_key("doc:a");
  request.mutable_document()->set_title(kTooLong);
  request.set_text("The Council met.");
  kg::v1::ImportDocumentResponse response;
  ExpectFailure(ingest_->ImportDocument(&context, request, &response),
                grpc::StatusCode::INVALID_ARGUMENT, "document.title",
                "max_string_bytes");
  EXPECT_EQ(Stats().node_count(), 0);
}

TEST_F(RequestLimitsTest, LargerMessagesThanTheServerAllowsAreExhausted) {
  services::ServerOptions options;
  options.max_message_bytes = 1 << 20;
  StartServer(options);
  grpc::ClientContext context;
  kg::v1::ImportDocumentRequest request;
  request.mutable_document()->set_key("doc:a");
  request.set_text(std::string(2 << 20, 'a'));
  kg::v1::ImportDocumentResponse response;
  grpc::Status status = ingest_->ImportDocument(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << status.error_message();
  EXPECT_THAT(status.error_message(), HasSubstr("1048576"));
  EXPECT_EQ(Stats().node_count(), 0);
}

TEST_F(RequestLimitsTest, MalformedPageTokensAreInvalid) {
  for (const std::string& token :
       {std::string("%%%"), std::string("AAAA"), std::string("not a token")}) {
    grpc::ClientContext nodes_context;
    kg::v1::ListNodesRequest nodes;
    nodes.set_page_token(token);
    kg::v1::ListNodesResponse node_page;
    ExpectFailure(graph_->ListNodes(&nodes_context, nodes, &node_page),
                  grpc::StatusCode::INVALID_ARGUMENT, "page_token",
                  "malformed");

    grpc::ClientContext edges_context;
    kg::v1::ListEdgesRequest edges;
    edges.set_page_token(token);
    kg::v1::ListEdgesResponse edge_page;
    ExpectFailure(graph_->ListEdges(&edges_context, edges, &edge_page),
                  grpc::StatusCode::INVALID_ARGUMENT, "page_token",
                  "malformed");
  }
}

}  // namespace
}  // namespace kg::testing
