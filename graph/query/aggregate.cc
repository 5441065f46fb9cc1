#include "kg/graph/query/aggregate.h"

#include <memory>
#include <string>
#include <utility>

namespace kg::graph::query {
namespace {

absl::StatusOr<Row> Evaluate(const std::vector<Expression>& expressions,
                             const Row& row, QueryContext& context) {
  Row values;
  for (const Expression& expression : expressions) {
    absl::StatusOr<Value> value = expression(row, context);
    if (!value.ok()) return value.status();
    values.push_back(*std::move(value));
  }
  return values;
}

class AggregationGroup final : public RowGroup<Row> {
 public:
  AggregationGroup(QueryContext& context,
                   const std::vector<Aggregation>& aggregations, Row keys)
      : context_(context), aggregations_(aggregations), keys_(std::move(keys)) {
    for (const Aggregation& aggregation : aggregations) {
      accumulators_.emplace_back(aggregation.function, aggregation.distinct);
    }
  }

  absl::Status Add(const Row& row) override {
    for (size_t i = 0; i < aggregations_.size(); ++i) {
      const Expression& value = aggregations_[i].value;
      if (!value) {
        accumulators_[i].Add(Value());
        continue;
      }
      absl::StatusOr<Value> evaluated = value(row, context_);
      if (!evaluated.ok()) return evaluated.status();
      accumulators_[i].Add(*std::move(evaluated));
    }
    return absl::OkStatus();
  }

  absl::Status Finish(Row* out) override {
    *out = std::move(keys_);
    for (size_t i = 0; i < aggregations_.size(); ++i) {
      absl::StatusOr<Value> aggregate =
          accumulators_[i].Finish(aggregations_[i].percentile);
      if (!aggregate.ok()) return aggregate.status();
      out->push_back(*std::move(aggregate));
    }
    return absl::OkStatus();
  }

 private:
  QueryContext& context_;
  const std::vector<Aggregation>& aggregations_;
  Row keys_;
  std::vector<Accumulator> accumulators_;
};

// Owns what the groups refer to for as long as the operator lives.
class AggregateOp final : public Operator {
 public:
  AggregateOp(QueryContext& context, OperatorPtr input,
              std::vector<Expression> keys,
              std::vector<Aggregation> aggregations)
      : keys_(std::move(keys)), aggregations_(std::move(aggregations)) {
    Grouping<Row> grouping;
    grouping.keyless = keys_.empty();
    grouping.key = [this,
                    &context](const Row& row) -> absl::StatusOr<std::string> {
      absl::StatusOr<Row> keys = Evaluate(keys_, row, context);
      if (!keys.ok()) return keys.status();
      return GroupingKey(*keys);
    };
    grouping.new_group = [this, &context](const Row* first)
        -> absl::StatusOr<std::unique_ptr<RowGroup<Row>>> {
      Row keys;
      if (first != nullptr) {
        absl::StatusOr<Row> evaluated = Evaluate(keys_, *first, context);
        if (!evaluated.ok()) return evaluated.status();
        keys = *std::move(evaluated);
      }
      return std::make_unique<AggregationGroup>(context, aggregations_,
                                                std::move(keys));
    };
    groups_ = std::make_unique<GroupRows<Row>>(
        context.budget(), std::move(input), std::move(grouping));
  }

  absl::StatusOr<bool> Next(Row* row) override { return groups_->Next(row); }

 private:
  const std::vector<Expression> keys_;
  const std::vector<Aggregation> aggregations_;
  std::unique_ptr<GroupRows<Row>> groups_;
};

}  // namespace

OperatorPtr Aggregate(QueryContext& context, OperatorPtr input,
                      std::vector<Expression> keys,
                      std::vector<Aggregation> aggregations) {
  return std::make_unique<AggregateOp>(
      context, std::move(input), std::move(keys), std::move(aggregations));
}

}  // namespace kg::graph::query
