#include "kg/graph/query/filter.h"

#include <algorithm>
#include <utility>

#include "kg/graph/query/validity.h"

namespace kg::graph::query {
namespace {

bool Matches(int c, CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return c == 0;
    case CompareOp::kNe:
      return c != 0;
    case CompareOp::kLt:
      return c < 0;
    case CompareOp::kLe:
      return c <= 0;
    case CompareOp::kGt:
      return c > 0;
    case CompareOp::kGe:
      return c >= 0;
  }
  return false;
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
    const NodeRef* ref = column < row.size() ? row[column].node() : nullptr;
    if (ref == nullptr) return false;
    absl::StatusOr<std::string> label = context.Label(ref->id);
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
    if (a->is_null() || b->is_null()) return false;
    return Matches(Compare(*a, *b), op);
  };
}

Predicate ValidAt(size_t column, kg::v1::Date date) {
  return [column, date = std::move(date)](
             const Row& row, QueryContext& context) -> absl::StatusOr<bool> {
    if (column >= row.size()) return false;
    if (const NodeRef* ref = row[column].node()) {
      absl::StatusOr<const kg::v1::Node*> node = context.Node(ref->id);
      if (!node.ok()) return node.status();
      return ValidAt((*node)->props(), date);
    }
    if (const EdgeRef* ref = row[column].edge()) {
      absl::StatusOr<const kg::v1::Edge*> edge = context.Edge(ref->id);
      if (!edge.ok()) return edge.status();
      return ValidAt((*edge)->props(), date);
    }
    return false;
  };
}

}  // namespace kg::graph::query
