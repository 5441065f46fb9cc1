#include "kg/graph/query/aggregate.h"

#include <memory>
#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"

namespace kg::graph::query {
namespace {

// The running state of one aggregation in one group.
struct Accumulator {
  int64_t count = 0;
  Value::List collected;
  absl::flat_hash_set<std::string> seen;
};

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
      : context_(context),
        aggregations_(aggregations),
        keys_(std::move(keys)),
        accumulators_(aggregations.size()) {}

  absl::Status Add(const Row& row) override {
    for (size_t i = 0; i < aggregations_.size(); ++i) {
      const Aggregation& aggregation = aggregations_[i];
      Accumulator& acc = accumulators_[i];
      if (!aggregation.value) {
        ++acc.count;
        continue;
      }
      absl::StatusOr<Value> value = aggregation.value(row, context_);
      if (!value.ok()) return value.status();
      if (value->is_null()) continue;
      if (aggregation.distinct &&
          !acc.seen.insert(Fingerprint(*value)).second) {
        continue;
      }
      ++acc.count;
      if (aggregation.kind == Aggregation::kCollect) {
        acc.collected.push_back(*std::move(value));
      }
    }
    return absl::OkStatus();
  }

  absl::Status Finish(Row* out) override {
    *out = std::move(keys_);
    for (size_t i = 0; i < aggregations_.size(); ++i) {
      Accumulator& acc = accumulators_[i];
      out->push_back(aggregations_[i].kind == Aggregation::kCount
                         ? Value::Int(acc.count)
                         : Value(std::move(acc.collected)));
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
      return Fingerprint(*keys);
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
