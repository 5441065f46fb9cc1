#include "evaluator.h"

#include <cmath>
#include <optional>
#include <regex>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "errors.h"

namespace kg::graph::cypher {
namespace {

using Kind = Value::Kind;

// Ternary logic: nullopt is null.
absl::StatusOr<std::optional<bool>> AsTernary(const Value& v,
                                              absl::string_view op) {
  if (v.is_null()) return std::optional<bool>();
  if (v.kind() != Kind::kBool) {
    return TypeError(
        absl::StrCat(op, " expects a Boolean, got ", KindName(v.kind())));
  }
  return std::optional<bool>(v.as_bool());
}

Value FromTernary(std::optional<bool> b) {
  return b.has_value() ? Value(*b) : Value();
}

absl::StatusOr<Value> Arithmetic(const std::string& op, const Value& a,
                                 const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (op == "+") {
    if (a.kind() == Kind::kList || b.kind() == Kind::kList) {
      Value::List out;
      if (a.kind() == Kind::kList) {
        out = a.as_list();
      } else {
        out.push_back(a);
      }
      if (b.kind() == Kind::kList) {
        out.insert(out.end(), b.as_list().begin(), b.as_list().end());
      } else {
        out.push_back(b);
      }
      return Value(std::move(out));
    }
    if (a.kind() == Kind::kString && b.kind() == Kind::kString) {
      return Value(a.as_string() + b.as_string());
    }
  }
  if (!a.is_number() || !b.is_number()) {
    return TypeError(absl::StrCat("cannot apply ", op, " to ",
                                  KindName(a.kind()), " and ",
                                  KindName(b.kind())));
  }
  if (op == "^") return Value(std::pow(a.as_number(), b.as_number()));
  if (a.kind() == Kind::kInt && b.kind() == Kind::kInt) {
    int64_t x = a.as_int();
    int64_t y = b.as_int();
    int64_t r = 0;
    bool overflow = false;
    if (op == "+") {
      overflow = __builtin_add_overflow(x, y, &r);
    } else if (op == "-") {
      overflow = __builtin_sub_overflow(x, y, &r);
    } else if (op == "*") {
      overflow = __builtin_mul_overflow(x, y, &r);
    } else {
      if (y == 0) {
        return QueryError("ArithmeticError", "DivisionByZero",
                          absl::StrCat(x, " ", op, " 0"));
      }
      if (x == INT64_MIN && y == -1) {
        overflow = op == "/";
        r = 0;
      } else {
        r = op == "/" ? x / y : x % y;
      }
    }
    if (overflow) {
      return QueryError("ArithmeticError", "IntegerOverflow",
                        absl::StrCat(x, " ", op, " ", y));
    }
    return Value(r);
  }
  double x = a.as_number();
  double y = b.as_number();
  if (op == "+") return Value(x + y);
  if (op == "-") return Value(x - y);
  if (op == "*") return Value(x * y);
  if (op == "/") return Value(x / y);
  return Value(std::fmod(x, y));
}

absl::StatusOr<Value> InList(const Value& item, const Value& list) {
  if (list.is_null()) return Value();
  if (list.kind() != Kind::kList) {
    return TypeError(
        absl::StrCat("IN expects a List, got ", KindName(list.kind())));
  }
  bool unknown = false;
  for (const Value& element : list.as_list()) {
    std::optional<bool> eq = Equals(item, element);
    if (eq.has_value() && *eq) return Value(true);
    if (!eq.has_value()) unknown = true;
  }
  return unknown ? Value() : Value(false);
}

Value StringPredicate(const std::string& op, const Value& a, const Value& b) {
  if (a.kind() != Kind::kString || b.kind() != Kind::kString) return Value();
  const std::string& s = a.as_string();
  const std::string& t = b.as_string();
  if (op == "STARTS") return Value(absl::StartsWith(s, t));
  if (op == "ENDS") return Value(absl::EndsWith(s, t));
  return Value(absl::StrContains(s, t));
}

}  // namespace

absl::StatusOr<Value> Evaluator::Property(const Value& holder,
                                          const std::string& key) {
  const Value::Map* properties = nullptr;
  Value::Map loaded;
  switch (holder.kind()) {
    case Kind::kNull:
      return Value();
    case Kind::kMap:
      properties = &holder.as_map();
      break;
    case Kind::kNode: {
      absl::StatusOr<NodeData> node = graph_.Node(holder.as_node().id);
      if (!node.ok()) return node.status();
      loaded = std::move(node->properties);
      properties = &loaded;
      break;
    }
    case Kind::kRelationship: {
      absl::StatusOr<RelationshipData> rel =
          graph_.Relationship(holder.as_relationship().id);
      if (!rel.ok()) return rel.status();
      loaded = std::move(rel->properties);
      properties = &loaded;
      break;
    }
    default:
      return TypeError(absl::StrCat("cannot read property '", key, "' of ",
                                    KindName(holder.kind())));
  }
  auto it = properties->find(key);
  return it == properties->end() ? Value() : it->second;
}

absl::StatusOr<bool> Evaluator::Test(const Expr& e, const Row& row) {
  absl::StatusOr<Value> v = Eval(e, row);
  if (!v.ok()) return v.status();
  absl::StatusOr<std::optional<bool>> b = AsTernary(*v, "WHERE");
  if (!b.ok()) return b.status();
  return b->value_or(false);
}

absl::StatusOr<Value> Evaluator::Eval(const Expr& e, const Row& row,
                                      const AggregateValues* aggregates) {
  auto eval = [&](const Expr& child) { return Eval(child, row, aggregates); };
  switch (e.kind) {
    case ExprKind::kLiteral:
      return e.literal;
    case ExprKind::kParameter: {
      auto it = parameters_.find(e.name);
      if (it == parameters_.end()) {
        return QueryError("ParameterMissing", "MissingParameter",
                          absl::StrCat("$", e.name));
      }
      return it->second;
    }
    case ExprKind::kVariable: {
      auto it = row.find(e.name);
      if (it == row.end()) {
        return CompileError("UndefinedVariable", e.name);
      }
      return it->second;
    }
    case ExprKind::kProperty: {
      absl::StatusOr<Value> holder = eval(*e.args[0]);
      if (!holder.ok()) return holder;
      return Property(*holder, e.name);
    }
    case ExprKind::kList: {
      Value::List list;
      for (const ExprPtr& arg : e.args) {
        absl::StatusOr<Value> v = eval(*arg);
        if (!v.ok()) return v;
        list.push_back(*std::move(v));
      }
      return Value(std::move(list));
    }
    case ExprKind::kMap: {
      Value::Map map;
      for (size_t i = 0; i < e.args.size(); ++i) {
        absl::StatusOr<Value> v = eval(*e.args[i]);
        if (!v.ok()) return v;
        map[e.keys[i]] = *std::move(v);
      }
      return Value(std::move(map));
    }
    case ExprKind::kBinary:
      return EvalBinary(e, row, aggregates);
    case ExprKind::kNot: {
      absl::StatusOr<Value> v = eval(*e.args[0]);
      if (!v.ok()) return v;
      absl::StatusOr<std::optional<bool>> b = AsTernary(*v, "NOT");
      if (!b.ok()) return b.status();
      return b->has_value() ? Value(!**b) : Value();
    }
    case ExprKind::kNegate: {
      absl::StatusOr<Value> v = eval(*e.args[0]);
      if (!v.ok()) return v;
      return Arithmetic("-", Value(0), *v);
    }
    case ExprKind::kIsNull: {
      absl::StatusOr<Value> v = eval(*e.args[0]);
      if (!v.ok()) return v;
      return Value(v->is_null() != e.negated);
    }
    case ExprKind::kHasLabels: {
      absl::StatusOr<Value> v = eval(*e.args[0]);
      if (!v.ok()) return v;
      if (v->is_null()) return Value();
      if (v->kind() != Kind::kNode) {
        return TypeError(absl::StrCat("labels of ", KindName(v->kind())));
      }
      absl::StatusOr<NodeData> node = graph_.Node(v->as_node().id);
      if (!node.ok()) return node.status();
      for (const std::string& label : e.keys) {
        if (std::find(node->labels.begin(), node->labels.end(), label) ==
            node->labels.end()) {
          return Value(false);
        }
      }
      return Value(true);
    }
    case ExprKind::kFunction:
    case ExprKind::kCountStar: {
      if (e.kind == ExprKind::kCountStar || IsAggregateFunction(e.name)) {
        if (aggregates != nullptr) {
          auto it = aggregates->find(&e);
          if (it != aggregates->end()) return it->second;
        }
        return CompileError("InvalidAggregation",
                            absl::StrCat(e.text, " is not allowed here"));
      }
      std::vector<Value> args;
      for (const ExprPtr& arg : e.args) {
        absl::StatusOr<Value> v = eval(*arg);
        if (!v.ok()) return v;
        args.push_back(*std::move(v));
      }
      return CallFunction(e.name, std::move(args), *this);
    }
    case ExprKind::kIndex: {
      absl::StatusOr<Value> base = eval(*e.args[0]);
      if (!base.ok()) return base;
      absl::StatusOr<Value> index = eval(*e.args[1]);
      if (!index.ok()) return index;
      return EvalIndex(*base, *index);
    }
    case ExprKind::kSlice:
      return EvalSlice(e, row, aggregates);
    case ExprKind::kCase:
      return EvalCase(e, row, aggregates);
    case ExprKind::kComprehension:
    case ExprKind::kQuantifier:
      return EvalIteration(e, row, aggregates);
  }
  return absl::InternalError("unknown expression kind");
}

absl::StatusOr<Value> Evaluator::EvalBinary(const Expr& e, const Row& row,
                                            const AggregateValues* aggregates) {
  const std::string& op = e.name;
  absl::StatusOr<Value> left = Eval(*e.args[0], row, aggregates);
  if (!left.ok()) return left;
  if (op == "AND" || op == "OR" || op == "XOR") {
    absl::StatusOr<std::optional<bool>> a = AsTernary(*left, op);
    if (!a.ok()) return a.status();
    absl::StatusOr<Value> right = Eval(*e.args[1], row, aggregates);
    if (!right.ok()) return right;
    absl::StatusOr<std::optional<bool>> b = AsTernary(*right, op);
    if (!b.ok()) return b.status();
    std::optional<bool> x = *a;
    std::optional<bool> y = *b;
    if (op == "AND") {
      if ((x.has_value() && !*x) || (y.has_value() && !*y)) {
        return Value(false);
      }
      if (!x.has_value() || !y.has_value()) return Value();
      return Value(true);
    }
    if (op == "OR") {
      if ((x.has_value() && *x) || (y.has_value() && *y)) return Value(true);
      if (!x.has_value() || !y.has_value()) return Value();
      return Value(false);
    }
    if (!x.has_value() || !y.has_value()) return Value();
    return Value(*x != *y);
  }
  absl::StatusOr<Value> right = Eval(*e.args[1], row, aggregates);
  if (!right.ok()) return right;
  const Value& a = *left;
  const Value& b = *right;
  if (op == "=") return FromTernary(Equals(a, b));
  if (op == "<>") {
    std::optional<bool> eq = Equals(a, b);
    return eq.has_value() ? Value(!*eq) : Value();
  }
  if (op == "<" || op == ">" || op == "<=" || op == ">=") {
    // NaN is a number no number is below, above or equal to.
    if (a.is_number() && b.is_number() &&
        std::isnan(a.as_number() + b.as_number())) {
      return Value(false);
    }
    std::optional<int> c = CompareValues(a, b);
    if (!c.has_value()) return Value();
    if (op == "<") return Value(*c < 0);
    if (op == ">") return Value(*c > 0);
    if (op == "<=") return Value(*c <= 0);
    return Value(*c >= 0);
  }
  if (op == "IN") return InList(a, b);
  if (op == "STARTS" || op == "ENDS" || op == "CONTAINS") {
    return StringPredicate(op, a, b);
  }
  if (op == "=~") {
    if (a.kind() != Kind::kString || b.kind() != Kind::kString) return Value();
    try {
      return Value(std::regex_match(a.as_string(), std::regex(b.as_string())));
    } catch (const std::regex_error&) {
      return QueryError(
          "ArgumentError", "InvalidArgumentValue",
          absl::StrCat("invalid regular expression ", b.as_string()));
    }
  }
  return Arithmetic(op, a, b);
}

absl::StatusOr<Value> Evaluator::EvalIndex(const Value& base,
                                           const Value& index) {
  if (base.is_null() || index.is_null()) return Value();
  if (base.kind() == Kind::kList) {
    if (index.kind() != Kind::kInt) {
      return TypeError(absl::StrCat("list index must be an Integer, got ",
                                    KindName(index.kind())));
    }
    int64_t size = static_cast<int64_t>(base.as_list().size());
    int64_t i = index.as_int() < 0 ? index.as_int() + size : index.as_int();
    if (i < 0 || i >= size) return Value();
    return base.as_list()[i];
  }
  if (base.kind() == Kind::kMap || base.kind() == Kind::kNode ||
      base.kind() == Kind::kRelationship) {
    if (index.kind() != Kind::kString) {
      return TypeError(absl::StrCat("map key must be a String, got ",
                                    KindName(index.kind())));
    }
    return Property(base, index.as_string());
  }
  return TypeError(absl::StrCat("cannot index ", KindName(base.kind())));
}

absl::StatusOr<Value> Evaluator::EvalSlice(const Expr& e, const Row& row,
                                           const AggregateValues* aggregates) {
  absl::StatusOr<Value> base = Eval(*e.args[0], row, aggregates);
  if (!base.ok()) return base;
  if (base->is_null()) return Value();
  if (base->kind() != Kind::kList) {
    return TypeError(absl::StrCat("cannot slice ", KindName(base->kind())));
  }
  int64_t size = static_cast<int64_t>(base->as_list().size());
  int64_t bounds[2] = {0, size};
  for (int i = 0; i < 2; ++i) {
    if (e.args[i + 1] == nullptr) continue;
    absl::StatusOr<Value> bound = Eval(*e.args[i + 1], row, aggregates);
    if (!bound.ok()) return bound;
    if (bound->is_null()) return Value();
    if (bound->kind() != Kind::kInt) {
      return TypeError("slice bounds must be Integers");
    }
    int64_t b = bound->as_int();
    if (b < 0) b += size;
    bounds[i] = std::max<int64_t>(0, std::min(b, size));
  }
  Value::List out;
  for (int64_t i = bounds[0]; i < bounds[1]; ++i) {
    out.push_back(base->as_list()[i]);
  }
  return Value(std::move(out));
}

absl::StatusOr<Value> Evaluator::EvalCase(const Expr& e, const Row& row,
                                          const AggregateValues* aggregates) {
  size_t first = e.has_subject ? 1 : 0;
  Value subject;
  if (e.has_subject) {
    absl::StatusOr<Value> v = Eval(*e.args[0], row, aggregates);
    if (!v.ok()) return v;
    subject = *std::move(v);
  }
  size_t pairs_end = e.args.size() - 1;
  for (size_t i = first; i + 1 < e.args.size() && i < pairs_end; i += 2) {
    absl::StatusOr<Value> when = Eval(*e.args[i], row, aggregates);
    if (!when.ok()) return when;
    bool hit = e.has_subject ? Equals(subject, *when).value_or(false)
                             : (when->kind() == Kind::kBool && when->as_bool());
    if (hit) return Eval(*e.args[i + 1], row, aggregates);
  }
  if (e.args.back() == nullptr) return Value();
  return Eval(*e.args.back(), row, aggregates);
}

absl::StatusOr<Value> Evaluator::EvalIteration(
    const Expr& e, const Row& row, const AggregateValues* aggregates) {
  absl::StatusOr<Value> list = Eval(*e.args[0], row, aggregates);
  if (!list.ok()) return list;
  if (list->is_null()) return Value();
  if (list->kind() != Kind::kList) {
    return TypeError(
        absl::StrCat("cannot iterate over ", KindName(list->kind())));
  }
  const std::string& variable =
      e.kind == ExprKind::kComprehension ? e.name : e.keys[0];
  Row scope = row;
  Value::List mapped;
  size_t matches = 0;
  size_t unknown = 0;
  for (const Value& element : list->as_list()) {
    scope[variable] = element;
    const Expr* predicate = e.args[1].get();
    std::optional<bool> keep = true;
    if (predicate != nullptr) {
      absl::StatusOr<Value> v = Eval(*predicate, scope, aggregates);
      if (!v.ok()) return v;
      absl::StatusOr<std::optional<bool>> b = AsTernary(*v, "WHERE");
      if (!b.ok()) return b.status();
      keep = *b;
    }
    if (!keep.has_value()) {
      ++unknown;
      continue;
    }
    if (!*keep) continue;
    ++matches;
    if (e.kind == ExprKind::kComprehension) {
      if (e.args[2] == nullptr) {
        mapped.push_back(element);
      } else {
        absl::StatusOr<Value> v = Eval(*e.args[2], scope, aggregates);
        if (!v.ok()) return v;
        mapped.push_back(*std::move(v));
      }
    }
  }
  if (e.kind == ExprKind::kComprehension) return Value(std::move(mapped));
  size_t total = list->as_list().size();
  if (e.name == "any") {
    if (matches > 0) return Value(true);
    return unknown > 0 ? Value() : Value(false);
  }
  if (e.name == "all") {
    if (matches + unknown < total) return Value(false);
    return unknown > 0 ? Value() : Value(true);
  }
  if (e.name == "none") {
    if (matches > 0) return Value(false);
    return unknown > 0 ? Value() : Value(true);
  }
  if (matches > 1) return Value(false);
  if (unknown > 0) return Value();
  return Value(matches == 1);
}

}  // namespace kg::graph::cypher
