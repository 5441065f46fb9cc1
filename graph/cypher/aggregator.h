// Aggregator: one aggregate call (count, collect, sum, avg, min, max,
// percentileDisc, percentileCont, stDev, stDevP) over the rows of one
// group: evaluates the call's argument per row and accumulates it with
// the query pipeline's Accumulator (kg/graph/query/accumulator.h).
#ifndef KG_GRAPH_CYPHER_AGGREGATOR_H_
#define KG_GRAPH_CYPHER_AGGREGATOR_H_

#include "absl/status/statusor.h"
#include "ast.h"
#include "evaluator.h"
#include "kg/graph/query/accumulator.h"

namespace kg::graph::cypher {

class Aggregator {
 public:
  // `call` is a kFunction naming an aggregate or a kCountStar; it must
  // outlive the aggregator.
  explicit Aggregator(const Expr& call);

  absl::Status Add(Evaluator& evaluator, const Row& row);
  // The aggregate's value; `row` evaluates constant extra arguments (the
  // percentile).
  absl::StatusOr<Value> Finish(Evaluator& evaluator, const Row& row) const;

 private:
  const Expr& call_;
  query::Accumulator accumulator_;
};

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_AGGREGATOR_H_
