// The scalar functions of the language.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <random>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "errors.h"
#include "evaluator.h"

namespace kg::graph::cypher {
namespace {

using Kind = Value::Kind;
using Args = std::vector<Value>;
using Function = absl::StatusOr<Value> (*)(Args&, Evaluator&);

absl::Status WrongType(absl::string_view function, const Value& v) {
  return QueryError(
      "TypeError", "InvalidArgumentType",
      absl::StrCat(function, "() does not accept ", KindName(v.kind())));
}

std::string FloatText(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  std::string s = absl::StrFormat("%.15g", d);
  if (std::strtod(s.c_str(), nullptr) != d) s = absl::StrFormat("%.17g", d);
  if (s.find_first_of(".eE") == std::string::npos) s += ".0";
  return s;
}

absl::StatusOr<Value> Size(Args& a, Evaluator&) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() == Kind::kList) {
    return Value(static_cast<int64_t>(a[0].as_list().size()));
  }
  if (a[0].kind() == Kind::kString) {
    return Value(static_cast<int64_t>(a[0].as_string().size()));
  }
  return WrongType("size", a[0]);
}

absl::StatusOr<Value> Length(Args& a, Evaluator& ev) {
  if (a[0].kind() == Kind::kPath) {
    return Value(static_cast<int64_t>(a[0].as_path().edges.size()));
  }
  return Size(a, ev);
}

absl::StatusOr<Value> Type(Args& a, Evaluator&) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Kind::kRelationship) return WrongType("type", a[0]);
  return Value(a[0].as_relationship().type);
}

absl::StatusOr<Value> Labels(Args& a, Evaluator& ev) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Kind::kNode) return WrongType("labels", a[0]);
  absl::StatusOr<NodeData> node = ev.graph().Node(a[0].as_node().id);
  if (!node.ok()) return node.status();
  Value::List labels(node->labels.begin(), node->labels.end());
  return Value(std::move(labels));
}

absl::StatusOr<Value::Map> PropertiesOf(const Value& v, Evaluator& ev,
                                        absl::string_view function) {
  if (v.kind() == Kind::kMap) return v.as_map();
  if (v.kind() == Kind::kNode) {
    absl::StatusOr<NodeData> node = ev.graph().Node(v.as_node().id);
    if (!node.ok()) return node.status();
    return node->properties;
  }
  if (v.kind() == Kind::kRelationship) {
    absl::StatusOr<RelationshipData> rel =
        ev.graph().Relationship(v.as_relationship().id);
    if (!rel.ok()) return rel.status();
    return rel->properties;
  }
  return WrongType(function, v);
}

absl::StatusOr<Value> Keys(Args& a, Evaluator& ev) {
  if (a[0].is_null()) return Value();
  absl::StatusOr<Value::Map> props = PropertiesOf(a[0], ev, "keys");
  if (!props.ok()) return props.status();
  Value::List keys;
  for (const auto& [k, v] : *props) {
    if (!v.is_null() || a[0].kind() == Kind::kMap) keys.push_back(Value(k));
  }
  return Value(std::move(keys));
}

absl::StatusOr<Value> Properties(Args& a, Evaluator& ev) {
  if (a[0].is_null()) return Value();
  absl::StatusOr<Value::Map> props = PropertiesOf(a[0], ev, "properties");
  if (!props.ok()) return props.status();
  return Value(*std::move(props));
}

absl::StatusOr<Value> Id(Args& a, Evaluator&) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() == Kind::kNode) {
    return Value(static_cast<int64_t>(a[0].as_node().id));
  }
  if (a[0].kind() == Kind::kRelationship) {
    return Value(static_cast<int64_t>(a[0].as_relationship().id));
  }
  return WrongType("id", a[0]);
}

absl::StatusOr<Value> Coalesce(Args& a, Evaluator&) {
  for (Value& v : a) {
    if (!v.is_null()) return v;
  }
  return Value();
}

absl::StatusOr<Value> Head(Args& a, Evaluator&) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Kind::kList) return WrongType("head", a[0]);
  return a[0].as_list().empty() ? Value() : a[0].as_list().front();
}

absl::StatusOr<Value> Last(Args& a, Evaluator&) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Kind::kList) return WrongType("last", a[0]);
  return a[0].as_list().empty() ? Value() : a[0].as_list().back();
}

absl::StatusOr<Value> Tail(Args& a, Evaluator&) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Kind::kList) return WrongType("tail", a[0]);
  const Value::List& l = a[0].as_list();
  if (l.empty()) return Value(Value::List());
  return Value(Value::List(l.begin() + 1, l.end()));
}

