// Values as the TCK writes them in result and parameter tables, and the
// canonical text two equal values share: map keys and labels sorted,
// floats in one format, lists in order (or sorted, when a table compares
// lists ignoring element order). Values are the typed CypherValue messages
// QueryService.Run returns. Nodes and relationships have no identity here:
// a node is its labels and properties.
#ifndef KG_TESTS_TCK_TCK_VALUES_H_
#define KG_TESTS_TCK_TCK_VALUES_H_

#include <string>

#include "absl/status/statusor.h"
#include "kg/v1/query_service.pb.h"

namespace kg::tck {

// The canonical text of a table cell ("[1, 2]", "(:A {p: 'x'})", ...).
absl::StatusOr<std::string> CanonicalCell(const std::string& cell,
                                          bool sort_lists);

// The canonical text of a value a query returned.
absl::StatusOr<std::string> CanonicalValue(const kg::v1::CypherValue& value,
                                           bool sort_lists);

// A parameter cell as a value (scalars, lists and maps).
absl::StatusOr<kg::v1::CypherValue> ParameterValue(const std::string& cell);

}  // namespace kg::tck

#endif  // KG_TESTS_TCK_TCK_VALUES_H_
