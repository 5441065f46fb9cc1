// The pieces under the operators: values, validity, the budget, and the
// Snapshot reads the query engine added (by id, adjacency, degrees).
#include <gmock/gmock.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine_fixture.h"
#include "kg/graph/query/expand.h"
#include "kg/graph/query/node_scan.h"
#include "kg/graph/query/order_by.h"
#include "kg/graph/query/validity.h"
#include "kg/graph/query/value.h"

namespace kg::query_test {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using graph::AdjacencyPage;
using graph::DegreeCount;
using graph::Direction;
using graph::query::BudgetLimits;
using graph::query::EdgeRef;
using graph::query::NodeRef;
using graph::query::OperatorPtr;
using graph::query::Path;
using graph::query::QueryBudget;
using graph::query::Row;
using graph::query::Value;
using ::testing::HasSubstr;

class EngineBasicsTest : public EngineTest {
 protected:
  OperatorPtr ScanAll() {
    return std::make_unique<graph::query::NodeScan>(
        *context_, graph::query::NodeScanSpec());
  }

  // The ids of the edges of network:wps (two or more), reversed so that a
  // batch of them is not in key order.
  std::vector<uint64_t> ReversedEdgeIds() {
    absl::StatusOr<AdjacencyPage> page = snapshot_->ListAdjacent(
        Id("network:wps"), Direction::kBoth, {}, "", 100);
    EXPECT_TRUE(page.ok()) << page.status();
    std::vector<uint64_t> ids;
    if (!page.ok()) return ids;
    for (const graph::AdjacentEdge& edge : page->edges) {
      ids.insert(ids.begin(), edge.edge_id);
    }
    EXPECT_GE(ids.size(), 2);
    return ids;
  }
};

TEST(ValueTest, OrderValuesOrdersNumbersAcrossTypesAndNullLast) {
  using graph::query::OrderValues;
  EXPECT_LT(OrderValues(Value(1), Value(1.5)), 0);
  EXPECT_EQ(OrderValues(Value(2), Value(2.0)), 0);
  EXPECT_LT(OrderValues(Value("a"), Value()), 0);
  EXPECT_LT(OrderValues(Value("0"), Value(9)), 0);
  EXPECT_LT(OrderValues(Value(NodeRef{1}), Value(NodeRef{2})), 0);
  EXPECT_GT(OrderValues(Value(Value::List{Value(1), Value(2)}),
                        Value(Value::List{Value(1)})),
            0);
}

TEST(ValueTest, EqualsAndCompareValuesFollowCypher) {
  EXPECT_EQ(graph::query::Equals(Value(1), Value(1.0)), true);
  EXPECT_EQ(graph::query::Equals(Value(1), Value("1")), false);
  EXPECT_EQ(graph::query::Equals(Value(1), Value()), std::nullopt);
  EXPECT_EQ(graph::query::CompareValues(Value(1), Value("a")), std::nullopt);
  EXPECT_LT(*graph::query::CompareValues(Value("a"), Value("b")), 0);
}

TEST(ValueTest, GroupingKeysTellValuesApart) {
  using graph::query::GroupingKey;
  EXPECT_EQ(GroupingKey(Value(NodeRef{3})), GroupingKey(Value(NodeRef{3})));
  EXPECT_NE(GroupingKey(Value(NodeRef{3})),
            GroupingKey(Value(EdgeRef{3, 1, 2, "T"})));
  // 1 = 1.0, so they group together.
  EXPECT_EQ(GroupingKey(Value(1)), GroupingKey(Value(1.0)));
  EXPECT_NE(GroupingKey(Row{Value("ab"), Value()}),
            GroupingKey(Row{Value("a"), Value()}));
  EXPECT_NE(GroupingKey(Row{Value(1), Value(23)}),
            GroupingKey(Row{Value(12), Value(3)}));
  Path path{{1, 2}, {EdgeRef{7, 1, 2, "T"}}};
  EXPECT_EQ(GroupingKey(Value(path)), GroupingKey(Value(path)));
}

TEST(ValueTest, PropertyValuesBecomeValues) {
  Value list = graph::query::FromPropertyValue(
      graph::test::ListValue({graph::IntValue(1), graph::StringValue("x")}));
  ASSERT_EQ(list.kind(), Value::Kind::kList);
  EXPECT_EQ(list.as_list().size(), 2);
  EXPECT_EQ(graph::query::FromPropertyValue(graph::test::DateValue(2016, 3))
                .as_string(),
            "2016-03");
  EXPECT_TRUE(graph::query::FromPropertyValue(kg::v1::Value()).is_null());
}

TEST(ValidityTest, FromAndToBoundAPeriodAtTheirPrecision) {
  graph::query::Props props;
  props["from"] = graph::test::DateValue(2016, 3);
  props["to"] = graph::StringValue("2018");
  auto at = [](int year, int month = 0) {
    kg::v1::Date date;
    date.set_year(year);
    date.set_month(month);
    return date;
  };
  EXPECT_FALSE(graph::query::ValidAt(props, at(2016, 2)));
  EXPECT_TRUE(graph::query::ValidAt(props, at(2016)));
  EXPECT_TRUE(graph::query::ValidAt(props, at(2016, 3)));
  EXPECT_TRUE(graph::query::ValidAt(props, at(2018, 12)));
  EXPECT_FALSE(graph::query::ValidAt(props, at(2019)));

  graph::query::Props observed;
  observed["as_of"] = graph::test::DateValue(2018, 5);
  EXPECT_TRUE(graph::query::ValidAt(observed, at(1990)));

  graph::query::Props open;
  open["from"] = graph::IntValue(2019);
  EXPECT_FALSE(graph::query::ValidAt(open, at(2018, 12)));
  EXPECT_TRUE(graph::query::ValidAt(open, at(2030)));
}

TEST(BudgetTest, CapsNameThemselves) {
  BudgetLimits limits;
  limits.max_rows = 2;
  limits.max_expansions = 3;
  QueryBudget budget(limits);
  EXPECT_TRUE(budget.ChargeRows(2).ok());
  absl::Status rows = budget.ChargeRows();
  EXPECT_TRUE(absl::IsResourceExhausted(rows));
  EXPECT_THAT(rows.message(), HasSubstr("max_rows"));
  EXPECT_TRUE(budget.ChargeExpansions(3).ok());
  absl::Status expansions = budget.ChargeExpansions();
  EXPECT_TRUE(absl::IsResourceExhausted(expansions));
  EXPECT_THAT(expansions.message(), HasSubstr("max_expansions"));
}

TEST(BudgetTest, TimeDeadlineAndCancellation) {
  BudgetLimits slow;
  slow.max_time = absl::ZeroDuration();
  absl::Status timed_out = QueryBudget(slow).Check();
  EXPECT_TRUE(absl::IsResourceExhausted(timed_out)) << timed_out;
  EXPECT_THAT(timed_out.message(), HasSubstr("max_time"));

  BudgetLimits late;
  late.deadline = absl::Now() - absl::Seconds(1);
  EXPECT_TRUE(absl::IsDeadlineExceeded(QueryBudget(late).Check()));

  BudgetLimits cancelled;
  bool stop = false;
  cancelled.cancelled = [&stop] { return stop; };
  QueryBudget budget(cancelled);
  EXPECT_TRUE(budget.Check().ok());
  stop = true;
  absl::Status status;
  // The probe is polled every few checks.
  for (int i = 0; i < 1000 && status.ok(); ++i) status = budget.Check();
  EXPECT_TRUE(absl::IsCancelled(status)) << status;
}

TEST_F(EngineBasicsTest, OperatorsStopAtTheBudget) {
  BudgetLimits rows;
  rows.max_rows = 3;
  NewContext(std::nullopt, rows);
  OperatorPtr sorted = graph::query::OrderBy(*context_, ScanAll(), {});
  Row row;
  absl::StatusOr<bool> sorted_next = sorted->Next(&row);
  EXPECT_TRUE(absl::IsResourceExhausted(sorted_next.status()));
  EXPECT_THAT(sorted_next.status().message(), HasSubstr("max_rows"));

  BudgetLimits expansions;
  expansions.max_expansions = 20;
  NewContext(std::nullopt, expansions);
  OperatorPtr expanded = graph::query::Expand(*context_, ScanAll(), 0, {});
  absl::Status status;
  while (status.ok()) {
    absl::StatusOr<bool> more = expanded->Next(&row);
    if (more.ok() && !*more) break;
    status = more.status();
  }
  EXPECT_TRUE(absl::IsResourceExhausted(status)) << status;
  EXPECT_THAT(status.message(), HasSubstr("max_expansions"));

  BudgetLimits cancelled;
  cancelled.cancelled = [] { return true; };
  NewContext(std::nullopt, cancelled);
  OperatorPtr scan = ScanAll();
  EXPECT_TRUE(absl::IsCancelled(scan->Next(&row).status()));
}

TEST_F(EngineBasicsTest, SnapshotReadsByInternalId) {
  absl::StatusOr<kg::v1::Node> node = snapshot_->GetNodeById(Id("state:KOR"));
  ASSERT_TRUE(node.ok()) << node.status();
  EXPECT_EQ(node->key(), "state:KOR");
  EXPECT_TRUE(absl::IsNotFound(snapshot_->GetNodeById(1u << 30).status()));

  absl::StatusOr<AdjacencyPage> page = snapshot_->ListAdjacent(
      Id("state:KOR"), Direction::kOut, {"PLEDGED"}, "", 10);
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->edges.size(), 1);
  absl::StatusOr<kg::v1::Edge> edge =
      snapshot_->GetEdgeById(page->edges[0].edge_id);
  ASSERT_TRUE(edge.ok()) << edge.status();
  EXPECT_EQ(edge->src_key(), "state:KOR");
  EXPECT_EQ(edge->dst_key(), "commitment:c3");
  EXPECT_TRUE(absl::IsNotFound(snapshot_->GetEdgeById(1u << 30).status()));
}

