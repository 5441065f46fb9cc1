#include "kg/graph/query/filter.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "kg/graph/query/validity.h"

namespace kg::graph::query {
namespace {

// Null when either side is null or the two are not comparable.
std::optional<bool> Holds(const Value& a, CompareOp op, const Value& b) {
  if (op == CompareOp::kEq) return Equals(a, b);
  if (op == CompareOp::kNe) {
    std::optional<bool> equal = Equals(a, b);
    if (!equal.has_value()) return std::nullopt;
    return !*equal;
  }
  std::optional<int> c = CompareValues(a, b);
  if (!c.has_value()) return std::nullopt;
  switch (op) {
    case CompareOp::kLt:
      return *c < 0;
    case CompareOp::kLe:
      return *c <= 0;
    case CompareOp::kGt:
      return *c > 0;
    case CompareOp::kGe:
      return *c >= 0;
    default:
      return false;
  }
}

}  // namespace

OperatorPtr Filter(QueryContext& context, OperatorPtr input,
                   Predicate predicate) {
  return std::make_unique<FilterRows<Row>>(
      context.budget(), std::move(input),
      [&context, predicate = std::move(predicate)](const Row& row) {
        return predicate(row, context);
      });
}

Predicate HasLabel(size_t column, std::vector<std::string> labels) {
  return [column, labels = std::move(labels)](
             const Row& row, QueryContext& context) -> absl::StatusOr<bool> {
    if (column >= row.size() || row[column].kind() != Value::Kind::kNode) {
      return false;
    }
    absl::StatusOr<std::string> label = context.Label(row[column].as_node().id);
    if (!label.ok()) return label.status();
    return std::find(labels.begin(), labels.end(), *label) != labels.end();
  };
}

Predicate Comparison(Expression left, CompareOp op, Expression right) {
  return [left = std::move(left), op, right = std::move(right)](
             const Row& row, QueryContext& context) -> absl::StatusOr<bool> {
    absl::StatusOr<Value> a = left(row, context);
    if (!a.ok()) return a.status();
    absl::StatusOr<Value> b = right(row, context);
    if (!b.ok()) return b.status();
    return Holds(*a, op, *b).value_or(false);
  };
}

Predicate ValidAt(size_t column, kg::v1::Date date) {
  return [column, date = std::move(date)](
             const Row& row, QueryContext& context) -> absl::StatusOr<bool> {
    if (column >= row.size()) return false;
    if (row[column].kind() == Value::Kind::kNode) {
      absl::StatusOr<const kg::v1::Node*> node =
          context.Node(row[column].as_node().id);
      if (!node.ok()) return node.status();
      return ValidAt((*node)->props(), date);
    }
    if (row[column].kind() == Value::Kind::kRelationship) {
      absl::StatusOr<const kg::v1::Edge*> edge =
          context.Edge(row[column].as_relationship().id);
      if (!edge.ok()) return edge.status();
      return ValidAt((*edge)->props(), date);
    }
    return false;
  };
}

}  // namespace kg::graph::query
