// The Cypher engine's errors: the query errors of
// kg/graph/query/query_error.h, and SyntaxError for everything found
// before running.
#ifndef KG_GRAPH_CYPHER_ERRORS_H_
#define KG_GRAPH_CYPHER_ERRORS_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "kg/graph/query/query_error.h"

namespace kg::graph::cypher {

using query::QueryError;
using query::TypeError;

inline absl::Status CompileError(absl::string_view detail,
                                 absl::string_view what) {
  return QueryError("SyntaxError", detail, what);
}

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_ERRORS_H_
