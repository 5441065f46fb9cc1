// The Cypher engine on an in-memory graph: syntax and semantic errors as
// the TCK names them, CREATE, MATCH and the clauses after it.
#include "kg/graph/cypher/engine.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "kg/graph/cypher/memory_graph.h"

namespace kg::graph::cypher {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

class CypherEngineTest : public ::testing::Test {
 protected:
  absl::StatusOr<QueryResult> Run(const std::string& query,
                                  const Value::Map& parameters = {}) {
    query::BudgetLimits limits;
    query::QueryBudget budget(limits);
    return RunQuery(query, parameters, graph_, &graph_, budget);
  }

  // The error message of a query that must fail.
  std::string Error(const std::string& query) {
    absl::StatusOr<QueryResult> result = Run(query);
    EXPECT_FALSE(result.ok()) << query;
    if (result.ok()) return "";
    EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
    return std::string(result.status().message());
  }

  // Every row as "v1,v2", scalars only.
  std::vector<std::string> Rows(const std::string& query) {
    absl::StatusOr<QueryResult> result = Run(query);
    EXPECT_TRUE(result.ok()) << query << ": " << result.status();
    std::vector<std::string> rows;
    if (!result.ok()) return rows;
    for (const std::vector<Value>& row : result->rows) {
      std::vector<std::string> cells;
      for (const Value& v : row) cells.push_back(Text(v));
      rows.push_back(absl::StrJoin(cells, ","));
    }
    return rows;
  }

  static std::string Text(const Value& v) {
    switch (v.kind()) {
      case Value::Kind::kNull:
        return "null";
      case Value::Kind::kBool:
        return v.as_bool() ? "true" : "false";
      case Value::Kind::kInt:
        return absl::StrCat(v.as_int());
      case Value::Kind::kFloat:
        return absl::StrCat(v.as_float());
      case Value::Kind::kString:
        return v.as_string();
      case Value::Kind::kList: {
        std::vector<std::string> items;
        for (const Value& item : v.as_list()) items.push_back(Text(item));
        return absl::StrCat("[", absl::StrJoin(items, " "), "]");
      }
      default:
        return KindName(v.kind());
    }
  }

