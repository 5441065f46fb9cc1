// The pipeline operators over the test graph: scans, expansion, filters,
// projection, distinct, ordering, limits and aggregation.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine_fixture.h"
#include "kg/graph/query/aggregate.h"
#include "kg/graph/query/distinct.h"
#include "kg/graph/query/expand.h"
#include "kg/graph/query/expression.h"
#include "kg/graph/query/filter.h"
#include "kg/graph/query/limit.h"
#include "kg/graph/query/node_scan.h"
#include "kg/graph/query/order_by.h"
#include "kg/graph/query/project.h"

namespace kg::query_test {
namespace {

using graph::Direction;
using graph::query::AggregateFunction;
using graph::query::Aggregation;
using graph::query::ColumnOf;
using graph::query::CompareOp;
using graph::query::Constant;
using graph::query::NodeScan;
using graph::query::NodeScanSpec;
using graph::query::OperatorPtr;
using graph::query::PropertyOf;
using graph::query::Row;
using graph::query::StepFilter;
using graph::query::Value;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

class OperatorsTest : public EngineTest {
 protected:
  OperatorPtr ScanLabel(const std::string& label) {
    NodeScanSpec spec;
    spec.index.label = label;
    return std::make_unique<NodeScan>(*context_, std::move(spec));
  }

  OperatorPtr ScanKeys(std::vector<std::string> keys) {
    NodeScanSpec spec;
    spec.keys = std::move(keys);
    return std::make_unique<NodeScan>(*context_, std::move(spec));
  }

