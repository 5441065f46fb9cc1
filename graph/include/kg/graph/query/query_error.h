// The errors of a query as openCypher names them: an error type
// (SyntaxError for everything found before running; TypeError,
// ArgumentError, ArithmeticError, ... while running) and a detail code.
// All are InvalidArgument with the message "<type>: <detail>: <what>".
#ifndef KG_GRAPH_QUERY_QUERY_ERROR_H_
#define KG_GRAPH_QUERY_QUERY_ERROR_H_

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace kg::graph::query {

inline absl::Status QueryError(absl::string_view type, absl::string_view detail,
                               absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat(type, ": ", detail, ": ", what));
}

inline absl::Status TypeError(absl::string_view what) {
  return QueryError("TypeError", "InvalidArgumentType", what);
}

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_QUERY_ERROR_H_
