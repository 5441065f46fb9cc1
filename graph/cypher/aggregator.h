// Aggregator: one aggregate call (count, collect, sum, avg, min, max,
// percentileDisc, percentileCont, stDev, stDevP) accumulated over the rows
// of one group. Nulls are skipped; DISTINCT keeps the first of equivalent
// values.
#ifndef KG_GRAPH_CYPHER_AGGREGATOR_H_
#define KG_GRAPH_CYPHER_AGGREGATOR_H_

#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "ast.h"
#include "evaluator.h"

namespace kg::graph::cypher {

class Aggregator {
 public:
  // `call` is a kFunction naming an aggregate or a kCountStar; it must
  // outlive the aggregator.
  explicit Aggregator(const Expr& call) : call_(call) {}

  absl::Status Add(Evaluator& evaluator, const Row& row);
  // The aggregate's value; `row` evaluates constant extra arguments (the
  // percentile).
  absl::StatusOr<Value> Finish(Evaluator& evaluator, const Row& row) const;

 private:
  const Expr& call_;
  std::vector<Value> values_;
  absl::flat_hash_set<std::string> seen_;
  int64_t rows_ = 0;
};

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_AGGREGATOR_H_
