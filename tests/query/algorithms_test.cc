// Traverse, ShortestPath and Paths over the test graph.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "engine_fixture.h"
#include "kg/graph/query/limit.h"
#include "kg/graph/query/paths.h"
#include "kg/graph/query/shortest_path.h"
#include "kg/graph/query/traverse.h"

namespace kg::query_test {
namespace {

using graph::Direction;
using graph::query::Path;
using graph::query::Row;
using graph::query::StepFilter;
using graph::query::Traverse;
using graph::query::TraverseSpec;
using Kind = graph::query::Value::Kind;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class AlgorithmsTest : public EngineTest {
 protected:
  // The node rows' keys and the edge count of a traversal.
  struct Result {
    std::vector<std::string> nodes;
    std::vector<int64_t> depths;
    size_t edges = 0;
    std::vector<std::string> truncated_by;
  };

  Result RunTraverse(TraverseSpec spec) {
    Traverse traverse(*context_, std::move(spec));
    Result result;
    for (const Row& row : Run(traverse)) {
      if (row[Traverse::kNode].kind() == Kind::kNode) {
        result.nodes.push_back(KeyOf(row[Traverse::kNode]));
        result.depths.push_back(row[Traverse::kDepth].as_int());
      }
      if (row[Traverse::kEdge].kind() == Kind::kRelationship) ++result.edges;
    }
    result.truncated_by = traverse.truncated_by();
    return result;
  }

  // "a -TYPE- b -TYPE- c" for a path.
  std::string Describe(const Path& path) {
    std::string out;
    for (size_t i = 0; i < path.nodes.size(); ++i) {
      absl::StatusOr<const kg::v1::Node*> node = context_->Node(path.nodes[i]);
      if (i > 0) out += " -" + path.edges[i - 1].type + "- ";
      out += node.ok() ? (*node)->key() : "?";
    }
    return out;
  }

  std::vector<std::string> Paths(graph::query::Operator& op) {
    std::vector<std::string> out;
    for (const Row& row : Run(op)) out.push_back(Describe(row[0].as_path()));
    return out;
  }
};

TEST_F(AlgorithmsTest, TraverseReturnsNodesWithDepthsAndTheEdgesBetween) {
  TraverseSpec spec;
  spec.start = {Id("network:wps")};
  spec.step = StepFilter{Direction::kIn, {"MEMBER_OF", "CHAIRS"}, {}};
  spec.max_depth = 1;
  Result result = RunTraverse(spec);
  EXPECT_THAT(result.nodes, ElementsAre("network:wps", "state:DEU", "state:KOR",
                                        "state:CIV"));
  EXPECT_THAT(result.depths, ElementsAre(0, 1, 1, 1));
  // Three MEMBER_OF and two CHAIRS: the second edge to a state is an edge
  // row of its own.
  EXPECT_EQ(result.edges, 5);
  EXPECT_THAT(result.truncated_by, IsEmpty());
}

TEST_F(AlgorithmsTest, TraverseMinDepthLeavesOutNearNodesAndTheirEdges) {
  TraverseSpec spec;
  spec.start = {Id("state:DEU")};
  spec.step = StepFilter{Direction::kOut, {}, {}};
  spec.min_depth = 2;
  spec.max_depth = 2;
  Result result = RunTraverse(spec);
  // DEU -> c1 -> {a4p-plus, UNMISS, gender-parity, KOR}; DEU -> wps -> none.
  EXPECT_THAT(result.nodes,
              UnorderedElementsAre("framework:a4p-plus", "mission:UNMISS",
                                   "topic:gender-parity", "state:KOR"));
  EXPECT_THAT(result.depths, ElementsAre(2, 2, 2, 2));
  EXPECT_EQ(result.edges, 0);
}

TEST_F(AlgorithmsTest, TraverseLabelsFilterReachedNodesButNotStarts) {
  TraverseSpec spec;
  spec.start = {Id("state:DEU")};
  spec.step = StepFilter{Direction::kBoth, {}, {"Commitment", "Mission"}};
  spec.max_depth = 3;
  Result result = RunTraverse(spec);
  EXPECT_THAT(result.nodes, ElementsAre("state:DEU", "commitment:c1",
                                        "mission:UNMISS", "commitment:c3"));
}

TEST_F(AlgorithmsTest, TraverseHonoursAsOf) {
  NewContext(Date(2017));
  TraverseSpec spec;
  spec.start = {Id("network:wps")};
  spec.step = StepFilter{Direction::kIn, {"MEMBER_OF", "CHAIRS"}, {}};
  Result result = RunTraverse(spec);
  // CIV joined in 2020; KOR chairs from 2019 but was a member.
  EXPECT_THAT(result.nodes,
              ElementsAre("network:wps", "state:DEU", "state:KOR"));
  EXPECT_EQ(result.edges, 3);
}

TEST_F(AlgorithmsTest, TraverseCapsFanOutNodesAndEdges) {
  TraverseSpec spec;
  spec.start = {Id("network:wps")};
  spec.step = StepFilter{Direction::kIn, {"MEMBER_OF"}, {}};
  spec.max_fan_out = 2;
  Result fan_out = RunTraverse(spec);
  EXPECT_EQ(fan_out.nodes.size(), 3);
  EXPECT_THAT(fan_out.truncated_by, ElementsAre("max_fan_out"));

  spec.max_fan_out = 0;
  spec.max_nodes = 2;
  Result nodes = RunTraverse(spec);
  EXPECT_EQ(nodes.nodes.size(), 2);
  EXPECT_THAT(nodes.truncated_by, ElementsAre("max_nodes"));

  spec.max_nodes = 0;
  spec.max_edges = 1;
  Result edges = RunTraverse(spec);
  EXPECT_EQ(edges.edges, 1);
  EXPECT_THAT(edges.truncated_by, ElementsAre("max_edges"));

  // Exactly at a limit is not cut short.
  spec.max_edges = 3;
  EXPECT_THAT(RunTraverse(spec).truncated_by, IsEmpty());
}

TEST_F(AlgorithmsTest, TraversePathsLeadFromTheStart) {
  TraverseSpec spec;
  spec.start = {Id("state:DEU")};
  spec.step = StepFilter{Direction::kOut, {"PLEDGED", "TARGETS"}, {}};
  spec.max_depth = 2;
  spec.paths = true;
  Traverse traverse(*context_, spec);
  std::vector<std::string> paths;
  for (const Row& row : Run(traverse)) {
    if (row[Traverse::kPath].kind() == Kind::kPath) {
      paths.push_back(Describe(row[Traverse::kPath].as_path()));
    }
  }
  EXPECT_THAT(paths,
              ElementsAre("state:DEU", "state:DEU -PLEDGED- commitment:c1",
                          "state:DEU -PLEDGED- commitment:c1 -TARGETS- "
                          "mission:UNMISS"));
}

TEST_F(AlgorithmsTest, ShortestPathUndirectedAndDirected) {
  graph::query::ShortestPathSpec spec;
  spec.from = Id("state:DEU");
  spec.to = Id("mission:UNMISS");
  auto search = graph::query::ShortestPath(*context_, spec);
  EXPECT_THAT(Paths(*search),
              ElementsAre("state:DEU -PLEDGED- commitment:c1 -TARGETS- "
                          "mission:UNMISS"));

  spec.step.direction = Direction::kOut;
  auto out = graph::query::ShortestPath(*context_, spec);
  EXPECT_EQ(Paths(*out).size(), 1);

  std::swap(spec.from, spec.to);
  auto against = graph::query::ShortestPath(*context_, spec);
  EXPECT_THAT(Paths(*against), IsEmpty());
  spec.step.direction = Direction::kIn;
  auto in = graph::query::ShortestPath(*context_, spec);
  EXPECT_EQ(Paths(*in).size(), 1);
}

TEST_F(AlgorithmsTest, ShortestPathFiltersTheNodesBetween) {
  graph::query::ShortestPathSpec spec;
  spec.from = Id("state:DEU");
  spec.to = Id("mission:UNMISS");
  // The ends need not have the labels.
  spec.step.labels = {"Commitment"};
  auto search = graph::query::ShortestPath(*context_, spec);
  EXPECT_THAT(Paths(*search),
              ElementsAre("state:DEU -PLEDGED- commitment:c1 -TARGETS- "
                          "mission:UNMISS"));
  spec.step.labels = {"Network", "State"};
  auto none = graph::query::ShortestPath(*context_, spec);
  EXPECT_THAT(Paths(*none), IsEmpty());
}

TEST_F(AlgorithmsTest, ShortestPathRespectsMaxDepthAndSameEnds) {
  graph::query::ShortestPathSpec spec;
  spec.from = Id("state:DEU");
  spec.to = Id("resolution:unsc-1325");
  spec.max_depth = 2;
  auto short_search = graph::query::ShortestPath(*context_, spec);
  EXPECT_THAT(Paths(*short_search), IsEmpty());
  spec.max_depth = 3;
  auto search = graph::query::ShortestPath(*context_, spec);
  EXPECT_THAT(Paths(*search),
              ElementsAre("state:DEU -PLEDGED- commitment:c1 -TARGETS- "
                          "mission:UNMISS -MANDATED_BY- "
                          "resolution:unsc-1325"));
  spec.to = spec.from;
  auto same = graph::query::ShortestPath(*context_, spec);
  EXPECT_THAT(Paths(*same), ElementsAre("state:DEU"));
}

TEST_F(AlgorithmsTest, PathsAreSimpleAndShortestFirst) {
  graph::query::PathsSpec spec;
  spec.from = Id("state:DEU");
  spec.to = Id("mission:UNMISS");
  spec.max_depth = 4;
  auto paths = graph::query::Paths(*context_, spec);
  std::vector<std::string> found = Paths(*paths);
  // One of two edges, none of three, and nine of four: DEU and KOR each
  // have two edges to the network, and KOR two ways to a commitment that
  // targets UNMISS.
  ASSERT_EQ(found.size(), 10) << ::testing::PrintToString(found);
  EXPECT_EQ(found[0],
            "state:DEU -PLEDGED- commitment:c1 -TARGETS- mission:UNMISS");
  EXPECT_THAT(found,
              ::testing::Contains(
                  "state:DEU -CHAIRS- network:wps -MEMBER_OF- state:KOR "
                  "-ADDRESSED_TO- commitment:c1 -TARGETS- mission:UNMISS"));
  EXPECT_THAT(found, ::testing::Contains(
                         "state:DEU -PLEDGED- commitment:c1 -ADDRESSED_TO- "
                         "state:KOR -PLEDGED- commitment:c3 -TARGETS- "
                         "mission:UNMISS"));
  std::set<std::string> distinct(found.begin(), found.end());
  EXPECT_EQ(distinct.size(), found.size());
  for (size_t i = 1; i < found.size(); ++i) {
    EXPECT_EQ(std::count(found[i].begin(), found[i].end(), '-'), 8) << found[i];
  }
}

TEST_F(AlgorithmsTest, PathsStopAtALimitAndFilterLabels) {
  graph::query::PathsSpec spec;
  spec.from = Id("state:DEU");
  spec.to = Id("mission:UNMISS");
  spec.max_depth = 4;
  auto first = graph::query::Limit(graph::query::Paths(*context_, spec), 0, 1);
  EXPECT_EQ(Paths(*first).size(), 1);
  spec.step.labels = {"Commitment", "State"};
  auto labelled = graph::query::Paths(*context_, spec);
  EXPECT_EQ(Paths(*labelled).size(), 2);
}

}  // namespace
}  // namespace kg::query_test
