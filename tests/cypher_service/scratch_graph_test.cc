// QueryService.Run on scratch graphs (RunRequest.scratch_graph) and
// DropScratchGraph, over a real channel: CREATE then MATCH, graphs kept
// apart, the server's cap, and the errors of bad use.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "cypher_run.h"
#include "test_server.h"

namespace kg::testing {
namespace {

using ::testing::HasSubstr;

class ScratchGraphTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    services::ServerOptions options;
    options.query_limits.max_scratch_graphs = 2;
    StartServer(options);
  }

  // Runs `query` on scratch graph `graph`; the rows' values, or the error.
  grpc::Status Run(const std::string& graph, const std::string& query,
                   std::vector<std::vector<kg::v1::CypherValue>>* rows,
                   kg::v1::RunRequest request = {}) {
    request.set_query(query);
    request.set_scratch_graph(graph);
    CypherRun run = RunCypher(*query_, request);
    std::move(run.rows.begin(), run.rows.end(), std::back_inserter(*rows));
    return run.status;
  }

  grpc::Status Drop(const std::string& graph) {
    kg::v1::DropScratchGraphRequest request;
    request.set_name(graph);
    kg::v1::DropScratchGraphResponse response;
    grpc::ClientContext context;
    return query_->DropScratchGraph(&context, request, &response);
  }

  int64_t CountNodes(const std::string& graph) {
    std::vector<std::vector<kg::v1::CypherValue>> rows;
    grpc::Status status = Run(graph, "MATCH (n) RETURN count(n)", &rows);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return rows.empty() ? -1 : rows[0][0].int_value();
  }
};

TEST_F(ScratchGraphTest, CreatedFactsAreReadBackAsTypedValues) {
  std::vector<std::vector<kg::v1::CypherValue>> rows;
  ASSERT_TRUE(
      Run("a", "CREATE (:A {name: 'x'})-[:T {w: 2}]->(:B)", &rows).ok());
  rows.clear();
  grpc::Status status =
      Run("a", "MATCH p = (a:A)-[r:T]->(b) RETURN a, r, p", &rows);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(rows.size(), 1u);
  const kg::v1::CypherNode& a = rows[0][0].node_value();
  EXPECT_THAT(a.labels(), ::testing::ElementsAre("A"));
  EXPECT_EQ(a.properties().at("name").string_value(), "x");
  const kg::v1::CypherRelationship& r = rows[0][1].relationship_value();
  EXPECT_EQ(r.type(), "T");
  EXPECT_EQ(r.start_node_id(), a.id());
  EXPECT_EQ(r.properties().at("w").int_value(), 2);
  EXPECT_EQ(rows[0][2].path_value().nodes_size(), 2);
  // The stored graph is untouched.
  EXPECT_EQ(Stats().node_count(), 0u);
}

TEST_F(ScratchGraphTest, CreatedNodesGetDomainKeysAsTheOntologyMakesThem) {
  std::vector<std::vector<kg::v1::CypherValue>> rows;
  grpc::Status status = Run("a",
                            "CREATE (au:Organization {name: 'African Union'}), "
                            "(again:Organization {name: 'African Union'}), "
                            "(ci:State {name: \"Côte d'Ivoire\"}), "
                            "(de:State {key: 'state:DEU', name: 'Germany'}), "
                            "(w:Widget), (n) "
                            "RETURN au, again, ci, de, w, n",
                            &rows);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(rows.size(), 1u);
  std::vector<std::string> keys;
  for (const kg::v1::CypherValue& value : rows[0]) {
    keys.push_back(value.node_value().key());
  }
  EXPECT_THAT(keys,
              ::testing::ElementsAre("org:african-union", "org:african-union-2",
                                     "state:cote-divoire", "state:DEU",
                                     "widget:node-1", "node:node-1"));
  // A generated key is not a property: CREATE set only the name.
  EXPECT_EQ(rows[0][0].node_value().properties_size(), 1);

  // Keys stay unique: a given key that is taken is refused, and generated
  // keys step past the ones in use.
  rows.clear();
  status = Run("a", "CREATE (:State {key: 'state:DEU'})", &rows);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("state:DEU"));
  EXPECT_EQ(CountNodes("a"), 6);
  rows.clear();
  ASSERT_TRUE(Run("a",
                  "CREATE (o:Organization {name: 'African Union'}) RETURN o",
                  &rows)
                  .ok());
  EXPECT_EQ(rows[0][0].node_value().key(), "org:african-union-3");
}

TEST_F(ScratchGraphTest, GraphsAreKeptApartAndDroppedGraphsStartEmpty) {
  std::vector<std::vector<kg::v1::CypherValue>> rows;
  ASSERT_TRUE(Run("a", "CREATE (), ()", &rows).ok());
  ASSERT_TRUE(Run("b", "CREATE ()", &rows).ok());
  EXPECT_EQ(CountNodes("a"), 2);
  EXPECT_EQ(CountNodes("b"), 1);
  ASSERT_TRUE(Drop("a").ok());
  EXPECT_EQ(CountNodes("a"), 0);
}

TEST_F(ScratchGraphTest, TheServerHoldsAtMostItsCap) {
  std::vector<std::vector<kg::v1::CypherValue>> rows;
  ASSERT_TRUE(Run("a", "RETURN 1", &rows).ok());
  ASSERT_TRUE(Run("b", "RETURN 1", &rows).ok());
  grpc::Status third = Run("c", "RETURN 1", &rows);
  EXPECT_EQ(third.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(third.error_message(), HasSubstr("max_scratch_graphs"));
  ASSERT_TRUE(Drop("b").ok());
  EXPECT_TRUE(Run("c", "RETURN 1", &rows).ok());
}

TEST_F(ScratchGraphTest, BadUseIsRefusedNamingTheField) {
  std::vector<std::vector<kg::v1::CypherValue>> rows;
  kg::v1::RunRequest with_as_of;
  with_as_of.mutable_as_of()->set_year(2020);
  grpc::Status as_of = Run("a", "RETURN 1", &rows, with_as_of);
  EXPECT_EQ(as_of.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(as_of.error_message(), HasSubstr("as_of"));

  grpc::Status unknown = Drop("never-made");
  EXPECT_EQ(unknown.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(unknown.error_message(), HasSubstr("never-made"));

  grpc::Status syntax = Run("a", "MATCH (n RETURN n", &rows);
  EXPECT_EQ(syntax.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(syntax.error_message(), HasSubstr("SyntaxError"));
}

TEST_F(ScratchGraphTest, AServerWithoutScratchGraphsRefusesThem) {
  StartServer();
  std::vector<std::vector<kg::v1::CypherValue>> rows;
  grpc::Status status = Run("a", "CREATE ()", &rows);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(status.error_message(), HasSubstr("scratch_graph"));
}

}  // namespace
}  // namespace kg::testing
