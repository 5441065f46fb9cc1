// Every request's sizes are checked before any work: string lengths,
// repeated fields and property maps, batch sizes, the message size, and
// page tokens. Each failure names the field and the limit, and writes
// nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_server.h"

namespace kg::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

// One byte over the per-string limit (services/validation.h).
const std::string kTooLong(64 * 1024 + 1, 'x');

// Calls `method` of `stub` with `request` and a fresh context.
template <typename Stub, typename Request, typename Response>
grpc::Status Call(Stub& stub,
                  grpc::Status (Stub::*method)(grpc::ClientContext*,
                                               const Request&, Response*),
                  const Request& request) {
  grpc::ClientContext context;
  Response response;
  return (stub.*method)(&context, request, &response);
}

// A call that must fail with INVALID_ARGUMENT naming `field` and `limit`.
struct InvalidCall {
  grpc::Status status;
  std::string field;
  std::string limit;
};

void ExpectInvalid(const std::vector<InvalidCall>& calls) {
  for (const InvalidCall& call : calls) {
    EXPECT_EQ(call.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << call.status.error_message();
    EXPECT_THAT(call.status.error_message(),
                AllOf(HasSubstr(call.field), HasSubstr(call.limit)));
  }
}

using GraphStub = kg::v1::GraphService::Stub;
using RequestLimitsTest = ServerTest;

TEST_F(RequestLimitsTest, LongStringsInReadsAreInvalid) {
  kg::v1::GetNodeRequest get;
  get.set_key(kTooLong);
  kg::v1::SearchRequest search;
  search.set_query(kTooLong);
  ExpectInvalid({
      {Call(*graph_, &GraphStub::GetNode, get), "key: 65537 bytes",
       "max_string_bytes"},
      {Call(*query_, &kg::v1::QueryService::Stub::Search, search), "query",
       "max_string_bytes"},
  });
}

TEST_F(RequestLimitsTest, BatchesAreBounded) {
  kg::v1::BatchGetNodesRequest batch;
  for (int i = 0; i <= services::kMaxBatchKeys; ++i) {
    batch.add_keys("k" + std::to_string(i));
  }
  kg::v1::ListEdgesRequest list;
  for (int i = 0; i <= 10'000; ++i) list.add_types("T");
  ExpectInvalid({
      {Call(*graph_, &GraphStub::BatchGetNodes, batch), "keys", "at most 1000"},
      {Call(*graph_, &GraphStub::ListEdges, list), "types: 10001 items",
       "max_repeated_items"},
  });
}

TEST_F(RequestLimitsTest, ImportedFactsAreCheckedWritingNothing) {
  kg::v1::Node many_props = MakeNode("person:a", "Person", "A");
  for (int i = 0; i <= 10'000; ++i) {
    (*many_props.mutable_props())["p" + std::to_string(i)] = IntValue(i);
  }
  kg::v1::Node long_value =
      MakeNode("person:a", "Person", "A", {}, {{"bio", StringValue(kTooLong)}});
  kg::v1::Edge long_type = MakeEdge("person:a", kTooLong, "person:a");
  ExpectInvalid({
      {Import("doc:a", {many_props}, {}), "messages[1].node.props: 10001 items",
       "max_repeated_items"},
      {Import("doc:a", {long_value}, {}),
       "messages[1].node.props[\"bio\"].string_value", "max_string_bytes"},
      {Import("doc:a", {MakeNode("person:a", "Person", "A")}, {long_type}),
       "messages[2].edge.type", "max_string_bytes"},
      {Import(kTooLong, {}, {}), "document.key", "max_string_bytes"},
  });
  EXPECT_EQ(Stats().node_count(), 0);
}

TEST_F(RequestLimitsTest, ImportDocumentMetadataIsChecked) {
  kg::v1::ImportDocumentRequest request;
  request.mutable_document()->set_key("doc:a");
  request.mutable_document()->set_title(kTooLong);
  request.set_text("The Council met.");
  ExpectInvalid(
      {{Call(*ingest_, &kg::v1::IngestService::Stub::ImportDocument, request),
        "document.title", "max_string_bytes"}});
  EXPECT_EQ(Stats().node_count(), 0);
}

TEST_F(RequestLimitsTest, LargerMessagesThanTheServerAllowsAreExhausted) {
  services::ServerOptions options;
  options.max_message_bytes = 1 << 20;
  StartServer(options);
  kg::v1::ImportDocumentRequest request;
  request.mutable_document()->set_key("doc:a");
  request.set_text(std::string(2 << 20, 'a'));
  grpc::Status status =
      Call(*ingest_, &kg::v1::IngestService::Stub::ImportDocument, request);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << status.error_message();
  EXPECT_THAT(status.error_message(), HasSubstr("1048576"));
  EXPECT_EQ(Stats().node_count(), 0);
}

TEST_F(RequestLimitsTest, MalformedPageTokensAreInvalid) {
  for (const std::string& token :
       {std::string("%%%"), std::string("AAAA"), std::string("not a token")}) {
    SCOPED_TRACE(token);
    kg::v1::ListNodesRequest nodes;
    nodes.set_page_token(token);
    kg::v1::ListEdgesRequest edges;
    edges.set_page_token(token);
    ExpectInvalid({
        {Call(*graph_, &GraphStub::ListNodes, nodes), "page_token",
         "malformed"},
        {Call(*graph_, &GraphStub::ListEdges, edges), "page_token",
         "malformed"},
    });
  }
}

}  // namespace
}  // namespace kg::testing
