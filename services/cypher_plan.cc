// QueryService.Run: one openCypher query on the request's snapshot through
// the Cypher engine, its rows streamed after a header of column names.
#include "cypher_values.h"
#include "kg/graph/cypher/domain_graph.h"
#include "kg/graph/cypher/engine.h"
#include "kg/graph/query/query_context.h"
#include "kg/services/query_plans.h"
#include "query_requests.h"

namespace kg::services {

absl::Status RunCypher(
    const QueryEnv& env, const kg::v1::RunRequest& request,
    const std::function<bool(const kg::v1::RunResponse&)>& write) {
  if (request.query().empty()) {
    return absl::InvalidArgumentError("query: must not be empty");
  }
  absl::StatusOr<std::optional<kg::v1::Date>> as_of =
      AsOf("as_of", request.has_as_of(), request.as_of());
  if (!as_of.ok()) return as_of.status();
  absl::StatusOr<graph::cypher::Value::Map> parameters = RunParameters(request);
  if (!parameters.ok()) return parameters.status();
  graph::query::QueryContext context(env.snapshot, env.budget, *as_of);
  graph::cypher::DomainGraph graph(context);
  absl::StatusOr<graph::cypher::QueryResult> result = graph::cypher::RunQuery(
      request.query(), *parameters, graph, nullptr, env.budget);
  if (!result.ok()) return result.status();
  return WriteRunResult(*result, graph, write);
}

}  // namespace kg::services
