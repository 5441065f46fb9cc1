#include "kg/graph/query/expression.h"

#include <utility>

namespace kg::graph::query {
namespace {

Value StringList(const google::protobuf::RepeatedPtrField<std::string>& items) {
  Value::List list;
  for (const std::string& item : items) list.push_back(Value(item));
  return Value(std::move(list));
}

// A property from a props map, null when absent.
Value FromProps(const google::protobuf::Map<std::string, kg::v1::Value>& props,
                const std::string& name) {
  auto it = props.find(name);
  return it == props.end() ? Value() : FromPropertyValue(it->second);
}

}  // namespace

Expression ColumnOf(size_t column) {
  return [column](const Row& row, QueryContext&) -> absl::StatusOr<Value> {
    return column < row.size() ? row[column] : Value();
  };
}

Expression Constant(Value value) {
  return
      [value = std::move(value)](
          const Row&, QueryContext&) -> absl::StatusOr<Value> { return value; };
}

Expression PropertyOf(size_t column, std::string name) {
  return [column, name = std::move(name)](
             const Row& row, QueryContext& context) -> absl::StatusOr<Value> {
    if (column >= row.size()) return Value();
    const Value& holder = row[column];
    if (holder.kind() == Value::Kind::kNode) {
      if (name == "label") {
        absl::StatusOr<std::string> label = context.Label(holder.as_node().id);
        if (!label.ok()) return label.status();
        return Value(*std::move(label));
      }
      absl::StatusOr<const kg::v1::Node*> node =
          context.Node(holder.as_node().id);
      if (!node.ok()) return node.status();
      if (name == "key") return Value((*node)->key());
      if (name == "name") return Value((*node)->name());
      if (name == "aliases") return StringList((*node)->aliases());
      return FromProps((*node)->props(), name);
    }
    if (holder.kind() == Value::Kind::kRelationship) {
      if (name == "type") return Value(holder.as_relationship().type);
      absl::StatusOr<const kg::v1::Edge*> edge =
          context.Edge(holder.as_relationship().id);
      if (!edge.ok()) return edge.status();
      return FromProps((*edge)->props(), name);
    }
    return Value();
  };
}

}  // namespace kg::graph::query
