// The JSON endpoints, /healthz and errors, over real HTTP.
#include <google/protobuf/struct.pb.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "http_fixture.h"
#include "kg/v1/admin_service.pb.h"
#include "kg/v1/graph_service.pb.h"
#include "kg/v1/query_service.pb.h"

namespace kg::testing {
namespace {

// The {"code", "message"} body of a failed call.
void ExpectError(const httplib::Result& result, int http_status,
                 const std::string& code, const std::string& message_part) {
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, http_status) << result->body;
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
  google::protobuf::Struct error;
  auto parsed =
      google::protobuf::util::JsonStringToMessage(result->body, &error);
  ASSERT_TRUE(parsed.ok()) << result->body;
  EXPECT_EQ(error.fields().at("code").string_value(), code);
  EXPECT_NE(error.fields().at("message").string_value().find(message_part),
            std::string::npos)
      << result->body;
}

using HttpGatewayTest = HttpTest;

TEST_F(HttpGatewayTest, HealthzAnswersOk) {
  httplib::Result result = http_->Get("/healthz");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->body, "ok\n");
}

TEST_F(HttpGatewayTest, GetAnswersTheNodeInProtobufJson) {
  httplib::Result result = Post("get", R"({"key": "state:DEU"})");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
  kg::v1::Node node;
  ParseJson(result->body, node);
  EXPECT_EQ(node.key(), "state:DEU");
  EXPECT_EQ(node.label(), "State");
  EXPECT_EQ(node.name(), "Germany");
}

TEST_F(HttpGatewayTest, StatusCodesFollowTheGrpcCodes) {
  ExpectError(Post("get", R"({"key": "state:XXX"})"), 404, "NOT_FOUND",
              "state:XXX");
  ExpectError(Post("get", R"({"key": ""})"), 400, "INVALID_ARGUMENT", "key");
  ExpectError(Post("shortest_path", R"({"from_key": "state:DEU"})"), 400,
              "INVALID_ARGUMENT", "to_key");
}

TEST_F(HttpGatewayTest, CallsListsNoneWhenIdleAndCancelNeedsAKnownId) {
  httplib::Result calls = Post("calls", "{}");
  ASSERT_TRUE(calls);
  ASSERT_EQ(calls->status, 200) << calls->body;
  kg::v1::ListRunningCallsResponse listed;
  ParseJson(calls->body, listed);
  EXPECT_EQ(listed.calls_size(), 0);
  ExpectError(Post("cancel_call", R"({"call_id": "42"})"), 404, "NOT_FOUND",
              "call_id");
}

TEST_F(HttpGatewayTest, MalformedBodiesAreInvalidArguments) {
  ExpectError(Post("get", "{not json"), 400, "INVALID_ARGUMENT",
              "request body");
  ExpectError(Post("get", R"({"no_such_field": 1})"), 400, "INVALID_ARGUMENT",
              "no_such_field");
  ExpectError(Post("search", R"({"limit": "many"})"), 400, "INVALID_ARGUMENT",
              "kg.v1.SearchRequest");
}

TEST_F(HttpGatewayTest, UnknownPathsAndMethodsAreNotServed) {
  httplib::Result unknown = Post("no_such_endpoint", "{}");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  httplib::Result get = http_->Get("/api/v1/get");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 404);
}

TEST_F(HttpGatewayTest, SearchFindsByName) {
  httplib::Result result = Post("search", R"({"query": "Ghana"})");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  kg::v1::SearchResponse response;
  ParseJson(result->body, response);
  ASSERT_GE(response.hits_size(), 1);
  EXPECT_EQ(response.hits(0).node().key(), "state:GHA");
}

TEST_F(HttpGatewayTest, NeighboursListsTheEdgesOfANode) {
  httplib::Result result =
      Post("neighbours", R"({"node_key": "network:wps-fpn"})");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  kg::v1::ListEdgesResponse response;
  ParseJson(result->body, response);
  EXPECT_EQ(response.edges_size(), 3);
  for (const kg::v1::Edge& edge : response.edges()) {
    EXPECT_EQ(edge.type(), "MEMBER_OF");
    EXPECT_EQ(edge.dst_key(), kNetwork);
  }
}