absl::StatusOr<Value> ToInteger(Args& a, Evaluator&) {
  const Value& v = a[0];
  switch (v.kind()) {
    case Kind::kNull:
      return Value();
    case Kind::kInt:
      return v;
    case Kind::kFloat:
      if (std::isnan(v.as_float())) return Value();
      return Value(static_cast<int64_t>(std::trunc(v.as_float())));
    case Kind::kBool:
      return Value(static_cast<int64_t>(v.as_bool()));
    case Kind::kString: {
      int64_t i = 0;
      if (absl::SimpleAtoi(v.as_string(), &i)) return Value(i);
      double d = 0;
      if (absl::SimpleAtod(v.as_string(), &d) && !std::isnan(d)) {
        return Value(static_cast<int64_t>(std::trunc(d)));
      }
      return Value();
    }
    default:
      return WrongType("toInteger", v);
  }
}

absl::StatusOr<Value> ToFloat(Args& a, Evaluator&) {
  const Value& v = a[0];
  switch (v.kind()) {
    case Kind::kNull:
      return Value();
    case Kind::kInt:
    case Kind::kFloat:
      return Value(v.as_number());
    case Kind::kString: {
      double d = 0;
      if (absl::SimpleAtod(v.as_string(), &d)) return Value(d);
      return Value();
    }
    default:
      return WrongType("toFloat", v);
  }
}

absl::StatusOr<Value> ToStringFn(Args& a, Evaluator&) {
  const Value& v = a[0];
  switch (v.kind()) {
    case Kind::kNull:
      return Value();
    case Kind::kString:
      return v;
    case Kind::kInt:
      return Value(absl::StrCat(v.as_int()));
    case Kind::kFloat:
      return Value(FloatText(v.as_float()));
    case Kind::kBool:
      return Value(v.as_bool() ? "true" : "false");
    default:
      return WrongType("toString", v);
  }
}

absl::StatusOr<Value> ToBoolean(Args& a, Evaluator&) {
  const Value& v = a[0];
  if (v.is_null() || v.kind() == Kind::kBool) return v;
  if (v.kind() == Kind::kString) {
    std::string s = absl::AsciiStrToLower(v.as_string());
    if (s == "true") return Value(true);
    if (s == "false") return Value(false);
    return Value();
  }
  if (v.kind() == Kind::kInt) return Value(v.as_int() != 0);
  return WrongType("toBoolean", v);
}

absl::StatusOr<Value> Range(Args& a, Evaluator& ev) {
  for (const Value& v : a) {
    if (v.kind() != Kind::kInt) {
      return QueryError(
          "ArgumentError", "InvalidArgumentType",
          absl::StrCat("range() expects Integers, got ", KindName(v.kind())));
    }
  }
  int64_t start = a[0].as_int();
  int64_t end = a[1].as_int();
  int64_t step = a.size() > 2 ? a[2].as_int() : 1;
  if (step == 0) {
    return QueryError("ArgumentError", "NumberOutOfRange",
                      "range() step must not be 0");
  }
  Value::List out;
  for (int64_t i = start; step > 0 ? i <= end : i >= end; i += step) {
    if (absl::Status s = ev.budget().ChargeExpansions(); !s.ok()) return s;
    out.push_back(Value(i));
  }
  return Value(std::move(out));
}

// Applies `f` to a number; null stays null.
template <typename F>
absl::StatusOr<Value> Numeric(Args& a, absl::string_view name, F f) {
  if (a[0].is_null()) return Value();
  if (!a[0].is_number()) return WrongType(name, a[0]);
  return f(a[0]);
}

absl::StatusOr<Value> Abs(Args& a, Evaluator&) {
  return Numeric(a, "abs", [](const Value& v) {
    return v.kind() == Kind::kInt
               ? Value(v.as_int() < 0 ? -v.as_int() : v.as_int())
               : Value(std::fabs(v.as_float()));
  });
}

absl::StatusOr<Value> SignFn(Args& a, Evaluator&) {
  return Numeric(a, "sign", [](const Value& v) {
    double d = v.as_number();
    return Value(static_cast<int64_t>(d > 0 ? 1 : (d < 0 ? -1 : 0)));
  });
}

template <double (*F)(double)>
absl::StatusOr<Value> MathFn(Args& a, Evaluator&) {
  return Numeric(a, "math",
                 [](const Value& v) { return Value(F(v.as_number())); });
}

double RoundHalfUp(double d) { return std::floor(d + 0.5); }

