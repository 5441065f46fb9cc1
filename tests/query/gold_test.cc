// The QueryService on the gold facts of ../shared/gold, imported whole:
// the questions issue 4 names, answered through a real channel.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "gold_graph.h"
#include "kg/graph/query/validity.h"
#include "query_service_fixture.h"
#include "shortest_path.h"

namespace kg::testing {
namespace {

using ::testing::Contains;
using ::testing::IsSupersetOf;

constexpr char kNetwork[] = "network:wps-focal-points-network";

using GoldTest = GoldGraphTest;

TEST_F(GoldTest, DpoPledgedACommitmentUnderTheWpsHaCompact) {
  kg::v1::CommitmentsRequest request;
  request.set_actor_key("unbody:dpo");
  request.set_framework_key("framework:wps-ha-compact");
  request.set_relation(kg::v1::COMMITMENT_RELATION_PLEDGED);
  grpc::ClientContext context;
  kg::v1::CommitmentsResponse response;
  grpc::Status status = query_->Commitments(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_GE(response.rows_size(), 1);
  for (const kg::v1::CommitmentRow& row : response.rows()) {
    EXPECT_EQ(row.actor().key(), "unbody:dpo");
    EXPECT_EQ(row.relation(), kg::v1::COMMITMENT_RELATION_PLEDGED);
    std::vector<std::string> frameworks;
    for (const kg::v1::EntityRef& ref : row.frameworks()) {
      frameworks.push_back(ref.key());
    }
    EXPECT_THAT(frameworks, Contains("framework:wps-ha-compact"));
    ASSERT_GT(row.sources_size(), 0);
    EXPECT_FALSE(row.sources(0).evidence().empty());
  }
}

TEST_F(GoldTest, MembersOfTheWpsFocalPointsNetworkAsOf2018) {
  // What the gold says: every MEMBER_OF edge into the network that holds
  // in 2018.
  std::set<std::string> expected;
  for (const graph::DocumentFacts& facts : gold_) {
    for (const kg::v1::Edge& edge : facts.edges) {
      if (edge.type() == "MEMBER_OF" && edge.dst_key() == kNetwork &&
          graph::query::ValidAt(edge.props(), MakeDate(2018))) {
        expected.insert(edge.src_key());
      }
    }
  }
  ASSERT_GT(expected.size(), 50);

  kg::v1::TraverseRequest request;
  request.add_start_keys(kNetwork);
  request.add_edge_types("MEMBER_OF");
  request.set_direction(kg::v1::DIRECTION_IN);
  *request.mutable_as_of() = MakeDate(2018);
  grpc::ClientContext context;
  auto reader = query_->Traverse(&context, request);
  std::set<std::string> members;
  std::set<std::string> edge_sources;
  kg::v1::TraverseResponse batch;
  while (reader->Read(&batch)) {
    for (const kg::v1::TraversedNode& node : batch.nodes()) {
      if (node.depth() == 1) members.insert(node.node().key());
    }
    for (const kg::v1::Edge& edge : batch.edges()) {
      EXPECT_EQ(edge.type(), "MEMBER_OF");
      EXPECT_EQ(edge.dst_key(), kNetwork);
      edge_sources.insert(edge.src_key());
    }
  }
  grpc::Status status = reader->Finish();
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(members, expected);
  EXPECT_EQ(edge_sources, expected);
}

TEST_F(GoldTest, APathLinksUnmissAndResolution1325) {
  ShortestPathCall call =
      CallShortestPath(*query_, "mission:UNMISS", "resolution:unsc-1325");
  ASSERT_TRUE(FoundPathBetween(call, "mission:UNMISS", "resolution:unsc-1325"));
  EXPECT_GE(call.response.path().edges_size(), 1);
}

TEST_F(GoldTest, BruneiAndChinaChairThePkoEwg) {
  kg::v1::DescribeRequest request;
  request.set_key("network:admm-plus-ewg-pko");
  grpc::ClientContext context;
  kg::v1::DescribeResponse response;
  grpc::Status status = query_->Describe(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  std::vector<std::string> chairs;
  for (const kg::v1::EdgeGroup& group : response.groups()) {
    if (group.type() != "CHAIRS") continue;
    EXPECT_EQ(group.direction(), kg::v1::DIRECTION_IN);
    for (const kg::v1::Neighbour& neighbour : group.neighbours()) {
      chairs.push_back(neighbour.node().key());
    }
  }
  EXPECT_THAT(chairs, IsSupersetOf({"state:BRN", "state:CHN"}));

  // From the 5th cycle (December 2023) on.
  kg::v1::TraverseRequest traverse;
  traverse.add_start_keys("network:admm-plus-ewg-pko");
  traverse.add_edge_types("CHAIRS");
  traverse.set_direction(kg::v1::DIRECTION_IN);
  *traverse.mutable_as_of() = MakeDate(2024);
  grpc::ClientContext traverse_context;
  auto reader = query_->Traverse(&traverse_context, traverse);
  std::vector<std::string> in_2024;
  kg::v1::TraverseResponse batch;
  while (reader->Read(&batch)) {
    for (const kg::v1::Edge& edge : batch.edges()) {
      EXPECT_EQ(edge.props().at("role").string_value(), "co-chair");
      in_2024.push_back(edge.src_key());
    }
  }
  ASSERT_TRUE(reader->Finish().ok());
  EXPECT_THAT(in_2024, IsSupersetOf({"state:BRN", "state:CHN"}));
}

}  // namespace
}  // namespace kg::testing
