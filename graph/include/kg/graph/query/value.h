// The values a query binds and returns: nodes, edges and paths of one
// snapshot (by internal id, loaded on demand through the QueryContext),
// property values, lists of values, and null.
#ifndef KG_GRAPH_QUERY_VALUE_H_
#define KG_GRAPH_QUERY_VALUE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "kg/v1/types.pb.h"

namespace kg::graph::query {

struct NodeRef {
  uint64_t id = 0;
};

// An edge with its ends and type, enough to walk it without its record.
struct EdgeRef {
  uint64_t id = 0;
  uint64_t src = 0;
  uint64_t dst = 0;
  std::string type;
};

// A walk: edges[i] joins nodes[i] and nodes[i + 1], pointing either way.
struct Path {
  std::vector<uint64_t> nodes;
  std::vector<EdgeRef> edges;
};

// Converts implicitly from what it holds, so rows read as they are built:
// `Row{Value(NodeRef{id}), Value::Int(2)}`.
class Value {
 public:
  using List = std::vector<Value>;

  Value() = default;  // null
  Value(NodeRef node) : data_(node) {}
  Value(EdgeRef edge) : data_(std::move(edge)) {}
  Value(Path path) : data_(std::move(path)) {}
  // A property value; a list-valued one becomes a List.
  Value(const kg::v1::Value& scalar);
  Value(List list) : data_(std::move(list)) {}

  static Value Int(int64_t v);
  static Value Double(double v);
  static Value String(std::string v);
  static Value Bool(bool v);

  bool is_null() const { return std::holds_alternative<std::monostate>(data_); }
  const NodeRef* node() const { return std::get_if<NodeRef>(&data_); }
  const EdgeRef* edge() const { return std::get_if<EdgeRef>(&data_); }
  const Path* path() const { return std::get_if<Path>(&data_); }
  // Never a list_value: lists are List.
  const kg::v1::Value* scalar() const {
    return std::get_if<kg::v1::Value>(&data_);
  }
  const List* list() const { return std::get_if<List>(&data_); }

 private:
  std::variant<std::monostate, kg::v1::Value, NodeRef, EdgeRef, Path, List>
      data_;
};

using Row = std::vector<Value>;

// A total order for sorting: null last; then by kind (numbers, strings,
// booleans, dates, nodes, edges, paths, lists); ints and doubles compare as
// numbers, dates by their fields, graph values by id. Negative, 0 or
// positive like memcmp.
int Compare(const Value& a, const Value& b);

// Bytes equal exactly when the values are equal (1 and 1.0 differ): the
// key of Distinct and of Aggregate's groups.
std::string Fingerprint(const Value& value);
std::string Fingerprint(const Row& row);

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_VALUE_H_