absl::StatusOr<Value> Reverse(Args& a, Evaluator&) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() == Kind::kString) {
    std::string s = a[0].as_string();
    std::reverse(s.begin(), s.end());
    return Value(s);
  }
  if (a[0].kind() != Kind::kList) return WrongType("reverse", a[0]);
  Value::List l = a[0].as_list();
  std::reverse(l.begin(), l.end());
  return Value(std::move(l));
}

// Whether the first `n` arguments are all strings: false when one is
// null (the function returns null), TypeError for another kind.
absl::StatusOr<bool> Strings(Args& a, size_t n, absl::string_view name) {
  for (size_t i = 0; i < n && i < a.size(); ++i) {
    if (a[i].is_null()) return false;
    if (a[i].kind() != Kind::kString) return WrongType(name, a[i]);
  }
  return true;
}

absl::StatusOr<Value> Split(Args& a, Evaluator&) {
  absl::StatusOr<bool> ok = Strings(a, 2, "split");
  if (!ok.ok() || !*ok)
    return ok.ok() ? absl::StatusOr<Value>(Value()) : ok.status();
  Value::List out;
  for (absl::string_view part :
       absl::StrSplit(a[0].as_string(), a[1].as_string())) {
    out.push_back(Value(std::string(part)));
  }
  return Value(std::move(out));
}

absl::StatusOr<Value> Substring(Args& a, Evaluator&) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Kind::kString) return WrongType("substring", a[0]);
  for (size_t i = 1; i < a.size(); ++i) {
    if (a[i].kind() != Kind::kInt) return WrongType("substring", a[i]);
    if (a[i].as_int() < 0) {
      return QueryError("ArgumentError", "NumberOutOfRange",
                        "substring() with a negative argument");
    }
  }
  const std::string& s = a[0].as_string();
  size_t start = std::min<size_t>(a[1].as_int(), s.size());
  size_t length = a.size() > 2 ? a[2].as_int() : std::string::npos;
  return Value(s.substr(start, length));
}

absl::StatusOr<Value> LeftOrRight(Args& a, bool left) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Kind::kString) return WrongType("left", a[0]);
  if (a[1].kind() != Kind::kInt || a[1].as_int() < 0) {
    return QueryError("ArgumentError", "NumberOutOfRange",
                      "length must be a non-negative Integer");
  }
  const std::string& s = a[0].as_string();
  size_t n = std::min<size_t>(a[1].as_int(), s.size());
  return Value(left ? s.substr(0, n) : s.substr(s.size() - n));
}
absl::StatusOr<Value> Left(Args& a, Evaluator&) { return LeftOrRight(a, true); }
absl::StatusOr<Value> Right(Args& a, Evaluator&) {
  return LeftOrRight(a, false);
}

template <int kWhich>  // 0 both ends, 1 left, 2 right
absl::StatusOr<Value> Trim(Args& a, Evaluator&) {
  absl::StatusOr<bool> ok = Strings(a, 1, "trim");
  if (!ok.ok() || !*ok)
    return ok.ok() ? absl::StatusOr<Value>(Value()) : ok.status();
  absl::string_view s = a[0].as_string();
  if (kWhich != 2) s = absl::StripLeadingAsciiWhitespace(s);
  if (kWhich != 1) s = absl::StripTrailingAsciiWhitespace(s);
  return Value(std::string(s));
}

template <bool kUpper>
absl::StatusOr<Value> ChangeCase(Args& a, Evaluator&) {
  absl::StatusOr<bool> ok = Strings(a, 1, "toUpper");
  if (!ok.ok() || !*ok)
    return ok.ok() ? absl::StatusOr<Value>(Value()) : ok.status();
  return Value(kUpper ? absl::AsciiStrToUpper(a[0].as_string())
                      : absl::AsciiStrToLower(a[0].as_string()));
}

absl::StatusOr<Value> Replace(Args& a, Evaluator&) {
  absl::StatusOr<bool> ok = Strings(a, 3, "replace");
  if (!ok.ok() || !*ok)
    return ok.ok() ? absl::StatusOr<Value>(Value()) : ok.status();
  return Value(absl::StrReplaceAll(a[0].as_string(),
                                   {{a[1].as_string(), a[2].as_string()}}));
}

absl::StatusOr<Value> Nodes(Args& a, Evaluator&) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Kind::kPath) return WrongType("nodes", a[0]);
  Value::List out;
  for (uint64_t id : a[0].as_path().nodes) out.push_back(Value(NodeRef{id}));
  return Value(std::move(out));
}

absl::StatusOr<Value> Relationships(Args& a, Evaluator&) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Kind::kPath) return WrongType("relationships", a[0]);
  Value::List out;
  for (const EdgeRef& edge : a[0].as_path().edges) out.push_back(Value(edge));
  return Value(std::move(out));
}

