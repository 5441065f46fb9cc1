// The generic row operators over a row type of their own (strings), as
// the Cypher engine uses them with its rows: filtering, mapping, distinct,
// sorting, skip and limit, grouping, and the budget's row cap.
#include "kg/graph/query/row_operators.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kg::graph::query {
namespace {

using ::testing::ElementsAre;
using Text = std::string;

class Rows final : public RowOperator<Text> {
 public:
  explicit Rows(std::vector<Text> rows) : rows_(std::move(rows)) {}
  absl::StatusOr<bool> Next(Text* row) override {
    if (next_ == rows_.size()) return false;
    *row = rows_[next_++];
    return true;
  }

 private:
  std::vector<Text> rows_;
  size_t next_ = 0;
};

RowOperatorPtr<Text> Source(std::vector<Text> rows) {
  return std::make_unique<Rows>(std::move(rows));
}

absl::StatusOr<std::vector<Text>> All(RowOperator<Text>& op) {
  std::vector<Text> out;
  Text row;
  while (true) {
    absl::StatusOr<bool> more = op.Next(&row);
    if (!more.ok()) return more.status();
    if (!*more) return out;
    out.push_back(row);
  }
}

absl::StatusOr<std::string> FirstLetter(const Text& row) {
  return row.substr(0, 1);
}

TEST(RowOperatorsTest, FilterMapDistinctSortAndLimitCompose) {
  QueryBudget budget{BudgetLimits()};
  RowOperatorPtr<Text> op = Source({"bb", "a", "ccc", "b", "dd", "a"});
  op = std::make_unique<FilterRows<Text>>(
      budget, std::move(op),
      [](const Text& row) -> absl::StatusOr<bool> { return row != "dd"; });
  op = std::make_unique<MapRows<Text>>(std::move(op),
                                       [](const Text& in, Text* out) {
                                         *out = in + "!";
                                         return absl::OkStatus();
                                       });
  op = std::make_unique<DistinctRows<Text>>(
      budget, std::move(op),
      [](const Text& row) -> absl::StatusOr<std::string> { return row; });
  op = std::make_unique<SortRows<Text, size_t>>(
      budget, std::move(op),
      [](const Text& row) -> absl::StatusOr<size_t> { return row.size(); },
      [](size_t a, size_t b) { return a > b; });
  op = std::make_unique<LimitRows<Text>>(std::move(op), 1, 2);
  absl::StatusOr<std::vector<Text>> rows = All(*op);
  ASSERT_TRUE(rows.ok()) << rows.status();
  // By length, longest first; equal lengths keep their input order.
  EXPECT_THAT(*rows, ElementsAre("bb!", "a!"));
}

class Concatenation final : public RowGroup<Text> {
 public:
  absl::Status Add(const Text& row) override {
    text_ += row;
    return absl::OkStatus();
  }
  absl::Status Finish(Text* out) override {
    *out = text_;
    return absl::OkStatus();
  }

 private:
  Text text_;
};

Grouping<Text> ConcatenateBy(RowKey<Text> key, bool keyless) {
  Grouping<Text> grouping;
  grouping.key = std::move(key);
  grouping.keyless = keyless;
  grouping.new_group =
      [](const Text*) -> absl::StatusOr<std::unique_ptr<RowGroup<Text>>> {
    return std::make_unique<Concatenation>();
  };
  return grouping;
}

TEST(RowOperatorsTest, GroupRowsKeepsFirstRowOrder) {
  QueryBudget budget{BudgetLimits()};
  GroupRows<Text> groups(budget, Source({"b1", "a1", "b2", "c1", "a2"}),
                         ConcatenateBy(FirstLetter, false));
  absl::StatusOr<std::vector<Text>> rows = All(groups);
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_THAT(*rows, ElementsAre("b1b2", "a1a2", "c1"));
}

TEST(RowOperatorsTest, KeylessGroupingMakesOneGroupOfNoRows) {
  QueryBudget budget{BudgetLimits()};
  GroupRows<Text> keyless(budget, Source({}), ConcatenateBy(FirstLetter, true));
  absl::StatusOr<std::vector<Text>> one = All(keyless);
  ASSERT_TRUE(one.ok()) << one.status();
  EXPECT_THAT(*one, ElementsAre(""));
  GroupRows<Text> keyed(budget, Source({}), ConcatenateBy(FirstLetter, false));
  absl::StatusOr<std::vector<Text>> none = All(keyed);
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_TRUE(none->empty());
}

TEST(RowOperatorsTest, HeldRowsAreChargedToTheBudget) {
  BudgetLimits limits;
  limits.max_rows = 2;
  QueryBudget budget(limits);
  SortRows<Text, Text> sort(
      budget, Source({"c", "b", "a"}),
      [](const Text& row) -> absl::StatusOr<Text> { return row; },
      [](const Text& a, const Text& b) { return a < b; });
  absl::StatusOr<std::vector<Text>> rows = All(sort);
  EXPECT_EQ(rows.status().code(), absl::StatusCode::kResourceExhausted);
}

TEST(RowOperatorsTest, ErrorsOfCallbacksStopThePipeline) {
  QueryBudget budget{BudgetLimits()};
  FilterRows<Text> filter(budget, Source({"a", "b"}),
                          [](const Text& row) -> absl::StatusOr<bool> {
                            if (row == "b") {
                              return absl::InvalidArgumentError("bad row: b");
                            }
                            return true;
                          });
  Text row;
  ASSERT_TRUE(filter.Next(&row).value());
  EXPECT_EQ(row, "a");
  EXPECT_EQ(filter.Next(&row).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kg::graph::query
