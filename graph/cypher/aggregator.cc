#include "aggregator.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "errors.h"

namespace kg::graph::cypher {
namespace {

using Kind = Value::Kind;

absl::StatusOr<Value> Sum(const std::vector<Value>& values,
                          absl::string_view name) {
  int64_t int_sum = 0;
  double float_sum = 0;
  bool any_float = false;
  for (const Value& v : values) {
    if (!v.is_number()) {
      return TypeError(absl::StrCat(name, "() of ", KindName(v.kind())));
    }
    if (v.kind() == Kind::kFloat) {
      any_float = true;
    } else if (__builtin_add_overflow(int_sum, v.as_int(), &int_sum)) {
      return CypherError("ArithmeticError", "IntegerOverflow",
                         absl::StrCat(name, "() overflows"));
    }
    float_sum += v.as_number();
  }
  return any_float ? Value(float_sum) : Value(int_sum);
}

absl::StatusOr<Value> Percentile(std::vector<Value> values, double p,
                                 bool discrete) {
  for (const Value& v : values) {
    if (!v.is_number()) return TypeError("percentile of a non-number");
  }
  if (values.empty()) return Value();
  std::sort(values.begin(), values.end(), [](const Value& a, const Value& b) {
    return a.as_number() < b.as_number();
  });
  size_t n = values.size();
  if (discrete) {
    size_t index = p == 0 ? 0 : static_cast<size_t>(std::ceil(p * n)) - 1;
    return values[std::min(index, n - 1)];
  }
  double position = p * (n - 1);
  size_t lower = static_cast<size_t>(std::floor(position));
  size_t upper = static_cast<size_t>(std::ceil(position));
  double fraction = position - lower;
  return Value(values[lower].as_number() +
               fraction *
                   (values[upper].as_number() - values[lower].as_number()));
}

absl::StatusOr<Value> StandardDeviation(const std::vector<Value>& values,
                                        bool population) {
  size_t n = values.size();
  if (n < 2 && !population) return Value(0.0);
  if (n == 0) return Value(0.0);
  double mean = 0;
  for (const Value& v : values) {
    if (!v.is_number()) return TypeError("stDev of a non-number");
    mean += v.as_number() / n;
  }
  double squares = 0;
  for (const Value& v : values) {
    squares += (v.as_number() - mean) * (v.as_number() - mean);
  }
  return Value(std::sqrt(squares / (population ? n : n - 1)));
}

}  // namespace

absl::Status Aggregator::Add(Evaluator& evaluator, const Row& row) {
  ++rows_;
  if (call_.kind == ExprKind::kCountStar) return absl::OkStatus();
  absl::StatusOr<Value> v = evaluator.Eval(*call_.args[0], row);
  if (!v.ok()) return v.status();
  if (v->is_null()) return absl::OkStatus();
  if (call_.distinct && !seen_.insert(GroupingKey(*v)).second) {
    return absl::OkStatus();
  }
  values_.push_back(*std::move(v));
  return absl::OkStatus();
}

absl::StatusOr<Value> Aggregator::Finish(Evaluator& evaluator,
                                         const Row& row) const {
  const std::string& name = call_.name;
  if (call_.kind == ExprKind::kCountStar) return Value(rows_);
  if (name == "count") return Value(static_cast<int64_t>(values_.size()));
  if (name == "collect") return Value(Value::List(values_));
  if (name == "sum") return Sum(values_, name);
  if (name == "avg") {
    if (values_.empty()) return Value();
    absl::StatusOr<Value> sum = Sum(values_, name);
    if (!sum.ok()) return sum;
    return Value(sum->as_number() / values_.size());
  }
  if (name == "min" || name == "max") {
    if (values_.empty()) return Value();
    const Value* best = &values_[0];
    for (const Value& v : values_) {
      int c = OrderValues(v, *best);
      if (name == "min" ? c < 0 : c > 0) best = &v;
    }
    return *best;
  }
  if (name == "percentiledisc" || name == "percentilecont") {
    absl::StatusOr<Value> p = evaluator.Eval(*call_.args[1], row);
    if (!p.ok()) return p;
    if (!p->is_number() || p->as_number() < 0 || p->as_number() > 1) {
      return CypherError("ArgumentError", "NumberOutOfRange",
                         absl::StrCat(name, "() percentile must be in [0, 1]"));
    }
    return Percentile(values_, p->as_number(), name == "percentiledisc");
  }
  if (name == "stdev" || name == "stdevp") {
    return StandardDeviation(values_, name == "stdevp");
  }
  return CompileError("UnknownFunction", name);
}

bool IsAggregateFunction(const std::string& name) {
  return name == "count" || name == "collect" || name == "sum" ||
         name == "avg" || name == "min" || name == "max" ||
         name == "percentiledisc" || name == "percentilecont" ||
         name == "stdev" || name == "stdevp";
}

bool IsAggregateCall(const Expr& e) {
  return e.kind == ExprKind::kCountStar ||
         (e.kind == ExprKind::kFunction && IsAggregateFunction(e.name));
}

}  // namespace kg::graph::cypher