  MemoryGraph graph_;
};

TEST_F(CypherEngineTest, SyntaxErrorsNameTheProblemAndOffset) {
  EXPECT_THAT(Error("MATCH (n RETURN n"),
              StartsWith("SyntaxError: UnexpectedSyntax: expected ')'"));
  EXPECT_THAT(Error("RETURN 'unterminated"),
              StartsWith("SyntaxError: unterminated string"));
  EXPECT_THAT(Error("MATCH (a)-[:T*-2]->(b) RETURN a"),
              StartsWith("SyntaxError: InvalidRelationshipPattern"));
  EXPECT_THAT(Error("RETURN 9223372036854775808"),
              StartsWith("SyntaxError: IntegerOverflow"));
  EXPECT_THAT(Error("MATCH (n) RETURN n ORDER"), HasSubstr("expected BY"));
  EXPECT_THAT(Error(""), HasSubstr("expected a clause"));
}

TEST_F(CypherEngineTest, SemanticErrorsUseTheTckDetails) {
  EXPECT_THAT(Error("MATCH (a) RETURN b"),
              StartsWith("SyntaxError: UndefinedVariable: b"));
  EXPECT_THAT(Error("MATCH (r)-[r]->() RETURN r"),
              StartsWith("SyntaxError: VariableTypeConflict: r"));
  EXPECT_THAT(Error("MATCH (a) WHERE count(a) > 1 RETURN a"),
              StartsWith("SyntaxError: InvalidAggregation"));
  EXPECT_THAT(Error("RETURN 1 AS a, 2 AS a"),
              StartsWith("SyntaxError: ColumnNameConflict: a"));
  EXPECT_THAT(Error("MATCH (a) WITH a, count(*) RETURN a"),
              StartsWith("SyntaxError: NoExpressionAlias"));
  EXPECT_THAT(Error("MATCH (n) RETURN n LIMIT -1"),
              StartsWith("SyntaxError: NegativeIntegerArgument"));
  EXPECT_THAT(Error("MATCH (n) RETURN n SKIP n.count"),
              StartsWith("SyntaxError: NonConstantExpression"));
  EXPECT_THAT(Error("RETURN foo(1)"),
              StartsWith("SyntaxError: UnknownFunction: foo"));
  EXPECT_THAT(Error("RETURN NOT 1"),
              StartsWith("SyntaxError: InvalidArgumentType"));
  EXPECT_THAT(Error("MATCH (n) RETURN n.x + count(*)"),
              StartsWith("SyntaxError: AmbiguousAggregationExpression"));
}

TEST_F(CypherEngineTest, RuntimeErrorsUseTheTckTypes) {
  EXPECT_THAT(Error("RETURN 1 / 0"),
              StartsWith("ArithmeticError: DivisionByZero"));
  EXPECT_THAT(Error("WITH 1 AS x RETURN x[0]"),
              StartsWith("TypeError: InvalidArgumentType"));
  EXPECT_THAT(Error("RETURN $missing"), StartsWith("ParameterMissing"));
}

TEST_F(CypherEngineTest, CreateThenMatchWithEveryClause) {
  ASSERT_TRUE(Run("CREATE (a:Person:Admin {name: 'Ann', age: 40})-[:KNOWS "
                  "{since: 2001}]->(b:Person {name: 'Bob', age: 30}), "
                  "(b)-[:KNOWS]->(:Person {name: 'Cy', age: 20})")
                  .ok());
  EXPECT_THAT(Rows("MATCH (p:Person) RETURN p.name ORDER BY p.age DESC"),
              ElementsAre("Ann", "Bob", "Cy"));
  EXPECT_THAT(Rows("MATCH (a {name: 'Ann'})-[:KNOWS*1..2]->(x) "
                   "RETURN x.name"),
              UnorderedElementsAre("Bob", "Cy"));
  EXPECT_THAT(Rows("MATCH (p:Person) OPTIONAL MATCH (p)-[:KNOWS]->(q) "
                   "RETURN p.name, q.name"),
              UnorderedElementsAre("Ann,Bob", "Bob,Cy", "Cy,null"));
  EXPECT_THAT(Rows("MATCH (p:Person) WITH count(*) AS n, avg(p.age) AS a "
                   "RETURN n, a"),
              ElementsAre("3,30"));
  EXPECT_THAT(Rows("MATCH (p:Person) RETURN labels(p) ORDER BY p.age "
                   "SKIP 1 LIMIT 1"),
              ElementsAre("[Person]"));
  EXPECT_THAT(Rows("UNWIND [3, 1, 2] AS x WITH x WHERE x > 1 "
                   "RETURN collect(x) AS xs"),
              ElementsAre("[3 2]"));
  EXPECT_THAT(Rows("MATCH p = ({name: 'Ann'})-[*]->({name: 'Cy'}) "
                   "RETURN length(p)"),
              ElementsAre("2"));
  EXPECT_THAT(Rows("RETURN CASE WHEN 1 < 2 THEN 'yes' ELSE 'no' END, "
                   "[x IN range(1, 5) WHERE x % 2 = 1 | x * 10]"),
              ElementsAre("yes,[10 30 50]"));
}

TEST_F(CypherEngineTest, NullsFollowTernaryLogic) {
  EXPECT_THAT(Rows("RETURN null = null, null OR true, null AND false, "
                   "2 IN [1, null]"),
              ElementsAre("null,true,false,null"));
}

TEST_F(CypherEngineTest, ExplainListsOperatorsWithoutRunning) {
  absl::StatusOr<QueryResult> plan =
      Run("EXPLAIN MATCH (a:Person)-[:KNOWS]->(b) WHERE b.age > 1 "
          "RETURN count(*)");
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_THAT(plan->columns, ElementsAre("plan"));
  std::vector<std::string> lines;
  for (const std::vector<Value>& row : plan->rows) {
    lines.push_back(row[0].as_string());
  }
  EXPECT_THAT(
      lines,
      ElementsAre("Match: NodeScan (a:Person)", "Match: Expand -[:KNOWS]->(b)",
                  "Filter b.age > 1", "Aggregate (RETURN) count(*)"));
}

TEST_F(CypherEngineTest, ExplainListsEveryStageOfThePipeline) {
  absl::StatusOr<QueryResult> plan =
      Run("EXPLAIN MATCH (a) OPTIONAL MATCH (a)-[r*1..2]-(b) WHERE b.x = 1 "
          "WITH DISTINCT a, count(b) AS n ORDER BY n DESC SKIP 1 LIMIT 2 "
          "UNWIND [1, 2] AS i RETURN a, n, i");
  ASSERT_TRUE(plan.ok()) << plan.status();
  std::vector<std::string> lines;
  for (const std::vector<Value>& row : plan->rows) {
    lines.push_back(row[0].as_string());
  }
  EXPECT_THAT(lines,
              ElementsAre("Match: NodeScan (a)", "OptionalMatch: NodeScan (a)",
                          "OptionalMatch: VarExpand -[r*1..2]-(b)",
                          "OptionalMatch: Filter b.x = 1",
                          "Aggregate (WITH) a, n", "Distinct", "OrderBy n DESC",
                          "Skip 1 Limit 2", "Narrow (WITH) a, n",
                          "Unwind [1, 2] AS i", "Project (RETURN) a, n, i"));
}

TEST_F(CypherEngineTest, OptionalMatchRunsItsStagesPerRow) {
  ASSERT_TRUE(Run("CREATE (:P {v: 1})-[:R]->(:Q {v: 2}), (:P {v: 3})").ok());
  EXPECT_THAT(Rows("MATCH (p:P) OPTIONAL MATCH (p)-[:R]->(q) "
                   "RETURN p.v, q.v ORDER BY p.v"),
              ElementsAre("1,2", "3,null"));
  EXPECT_THAT(Rows("MATCH (p:P) OPTIONAL MATCH (p)-[:R]->(q) WHERE q.v > 5 "
                   "RETURN p.v, q.v ORDER BY p.v"),
              ElementsAre("1,null", "3,null"));
}

}  // namespace
}  // namespace kg::graph::cypher
