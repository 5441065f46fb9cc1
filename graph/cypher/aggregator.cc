#include "aggregator.h"

namespace kg::graph::cypher {
namespace {

using query::AggregateFunction;

// The analyzer lets only aggregate calls through to here.
AggregateFunction FunctionOf(const Expr& call) {
  if (call.kind == ExprKind::kCountStar) return AggregateFunction::kCountRows;
  return query::AggregateFunctionNamed(call.name).value_or(
      AggregateFunction::kCount);
}

}  // namespace

Aggregator::Aggregator(const Expr& call)
    : call_(call), accumulator_(FunctionOf(call), call.distinct) {}

absl::Status Aggregator::Add(Evaluator& evaluator, const Row& row) {
  if (call_.kind == ExprKind::kCountStar) {
    accumulator_.Add(Value());
    return absl::OkStatus();
  }
  absl::StatusOr<Value> v = evaluator.Eval(*call_.args[0], row);
  if (!v.ok()) return v.status();
  accumulator_.Add(*std::move(v));
  return absl::OkStatus();
}

absl::StatusOr<Value> Aggregator::Finish(Evaluator& evaluator,
                                         const Row& row) const {
  if (call_.args.size() < 2) return accumulator_.Finish();
  absl::StatusOr<Value> percentile = evaluator.Eval(*call_.args[1], row);
  if (!percentile.ok()) return percentile;
  return accumulator_.Finish(*percentile);
}

bool IsAggregateFunction(const std::string& name) {
  return query::AggregateFunctionNamed(name).has_value();
}

bool IsAggregateCall(const Expr& e) {
  return e.kind == ExprKind::kCountStar ||
         (e.kind == ExprKind::kFunction && IsAggregateFunction(e.name));
}

}  // namespace kg::graph::cypher
