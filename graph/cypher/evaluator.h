// Evaluator: the value of an expression for one row, with Cypher's null
// semantics (ternary logic; null in, null out) and runtime errors.
#ifndef KG_GRAPH_CYPHER_EVALUATOR_H_
#define KG_GRAPH_CYPHER_EVALUATOR_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "ast.h"
#include "kg/graph/cypher/property_graph.h"
#include "kg/graph/query/query_budget.h"

namespace kg::graph::cypher {

// One row of bindings: variable name to value.
using Row = absl::flat_hash_map<std::string, Value>;

// The results of a projection's aggregate calls for one group, by the
// call's expression node.
using AggregateValues = absl::flat_hash_map<const Expr*, Value>;

class Evaluator {
 public:
  Evaluator(PropertyGraph& graph, const Value::Map& parameters,
            query::QueryBudget& budget)
      : graph_(graph), parameters_(parameters), budget_(budget) {}

  // `aggregates` answers aggregate calls; without it they are an error.
  absl::StatusOr<Value> Eval(const Expr& e, const Row& row,
                             const AggregateValues* aggregates = nullptr);
  // Eval, then true only for true (null and false filter a row out);
  // TypeError for a non-boolean.
  absl::StatusOr<bool> Test(const Expr& e, const Row& row);

  PropertyGraph& graph() { return graph_; }
  query::QueryBudget& budget() { return budget_; }

  // The property `key` of a node, relationship or map; null when absent.
  absl::StatusOr<Value> Property(const Value& holder, const std::string& key);

 private:
  absl::StatusOr<Value> EvalBinary(const Expr& e, const Row& row,
                                   const AggregateValues* aggregates);
  absl::StatusOr<Value> EvalIndex(const Value& base, const Value& index);
  absl::StatusOr<Value> EvalSlice(const Expr& e, const Row& row,
                                  const AggregateValues* aggregates);
  absl::StatusOr<Value> EvalCase(const Expr& e, const Row& row,
                                 const AggregateValues* aggregates);
  absl::StatusOr<Value> EvalIteration(const Expr& e, const Row& row,
                                      const AggregateValues* aggregates);

  PropertyGraph& graph_;
  const Value::Map& parameters_;
  query::QueryBudget& budget_;
};

// Whether `name` (lower case) is an aggregate function.
bool IsAggregateFunction(const std::string& name);
// Whether `e` is a call of an aggregate function (count(*) too).
bool IsAggregateCall(const Expr& e);

// Calls the scalar function `name` (lower case) on evaluated arguments
// (functions.cc). SyntaxError UnknownFunction for a name it does not know.
absl::StatusOr<Value> CallFunction(const std::string& name,
                                   std::vector<Value> args,
                                   Evaluator& evaluator);

// Whether CallFunction knows `name`.
bool IsKnownFunction(const std::string& name);

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_EVALUATOR_H_
