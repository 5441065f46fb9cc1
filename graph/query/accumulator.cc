#include "kg/graph/query/accumulator.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/strings/str_cat.h"
#include "kg/graph/query/query_error.h"

namespace kg::graph::query {
namespace {

using Kind = Value::Kind;

struct NamedFunction {
  const char* name;
  AggregateFunction function;
};

constexpr NamedFunction kNamedFunctions[] = {
    {"count", AggregateFunction::kCount},
    {"collect", AggregateFunction::kCollect},
    {"sum", AggregateFunction::kSum},
    {"avg", AggregateFunction::kAvg},
    {"min", AggregateFunction::kMin},
    {"max", AggregateFunction::kMax},
    {"percentiledisc", AggregateFunction::kPercentileDisc},
    {"percentilecont", AggregateFunction::kPercentileCont},
    {"stdev", AggregateFunction::kStDev},
    {"stdevp", AggregateFunction::kStDevP},
};

// The name errors call the function by.
const char* NameOf(AggregateFunction function) {
  for (const NamedFunction& named : kNamedFunctions) {
    if (named.function == function) return named.name;
  }
  return "count";
}

absl::Status CheckNumbers(const std::vector<Value>& values,
                          AggregateFunction function) {
  for (const Value& v : values) {
    if (!v.is_number()) {
      return TypeError(
          absl::StrCat(NameOf(function), "() of ", KindName(v.kind())));
    }
  }
  return absl::OkStatus();
}

// Of numbers: an Integer unless a Float takes part.
absl::StatusOr<Value> Sum(const std::vector<Value>& values,
                          AggregateFunction function) {
  int64_t int_sum = 0;
  double float_sum = 0;
  bool any_float = false;
  for (const Value& v : values) {
    if (v.kind() == Kind::kFloat) {
      any_float = true;
    } else if (__builtin_add_overflow(int_sum, v.as_int(), &int_sum)) {
      return QueryError("ArithmeticError", "IntegerOverflow",
                        absl::StrCat(NameOf(function), "() overflows"));
    }
    float_sum += v.as_number();
  }
  return any_float ? Value(float_sum) : Value(int_sum);
}

// Of numbers, `p` in [0, 1].
Value Percentile(std::vector<Value> values, double p, bool discrete) {
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

// Of numbers.
Value StandardDeviation(const std::vector<Value>& values, bool population) {
  size_t n = values.size();
  if (n == 0 || (n < 2 && !population)) return Value(0.0);
  double mean = 0;
  for (const Value& v : values) mean += v.as_number() / n;
  double squares = 0;
  for (const Value& v : values) {
    squares += (v.as_number() - mean) * (v.as_number() - mean);
  }
  return Value(std::sqrt(squares / (population ? n : n - 1)));
}

}  // namespace

std::optional<AggregateFunction> AggregateFunctionNamed(
    absl::string_view name) {
  for (const NamedFunction& named : kNamedFunctions) {
    if (name == named.name) return named.function;
  }
  return std::nullopt;
}

void Accumulator::Add(Value value) {
  ++rows_;
  if (value.is_null()) return;
  if (distinct_ && !seen_.insert(GroupingKey(value)).second) return;
  values_.push_back(std::move(value));
}

absl::StatusOr<Value> Accumulator::Finish(const Value& percentile) const {
  switch (function_) {
    case AggregateFunction::kCountRows:
      return Value(rows_);
    case AggregateFunction::kCount:
      return Value(static_cast<int64_t>(values_.size()));
    case AggregateFunction::kCollect:
      return Value(values_);
    case AggregateFunction::kMin:
    case AggregateFunction::kMax: {
      if (values_.empty()) return Value();
      const Value* best = &values_[0];
      for (const Value& v : values_) {
        int c = OrderValues(v, *best);
        if (function_ == AggregateFunction::kMin ? c < 0 : c > 0) best = &v;
      }
      return *best;
    }
    default:
      break;
  }
  if (absl::Status numbers = CheckNumbers(values_, function_); !numbers.ok()) {
    return numbers;
  }
  switch (function_) {
    case AggregateFunction::kSum:
      return Sum(values_, function_);
    case AggregateFunction::kAvg: {
      if (values_.empty()) return Value();
      absl::StatusOr<Value> sum = Sum(values_, function_);
      if (!sum.ok()) return sum;
      return Value(sum->as_number() / values_.size());
    }
    case AggregateFunction::kPercentileDisc:
    case AggregateFunction::kPercentileCont:
      if (!percentile.is_number() || percentile.as_number() < 0 ||
          percentile.as_number() > 1) {
        return QueryError(
            "ArgumentError", "NumberOutOfRange",
            absl::StrCat(NameOf(function_), "() percentile must be in [0, 1]"));
      }
      return Percentile(values_, percentile.as_number(),
                        function_ == AggregateFunction::kPercentileDisc);
    case AggregateFunction::kStDev:
    case AggregateFunction::kStDevP:
      return StandardDeviation(values_,
                               function_ == AggregateFunction::kStDevP);
    default:
      return Value();
  }
}

}  // namespace kg::graph::query
