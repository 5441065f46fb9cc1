// Accumulator: one aggregate function (count, collect, sum, avg, min, max,
// percentiles, standard deviations) computed over the values of one group
// of rows: the one implementation of aggregation, behind the typed
// Aggregate operator (aggregate.h) and Cypher's aggregate calls. Nulls are
// skipped (except by kCountRows); with `distinct`, a value equivalent to
// one taken before (GroupingKey) is skipped too.
#ifndef KG_GRAPH_QUERY_ACCUMULATOR_H_
#define KG_GRAPH_QUERY_ACCUMULATOR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/graph/query/value.h"

namespace kg::graph::query {

enum class AggregateFunction {
  kCountRows,  // count(*): every row, null or not.
  kCount,
  kCollect,
  kSum,
  kAvg,
  kMin,
  kMax,
  kPercentileDisc,
  kPercentileCont,
  kStDev,
  kStDevP,
};

// The function of a lower-case openCypher name ("count", "percentiledisc",
// ...); nullopt for any other name. count(*) has no name.
std::optional<AggregateFunction> AggregateFunctionNamed(absl::string_view name);

class Accumulator {
 public:
  Accumulator(AggregateFunction function, bool distinct)
      : function_(function), distinct_(distinct) {}

  void Add(Value value);

  // The aggregate of the values added. `percentile` is the argument of
  // the percentile functions (ArgumentError outside [0, 1]); the others
  // ignore it. TypeError when a numeric function took a non-number.
  absl::StatusOr<Value> Finish(const Value& percentile = Value()) const;

 private:
  const AggregateFunction function_;
  const bool distinct_;
  std::vector<Value> values_;
  absl::flat_hash_set<std::string> seen_;
  int64_t rows_ = 0;
};

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_ACCUMULATOR_H_
