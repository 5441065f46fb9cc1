// Lexer: Cypher query text to tokens. Keywords are identifiers the parser
// recognizes case-insensitively; `-->` and friends are single symbols.
#ifndef KG_GRAPH_CYPHER_LEXER_H_
#define KG_GRAPH_CYPHER_LEXER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kg::graph::cypher {

enum class TokenKind { kIdent, kInt, kFloat, kString, kParam, kSymbol, kEnd };

struct Token {
  TokenKind kind = TokenKind::kEnd;
  // Identifier name (unquoted), symbol, string contents or number text.
  std::string text;
  // Byte offsets into the query, [begin, end).
  size_t begin = 0;
  size_t end = 0;
  // A `backquoted` identifier, never a keyword.
  bool quoted = false;
};

// The tokens of `query`, ending with one kEnd token; InvalidArgument
// "SyntaxError: ..." for an unterminated string or a stray character.
absl::StatusOr<std::vector<Token>> Tokenize(absl::string_view query);

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_LEXER_H_
