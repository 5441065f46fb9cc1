// The values of the Cypher language: null, booleans, integers, floats,
// strings, lists, maps, and the graph values node, relationship and path.
// Graph values hold ids only; their labels, types and properties are read
// from the PropertyGraph the query ran on.
#ifndef KG_GRAPH_CYPHER_VALUE_H_
#define KG_GRAPH_CYPHER_VALUE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kg::graph::cypher {

struct NodeId {
  uint64_t id = 0;
};
struct RelId {
  uint64_t id = 0;
};
// A walk: relationships[i] joins nodes[i] and nodes[i + 1], either way.
struct PathValue {
  std::vector<uint64_t> nodes;
  std::vector<uint64_t> relationships;
};

class Value {
 public:
  using List = std::vector<Value>;
  using Map = std::map<std::string, Value>;
  enum class Kind {
    kNull,
    kBool,
    kInt,
    kFloat,
    kString,
    kList,
    kMap,
    kNode,
    kRelationship,
    kPath
  };

  Value() = default;
  Value(bool b) : data_(b) {}
  Value(int64_t i) : data_(i) {}
  Value(int i) : data_(static_cast<int64_t>(i)) {}
  Value(double d) : data_(d) {}
  Value(std::string s) : data_(std::move(s)) {}
  Value(const char* s) : data_(std::string(s)) {}
  Value(List l) : data_(std::move(l)) {}
  Value(Map m) : data_(std::move(m)) {}
  Value(NodeId n) : data_(n) {}
  Value(RelId r) : data_(r) {}
  Value(PathValue p) : data_(std::move(p)) {}

  Kind kind() const { return static_cast<Kind>(data_.index()); }
  bool is_null() const { return kind() == Kind::kNull; }
  bool is_number() const {
    return kind() == Kind::kInt || kind() == Kind::kFloat;
  }
  bool as_bool() const { return std::get<bool>(data_); }
  int64_t as_int() const { return std::get<int64_t>(data_); }
  double as_float() const { return std::get<double>(data_); }
  // An int or a float as a double.
  double as_number() const {
    return kind() == Kind::kInt ? static_cast<double>(as_int()) : as_float();
  }
  const std::string& as_string() const { return std::get<std::string>(data_); }
  const List& as_list() const { return std::get<List>(data_); }
  List& as_list() { return std::get<List>(data_); }
  const Map& as_map() const { return std::get<Map>(data_); }
  uint64_t node_id() const { return std::get<NodeId>(data_).id; }
  uint64_t relationship_id() const { return std::get<RelId>(data_).id; }
  const PathValue& as_path() const { return std::get<PathValue>(data_); }

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, List, Map,
               NodeId, RelId, PathValue>
      data_;
};

// The type name used in error messages ("Integer", "List", ...).
const char* KindName(Value::Kind kind);

// Cypher equality (`=`): true, false or null (unknown) when a null takes
// part in deciding. Ints and floats compare as numbers.
std::optional<bool> Equals(const Value& a, const Value& b);

// Cypher comparison (`<` and friends): negative, 0 or positive; nullopt
// when the values are not comparable (different kinds, null, NaN).
std::optional<int> CompareValues(const Value& a, const Value& b);

// The total order ORDER BY sorts by: maps, nodes, relationships, lists,
// paths, strings, booleans, numbers (NaN greatest), then null.
int OrderValues(const Value& a, const Value& b);

// Equivalence as DISTINCT and grouping use it: like Equals, but null
// equals null and NaN equals NaN.
bool Equivalent(const Value& a, const Value& b);

// A key equal for exactly the equivalent values, for hash maps.
std::string GroupingKey(const Value& value);

}  // namespace kg::graph::cypher

#endif  // KG_GRAPH_CYPHER_VALUE_H_
