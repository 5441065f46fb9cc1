// QueryService Traverse, ShortestPath and Paths through a real channel:
// results, filters, as_of, caps and errors, over the test graph.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "query_service_fixture.h"
#include "shortest_path.h"

namespace kg::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

// --- Traverse ---------------------------------------------------------

TEST_F(QueryServiceTest, TraverseStreamsASubgraph) {
  Traversal result =
      Traverse(Around("network:wps", kg::v1::DIRECTION_IN, {"MEMBER_OF"}));
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_THAT(result.nodes, ElementsAre("network:wps@0", "state:DEU@1",
                                        "state:KOR@1", "state:CIV@1"));
  EXPECT_THAT(result.edges,
              UnorderedElementsAre("state:DEU MEMBER_OF network:wps",
                                   "state:KOR MEMBER_OF network:wps",
                                   "state:CIV MEMBER_OF network:wps"));
  EXPECT_THAT(result.truncated_by, IsEmpty());
  EXPECT_FALSE(result.sources);
}

TEST_F(QueryServiceTest, TraverseAsOfHidesFactsThatDoNotHold) {
  kg::v1::TraverseRequest request =
      Around("network:wps", kg::v1::DIRECTION_IN, {"MEMBER_OF", "CHAIRS"});
  *request.mutable_as_of() = MakeDate(2018);
  Traversal result = Traverse(request);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_THAT(result.nodes,
              ElementsAre("network:wps@0", "state:DEU@1", "state:KOR@1"));
  EXPECT_THAT(result.edges,
              UnorderedElementsAre("state:DEU MEMBER_OF network:wps",
                                   "state:KOR MEMBER_OF network:wps",
                                   "state:DEU CHAIRS network:wps"));
}

TEST_F(QueryServiceTest, TraverseAsPathsWithLabelsDepthsAndSources) {
  kg::v1::TraverseRequest request =
      Around("state:DEU", kg::v1::DIRECTION_BOTH, {});
  request.set_result_mode(kg::v1::TraverseRequest::RESULT_MODE_PATHS);
  request.add_node_labels("Commitment");
  request.add_node_labels("Mission");
  request.set_min_depth(1);
  request.set_max_depth(2);
  request.set_with_sources(true);
  Traversal result = Traverse(request);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_THAT(result.paths,
              ElementsAre("state:DEU>commitment:c1",
                          "state:DEU>commitment:c1>mission:UNMISS"));
  EXPECT_THAT(result.nodes, IsEmpty());
}

TEST_F(QueryServiceTest, TraverseReportsWhatCutItShort) {
  kg::v1::TraverseRequest request =
      Around("network:wps", kg::v1::DIRECTION_IN, {"MEMBER_OF"});
  request.set_max_fan_out(1);
  Traversal fan_out = Traverse(request);
  ASSERT_TRUE(fan_out.status.ok());
  EXPECT_EQ(fan_out.nodes.size(), 2);
  EXPECT_THAT(fan_out.truncated_by, ElementsAre("max_fan_out"));

  request.set_max_fan_out(0);
  request.set_max_nodes(2);
  Traversal nodes = Traverse(request);
  EXPECT_THAT(nodes.truncated_by, ElementsAre("max_nodes"));
  request.set_max_nodes(0);
  request.set_max_edges(2);
  Traversal edges = Traverse(request);
  EXPECT_EQ(edges.edges.size(), 2);
  EXPECT_THAT(edges.truncated_by, ElementsAre("max_edges"));
}

TEST_F(QueryServiceTest, TraverseStreamsInBatches) {
  // A hub with 600 members: more than one batch of 256.
  std::vector<kg::v1::Node> nodes = {MakeNode("network:hub", "Network", "Hub")};
  std::vector<kg::v1::Edge> edges;
  for (int i = 0; i < 600; ++i) {
    std::string key = absl::StrCat("org:member-", i);
    nodes.push_back(MakeNode(key, "Organization", key));
    edges.push_back(MakeEdge(key, "MEMBER_OF", "network:hub"));
  }
  ASSERT_TRUE(Import("doc:hub", nodes, edges).ok());
  Traversal result =
      Traverse(Around("network:hub", kg::v1::DIRECTION_IN, {"MEMBER_OF"}));
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_EQ(result.nodes.size(), 601);
  EXPECT_EQ(result.edges.size(), 600);
  EXPECT_GT(result.messages, 2);
}