template <bool kStart>
absl::StatusOr<Value> EndNode(Args& a, Evaluator&) {
  if (a[0].is_null()) return Value();
  if (a[0].kind() != Kind::kRelationship) return WrongType("startNode", a[0]);
  const EdgeRef& rel = a[0].as_relationship();
  return Value(NodeRef{kStart ? rel.src : rel.dst});
}

absl::StatusOr<Value> Rand(Args&, Evaluator&) {
  static std::mt19937_64* generator =
      new std::mt19937_64(std::random_device{}());
  return Value(std::uniform_real_distribution<double>(0, 1)(*generator));
}

absl::StatusOr<Value> Pi(Args&, Evaluator&) { return Value(M_PI); }

absl::StatusOr<Value> E(Args&, Evaluator&) { return Value(M_E); }

absl::StatusOr<Value> Exists(Args& a, Evaluator&) {
  return Value(!a[0].is_null());
}

struct FunctionSpec {
  Function function;
  size_t min_args;
  size_t max_args;
};

const absl::flat_hash_map<std::string, FunctionSpec>& Functions() {
  static const auto* functions =
      new absl::flat_hash_map<std::string, FunctionSpec>{
          {"size", {Size, 1, 1}},
          {"length", {Length, 1, 1}},
          {"type", {Type, 1, 1}},
          {"labels", {Labels, 1, 1}},
          {"keys", {Keys, 1, 1}},
          {"properties", {Properties, 1, 1}},
          {"id", {Id, 1, 1}},
          {"coalesce", {Coalesce, 1, 64}},
          {"head", {Head, 1, 1}},
          {"last", {Last, 1, 1}},
          {"tail", {Tail, 1, 1}},
          {"tointeger", {ToInteger, 1, 1}},
          {"tofloat", {ToFloat, 1, 1}},
          {"tostring", {ToStringFn, 1, 1}},
          {"toboolean", {ToBoolean, 1, 1}},
          {"range", {Range, 2, 3}},
          {"abs", {Abs, 1, 1}},
          {"sign", {SignFn, 1, 1}},
          {"ceil", {MathFn<std::ceil>, 1, 1}},
          {"floor", {MathFn<std::floor>, 1, 1}},
          {"round", {MathFn<RoundHalfUp>, 1, 1}},
          {"sqrt", {MathFn<std::sqrt>, 1, 1}},
          {"exp", {MathFn<std::exp>, 1, 1}},
          {"log", {MathFn<std::log>, 1, 1}},
          {"log10", {MathFn<std::log10>, 1, 1}},
          {"sin", {MathFn<std::sin>, 1, 1}},
          {"cos", {MathFn<std::cos>, 1, 1}},
          {"tan", {MathFn<std::tan>, 1, 1}},
          {"reverse", {Reverse, 1, 1}},
          {"split", {Split, 2, 2}},
          {"substring", {Substring, 2, 3}},
          {"left", {Left, 2, 2}},
          {"right", {Right, 2, 2}},
          {"trim", {Trim<0>, 1, 1}},
          {"ltrim", {Trim<1>, 1, 1}},
          {"rtrim", {Trim<2>, 1, 1}},
          {"toupper", {ChangeCase<true>, 1, 1}},
          {"tolower", {ChangeCase<false>, 1, 1}},
          {"replace", {Replace, 3, 3}},
          {"nodes", {Nodes, 1, 1}},
          {"relationships", {Relationships, 1, 1}},
          {"startnode", {EndNode<true>, 1, 1}},
          {"endnode", {EndNode<false>, 1, 1}},
          {"exists", {Exists, 1, 1}},
          {"rand", {Rand, 0, 0}},
          {"pi", {Pi, 0, 0}},
          {"e", {E, 0, 0}},
      };
  return *functions;
}

}  // namespace

bool IsKnownFunction(const std::string& name) {
  return Functions().contains(name) || IsAggregateFunction(name);
}

absl::StatusOr<Value> CallFunction(const std::string& name, Args args,
                                   Evaluator& evaluator) {
  auto it = Functions().find(name);
  if (it == Functions().end()) {
    return CompileError("UnknownFunction", name);
  }
  const FunctionSpec& spec = it->second;
  if (args.size() < spec.min_args || args.size() > spec.max_args) {
    return CompileError("InvalidNumberOfArguments",
                        absl::StrCat(name, "() takes ", spec.min_args,
                                     spec.min_args == spec.max_args
                                         ? ""
                                         : absl::StrCat("..", spec.max_args),
                                     " arguments, got ", args.size()));
  }
  return spec.function(args, evaluator);
}

}  // namespace kg::graph::cypher