  // The string values at `column`.
  static std::vector<std::string> Strings(const std::vector<Row>& rows,
                                          size_t column) {
    std::vector<std::string> out;
    for (const Row& row : rows) {
      out.push_back(row[column].kind() == Value::Kind::kString
                        ? row[column].as_string()
                        : "<not a string>");
    }
    return out;
  }
};

TEST_F(OperatorsTest, NodeScanByKeysKeepsOrderAndSkipsUnknownKeys) {
  OperatorPtr scan =
      ScanKeys({"state:KOR", "state:nowhere", "state:DEU", "topic:none"});
  EXPECT_THAT(Keys(Run(*scan), 0), ElementsAre("state:KOR", "state:DEU"));
}

TEST_F(OperatorsTest, NodeScanByLabelNameAndProperty) {
  OperatorPtr states = ScanLabel("State");
  EXPECT_THAT(Keys(Run(*states), 0),
              ElementsAre("state:DEU", "state:KOR", "state:CIV"));

  NodeScanSpec by_name;
  by_name.index.name = "KOR";
  by_name.index.name_prefix = true;
  NodeScan korea(*context_, by_name);
  EXPECT_THAT(Keys(Run(korea), 0), ElementsAre("state:KOR"));

  NodeScanSpec accents;
  accents.index.name = "cote d'ivoire";
  NodeScan cote(*context_, accents);
  EXPECT_THAT(Keys(Run(cote), 0), ElementsAre("state:CIV"));

  NodeScanSpec pledges;
  pledges.index.label = "Commitment";
  pledges.index.property_name = "kind";
  pledges.index.property_value = graph::StringValue("pledge");
  NodeScan scan(*context_, pledges);
  EXPECT_THAT(Keys(Run(scan), 0),
              ElementsAre("commitment:c1", "commitment:c3"));
}

TEST_F(OperatorsTest, NodeScanResumesAtItsPosition) {
  NodeScanSpec spec;
  spec.index.label = "State";
  NodeScan first(*context_, spec);
  Row row;
  ASSERT_TRUE(*first.Next(&row));
  ASSERT_TRUE(*first.Next(&row));
  EXPECT_EQ(KeyOf(row[0]), "state:KOR");
  spec.resume_from = first.position();
  NodeScan resumed(*context_, spec);
  EXPECT_THAT(Keys(Run(resumed), 0), ElementsAre("state:KOR", "state:CIV"));
}

TEST_F(OperatorsTest, NodeScanSkipsNodesThatDoNotHoldAsOf) {
  // Nodes here carry no from/to, so all hold; only edges are dated.
  NewContext(Date(1990));
  OperatorPtr states = ScanLabel("State");
  EXPECT_EQ(Run(*states).size(), 3);
}

TEST_F(OperatorsTest, ExpandAppendsEdgeAndNeighbour) {
  OperatorPtr expand =
      graph::query::Expand(*context_, ScanKeys({"network:wps"}), 0,
                           StepFilter{Direction::kIn, {"MEMBER_OF"}, {}});
  std::vector<Row> rows = Run(*expand);
  ASSERT_EQ(rows.size(), 3);
  EXPECT_THAT(Keys(rows, 2),
              UnorderedElementsAre("state:DEU", "state:KOR", "state:CIV"));
  for (const Row& row : rows) {
    ASSERT_EQ(row.size(), 3);
    EXPECT_EQ(KeyOf(row[0]), "network:wps");
    ASSERT_EQ(row[1].kind(), Value::Kind::kRelationship);
    EXPECT_EQ(row[1].as_relationship().type, "MEMBER_OF");
    EXPECT_EQ(row[1].as_relationship().dst, Id("network:wps"));
    EXPECT_EQ(row[1].as_relationship().src, row[2].as_node().id);
  }
}

TEST_F(OperatorsTest, ExpandFiltersByTypeDirectionAndLabel) {
  OperatorPtr out = graph::query::Expand(*context_, ScanKeys({"state:KOR"}), 0,
                                         StepFilter{Direction::kOut, {}, {}});
  EXPECT_THAT(
      Keys(Run(*out), 2),
      UnorderedElementsAre("network:wps", "network:wps", "commitment:c3"));
  OperatorPtr in = graph::query::Expand(*context_, ScanKeys({"state:KOR"}), 0,
                                        StepFilter{Direction::kIn, {}, {}});
  EXPECT_THAT(Keys(Run(*in), 2), ElementsAre("commitment:c1"));
  OperatorPtr labelled =
      graph::query::Expand(*context_, ScanKeys({"mission:UNMISS"}), 0,
                           StepFilter{Direction::kBoth, {}, {"Commitment"}});
  EXPECT_THAT(Keys(Run(*labelled), 2),
              UnorderedElementsAre("commitment:c1", "commitment:c3"));
  OperatorPtr unknown_type =
      graph::query::Expand(*context_, ScanKeys({"state:KOR"}), 0,
                           StepFilter{Direction::kBoth, {"NO_SUCH_TYPE"}, {}});
  EXPECT_TRUE(Run(*unknown_type).empty());
}

TEST_F(OperatorsTest, ExpandHonoursAsOf) {
  // CHAIRS: DEU 2016-2018, KOR from 2019 (an int year).
  for (auto [year, chair] :
       {std::make_pair(2017, "state:DEU"), std::make_pair(2018, "state:DEU"),
        std::make_pair(2020, "state:KOR")}) {
    NewContext(Date(year));
    OperatorPtr chairs =
        graph::query::Expand(*context_, ScanKeys({"network:wps"}), 0,
                             StepFilter{Direction::kIn, {"CHAIRS"}, {}});
    EXPECT_THAT(Keys(Run(*chairs), 2), ElementsAre(chair)) << year;
  }
  // as_of on MEMBER_OF says when it was seen, not when it held.
  NewContext(Date(2010));
  OperatorPtr members =
      graph::query::Expand(*context_, ScanKeys({"network:wps"}), 0,
                           StepFilter{Direction::kIn, {"MEMBER_OF"}, {}});
  EXPECT_THAT(Keys(Run(*members), 2),
              UnorderedElementsAre("state:DEU", "state:KOR"));
}

TEST_F(OperatorsTest, FilterPredicates) {
  OperatorPtr pledges = graph::query::Filter(
      *context_, ScanLabel("Commitment"),
      graph::query::Comparison(PropertyOf(0, "kind"), CompareOp::kEq,
                               Constant(Value("pledge"))));
  EXPECT_THAT(Keys(Run(*pledges), 0),
              ElementsAre("commitment:c1", "commitment:c3"));

  OperatorPtr labelled = graph::query::Filter(
      *context_, ScanKeys({"state:DEU", "network:wps", "unbody:dpo"}),
      graph::query::HasLabel(0, {"Network", "UNBody"}));
  EXPECT_THAT(Keys(Run(*labelled), 0),
              ElementsAre("network:wps", "unbody:dpo"));

  OperatorPtr valid = graph::query::Filter(
      *context_,
      graph::query::Expand(*context_, ScanKeys({"network:wps"}), 0,
                           StepFilter{Direction::kIn, {"CHAIRS"}, {}}),
      graph::query::ValidAt(1, Date(2019, 6)));
  EXPECT_THAT(Keys(Run(*valid), 2), ElementsAre("state:KOR"));

  // A comparison with null (a missing property) is false.
  OperatorPtr none = graph::query::Filter(
      *context_, ScanLabel("State"),
      graph::query::Comparison(PropertyOf(0, "missing"), CompareOp::kNe,
                               Constant(Value(1))));
  EXPECT_TRUE(Run(*none).empty());

  // So is an ordering of values that do not compare (a string and a
  // number); inequality of them holds.
  OperatorPtr unordered = graph::query::Filter(
      *context_, ScanLabel("State"),
      graph::query::Comparison(PropertyOf(0, "key"), CompareOp::kLt,
                               Constant(Value(1))));
  EXPECT_TRUE(Run(*unordered).empty());
  OperatorPtr unequal = graph::query::Filter(
      *context_, ScanLabel("State"),
      graph::query::Comparison(PropertyOf(0, "key"), CompareOp::kNe,
                               Constant(Value(1))));
  EXPECT_EQ(Run(*unequal).size(), 3);
}

TEST_F(OperatorsTest, ProjectReadsNodeFieldsAsProperties) {
  OperatorPtr project = graph::query::Project(
      *context_, ScanKeys({"state:KOR"}),
      {PropertyOf(0, "key"), PropertyOf(0, "name"), PropertyOf(0, "label"),
       PropertyOf(0, "aliases"), Constant(Value(7))});
  std::vector<Row> rows = Run(*project);
  ASSERT_EQ(rows.size(), 1);
  EXPECT_THAT(Strings(rows, 0), ElementsAre("state:KOR"));
  EXPECT_THAT(Strings(rows, 1), ElementsAre("Republic of Korea"));
  EXPECT_THAT(Strings(rows, 2), ElementsAre("State"));
  ASSERT_EQ(rows[0][3].kind(), Value::Kind::kList);
  EXPECT_EQ(rows[0][3].as_list().size(), 2);
  EXPECT_EQ(rows[0][4].as_int(), 7);
}

TEST_F(OperatorsTest, DistinctOrderByAndLimit) {
  // The keys of the neighbours of network:wps, distinct, descending.
  OperatorPtr labels = graph::query::Limit(
      graph::query::OrderBy(
          *context_,
          graph::query::Distinct(
              *context_,
              graph::query::Project(
                  *context_,
                  graph::query::Expand(*context_, ScanKeys({"network:wps"}), 0,
                                       StepFilter()),
                  {PropertyOf(2, "key")})),
          {{ColumnOf(0), /*descending=*/true}}),
      /*skip=*/1, /*limit=*/1);
  EXPECT_THAT(Strings(Run(*labels), 0), ElementsAre("state:DEU"));
}

TEST_F(OperatorsTest, LimitStopsPullingItsInput) {
  OperatorPtr first = graph::query::Limit(ScanLabel("State"), 0, 1);
  EXPECT_THAT(Keys(Run(*first), 0), ElementsAre("state:DEU"));
  OperatorPtr rest = graph::query::Limit(ScanLabel("State"), 2, std::nullopt);
  EXPECT_THAT(Keys(Run(*rest), 0), ElementsAre("state:CIV"));
}

TEST_F(OperatorsTest, AggregateCountsAndCollectsPerGroup) {
  // Per edge type into network:wps: how many, and the distinct members.
  OperatorPtr grouped = graph::query::Aggregate(
      *context_,
      graph::query::Expand(*context_, ScanKeys({"network:wps"}), 0,
                           StepFilter{Direction::kIn, {}, {}}),
      {PropertyOf(1, "type")},
      {Aggregation{AggregateFunction::kCountRows, nullptr, false},
       Aggregation{AggregateFunction::kCollect, PropertyOf(2, "key"), true}});
  std::vector<Row> rows = Run(*grouped);
  ASSERT_EQ(rows.size(), 2);
  for (const Row& row : rows) {
    const std::string type = row[0].as_string();
    const int64_t count = row[1].as_int();
    ASSERT_EQ(row[2].kind(), Value::Kind::kList);
    if (type == "MEMBER_OF") {
      EXPECT_EQ(count, 3);
      EXPECT_EQ(row[2].as_list().size(), 3);
    } else {
      EXPECT_EQ(type, "CHAIRS");
      EXPECT_EQ(count, 2);
      EXPECT_EQ(row[2].as_list().size(), 2);
    }
  }
}

TEST_F(OperatorsTest, AggregateWithoutKeysGivesOneRowEvenForNoInput) {
  OperatorPtr none = graph::query::Aggregate(
      *context_, ScanLabel("NoSuchLabel"), {},
      {Aggregation{AggregateFunction::kCountRows, nullptr, false},
       Aggregation{AggregateFunction::kCollect, ColumnOf(0), false}});
  std::vector<Row> rows = Run(*none);
  ASSERT_EQ(rows.size(), 1);
  EXPECT_EQ(rows[0][0].as_int(), 0);
  EXPECT_TRUE(rows[0][1].as_list().empty());
}

TEST_F(OperatorsTest, AggregateCountOfValueSkipsNulls) {
  OperatorPtr counted = graph::query::Aggregate(
      *context_, ScanLabel("State"), {},
      {Aggregation{AggregateFunction::kCount, PropertyOf(0, "missing"), false},
       Aggregation{AggregateFunction::kCount, PropertyOf(0, "label"), true},
       Aggregation{AggregateFunction::kMax, PropertyOf(0, "key"), false}});
  std::vector<Row> rows = Run(*counted);
  ASSERT_EQ(rows.size(), 1);
  EXPECT_EQ(rows[0][0].as_int(), 0);
  EXPECT_EQ(rows[0][1].as_int(), 1);
  EXPECT_EQ(rows[0][2].as_string(), "state:KOR");
}

}  // namespace
}  // namespace kg::query_test
