// Parser: Cypher query text to a syntax tree, by recursive descent over the
// lexer's tokens. Errors are InvalidArgument "SyntaxError: <detail>: ...".
//
// The class is split by concept: clause_parser.cc parses clauses and
// patterns, expression_parser.cc expressions.
#ifndef KG_GRAPH_CYPHER_PARSER_H_
#define KG_GRAPH_CYPHER_PARSER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "ast.h"
#include "lexer.h"

namespace kg::graph::cypher {

absl::StatusOr<Query> Parse(absl::string_view text);

class Parser {
 public:
  Parser(absl::string_view text, std::vector<Token> tokens)
      : text_(text), tokens_(std::move(tokens)) {}

  absl::StatusOr<Query> ParseQuery();

 private:
  // Token cursor.
  const Token& Peek(size_t ahead = 0) const;
  bool AtKeyword(absl::string_view keyword, size_t ahead = 0) const;
  bool AtSymbol(absl::string_view symbol, size_t ahead = 0) const;
  bool AcceptKeyword(absl::string_view keyword);
  bool AcceptSymbol(absl::string_view symbol);
  absl::Status ExpectKeyword(absl::string_view keyword);
  absl::Status ExpectSymbol(absl::string_view symbol);
  absl::StatusOr<std::string> ExpectName();
  absl::Status Unexpected(absl::string_view expected) const;
  // The query text from token `first` to the last consumed token.
  std::string TextFrom(size_t first) const;

  // Clauses and patterns (clause_parser.cc).
  absl::StatusOr<Clause> ParseClause();
  absl::StatusOr<Projection> ParseProjection();
  absl::StatusOr<std::vector<PathPattern>> ParsePatterns();
  absl::StatusOr<PathPattern> ParsePath();
  absl::StatusOr<NodePattern> ParseNode();
  absl::StatusOr<RelPattern> ParseRel();
  absl::StatusOr<ExprPtr> ParsePropertiesIfAny();

  // Expressions, lowest precedence first (expression_parser.cc).
  absl::StatusOr<ExprPtr> ParseExpr();
  absl::StatusOr<ExprPtr> ParseXor();
  absl::StatusOr<ExprPtr> ParseAnd();
  absl::StatusOr<ExprPtr> ParseNot();
  absl::StatusOr<ExprPtr> ParseComparison();
  absl::StatusOr<ExprPtr> ParseAdditive();
  absl::StatusOr<ExprPtr> ParseMultiplicative();
  absl::StatusOr<ExprPtr> ParsePower();
  absl::StatusOr<ExprPtr> ParseUnary();
  absl::StatusOr<ExprPtr> ParsePredicates();
  absl::StatusOr<ExprPtr> ParsePostfix();
  absl::StatusOr<ExprPtr> ParseAtom();
  absl::StatusOr<ExprPtr> ParseNumber();
  absl::StatusOr<ExprPtr> ParseListOrComprehension();
  absl::StatusOr<ExprPtr> ParseMap();
  absl::StatusOr<ExprPtr> ParseCase();
  absl::StatusOr<ExprPtr> ParseFunction(std::string name, size_t first);

  ExprPtr Binary(std::string op, ExprPtr left, ExprPtr right,
                 size_t first) const;

  absl::string_view text_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
};

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_PARSER_H_
