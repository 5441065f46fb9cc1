// Values as the TCK writes them in result and parameter tables, and the
// canonical text two equal values share: map keys and labels sorted,
// floats in one format, lists in order (or sorted, when a table compares
// lists ignoring element order). Nodes and relationships have no identity
// here: a node is its labels and properties.
#ifndef KG_TESTS_TCK_TCK_VALUES_H_
#define KG_TESTS_TCK_TCK_VALUES_H_

#include <string>

#include "absl/status/statusor.h"
#include "kg/graph/cypher/property_graph.h"
#include "kg/graph/cypher/value.h"

namespace kg::tck {

// The canonical text of a table cell ("[1, 2]", "(:A {p: 'x'})", ...).
absl::StatusOr<std::string> CanonicalCell(const std::string& cell,
                                          bool sort_lists);

// The canonical text of an engine value, reading graph values from `graph`.
absl::StatusOr<std::string> CanonicalValue(const graph::cypher::Value& value,
                                           graph::cypher::PropertyGraph& graph,
                                           bool sort_lists);

// A parameter cell as a value (scalars, lists and maps).
absl::StatusOr<graph::cypher::Value> ParameterValue(const std::string& cell);

}  // namespace kg::tck

#endif  // KG_TESTS_TCK_TCK_VALUES_H_