TEST_F(HttpGatewayTest, ShortestPathGoesThroughTheNetwork) {
  httplib::Result result = Post(
      "shortest_path",
      R"({"fromKey": "state:DEU", "toKey": "state:GHA", "direction": "DIRECTION_BOTH"})");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  kg::v1::ShortestPathResponse response;
  ParseJson(result->body, response);
  ASSERT_TRUE(response.found()) << result->body;
  EXPECT_EQ(response.path().edges_size(), 2);
}

TEST_F(HttpGatewayTest, TraverseAnswersAnArrayOfStreamedMessages) {
  httplib::Result result = Post(
      "traverse",
      R"({"start_keys": ["state:DEU"], "direction": "DIRECTION_BOTH", "max_depth": 2})");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  const std::vector<kg::v1::TraverseResponse> messages =
      StreamedMessages<kg::v1::TraverseResponse>(result->body);
  ASSERT_GE(messages.size(), 1u) << result->body;
  std::string all_keys;
  for (const kg::v1::TraverseResponse& response : messages) {
    for (const auto& node : response.nodes()) {
      all_keys += node.node().key() + " ";
    }
  }
  EXPECT_NE(all_keys.find("state:GHA"), std::string::npos) << all_keys;
}

TEST_F(HttpGatewayTest, DescribeGroupsTheNeighbours) {
  httplib::Result result =
      Post("describe", R"({"key": "network:wps-fpn", "maxPerGroup": 2})");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  kg::v1::DescribeResponse response;
  ParseJson(result->body, response);
  EXPECT_EQ(response.node().name(), "WPS Focal Points Network");
  ASSERT_EQ(response.groups_size(), 1) << result->body;
  EXPECT_EQ(response.groups(0).type(), "MEMBER_OF");
  EXPECT_EQ(response.groups(0).direction(), kg::v1::DIRECTION_IN);
  EXPECT_EQ(response.groups(0).count(), 3u);
  EXPECT_EQ(response.groups(0).neighbours_size(), 2);
  ExpectError(Post("describe", R"({"key": "state:XXX"})"), 404, "NOT_FOUND",
              "state:XXX");
}

TEST_F(HttpGatewayTest, CommitmentsListsWhoPledgedWhatUnderAFramework) {
  ASSERT_TRUE(Import("doc:pledges",
                     {MakeNode("commitment:deu-1", "Commitment",
                               "Train women peacekeepers"),
                      MakeNode("framework:wps", "Framework", "WPS agenda")},
                     {MakeEdge("state:DEU", "PLEDGED", "commitment:deu-1"),
                      MakeEdge("commitment:deu-1", "UNDER", "framework:wps")})
                  .ok());
  httplib::Result result =
      Post("commitments", R"({"frameworkKey": "framework:wps"})");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  kg::v1::CommitmentsResponse response;
  ParseJson(result->body, response);
  ASSERT_EQ(response.rows_size(), 1) << result->body;
  EXPECT_EQ(response.rows(0).actor().key(), "state:DEU");
  EXPECT_EQ(response.rows(0).commitment_key(), "commitment:deu-1");
  EXPECT_EQ(response.rows(0).relation(), kg::v1::COMMITMENT_RELATION_PLEDGED);
  ASSERT_EQ(response.rows(0).frameworks_size(), 1);
  EXPECT_EQ(response.rows(0).frameworks(0).key(), "framework:wps");
  ExpectError(Post("commitments", R"({"pageToken": "garbage"})"), 400,
              "INVALID_ARGUMENT", "page_token");
}

TEST_F(HttpGatewayTest, QueryAnswersItsColumnsThenItsRows) {
  httplib::Result result = Post(
      "query",
      R"({"query": "MATCH (s:State) RETURN s.name AS name ORDER BY name"})");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  const std::vector<kg::v1::RunResponse> messages =
      StreamedMessages<kg::v1::RunResponse>(result->body);
  ASSERT_EQ(messages.size(), 4u) << result->body;
  ASSERT_EQ(messages[0].columns_size(), 1);
  EXPECT_EQ(messages[0].columns(0), "name");
  std::string names;
  for (size_t i = 1; i < messages.size(); ++i) {
    ASSERT_EQ(messages[i].values_size(), 1);
    names += messages[i].values(0).string_value() + " ";
  }
  EXPECT_EQ(names, "France Germany Ghana ");
  ExpectError(Post("query", R"({"query": "MATCH (s RETURN s"})"), 400,
              "INVALID_ARGUMENT", "SyntaxError");
}

}  // namespace
}  // namespace kg::testing
