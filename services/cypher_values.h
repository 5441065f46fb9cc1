// Conversions between the Cypher engine's values and the CypherValue
// messages of QueryService.Run (internal to services/).
#ifndef KG_SERVICES_CYPHER_VALUES_H_
#define KG_SERVICES_CYPHER_VALUES_H_

#include <functional>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/graph/cypher/engine.h"
#include "kg/graph/cypher/property_graph.h"
#include "kg/v1/query_service.pb.h"

namespace kg::services {

// A parameter's value; InvalidArgument naming `field` for a node,
// relationship or path (a query cannot take those as parameters) or an
// unset value.
absl::StatusOr<graph::cypher::Value> FromCypherMessage(
    absl::string_view field, const kg::v1::CypherValue& message);

// A result value, with the labels, types and properties of graph values
// read from `graph`.
absl::StatusOr<kg::v1::CypherValue> ToCypherMessage(
    const graph::cypher::Value& value, graph::cypher::PropertyGraph& graph);

// The values of `request.parameters`, FromCypherMessage naming each
// "parameters.<name>".
absl::StatusOr<graph::cypher::Value::Map> RunParameters(
    const kg::v1::RunRequest& request);

// Hands `result` to `write`: a header of column names, then one message a
// row, graph values read from `graph`. Cancelled when `write` returns false
// (the client went away).
absl::Status WriteRunResult(
    const graph::cypher::QueryResult& result,
    graph::cypher::PropertyGraph& graph,
    const std::function<bool(const kg::v1::RunResponse&)>& write);

}  // namespace kg::services

#endif  // KG_SERVICES_CYPHER_VALUES_H_