TEST_F(EngineBasicsTest, SnapshotReadsEdgesInABatchLikeOneByOne) {
  std::vector<uint64_t> ids = ReversedEdgeIds();
  ASSERT_FALSE(ids.empty());
  absl::StatusOr<std::vector<kg::v1::Edge>> edges =
      snapshot_->GetEdgesById(ids);
  ASSERT_TRUE(edges.ok()) << edges.status();
  ASSERT_EQ(edges->size(), ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    absl::StatusOr<kg::v1::Edge> one = snapshot_->GetEdgeById(ids[i]);
    ASSERT_TRUE(one.ok()) << one.status();
    EXPECT_TRUE(MessageDifferencer::Equals((*edges)[i], *one)) << ids[i];
  }

  ids.push_back(1u << 30);
  absl::Status unknown = snapshot_->GetEdgesById(ids).status();
  EXPECT_TRUE(absl::IsNotFound(unknown)) << unknown;
  EXPECT_THAT(unknown.message(), HasSubstr(absl::StrCat(1u << 30)));
  absl::StatusOr<std::vector<kg::v1::Edge>> none = snapshot_->GetEdgesById({});
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_TRUE(none->empty());
}

TEST_F(EngineBasicsTest, SnapshotReadsEdgeSourcesAsTheViewsListThem) {
  std::vector<uint64_t> ids = ReversedEdgeIds();
  ASSERT_FALSE(ids.empty());
  absl::StatusOr<std::vector<graph::EdgeSources>> sources =
      snapshot_->GetEdgeSourcesById(ids);
  ASSERT_TRUE(sources.ok()) << sources.status();
  ASSERT_EQ(sources->size(), ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    absl::StatusOr<kg::v1::Edge> one = snapshot_->GetEdgeById(ids[i]);
    ASSERT_TRUE(one.ok()) << one.status();
    ASSERT_GT(one->sources_size(), 0) << ids[i];
    ASSERT_EQ((*sources)[i].size(), one->sources_size()) << ids[i];
    for (int s = 0; s < one->sources_size(); ++s) {
      EXPECT_TRUE(MessageDifferencer::Equals((*sources)[i][s], one->sources(s)))
          << ids[i];
    }
  }

  ids.push_back(1u << 30);
  absl::Status unknown = snapshot_->GetEdgeSourcesById(ids).status();
  EXPECT_TRUE(absl::IsNotFound(unknown)) << unknown;
  EXPECT_THAT(unknown.message(), HasSubstr(absl::StrCat(1u << 30)));
}

