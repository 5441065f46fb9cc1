// A fixture for the engine's query tests: the test graph (test_graph.h) in
// a fresh store, one snapshot, a budget and a context over them, and
// helpers to name nodes by key.
#ifndef KG_TESTS_QUERY_ENGINE_FIXTURE_H_
#define KG_TESTS_QUERY_ENGINE_FIXTURE_H_

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kg/graph/graph_store.h"
#include "kg/graph/query/operator.h"
#include "kg/graph/query/query_budget.h"
#include "kg/graph/query/query_context.h"
#include "test_graph.h"
#include "test_util.h"

namespace kg::query_test {

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = graph::GraphStore::Open(dir_.Sub("db"));
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    ASSERT_TRUE(LoadTestGraph(*store_).ok());
    snapshot_ = store_->NewSnapshot();
    NewContext();
  }

  void TearDown() override {
    context_.reset();
    snapshot_.reset();
    store_.reset();
  }

  // A fresh budget and context (as of `as_of`, when given).
  void NewContext(std::optional<kg::v1::Date> as_of = std::nullopt,
                  graph::query::BudgetLimits limits = {}) {
    context_.reset();
    budget_ = std::make_unique<graph::query::QueryBudget>(std::move(limits));
    context_ = std::make_unique<graph::query::QueryContext>(*snapshot_,
                                                            *budget_, as_of);
  }

  uint64_t Id(const std::string& key) {
    absl::StatusOr<kg::v1::Node> node = snapshot_->GetNode(key);
    EXPECT_TRUE(node.ok()) << key;
    return node.ok() ? node->id() : 0;
  }

  std::string KeyOf(const graph::query::Value& value) {
    if (value.kind() != graph::query::Value::Kind::kNode) return "";
    absl::StatusOr<const kg::v1::Node*> node =
        context_->Node(value.as_node().id);
    return node.ok() ? (*node)->key() : "?";
  }

  // The key of the node at `column` of every row.
  std::vector<std::string> Keys(const std::vector<graph::query::Row>& rows,
                                size_t column) {
    std::vector<std::string> keys;
    for (const graph::query::Row& row : rows)
      keys.push_back(KeyOf(row[column]));
    return keys;
  }

  std::vector<graph::query::Row> Run(graph::query::Operator& op) {
    absl::StatusOr<std::vector<graph::query::Row>> rows =
        graph::query::Drain(op, *budget_);
    EXPECT_TRUE(rows.ok()) << rows.status();
    return rows.ok() ? *std::move(rows) : std::vector<graph::query::Row>();
  }

  static kg::v1::Date Date(int year, int month = 0, int day = 0) {
    return graph::test::MakeDate(year, month, day);
  }

  graph::test::TempDir dir_;
  std::unique_ptr<graph::GraphStore> store_;
  std::unique_ptr<graph::Snapshot> snapshot_;
  std::unique_ptr<graph::query::QueryBudget> budget_;
  std::unique_ptr<graph::query::QueryContext> context_;
};

}  // namespace kg::query_test

#endif  // KG_TESTS_QUERY_ENGINE_FIXTURE_H_
