// openCypher through QueryService.Run on the real graph: the facts of the
// shared corpus (../shared/gold) imported through a real server's
// ImportFacts, and the questions of issue 7 asked both as queries and
// through the typed RPCs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "cypher_run.h"
#include "gold_graph.h"
#include "shortest_path.h"

namespace kg::testing {
namespace {

constexpr char kNetwork[] = "network:wps-focal-points-network";

struct Rows {
  std::vector<std::string> columns;
  std::vector<std::vector<kg::v1::CypherValue>> values;
};

class RealGraphTest : public GoldGraphTest {
 protected:
  // The rows of `query`, which must succeed.
  Rows Query(const std::string& query) {
    CypherRun run = RunCypher(*query_, query);
    EXPECT_TRUE(run.status.ok()) << query << ": " << run.status.error_message();
    return {std::move(run.columns), std::move(run.rows)};
  }
};

using Pledge = std::tuple<std::string, std::string, std::string>;

TEST_F(RealGraphTest, WhoPledgedWhatUnderWhichFrameworkMatchesCommitments) {
  Rows rows = Query(
      "MATCH (actor)-[:PLEDGED]->(c:Commitment)-[:UNDER]->(framework) "
      "RETURN actor.key AS actor, c.key AS commitment, "
      "framework.key AS framework");
  EXPECT_THAT(rows.columns,
              ::testing::ElementsAre("actor", "commitment", "framework"));
  std::multiset<Pledge> by_query;
  for (const std::vector<kg::v1::CypherValue>& row : rows.values) {
    ASSERT_EQ(row.size(), 3u);
    by_query.emplace(row[0].string_value(), row[1].string_value(),
                     row[2].string_value());
  }

  kg::v1::CommitmentsRequest request;
  request.set_relation(kg::v1::COMMITMENT_RELATION_PLEDGED);
  request.set_page_size(1000);
  grpc::ClientContext context;
  kg::v1::CommitmentsResponse response;
  grpc::Status status = query_->Commitments(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_TRUE(response.next_page_token().empty());
  std::multiset<Pledge> by_rpc;
  for (const kg::v1::CommitmentRow& row : response.rows()) {
    for (const kg::v1::EntityRef& framework : row.frameworks()) {
      by_rpc.emplace(row.actor().key(), row.commitment_key(), framework.key());
    }
  }
  EXPECT_FALSE(by_rpc.empty());
  EXPECT_EQ(by_query, by_rpc);
}

TEST_F(RealGraphTest, AVariableLengthPathLinksUnmissAndResolution1325) {
  ShortestPathCall shortest =
      CallShortestPath(*query_, "mission:UNMISS", "resolution:unsc-1325");
  ASSERT_TRUE(
      FoundPathBetween(shortest, "mission:UNMISS", "resolution:unsc-1325"));

  Rows rows = Query(
      "MATCH p = (m:Mission {key: 'mission:UNMISS'})-[*1..3]-"
      "(r:Resolution {key: 'resolution:unsc-1325'}) "
      "RETURN p, length(p) AS hops ORDER BY hops LIMIT 1");
  ASSERT_EQ(rows.values.size(), 1u);
  const kg::v1::CypherPath& path = rows.values[0][0].path_value();
  ASSERT_GE(path.relationships_size(), 1);
  EXPECT_EQ(rows.values[0][1].int_value(), path.relationships_size());
  EXPECT_EQ(path.relationships_size(), shortest.response.path().edges_size());
  EXPECT_EQ(path.nodes(0).properties().at("key").string_value(),
            "mission:UNMISS");
  EXPECT_EQ(
      path.nodes(path.nodes_size() - 1).properties().at("key").string_value(),
      "resolution:unsc-1325");
  // Each relationship joins its neighbours on the path, one way or the
  // other.
  for (int i = 0; i < path.relationships_size(); ++i) {
    const kg::v1::CypherRelationship& rel = path.relationships(i);
    EXPECT_EQ((std::set<uint64_t>{rel.start_node_id(), rel.end_node_id()}),
              (std::set<uint64_t>{path.nodes(i).id(), path.nodes(i + 1).id()}));
  }
}

TEST_F(RealGraphTest, CountsTheFocalPointsNetworksMembersByLabel) {
  // What the gold says: the labels of the nodes with a MEMBER_OF edge into
  // the network.
  std::map<std::string, std::string> labels;
  std::set<std::string> members;
  for (const graph::DocumentFacts& facts : gold_) {
    for (const kg::v1::Node& node : facts.nodes) {
      labels[node.key()] = node.label();
    }
    for (const kg::v1::Edge& edge : facts.edges) {
      if (edge.type() == "MEMBER_OF" && edge.dst_key() == kNetwork) {
        members.insert(edge.src_key());
      }
    }
  }
  std::map<std::string, int64_t> expected;
  for (const std::string& member : members) ++expected[labels[member]];
  ASSERT_GT(expected.size(), 1u);

  Rows rows = Query(
      "MATCH (member)-[:MEMBER_OF]->(:Network {key: "
      "'network:wps-focal-points-network'}) "
      "UNWIND labels(member) AS label "
      "RETURN label, count(DISTINCT member) AS members ORDER BY label");
  std::map<std::string, int64_t> counted;
  for (const std::vector<kg::v1::CypherValue>& row : rows.values) {
    ASSERT_EQ(row.size(), 2u);
    counted[row[0].string_value()] = row[1].int_value();
  }
  EXPECT_EQ(counted, expected);
}

}  // namespace
}  // namespace kg::testing