TEST_F(QueryServiceTest, TraverseValidatesItsRequest) {
  kg::v1::TraverseRequest empty;
  EXPECT_THAT(Traverse(empty).status,
              IsStatus(grpc::StatusCode::INVALID_ARGUMENT, "start_keys"));

  kg::v1::TraverseRequest unknown =
      Around("state:XXX", kg::v1::DIRECTION_OUT, {});
  EXPECT_THAT(Traverse(unknown).status,
              IsStatus(grpc::StatusCode::NOT_FOUND, "start_keys[0]"));

  kg::v1::TraverseRequest blank_type =
      Around("state:DEU", kg::v1::DIRECTION_OUT, {""});
  EXPECT_THAT(Traverse(blank_type).status,
              IsStatus(grpc::StatusCode::INVALID_ARGUMENT, "edge_types[0]"));

  kg::v1::TraverseRequest bad_direction =
      Around("state:DEU", static_cast<kg::v1::Direction>(42), {});
  EXPECT_THAT(Traverse(bad_direction).status,
              IsStatus(grpc::StatusCode::INVALID_ARGUMENT, "direction"));

  kg::v1::TraverseRequest depths =
      Around("state:DEU", kg::v1::DIRECTION_OUT, {});
  depths.set_min_depth(3);
  depths.set_max_depth(2);
  EXPECT_THAT(Traverse(depths).status,
              IsStatus(grpc::StatusCode::INVALID_ARGUMENT, "min_depth"));

  kg::v1::TraverseRequest bad_date =
      Around("state:DEU", kg::v1::DIRECTION_OUT, {});
  *bad_date.mutable_as_of() = MakeDate(2018, 13);
  EXPECT_THAT(Traverse(bad_date).status,
              IsStatus(grpc::StatusCode::INVALID_ARGUMENT, "as_of"));
}

TEST_F(QueryServiceTest, TraverseBeyondTheServerCapsIsResourceExhausted) {
  kg::v1::TraverseRequest deep = Around("state:DEU", kg::v1::DIRECTION_OUT, {});
  deep.set_max_depth(7);
  Traversal too_deep = Traverse(deep);
  EXPECT_THAT(too_deep.status,
              IsStatus(grpc::StatusCode::RESOURCE_EXHAUSTED, "max_depth"));
  EXPECT_THAT(too_deep.status.error_message(), StartsWith("max_depth:"));

  kg::v1::TraverseRequest wide = Around("state:DEU", kg::v1::DIRECTION_OUT, {});
  wide.set_max_fan_out(1001);
  EXPECT_THAT(Traverse(wide).status,
              IsStatus(grpc::StatusCode::RESOURCE_EXHAUSTED, "max_fan_out"));

  services::QueryLimits limits;
  limits.max_rows = 3;
  StartServer({}, limits);
  Traversal rows =
      Traverse(Around("network:wps", kg::v1::DIRECTION_IN, {"MEMBER_OF"}));
  EXPECT_THAT(rows.status,
              IsStatus(grpc::StatusCode::RESOURCE_EXHAUSTED, "max_rows"));

  limits = services::QueryLimits();
  limits.max_expansions = 2;
  StartServer({}, limits);
  EXPECT_THAT(Traverse(Around("network:wps", kg::v1::DIRECTION_IN, {})).status,
              IsStatus(grpc::StatusCode::RESOURCE_EXHAUSTED, "max_expansions"));

  limits = services::QueryLimits();
  limits.max_time = absl::ZeroDuration();
  StartServer({}, limits);
  EXPECT_THAT(Traverse(Around("network:wps", kg::v1::DIRECTION_IN, {})).status,
              IsStatus(grpc::StatusCode::RESOURCE_EXHAUSTED, "max_time"));
}

TEST_F(QueryServiceTest, ClientDeadlineAndCancellationStopTheCall) {
  grpc::ClientContext late;
  late.set_deadline(std::chrono::system_clock::now() - std::chrono::seconds(1));
  kg::v1::DescribeRequest describe;
  describe.set_key("network:wps");
  kg::v1::DescribeResponse described;
  EXPECT_EQ(query_->Describe(&late, describe, &described).error_code(),
            grpc::StatusCode::DEADLINE_EXCEEDED);

  grpc::ClientContext cancelled;
  auto reader = query_->Traverse(
      &cancelled, Around("network:wps", kg::v1::DIRECTION_IN, {}));
  cancelled.TryCancel();
  kg::v1::TraverseResponse batch;
  while (reader->Read(&batch)) {
  }
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
}

