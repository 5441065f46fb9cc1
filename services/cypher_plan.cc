// QueryService.Run: one openCypher query on the request's snapshot through
// the Cypher engine, its rows streamed after a header of column names.
#include "absl/strings/str_cat.h"
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
  graph::cypher::Value::Map parameters;
  for (const auto& [name, message] : request.parameters()) {
    absl::StatusOr<graph::cypher::Value> value =
        FromCypherMessage(absl::StrCat("parameters.", name), message);
    if (!value.ok()) return value.status();
    parameters[name] = *std::move(value);
  }
  graph::query::QueryContext context(env.snapshot, env.budget, *as_of);
  graph::cypher::DomainGraph graph(context);
  absl::StatusOr<graph::cypher::QueryResult> result = graph::cypher::RunQuery(
      request.query(), parameters, graph, nullptr, env.budget);
  if (!result.ok()) return result.status();
  kg::v1::RunResponse header;
  for (const std::string& column : result->columns) header.add_columns(column);
  if (!write(header)) return absl::CancelledError("the client went away");
  for (const std::vector<graph::cypher::Value>& row : result->rows) {
    kg::v1::RunResponse message;
    for (const graph::cypher::Value& value : row) {
      absl::StatusOr<kg::v1::CypherValue> converted =
          ToCypherMessage(value, graph);
      if (!converted.ok()) return converted.status();
      *message.add_values() = *std::move(converted);
    }
    if (!write(message)) return absl::CancelledError("the client went away");
  }
  return absl::OkStatus();
}

}  // namespace kg::services
