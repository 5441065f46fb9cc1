#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "parser.h"

namespace kg::graph::cypher {

absl::StatusOr<Query> Parse(absl::string_view text) {
  absl::StatusOr<std::vector<Token>> tokens = Tokenize(text);
  if (!tokens.ok()) return tokens.status();
  Parser parser(text, *std::move(tokens));
  return parser.ParseQuery();
}

const Token& Parser::Peek(size_t ahead) const {
  size_t at = pos_ + ahead;
  return at < tokens_.size() ? tokens_[at] : tokens_.back();
}

bool Parser::AtKeyword(absl::string_view keyword, size_t ahead) const {
  const Token& t = Peek(ahead);
  return t.kind == TokenKind::kIdent && !t.quoted &&
         absl::EqualsIgnoreCase(t.text, keyword);
}

bool Parser::AtSymbol(absl::string_view symbol, size_t ahead) const {
  const Token& t = Peek(ahead);
  return t.kind == TokenKind::kSymbol && t.text == symbol;
}

bool Parser::AcceptKeyword(absl::string_view keyword) {
  if (!AtKeyword(keyword)) return false;
  ++pos_;
  return true;
}

bool Parser::AcceptSymbol(absl::string_view symbol) {
  if (!AtSymbol(symbol)) return false;
  ++pos_;
  return true;
}

absl::Status Parser::ExpectKeyword(absl::string_view keyword) {
  if (AcceptKeyword(keyword)) return absl::OkStatus();
  return Unexpected(keyword);
}

absl::Status Parser::ExpectSymbol(absl::string_view symbol) {
  if (AcceptSymbol(symbol)) return absl::OkStatus();
  return Unexpected(absl::StrCat("'", symbol, "'"));
}

absl::StatusOr<std::string> Parser::ExpectName() {
  if (Peek().kind != TokenKind::kIdent) return Unexpected("a name");
  return tokens_[pos_++].text;
}

absl::Status Parser::Unexpected(absl::string_view expected) const {
  const Token& t = Peek();
  std::string found = t.kind == TokenKind::kEnd
                          ? "end of input"
                          : absl::StrCat("'", t.text, "'");
  return absl::InvalidArgumentError(
      absl::StrCat("SyntaxError: UnexpectedSyntax: expected ", expected,
                   " but found ", found, " at offset ", t.begin));
}

std::string Parser::TextFrom(size_t first) const {
  if (pos_ == 0 || first >= pos_) return "";
  size_t begin = tokens_[first].begin;
  size_t end = tokens_[pos_ - 1].end;
  return std::string(text_.substr(begin, end - begin));
}

absl::StatusOr<Query> Parser::ParseQuery() {
  Query query;
  query.explain = AcceptKeyword("EXPLAIN");
  while (Peek().kind != TokenKind::kEnd && !AtSymbol(";")) {
    absl::StatusOr<Clause> clause = ParseClause();
    if (!clause.ok()) return clause.status();
    query.clauses.push_back(*std::move(clause));
  }
  AcceptSymbol(";");
  if (Peek().kind != TokenKind::kEnd) return Unexpected("end of input");
  if (query.clauses.empty()) return Unexpected("a clause");
  return query;
}

absl::StatusOr<Clause> Parser::ParseClause() {
  Clause clause;
  if (AcceptKeyword("OPTIONAL")) {
    if (!AtKeyword("MATCH")) return Unexpected("MATCH");
    clause.optional = true;
  }
  if (AcceptKeyword("MATCH")) {
    clause.kind = ClauseKind::kMatch;
    absl::StatusOr<std::vector<PathPattern>> patterns = ParsePatterns();
    if (!patterns.ok()) return patterns.status();
    clause.patterns = *std::move(patterns);
    if (AcceptKeyword("WHERE")) {
      absl::StatusOr<ExprPtr> where = ParseExpr();
      if (!where.ok()) return where.status();
      clause.where = *std::move(where);
    }
  } else if (AcceptKeyword("CREATE")) {
    clause.kind = ClauseKind::kCreate;
    absl::StatusOr<std::vector<PathPattern>> patterns = ParsePatterns();
    if (!patterns.ok()) return patterns.status();
    clause.patterns = *std::move(patterns);
  } else if (AcceptKeyword("UNWIND")) {
    clause.kind = ClauseKind::kUnwind;
    absl::StatusOr<ExprPtr> expr = ParseExpr();
    if (!expr.ok()) return expr.status();
    clause.expr = *std::move(expr);
    if (absl::Status s = ExpectKeyword("AS"); !s.ok()) return s;
    absl::StatusOr<std::string> name = ExpectName();
    if (!name.ok()) return name.status();
    clause.variable = *name;
  } else if (AcceptKeyword("WITH") || AcceptKeyword("RETURN")) {
    bool is_with = absl::EqualsIgnoreCase(tokens_[pos_ - 1].text, "WITH");
    clause.kind = is_with ? ClauseKind::kWith : ClauseKind::kReturn;
    absl::StatusOr<Projection> projection = ParseProjection();
    if (!projection.ok()) return projection.status();
    clause.projection = *std::move(projection);
    if (is_with && AcceptKeyword("WHERE")) {
      absl::StatusOr<ExprPtr> where = ParseExpr();
      if (!where.ok()) return where.status();
      clause.where = *std::move(where);
    }
  } else {
    return Unexpected("a clause (MATCH, UNWIND, WITH, RETURN, CREATE)");
  }
  return clause;
}

absl::StatusOr<Projection> Parser::ParseProjection() {
  Projection p;
  p.distinct = AcceptKeyword("DISTINCT");
  if (AcceptSymbol("*")) {
    p.star = true;
    if (!AcceptSymbol(",")) goto modifiers;
  }
  do {
    size_t first = pos_;
    ProjectionItem item;
    absl::StatusOr<ExprPtr> expr = ParseExpr();
    if (!expr.ok()) return expr.status();
    item.expr = *std::move(expr);
    item.alias = TextFrom(first);
    if (AcceptKeyword("AS")) {
      absl::StatusOr<std::string> name = ExpectName();
      if (!name.ok()) return name.status();
      item.alias = *name;
      item.aliased = true;
    }
    p.items.push_back(std::move(item));
  } while (AcceptSymbol(","));
modifiers:
  if (AcceptKeyword("ORDER")) {
    if (absl::Status s = ExpectKeyword("BY"); !s.ok()) return s;
    do {
      SortItem sort;
      absl::StatusOr<ExprPtr> expr = ParseExpr();
      if (!expr.ok()) return expr.status();
      sort.expr = *std::move(expr);
      if (AcceptKeyword("DESC") || AcceptKeyword("DESCENDING")) {
        sort.descending = true;
      } else if (!AcceptKeyword("ASC")) {
        AcceptKeyword("ASCENDING");
      }
      p.order_by.push_back(std::move(sort));
    } while (AcceptSymbol(","));
  }
  if (AcceptKeyword("SKIP")) {
    absl::StatusOr<ExprPtr> skip = ParseExpr();
    if (!skip.ok()) return skip.status();
    p.skip = *std::move(skip);
  }
  if (AcceptKeyword("LIMIT")) {
    absl::StatusOr<ExprPtr> limit = ParseExpr();
    if (!limit.ok()) return limit.status();
    p.limit = *std::move(limit);
  }
  return p;
}

absl::StatusOr<std::vector<PathPattern>> Parser::ParsePatterns() {
  std::vector<PathPattern> patterns;
  do {
    absl::StatusOr<PathPattern> path = ParsePath();
    if (!path.ok()) return path.status();
    patterns.push_back(*std::move(path));
  } while (AcceptSymbol(","));
  return patterns;
}

absl::StatusOr<PathPattern> Parser::ParsePath() {
  PathPattern path;
  if (Peek().kind == TokenKind::kIdent && AtSymbol("=", 1)) {
    path.variable = Peek().text;
    pos_ += 2;
  }
  absl::StatusOr<NodePattern> node = ParseNode();
  if (!node.ok()) return node.status();
  path.nodes.push_back(*std::move(node));
  while (AtSymbol("-") || (AtSymbol("<") && AtSymbol("-", 1))) {
    absl::StatusOr<RelPattern> rel = ParseRel();
    if (!rel.ok()) return rel.status();
    path.rels.push_back(*std::move(rel));
    absl::StatusOr<NodePattern> next = ParseNode();
    if (!next.ok()) return next.status();
    path.nodes.push_back(*std::move(next));
  }
  return path;
}

absl::StatusOr<ExprPtr> Parser::ParsePropertiesIfAny() {
  if (AtSymbol("{")) return ParseMap();
  if (Peek().kind == TokenKind::kParam) return ParseAtom();
  return ExprPtr();
}

absl::StatusOr<NodePattern> Parser::ParseNode() {
  NodePattern node;
  if (absl::Status s = ExpectSymbol("("); !s.ok()) return s;
  if (Peek().kind == TokenKind::kIdent) node.variable = tokens_[pos_++].text;
  while (AcceptSymbol(":")) {
    absl::StatusOr<std::string> label = ExpectName();
    if (!label.ok()) return label.status();
    node.labels.push_back(*label);
  }
  absl::StatusOr<ExprPtr> props = ParsePropertiesIfAny();
  if (!props.ok()) return props.status();
  node.properties = *std::move(props);
  if (absl::Status s = ExpectSymbol(")"); !s.ok()) return s;
  return node;
}

absl::StatusOr<RelPattern> Parser::ParseRel() {
  RelPattern rel;
  bool left = AcceptSymbol("<");
  if (absl::Status s = ExpectSymbol("-"); !s.ok()) return s;
  if (AcceptSymbol("[")) {
    if (Peek().kind == TokenKind::kIdent) rel.variable = tokens_[pos_++].text;
    if (AcceptSymbol(":")) {
      do {
        AcceptSymbol(":");
        absl::StatusOr<std::string> type = ExpectName();
        if (!type.ok()) return type.status();
        rel.types.push_back(*type);
      } while (AcceptSymbol("|"));
    }
    if (AcceptSymbol("*")) {
      rel.variable_length = true;
      auto read_int = [&](int64_t* out) -> absl::Status {
        if (Peek().kind != TokenKind::kInt ||
            !absl::SimpleAtoi(Peek().text, out)) {
          return Unexpected("a hop count");
        }
        ++pos_;
        return absl::OkStatus();
      };
      if (Peek().kind == TokenKind::kInt) {
        if (absl::Status s = read_int(&rel.min_hops); !s.ok()) return s;
        rel.max_hops = rel.min_hops;
      }
      if (AcceptSymbol("..")) {
        rel.max_hops.reset();
        if (Peek().kind == TokenKind::kInt) {
          int64_t max = 0;
          if (absl::Status s = read_int(&max); !s.ok()) return s;
          rel.max_hops = max;
        }
      }
    }
    absl::StatusOr<ExprPtr> props = ParsePropertiesIfAny();
    if (!props.ok()) return props.status();
    rel.properties = *std::move(props);
    if (!AcceptSymbol("]")) {
      return absl::InvalidArgumentError(absl::StrCat(
          "SyntaxError: InvalidRelationshipPattern: unexpected '", Peek().text,
          "' in a relationship pattern at offset ", Peek().begin));
    }
  }
  if (absl::Status s = ExpectSymbol("-"); !s.ok()) return s;
  bool right = AcceptSymbol(">");
  // `<-->` points both ways: undirected, like `--`.
  rel.direction = left == right ? PatternDirection::kBoth
                  : left        ? PatternDirection::kLeft
                                : PatternDirection::kRight;
  return rel;
}

}  // namespace kg::graph::cypher