// --- ShortestPath and Paths -----------------------------------------------

TEST_F(QueryServiceTest, ShortestPathFindsTheFewestEdges) {
  ShortestPathCall call =
      CallShortestPath(*query_, "state:DEU", "resolution:unsc-1325");
  ASSERT_TRUE(FoundPathBetween(call, "state:DEU", "resolution:unsc-1325"));
  const kg::v1::Path& path = call.response.path();
  EXPECT_THAT(PathKeys(path),
              ElementsAre("state:DEU", "commitment:c1", "mission:UNMISS",
                          "resolution:unsc-1325"));
  ASSERT_EQ(path.edges_size(), 3);
  EXPECT_EQ(path.edges(2).type(), "MANDATED_BY");
}

TEST_F(QueryServiceTest, ShortestPathFiltersAndReportsNone) {
  kg::v1::ShortestPathRequest request;
  request.set_from_key("mission:UNMISS");
  request.set_to_key("state:DEU");
  request.set_direction(kg::v1::DIRECTION_OUT);
  ShortestPathCall outward = CallShortestPath(*query_, request);
  ASSERT_TRUE(outward.status.ok());
  EXPECT_FALSE(outward.response.found());

  request.set_direction(kg::v1::DIRECTION_IN);
  request.add_edge_types("TARGETS");
  request.add_edge_types("PLEDGED");
  ShortestPathCall inward = CallShortestPath(*query_, request);
  ASSERT_TRUE(inward.status.ok());
  EXPECT_TRUE(inward.response.found());

  request.set_max_depth(1);
  ShortestPathCall shallow = CallShortestPath(*query_, request);
  ASSERT_TRUE(shallow.status.ok());
  EXPECT_FALSE(shallow.response.found());

  request.set_max_depth(9);
  EXPECT_THAT(CallShortestPath(*query_, request).status,
              IsStatus(grpc::StatusCode::RESOURCE_EXHAUSTED, "max_depth"));

  request.set_max_depth(0);
  request.set_to_key("");
  EXPECT_THAT(CallShortestPath(*query_, request).status,
              IsStatus(grpc::StatusCode::INVALID_ARGUMENT, "to_key"));
}

TEST_F(QueryServiceTest, PathsListsSimplePathsShortestFirst) {
  kg::v1::PathsRequest request;
  request.set_from_key("state:DEU");
  request.set_to_key("mission:UNMISS");
  request.set_max_depth(4);
  grpc::ClientContext context;
  kg::v1::PathsResponse response;
  ASSERT_TRUE(query_->Paths(&context, request, &response).ok());
  ASSERT_EQ(response.paths_size(), 10);
  EXPECT_FALSE(response.truncated());
  EXPECT_EQ(response.paths(0).edges_size(), 2);
  EXPECT_EQ(response.paths(9).edges_size(), 4);

  request.set_max_paths(2);
  request.add_node_labels("Commitment");
  request.add_node_labels("State");
  grpc::ClientContext limited;
  kg::v1::PathsResponse few;
  ASSERT_TRUE(query_->Paths(&limited, request, &few).ok());
  EXPECT_EQ(few.paths_size(), 2);
  EXPECT_FALSE(few.truncated());
  request.set_max_paths(1);
  grpc::ClientContext truncated;
  ASSERT_TRUE(query_->Paths(&truncated, request, &few).ok());
  EXPECT_EQ(few.paths_size(), 1);
  EXPECT_TRUE(few.truncated());

  request.set_max_paths(20000);
  grpc::ClientContext too_many;
  EXPECT_THAT(query_->Paths(&too_many, request, &few),
              IsStatus(grpc::StatusCode::RESOURCE_EXHAUSTED, "max_rows"));
  request.set_max_paths(0);
  request.set_from_key("state:none");
  grpc::ClientContext unknown;
  EXPECT_THAT(query_->Paths(&unknown, request, &few),
              IsStatus(grpc::StatusCode::NOT_FOUND, "from_key"));
}

}  // namespace
}  // namespace kg::testing