TEST_F(EngineBasicsTest, SnapshotReadsNodesInABatchLikeOneByOne) {
  // Out of key order, and with a repeat.
  std::vector<uint64_t> ids = {Id("state:KOR"), Id("network:wps"),
                               Id("commitment:c3"), Id("state:KOR")};
  absl::StatusOr<std::vector<kg::v1::Node>> nodes =
      snapshot_->GetNodesById(ids);
  ASSERT_TRUE(nodes.ok()) << nodes.status();
  ASSERT_EQ(nodes->size(), ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    absl::StatusOr<kg::v1::Node> one = snapshot_->GetNodeById(ids[i]);
    ASSERT_TRUE(one.ok()) << one.status();
    EXPECT_TRUE(MessageDifferencer::Equals((*nodes)[i], *one)) << ids[i];
  }

  ids.push_back(1u << 30);
  absl::Status unknown = snapshot_->GetNodesById(ids).status();
  EXPECT_TRUE(absl::IsNotFound(unknown)) << unknown;
  EXPECT_THAT(unknown.message(), HasSubstr(absl::StrCat(1u << 30)));
  absl::StatusOr<std::vector<kg::v1::Node>> none = snapshot_->GetNodesById({});
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_TRUE(none->empty());
}

TEST_F(EngineBasicsTest, ListAdjacentPagesLikeListEdges) {
  const uint64_t wps = Id("network:wps");
  std::vector<graph::AdjacentEdge> all;
  std::string cursor;
  do {
    absl::StatusOr<AdjacencyPage> page =
        snapshot_->ListAdjacent(wps, Direction::kBoth, {}, cursor, 2);
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_LE(page->edges.size(), 2);
    all.insert(all.end(), page->edges.begin(), page->edges.end());
    cursor = page->next_cursor;
  } while (!cursor.empty());
  graph::EdgeQuery query;
  query.node_key = "network:wps";
  absl::StatusOr<graph::EdgePage> edges = snapshot_->ListEdges(query, "", 100);
  ASSERT_TRUE(edges.ok());
  ASSERT_EQ(all.size(), edges->edges.size());
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].edge_id, edges->edges[i].id());
    EXPECT_EQ(all[i].type, edges->edges[i].type());
    EXPECT_EQ(all[i].direction, Direction::kIn);
  }
  absl::StatusOr<AdjacencyPage> none =
      snapshot_->ListAdjacent(wps, Direction::kOut, {}, "", 10);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->edges.empty());
}

TEST_F(EngineBasicsTest, DegreesListEveryTypeAndDirection) {
  absl::StatusOr<std::vector<DegreeCount>> degrees =
      snapshot_->Degrees("state:KOR");
  ASSERT_TRUE(degrees.ok()) << degrees.status();
  std::vector<std::string> seen;
  for (const DegreeCount& degree : *degrees) {
    seen.push_back(
        absl::StrCat(degree.direction == Direction::kOut ? "out " : "in ",
                     degree.type, " ", degree.count));
  }
  EXPECT_THAT(seen, ::testing::UnorderedElementsAre(
                        "out MEMBER_OF 1", "out CHAIRS 1", "out PLEDGED 1",
                        "in ADDRESSED_TO 1"));
  EXPECT_TRUE(absl::IsNotFound(snapshot_->Degrees("state:none").status()));
}

}  // namespace
}  // namespace kg::query_test
