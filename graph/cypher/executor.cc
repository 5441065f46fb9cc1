// RunQuery: parse, analyze, compile to a plan (plan.h), then pull the
// plan's rows.
#include "analyzer.h"
#include "evaluator.h"
#include "kg/graph/cypher/engine.h"
#include "parser.h"
#include "plan.h"

namespace kg::graph::cypher {

absl::StatusOr<QueryResult> RunQuery(absl::string_view text,
                                     const Value::Map& parameters,
                                     PropertyGraph& graph,
                                     WritableGraph* writable,
                                     query::QueryBudget& budget) {
  absl::StatusOr<Query> query = Parse(text);
  if (!query.ok()) return query.status();
  if (absl::Status s = Analyze(*query); !s.ok()) return s;
  Evaluator evaluator(graph, parameters, budget);
  absl::StatusOr<Plan> plan =
      BuildPlan(*query, evaluator, writable, query->explain);
  if (!plan.ok()) return plan.status();
  QueryResult result;
  if (query->explain) {
    result.columns = {"plan"};
    for (std::string& stage : plan->stages) {
      result.rows.push_back({Value(std::move(stage))});
    }
    return result;
  }
  result.columns = plan->columns;
  Record record;
  while (true) {
    absl::StatusOr<bool> more = plan->root->Next(&record);
    if (!more.ok()) return more.status();
    if (!*more) return result;
    // A query without RETURN runs for its effects and returns no rows.
    if (result.columns.empty()) continue;
    if (absl::Status s = budget.ChargeRows(); !s.ok()) return s;
    std::vector<Value> values;
    for (const std::string& column : result.columns) {
      values.push_back(std::move(record.bindings[column]));
    }
    result.rows.push_back(std::move(values));
  }
}

}  // namespace kg::graph::cypher
