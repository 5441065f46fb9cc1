// QueryService.Run over a real channel on the domain test graph: typed
// rows after a header, parameters, as_of, EXPLAIN, caps and errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cypher_run.h"
#include "test_graph_server.h"

namespace kg::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

using RunResult = CypherRun;

// A scalar cell as text ("null" for null).
std::string Cell(const kg::v1::CypherValue& v) {
  switch (v.kind_case()) {
    case kg::v1::CypherValue::kStringValue:
      return v.string_value();
    case kg::v1::CypherValue::kIntValue:
      return absl::StrCat(v.int_value());
    case kg::v1::CypherValue::kBoolValue:
      return v.bool_value() ? "true" : "false";
    case kg::v1::CypherValue::kNullValue:
      return "null";
    default:
      return "?";
  }
}

class RunServiceTest : public TestGraphServerTest {
 protected:
  RunResult Run(const kg::v1::RunRequest& request) {
    return RunCypher(*query_, request);
  }
  RunResult Run(const std::string& query) { return RunCypher(*query_, query); }

  // Rows of scalar cells joined by ",".
  static std::vector<std::string> Rows(const RunResult& result) {
    std::vector<std::string> rows;
    for (const auto& row : result.rows) {
      std::vector<std::string> cells;
      for (const kg::v1::CypherValue& v : row) cells.push_back(Cell(v));
      rows.push_back(absl::StrJoin(cells, ","));
    }
    return rows;
  }
};

TEST_F(RunServiceTest, FindsANodeByKeyAndReturnsItTyped) {
  RunResult result = Run("MATCH (s:State {key: 'state:DEU'}) RETURN s, s.name");
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_THAT(result.columns, ElementsAre("s", "s.name"));
  ASSERT_EQ(result.rows.size(), 1u);
  const kg::v1::CypherNode& node = result.rows[0][0].node_value();
  EXPECT_THAT(node.labels(), ElementsAre("State"));
  EXPECT_EQ(node.properties().at("key").string_value(), "state:DEU");
  EXPECT_EQ(Cell(result.rows[0][1]), "Germany");
}

TEST_F(RunServiceTest, WhoPledgedWhatUnderWhichFramework) {
  RunResult result =
      Run("MATCH (a)-[:PLEDGED]->(c:Commitment)-[:UNDER]->(f) "
          "RETURN a.key, c.key, f.key");
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_THAT(Rows(result),
              UnorderedElementsAre("state:DEU,commitment:c1,framework:a4p-plus",
                                   "state:KOR,commitment:c3,framework:a4p",
                                   "unbody:dpo,commitment:c3,framework:a4p"));
}

TEST_F(RunServiceTest, VariableLengthPathLinksMissionToResolution) {
  RunResult result = Run(
      "MATCH p = (m {key: 'mission:UNMISS'})-[*1..2]-"
      "(r {key: 'resolution:unsc-1325'}) RETURN p ORDER BY length(p) LIMIT 1");
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  ASSERT_EQ(result.rows.size(), 1u);
  const kg::v1::CypherPath& path = result.rows[0][0].path_value();
  ASSERT_EQ(path.relationships_size(), 1);
  EXPECT_EQ(path.relationships(0).type(), "MANDATED_BY");
  EXPECT_EQ(path.nodes(1).properties().at("key").string_value(),
            "resolution:unsc-1325");
}

TEST_F(RunServiceTest, AggregatesWithParametersAndAsOf) {
  kg::v1::RunRequest request;
  request.set_query(
      "MATCH (m)-[:MEMBER_OF]->(n {key: $network}) "
      "RETURN labels(m)[0] AS label, count(*) AS members");
  (*request.mutable_parameters())["network"].set_string_value("network:wps");
  RunResult all = Run(request);
  ASSERT_TRUE(all.status.ok()) << all.status.error_message();
  EXPECT_THAT(Rows(all), ElementsAre("State,3"));

  request.mutable_as_of()->set_year(2019);
  RunResult in_2019 = Run(request);
  ASSERT_TRUE(in_2019.status.ok()) << in_2019.status.error_message();
  EXPECT_THAT(Rows(in_2019), ElementsAre("State,2"));
}

TEST_F(RunServiceTest, ExplainReturnsThePlan) {
  RunResult result = Run("EXPLAIN MATCH (s:State) RETURN s.name");
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_THAT(result.columns, ElementsAre("plan"));
  EXPECT_THAT(Rows(result), ElementsAre("Match: NodeScan (s:State)",
                                        "Project (RETURN) s.name"));
}

TEST_F(RunServiceTest, ErrorsAreInvalidArgumentWithTheCypherErrorType) {
  RunResult syntax = Run("MATCH (s RETURN s");
  EXPECT_EQ(syntax.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(syntax.status.error_message(),
              StartsWith("SyntaxError: UnexpectedSyntax"));
  RunResult undefined = Run("MATCH (s) RETURN t");
  EXPECT_EQ(undefined.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(undefined.status.error_message(),
              StartsWith("SyntaxError: UndefinedVariable: t"));
  RunResult empty = Run("");
  EXPECT_EQ(empty.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(empty.status.error_message(), StartsWith("query:"));
  RunResult create = Run("CREATE (:State {key: 'state:FRA'})");
  EXPECT_EQ(create.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(create.status.error_message(), HasSubstr("ReadOnlyGraph"));
  EXPECT_THAT(create.status.error_message(), HasSubstr("CREATE"));
  EXPECT_THAT(create.status.error_message(), HasSubstr("scratch_graph"));

  kg::v1::RunRequest request;
  request.set_query("RETURN $n");
  (*request.mutable_parameters())["n"].mutable_node_value();
  RunResult node_parameter = Run(request);
  EXPECT_EQ(node_parameter.status.error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(node_parameter.status.error_message(),
              StartsWith("parameters.n:"));
}

TEST_F(RunServiceTest, RowCapIsResourceExhausted) {
  services::QueryLimits limits;
  limits.max_rows = 5;
  StartServer({}, limits);
  RunResult result = Run("UNWIND range(1, 100) AS x RETURN x");
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(result.status.error_message(), StartsWith("max_rows"));
}

}  // namespace
}  // namespace kg::testing
