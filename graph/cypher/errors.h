// The errors of the language as the openCypher TCK names them: an error
// type (SyntaxError for everything found before running, TypeError,
// ArgumentError, ArithmeticError, ... while running) and a detail code.
// All are InvalidArgument with the message "<type>: <detail>: <what>".
#ifndef KG_GRAPH_CYPHER_ERRORS_H_
#define KG_GRAPH_CYPHER_ERRORS_H_

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace kg::graph::cypher {

inline absl::Status CypherError(absl::string_view type,
                                absl::string_view detail,
                                absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat(type, ": ", detail, ": ", what));
}

inline absl::Status CompileError(absl::string_view detail,
                                 absl::string_view what) {
  return CypherError("SyntaxError", detail, what);
}

inline absl::Status TypeError(absl::string_view what) {
  return CypherError("TypeError", "InvalidArgumentType", what);
}

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_ERRORS_H_
