#include "analyzer.h"

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "errors.h"
#include "evaluator.h"

namespace kg::graph::cypher {
namespace {

// kValue: certainly not a node, relationship or path (a literal);
// kList: a list literal, which may hold relationships; kUnknown: anything.
enum class VarType {
  kNode,
  kRelationship,
  kRelationshipList,
  kPath,
  kValue,
  kList,
  kUnknown
};
using Scope = absl::flat_hash_map<std::string, VarType>;

// The kind a literal operand certainly has, or kNull when unknown.
Value::Kind LiteralKind(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      return e.literal.kind();
    case ExprKind::kList:
    case ExprKind::kComprehension:
      return Value::Kind::kList;
    case ExprKind::kMap:
      return Value::Kind::kMap;
    default:
      return Value::Kind::kNull;
  }
}

absl::Status CheckBooleanOperand(const Expr& operand, absl::string_view op) {
  Value::Kind kind = LiteralKind(operand);
  if (kind != Value::Kind::kNull && kind != Value::Kind::kBool) {
    return CompileError("InvalidArgumentType",
                        absl::StrCat(op, " of ", KindName(kind)));
  }
  return absl::OkStatus();
}

struct ExprRules {
  bool aggregates_allowed = false;
  // Texts of a projection's items: a variable, property or aggregate
  // written as an item is read as that column.
  const absl::flat_hash_set<std::string>* columns = nullptr;
};

// Whether `e` repeats a projection item that a later expression may name.
bool IsColumn(const Expr& e, const absl::flat_hash_set<std::string>* columns) {
  if (columns == nullptr || !columns->contains(e.text)) return false;
  return e.kind == ExprKind::kVariable || e.kind == ExprKind::kProperty ||
         IsAggregateCall(e);
}

absl::Status CheckExpr(const Expr& e, const Scope& scope, ExprRules rules,
                       bool in_aggregate = false) {
  if (IsColumn(e, rules.columns)) return absl::OkStatus();
  switch (e.kind) {
    case ExprKind::kVariable:
      if (!scope.contains(e.name)) {
        return CompileError("UndefinedVariable", e.name);
      }
      return absl::OkStatus();
    case ExprKind::kFunction:
    case ExprKind::kCountStar:
      if (IsAggregateCall(e)) {
        if (in_aggregate) return CompileError("NestedAggregation", e.text);
        if (!rules.aggregates_allowed) {
          return CompileError("InvalidAggregation", e.text);
        }
        in_aggregate = true;
      } else if (!IsKnownFunction(e.name)) {
        return CompileError("UnknownFunction", e.name);
      }
      if ((e.name == "size" || e.name == "length") && e.args.size() == 1 &&
          e.args[0]->kind == ExprKind::kVariable) {
        auto it = scope.find(e.args[0]->name);
        if (it != scope.end() && e.name == "size" &&
            (it->second == VarType::kPath || it->second == VarType::kNode ||
             it->second == VarType::kRelationship)) {
          return CompileError("InvalidArgumentType", e.text);
        }
      }
      break;
    case ExprKind::kProperty:
      if (e.args[0]->kind == ExprKind::kVariable) {
        auto it = scope.find(e.args[0]->name);
        if (it != scope.end() && (it->second == VarType::kPath ||
                                  it->second == VarType::kRelationshipList)) {
          return CompileError("InvalidArgumentType", e.text);
        }
      }
      break;
    case ExprKind::kNot:
      if (absl::Status s = CheckBooleanOperand(*e.args[0], "NOT"); !s.ok()) {
        return s;
      }
      break;
    case ExprKind::kBinary:
      if (e.name == "AND" || e.name == "OR" || e.name == "XOR") {
        for (const ExprPtr& arg : e.args) {
          if (absl::Status s = CheckBooleanOperand(*arg, e.name); !s.ok()) {
            return s;
          }
        }
      }
      if (e.name == "IN") {
        Value::Kind kind = LiteralKind(*e.args[1]);
        if (kind != Value::Kind::kNull && kind != Value::Kind::kList) {
          return CompileError("InvalidArgumentType",
                              absl::StrCat("IN ", KindName(kind)));
        }
      }
      break;
    case ExprKind::kComprehension:
    case ExprKind::kQuantifier: {
      if (absl::Status s = CheckExpr(*e.args[0], scope, rules, in_aggregate);
          !s.ok()) {
        return s;
      }
      Scope inner = scope;
      inner[e.kind == ExprKind::kComprehension ? e.name : e.keys[0]] =
          VarType::kUnknown;
      ExprRules no_aggregates;
      for (size_t i = 1; i < e.args.size(); ++i) {
        if (e.args[i] == nullptr) continue;
        if (absl::Status s = CheckExpr(*e.args[i], inner, no_aggregates);
            !s.ok()) {
          return s;
        }
      }
      return absl::OkStatus();
    }
    default:
      break;
  }
  for (const ExprPtr& arg : e.args) {
    if (arg == nullptr) continue;
    if (absl::Status s = CheckExpr(*arg, scope, rules, in_aggregate); !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

// Variables `e` reads outside aggregate calls and outside the items in
// `columns`, except those a list comprehension binds.
void FreeVariables(const Expr& e, absl::flat_hash_set<std::string>* out,
                   const absl::flat_hash_set<std::string>* columns = nullptr,
                   const absl::flat_hash_set<std::string>& bound = {}) {
  if (IsAggregateCall(e) || IsColumn(e, columns)) return;
  if (e.kind == ExprKind::kVariable && !bound.contains(e.name)) {
    out->insert(e.name);
  }
  absl::flat_hash_set<std::string> inner = bound;
  if (e.kind == ExprKind::kComprehension) inner.insert(e.name);
  if (e.kind == ExprKind::kQuantifier) inner.insert(e.keys[0]);
  for (const ExprPtr& arg : e.args) {
    if (arg != nullptr) FreeVariables(*arg, out, columns, inner);
  }
}

VarType TypeOf(const Expr& e, const Scope& scope) {
  if (e.kind == ExprKind::kVariable) {
    auto it = scope.find(e.name);
    if (it != scope.end()) return it->second;
  }
  switch (LiteralKind(e)) {
    case Value::Kind::kNull:
      return VarType::kUnknown;
    case Value::Kind::kList:
      return VarType::kList;
    default:
      return VarType::kValue;
  }
}

class Analyzer {
 public:
  absl::Status Run(const Query& query);

 private:
  absl::Status BindPatterns(const std::vector<PathPattern>& patterns,
                            bool create);
  absl::Status Declare(const std::string& name, VarType type,
                       bool is_new_in_clause);
  absl::Status CheckProjection(const Projection& p, bool is_with,
                               const Expr* where);

  Scope scope_;
};

absl::Status Analyzer::Declare(const std::string& name, VarType type,
                               bool is_new_in_clause) {
  if (name.empty()) return absl::OkStatus();
  auto it = scope_.find(name);
  if (it == scope_.end()) {
    scope_[name] = type;
    return absl::OkStatus();
  }
  if (type == VarType::kPath) return CompileError("VariableAlreadyBound", name);
  if (it->second == VarType::kUnknown) return absl::OkStatus();
  if (it->second == VarType::kList && type == VarType::kRelationshipList) {
    return absl::OkStatus();
  }
  if (it->second != type) return CompileError("VariableTypeConflict", name);
  if (!is_new_in_clause) return CompileError("VariableAlreadyBound", name);
  return absl::OkStatus();
}

absl::Status Analyzer::BindPatterns(const std::vector<PathPattern>& patterns,
                                    bool create) {
  ExprRules rules;
  absl::flat_hash_set<std::string> relationships;
  for (const PathPattern& path : patterns) {
    for (size_t i = 0; i < path.nodes.size(); ++i) {
      const NodePattern& node = path.nodes[i];
      if (node.properties != nullptr) {
        if (node.properties->kind == ExprKind::kParameter) {
          return CompileError("InvalidParameterUse", node.properties->text);
        }
        if (absl::Status s = CheckExpr(*node.properties, scope_, rules);
            !s.ok()) {
          return s;
        }
      }
      bool bound = scope_.contains(node.variable);
      // CREATE may name a bound node only to connect it.
      bool decorated = !node.labels.empty() || node.properties != nullptr;
      if (create && bound && (decorated || path.nodes.size() == 1) &&
          scope_.at(node.variable) == VarType::kNode) {
        return CompileError("VariableAlreadyBound", node.variable);
      }
      if (absl::Status s = Declare(node.variable, VarType::kNode, true);
          !s.ok()) {
        return s;
      }
    }
    for (const RelPattern& rel : path.rels) {
      if (rel.properties != nullptr) {
        if (rel.properties->kind == ExprKind::kParameter) {
          return CompileError("InvalidParameterUse", rel.properties->text);
        }
        if (absl::Status s = CheckExpr(*rel.properties, scope_, rules);
            !s.ok()) {
          return s;
        }
      }
      if (create && (rel.types.size() != 1 || rel.variable_length ||
                     rel.direction == PatternDirection::kBoth)) {
        return CompileError("InvalidRelationshipPattern",
                            "CREATE needs one type and one direction");
      }
      if (rel.variable.empty()) continue;
      if (!relationships.insert(rel.variable).second) {
        return CompileError("RelationshipUniquenessViolation", rel.variable);
      }
      if (create && scope_.contains(rel.variable)) {
        return CompileError("VariableAlreadyBound", rel.variable);
      }
      VarType type = rel.variable_length ? VarType::kRelationshipList
                                         : VarType::kRelationship;
      if (absl::Status s = Declare(rel.variable, type, true); !s.ok()) {
        return s;
      }
    }
    if (!path.variable.empty()) {
      if (absl::Status s = Declare(path.variable, VarType::kPath, false);
          !s.ok()) {
        return s;
      }
    }
  }
  return absl::OkStatus();
}

absl::Status CheckSkipOrLimit(const ExprPtr& e, const char* clause) {
  if (e == nullptr) return absl::OkStatus();
  absl::flat_hash_set<std::string> variables;
  FreeVariables(*e, &variables);
  if (!variables.empty() || ContainsAggregate(*e)) {
    return CompileError("NonConstantExpression", clause);
  }
  if (e->kind == ExprKind::kLiteral) {
    if (e->literal.kind() != Value::Kind::kInt) {
      return CompileError("InvalidArgumentType", clause);
    }
    if (e->literal.as_int() < 0) {
      return CompileError("NegativeIntegerArgument", clause);
    }
  }
  return absl::OkStatus();
}

absl::Status Analyzer::CheckProjection(const Projection& p, bool is_with,
                                       const Expr* where) {
  if (p.star && scope_.empty()) {
    return CompileError("NoVariablesInScope", "* with no variables");
  }
  ExprRules rules;
  rules.aggregates_allowed = true;
  bool aggregating = false;
  absl::flat_hash_set<std::string> key_variables;
  absl::flat_hash_set<std::string> key_expression_variables;
  absl::flat_hash_set<std::string> key_texts;
  absl::flat_hash_set<std::string> item_texts;
  for (const ProjectionItem& item : p.items) {
    item_texts.insert(item.expr->text);
    if (!ContainsAggregate(*item.expr)) key_texts.insert(item.expr->text);
  }
  Scope projected;
  if (p.star) projected = scope_;
  for (const ProjectionItem& item : p.items) {
    if (absl::Status s = CheckExpr(*item.expr, scope_, rules); !s.ok()) {
      return s;
    }
    if (is_with && !item.aliased && item.expr->kind != ExprKind::kVariable) {
      return CompileError("NoExpressionAlias", item.alias);
    }
    if (projected.contains(item.alias)) {
      return CompileError("ColumnNameConflict", item.alias);
    }
    projected[item.alias] = TypeOf(*item.expr, scope_);
    if (ContainsAggregate(*item.expr)) {
      aggregating = true;
    } else if (item.expr->kind == ExprKind::kVariable) {
      key_variables.insert(item.expr->name);
    } else {
      FreeVariables(*item.expr, &key_expression_variables);
    }
  }
  if (p.star) {
    for (const auto& [name, type] : scope_) key_variables.insert(name);
  }
  for (const ProjectionItem& item : p.items) {
    if (!ContainsAggregate(*item.expr)) continue;
    absl::flat_hash_set<std::string> used;
    FreeVariables(*item.expr, &used, &key_texts);
    for (const std::string& name : used) {
      if (!key_variables.contains(name)) {
        return CompileError("AmbiguousAggregationExpression", item.expr->text);
      }
    }
  }
  // After DISTINCT or aggregation, ORDER BY sees only the columns.
  Scope order_scope = projected;
  if (!aggregating && !p.distinct) {
    for (const auto& [name, type] : scope_) order_scope.emplace(name, type);
  }
  ExprRules order_rules;
  order_rules.aggregates_allowed = aggregating;
  order_rules.columns = &item_texts;
  for (const SortItem& sort : p.order_by) {
    if (item_texts.contains(sort.expr->text)) continue;
    if (aggregating && ContainsAggregate(*sort.expr)) {
      absl::flat_hash_set<std::string> used;
      FreeVariables(*sort.expr, &used, &item_texts);
      for (const std::string& name : used) {
        if (!order_scope.contains(name) &&
            key_expression_variables.contains(name)) {
          return CompileError("AmbiguousAggregationExpression",
                              sort.expr->text);
        }
      }
    }
    if (absl::Status s = CheckExpr(*sort.expr, order_scope, order_rules);
        !s.ok()) {
      return s;
    }
  }
  if (absl::Status s = CheckSkipOrLimit(p.skip, "SKIP"); !s.ok()) return s;
  if (absl::Status s = CheckSkipOrLimit(p.limit, "LIMIT"); !s.ok()) return s;
  if (where != nullptr) {
    ExprRules where_rules;
    where_rules.columns = &item_texts;
    if (absl::Status s = CheckExpr(*where, order_scope, where_rules); !s.ok()) {
      return s;
    }
  }
  scope_ = std::move(projected);
  return absl::OkStatus();
}

absl::Status Analyzer::Run(const Query& query) {
  ExprRules rules;
  for (size_t i = 0; i < query.clauses.size(); ++i) {
    const Clause& clause = query.clauses[i];
    bool last = i + 1 == query.clauses.size();
    switch (clause.kind) {
      case ClauseKind::kMatch:
        if (absl::Status s = BindPatterns(clause.patterns, false); !s.ok()) {
          return s;
        }
        if (clause.where != nullptr) {
          if (absl::Status s = CheckExpr(*clause.where, scope_, rules);
              !s.ok()) {
            return s;
          }
        }
        break;
      case ClauseKind::kCreate:
        if (absl::Status s = BindPatterns(clause.patterns, true); !s.ok()) {
          return s;
        }
        break;
      case ClauseKind::kUnwind:
        if (absl::Status s = CheckExpr(*clause.expr, scope_, rules); !s.ok()) {
          return s;
        }
        if (scope_.contains(clause.variable)) {
          return CompileError("VariableAlreadyBound", clause.variable);
        }
        scope_[clause.variable] = VarType::kUnknown;
        break;
      case ClauseKind::kWith:
      case ClauseKind::kReturn: {
        bool is_with = clause.kind == ClauseKind::kWith;
        if (!is_with && !last) {
          return CompileError("UnexpectedSyntax", "RETURN must come last");
        }
        if (absl::Status s =
                CheckProjection(clause.projection, is_with, clause.where.get());
            !s.ok()) {
          return s;
        }
        break;
      }
    }
  }
  const Clause& last = query.clauses.back();
  if (last.kind != ClauseKind::kReturn && last.kind != ClauseKind::kCreate) {
    return CompileError("MissingReturn",
                        "a query must end with RETURN or an update");
  }
  return absl::OkStatus();
}

}  // namespace

bool ContainsAggregate(const Expr& e) {
  if (IsAggregateCall(e)) return true;
  if (e.kind == ExprKind::kComprehension || e.kind == ExprKind::kQuantifier) {
    return ContainsAggregate(*e.args[0]);
  }
  for (const ExprPtr& arg : e.args) {
    if (arg != nullptr && ContainsAggregate(*arg)) return true;
  }
  return false;
}

absl::Status Analyze(const Query& query) {
  Analyzer analyzer;
  return analyzer.Run(query);
}

}  // namespace kg::graph::cypher
