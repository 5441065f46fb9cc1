#include <cerrno>
#include <cstdlib>
#include <limits>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "parser.h"

namespace kg::graph::cypher {
namespace {

ExprPtr NewExpr(ExprKind kind) {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  return e;
}

ExprPtr Clone(const Expr& e) {
  auto copy = std::make_unique<Expr>();
  copy->kind = e.kind;
  copy->literal = e.literal;
  copy->name = e.name;
  copy->keys = e.keys;
  copy->distinct = e.distinct;
  copy->negated = e.negated;
  copy->has_subject = e.has_subject;
  copy->index = e.index;
  copy->text = e.text;
  for (const ExprPtr& arg : e.args) {
    copy->args.push_back(arg == nullptr ? nullptr : Clone(*arg));
  }
  return copy;
}

bool IsComparison(const Token& t) {
  if (t.kind != TokenKind::kSymbol) return false;
  return t.text == "=" || t.text == "<>" || t.text == "!=" || t.text == "<" ||
         t.text == ">" || t.text == "<=" || t.text == ">=";
}

}  // namespace

ExprPtr Parser::Binary(std::string op, ExprPtr left, ExprPtr right,
                       size_t first) const {
  ExprPtr e = NewExpr(ExprKind::kBinary);
  e->name = std::move(op);
  e->args.push_back(std::move(left));
  e->args.push_back(std::move(right));
  e->text = TextFrom(first);
  return e;
}

absl::StatusOr<ExprPtr> Parser::ParseExpr() {
  size_t first = pos_;
  absl::StatusOr<ExprPtr> left = ParseXor();
  while (left.ok() && AcceptKeyword("OR")) {
    absl::StatusOr<ExprPtr> right = ParseXor();
    if (!right.ok()) return right;
    left = Binary("OR", *std::move(left), *std::move(right), first);
  }
  return left;
}

absl::StatusOr<ExprPtr> Parser::ParseXor() {
  size_t first = pos_;
  absl::StatusOr<ExprPtr> left = ParseAnd();
  while (left.ok() && AcceptKeyword("XOR")) {
    absl::StatusOr<ExprPtr> right = ParseAnd();
    if (!right.ok()) return right;
    left = Binary("XOR", *std::move(left), *std::move(right), first);
  }
  return left;
}

absl::StatusOr<ExprPtr> Parser::ParseAnd() {
  size_t first = pos_;
  absl::StatusOr<ExprPtr> left = ParseNot();
  while (left.ok() && AcceptKeyword("AND")) {
    absl::StatusOr<ExprPtr> right = ParseNot();
    if (!right.ok()) return right;
    left = Binary("AND", *std::move(left), *std::move(right), first);
  }
  return left;
}

absl::StatusOr<ExprPtr> Parser::ParseNot() {
  size_t first = pos_;
  if (!AcceptKeyword("NOT")) return ParseComparison();
  absl::StatusOr<ExprPtr> operand = ParseNot();
  if (!operand.ok()) return operand;
  ExprPtr e = NewExpr(ExprKind::kNot);
  e->args.push_back(*std::move(operand));
  e->text = TextFrom(first);
  return e;
}

// `a < b <= c` means `a < b AND b <= c`.
absl::StatusOr<ExprPtr> Parser::ParseComparison() {
  size_t first = pos_;
  absl::StatusOr<ExprPtr> left = ParseAdditive();
  if (!left.ok() || !IsComparison(Peek())) return left;
  ExprPtr chain;
  ExprPtr operand = *std::move(left);
  while (IsComparison(Peek())) {
    std::string op = tokens_[pos_++].text;
    if (op == "!=") op = "<>";
    absl::StatusOr<ExprPtr> right = ParseAdditive();
    if (!right.ok()) return right;
    ExprPtr next = Clone(**right);
    ExprPtr comparison =
        Binary(op, std::move(operand), *std::move(right), first);
    chain = chain == nullptr
                ? std::move(comparison)
                : Binary("AND", std::move(chain), std::move(comparison), first);
    operand = std::move(next);
  }
  return chain;
}

absl::StatusOr<ExprPtr> Parser::ParseAdditive() {
  size_t first = pos_;
  absl::StatusOr<ExprPtr> left = ParseMultiplicative();
  while (left.ok() && (AtSymbol("+") || AtSymbol("-"))) {
    std::string op = tokens_[pos_++].text;
    absl::StatusOr<ExprPtr> right = ParseMultiplicative();
    if (!right.ok()) return right;
    left = Binary(op, *std::move(left), *std::move(right), first);
  }
  return left;
}

absl::StatusOr<ExprPtr> Parser::ParseMultiplicative() {
  size_t first = pos_;
  absl::StatusOr<ExprPtr> left = ParsePower();
  while (left.ok() && (AtSymbol("*") || AtSymbol("/") || AtSymbol("%"))) {
    std::string op = tokens_[pos_++].text;
    absl::StatusOr<ExprPtr> right = ParsePower();
    if (!right.ok()) return right;
    left = Binary(op, *std::move(left), *std::move(right), first);
  }
  return left;
}

absl::StatusOr<ExprPtr> Parser::ParsePower() {
  size_t first = pos_;
  absl::StatusOr<ExprPtr> left = ParseUnary();
  while (left.ok() && AcceptSymbol("^")) {
    absl::StatusOr<ExprPtr> right = ParseUnary();
    if (!right.ok()) return right;
    left = Binary("^", *std::move(left), *std::move(right), first);
  }
  return left;
}

absl::StatusOr<ExprPtr> Parser::ParseUnary() {
  size_t first = pos_;
  if (AtSymbol("-") &&
      (Peek(1).kind == TokenKind::kInt || Peek(1).kind == TokenKind::kFloat)) {
    return ParsePredicates();
  }
  if (AcceptSymbol("+")) return ParseUnary();
  if (!AcceptSymbol("-")) return ParsePredicates();
  absl::StatusOr<ExprPtr> operand = ParseUnary();
  if (!operand.ok()) return operand;
  ExprPtr e = NewExpr(ExprKind::kNegate);
  e->args.push_back(*std::move(operand));
  e->text = TextFrom(first);
  return e;
}

absl::StatusOr<ExprPtr> Parser::ParsePredicates() {
  size_t first = pos_;
  absl::StatusOr<ExprPtr> left = ParsePostfix();
  while (left.ok()) {
    std::string op;
    if (AcceptKeyword("IN")) {
      op = "IN";
    } else if (AtKeyword("STARTS") && AtKeyword("WITH", 1)) {
      pos_ += 2;
      op = "STARTS";
    } else if (AtKeyword("ENDS") && AtKeyword("WITH", 1)) {
      pos_ += 2;
      op = "ENDS";
    } else if (AcceptKeyword("CONTAINS")) {
      op = "CONTAINS";
    } else if (AcceptSymbol("=~")) {
      op = "=~";
    } else if (AtKeyword("IS")) {
      ++pos_;
      ExprPtr e = NewExpr(ExprKind::kIsNull);
      e->negated = AcceptKeyword("NOT");
      if (absl::Status s = ExpectKeyword("NULL"); !s.ok()) return s;
      e->args.push_back(*std::move(left));
      e->text = TextFrom(first);
      left = std::move(e);
      continue;
    } else {
      break;
    }
    absl::StatusOr<ExprPtr> right = ParseUnary();
    if (!right.ok()) return right;
    left = Binary(op, *std::move(left), *std::move(right), first);
  }
  return left;
}

absl::StatusOr<ExprPtr> Parser::ParsePostfix() {
  size_t first = pos_;
  absl::StatusOr<ExprPtr> base = ParseAtom();
  while (base.ok()) {
    if (AcceptSymbol(".")) {
      absl::StatusOr<std::string> name = ExpectName();
      if (!name.ok()) return name.status();
      ExprPtr e = NewExpr(ExprKind::kProperty);
      e->name = *name;
      e->args.push_back(*std::move(base));
      e->text = TextFrom(first);
      base = std::move(e);
    } else if (AtSymbol(":") && Peek(1).kind == TokenKind::kIdent) {
      ExprPtr e = NewExpr(ExprKind::kHasLabels);
      while (AcceptSymbol(":")) {
        absl::StatusOr<std::string> label = ExpectName();
        if (!label.ok()) return label.status();
        e->keys.push_back(*label);
      }
      e->args.push_back(*std::move(base));
      e->text = TextFrom(first);
      base = std::move(e);
    } else if (AcceptSymbol("[")) {
      ExprPtr from;
      if (!AtSymbol("..")) {
        absl::StatusOr<ExprPtr> index = ParseExpr();
        if (!index.ok()) return index;
        from = *std::move(index);
      }
      ExprPtr e;
      if (AcceptSymbol("..")) {
        e = NewExpr(ExprKind::kSlice);
        ExprPtr to;
        if (!AtSymbol("]")) {
          absl::StatusOr<ExprPtr> end = ParseExpr();
          if (!end.ok()) return end;
          to = *std::move(end);
        }
        e->args.push_back(*std::move(base));
        e->args.push_back(std::move(from));
        e->args.push_back(std::move(to));
      } else {
        if (from == nullptr) return Unexpected("an index");
        e = NewExpr(ExprKind::kIndex);
        e->args.push_back(*std::move(base));
        e->args.push_back(std::move(from));
      }
      if (absl::Status s = ExpectSymbol("]"); !s.ok()) return s;
      e->text = TextFrom(first);
      base = std::move(e);
    } else {
      break;
    }
  }
  return base;
}

absl::StatusOr<ExprPtr> Parser::ParseNumber() {
  size_t first = pos_;
  bool negative = AcceptSymbol("-");
  const Token& t = tokens_[pos_++];
  ExprPtr e = NewExpr(ExprKind::kLiteral);
  if (t.kind == TokenKind::kFloat) {
    double d = std::strtod(t.text.c_str(), nullptr);
    e->literal = negative ? -d : d;
  } else {
    std::string digits = absl::StrCat(negative ? "-" : "", t.text);
    int base = 10;
    if (t.text.size() > 2 && t.text[0] == '0' &&
        (t.text[1] == 'x' || t.text[1] == 'o')) {
      base = t.text[1] == 'x' ? 16 : 8;
      digits = absl::StrCat(negative ? "-" : "", t.text.substr(2));
    }
    errno = 0;
    char* end = nullptr;
    long long v = std::strtoll(digits.c_str(), &end, base);
    if (errno == ERANGE) {
      return absl::InvalidArgumentError(absl::StrCat(
          "SyntaxError: IntegerOverflow: ", TextFrom(first), " is too large"));
    }
    if (end == nullptr || *end != '\0') {
      return absl::InvalidArgumentError(
          absl::StrCat("SyntaxError: InvalidNumberLiteral: ", TextFrom(first)));
    }
    e->literal = static_cast<int64_t>(v);
  }
  e->text = TextFrom(first);
  return e;
}

absl::StatusOr<ExprPtr> Parser::ParseListOrComprehension() {
  size_t first = pos_;
  if (absl::Status s = ExpectSymbol("["); !s.ok()) return s;
  if (Peek().kind == TokenKind::kIdent && AtKeyword("IN", 1)) {
    ExprPtr e = NewExpr(ExprKind::kComprehension);
    e->name = tokens_[pos_].text;
    pos_ += 2;
    absl::StatusOr<ExprPtr> list = ParseExpr();
    if (!list.ok()) return list;
    e->args.push_back(*std::move(list));
    ExprPtr where;
    ExprPtr map;
    if (AcceptKeyword("WHERE")) {
      absl::StatusOr<ExprPtr> pred = ParseExpr();
      if (!pred.ok()) return pred;
      where = *std::move(pred);
    }
    if (AcceptSymbol("|")) {
      absl::StatusOr<ExprPtr> value = ParseExpr();
      if (!value.ok()) return value;
      map = *std::move(value);
    }
    e->args.push_back(std::move(where));
    e->args.push_back(std::move(map));
    if (absl::Status s = ExpectSymbol("]"); !s.ok()) return s;
    e->text = TextFrom(first);
    return e;
  }
  ExprPtr e = NewExpr(ExprKind::kList);
  if (!AtSymbol("]")) {
    do {
      absl::StatusOr<ExprPtr> item = ParseExpr();
      if (!item.ok()) return item;
      e->args.push_back(*std::move(item));
    } while (AcceptSymbol(","));
  }
  if (absl::Status s = ExpectSymbol("]"); !s.ok()) return s;
  e->text = TextFrom(first);
  return e;
}

absl::StatusOr<ExprPtr> Parser::ParseMap() {
  size_t first = pos_;
  if (absl::Status s = ExpectSymbol("{"); !s.ok()) return s;
  ExprPtr e = NewExpr(ExprKind::kMap);
  if (!AtSymbol("}")) {
    do {
      absl::StatusOr<std::string> key = ExpectName();
      if (!key.ok()) return key.status();
      if (absl::Status s = ExpectSymbol(":"); !s.ok()) return s;
      absl::StatusOr<ExprPtr> value = ParseExpr();
      if (!value.ok()) return value;
      e->keys.push_back(*key);
      e->args.push_back(*std::move(value));
    } while (AcceptSymbol(","));
  }
  if (absl::Status s = ExpectSymbol("}"); !s.ok()) return s;
  e->text = TextFrom(first);
  return e;
}

absl::StatusOr<ExprPtr> Parser::ParseCase() {
  size_t first = pos_ - 1;
  ExprPtr e = NewExpr(ExprKind::kCase);
  if (!AtKeyword("WHEN")) {
    absl::StatusOr<ExprPtr> subject = ParseExpr();
    if (!subject.ok()) return subject;
    e->has_subject = true;
    e->args.push_back(*std::move(subject));
  }
  if (!AtKeyword("WHEN")) return Unexpected("WHEN");
  while (AcceptKeyword("WHEN")) {
    absl::StatusOr<ExprPtr> when = ParseExpr();
    if (!when.ok()) return when;
    if (absl::Status s = ExpectKeyword("THEN"); !s.ok()) return s;
    absl::StatusOr<ExprPtr> then = ParseExpr();
    if (!then.ok()) return then;
    e->args.push_back(*std::move(when));
    e->args.push_back(*std::move(then));
  }
  ExprPtr otherwise;
  if (AcceptKeyword("ELSE")) {
    absl::StatusOr<ExprPtr> value = ParseExpr();
    if (!value.ok()) return value;
    otherwise = *std::move(value);
  }
  e->args.push_back(std::move(otherwise));
  if (absl::Status s = ExpectKeyword("END"); !s.ok()) return s;
  e->text = TextFrom(first);
  return e;
}

absl::StatusOr<ExprPtr> Parser::ParseFunction(std::string name, size_t first) {
  if (absl::Status s = ExpectSymbol("("); !s.ok()) return s;
  std::string lower = absl::AsciiStrToLower(name);
  if (lower == "count" && AcceptSymbol("*")) {
    if (absl::Status s = ExpectSymbol(")"); !s.ok()) return s;
    ExprPtr e = NewExpr(ExprKind::kCountStar);
    e->name = "count";
    e->text = TextFrom(first);
    return e;
  }
  bool quantifier =
      lower == "any" || lower == "all" || lower == "none" || lower == "single";
  if (quantifier && Peek().kind == TokenKind::kIdent && AtKeyword("IN", 1)) {
    ExprPtr e = NewExpr(ExprKind::kQuantifier);
    e->name = lower;
    e->keys.push_back(tokens_[pos_].text);
    pos_ += 2;
    absl::StatusOr<ExprPtr> list = ParseExpr();
    if (!list.ok()) return list;
    e->args.push_back(*std::move(list));
    if (absl::Status s = ExpectKeyword("WHERE"); !s.ok()) return s;
    absl::StatusOr<ExprPtr> pred = ParseExpr();
    if (!pred.ok()) return pred;
    e->args.push_back(*std::move(pred));
    if (absl::Status s = ExpectSymbol(")"); !s.ok()) return s;
    e->text = TextFrom(first);
    return e;
  }
  ExprPtr e = NewExpr(ExprKind::kFunction);
  e->name = lower;
  e->distinct = AcceptKeyword("DISTINCT");
  if (!AtSymbol(")")) {
    do {
      absl::StatusOr<ExprPtr> arg = ParseExpr();
      if (!arg.ok()) return arg;
      e->args.push_back(*std::move(arg));
    } while (AcceptSymbol(","));
  }
  if (absl::Status s = ExpectSymbol(")"); !s.ok()) return s;
  e->text = TextFrom(first);
  return e;
}

absl::StatusOr<ExprPtr> Parser::ParseAtom() {
  size_t first = pos_;
  const Token& t = Peek();
  switch (t.kind) {
    case TokenKind::kInt:
    case TokenKind::kFloat:
      return ParseNumber();
    case TokenKind::kString: {
      ExprPtr e = NewExpr(ExprKind::kLiteral);
      e->literal = t.text;
      ++pos_;
      e->text = TextFrom(first);
      return e;
    }
    case TokenKind::kParam: {
      ExprPtr e = NewExpr(ExprKind::kParameter);
      e->name = t.text;
      ++pos_;
      e->text = TextFrom(first);
      return e;
    }
    case TokenKind::kSymbol:
      if (t.text == "-") return ParseNumber();
      if (t.text == "[") return ParseListOrComprehension();
      if (t.text == "{") return ParseMap();
      if (t.text == "(") {
        ++pos_;
        absl::StatusOr<ExprPtr> inner = ParseExpr();
        if (!inner.ok()) return inner;
        if (absl::Status s = ExpectSymbol(")"); !s.ok()) return s;
        (*inner)->text = TextFrom(first);
        return inner;
      }
      return Unexpected("an expression");
    case TokenKind::kEnd:
      return Unexpected("an expression");
    case TokenKind::kIdent:
      break;
  }
  if (!t.quoted) {
    if (AcceptKeyword("TRUE") || AcceptKeyword("FALSE")) {
      ExprPtr e = NewExpr(ExprKind::kLiteral);
      e->literal = absl::EqualsIgnoreCase(t.text, "TRUE");
      e->text = TextFrom(first);
      return e;
    }
    if (AcceptKeyword("NULL")) {
      ExprPtr e = NewExpr(ExprKind::kLiteral);
      e->text = TextFrom(first);
      return e;
    }
    if (AcceptKeyword("CASE")) return ParseCase();
  }
  std::string name = t.text;
  ++pos_;
  // Namespaced functions: a.b.c(...).
  while (AtSymbol(".") && Peek(1).kind == TokenKind::kIdent &&
         AtSymbol("(", 2)) {
    absl::StrAppend(&name, ".", Peek(1).text);
    pos_ += 2;
  }
  if (AtSymbol("(")) return ParseFunction(std::move(name), first);
  ExprPtr e = NewExpr(ExprKind::kVariable);
  e->name = std::move(name);
  e->text = TextFrom(first);
  return e;
}

}  // namespace kg::graph::cypher
