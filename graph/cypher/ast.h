// The syntax tree of a Cypher query, as the parser builds it and the
// analyzer and executor read it.
#ifndef KG_GRAPH_CYPHER_AST_H_
#define KG_GRAPH_CYPHER_AST_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kg/graph/cypher/property_graph.h"

namespace kg::graph::cypher {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

enum class ExprKind {
  kLiteral,        // literal
  kParameter,      // name
  kVariable,       // name
  kProperty,       // args[0].name
  kList,           // [args...]
  kMap,            // {keys[i]: args[i]}
  kBinary,         // args[0] op args[1]: + - * / % ^ = <> < > <= >= AND OR
                   // XOR IN STARTS CONTAINS ENDS
  kNot,            // NOT args[0]
  kNegate,         // -args[0]
  kIsNull,         // args[0] IS NULL (negated: IS NOT NULL)
  kHasLabels,      // args[0]:keys...
  kFunction,       // name(args...), distinct
  kCountStar,      // count(*)
  kIndex,          // args[0][args[1]]
  kSlice,          // args[0][args[1]..args[2]], either bound may be null
  kCase,           // CASE [args[0]] WHEN.. THEN.. ELSE: see Expr::has_subject
  kComprehension,  // [name IN args[0] WHERE args[1] | args[2]]
  kQuantifier,     // any/all/none/single(name IN args[0] WHERE args[1])
  kAggregateRef,   // the index'th aggregate of a projection (planner only)
};

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  Value literal;
  std::string name;  // variable, parameter, property, function, operator
  std::vector<std::string> keys;
  // Children; an absent optional child is nullptr.
  std::vector<ExprPtr> args;
  bool distinct = false;
  bool negated = false;
  // kCase: args[0] is the subject when set; then WHEN/THEN pairs, then the
  // ELSE expression (nullptr when absent).
  bool has_subject = false;
  size_t index = 0;
  // The source text, for column names and error messages.
  std::string text;
};

struct NodePattern {
  std::string variable;  // empty: anonymous
  std::vector<std::string> labels;
  ExprPtr properties;  // a kMap or kParameter, or nullptr
};

enum class PatternDirection { kRight, kLeft, kBoth };

struct RelPattern {
  std::string variable;
  std::vector<std::string> types;
  ExprPtr properties;
  PatternDirection direction = PatternDirection::kBoth;
  bool variable_length = false;
  int64_t min_hops = 1;
  std::optional<int64_t> max_hops;
};

// nodes[i] -rels[i]- nodes[i + 1].
struct PathPattern {
  std::string variable;
  std::vector<NodePattern> nodes;
  std::vector<RelPattern> rels;
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

struct ProjectionItem {
  ExprPtr expr;
  std::string alias;  // the column name: AS name, or the expression text
  bool aliased = false;
};

struct Projection {
  bool distinct = false;
  bool star = false;
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;
  ExprPtr limit;
};

enum class ClauseKind { kMatch, kUnwind, kWith, kReturn, kCreate };

struct Clause {
  ClauseKind kind = ClauseKind::kMatch;
  bool optional = false;              // OPTIONAL MATCH
  std::vector<PathPattern> patterns;  // MATCH, CREATE
  ExprPtr where;                      // MATCH, WITH
  ExprPtr expr;                       // UNWIND
  std::string variable;               // UNWIND ... AS variable
  Projection projection;              // WITH, RETURN
};

struct Query {
  bool explain = false;
  std::vector<Clause> clauses;
};

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_AST_H_
