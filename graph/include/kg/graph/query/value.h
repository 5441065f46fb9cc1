// The one value type of query pipelines, the typed query RPCs' and
// Cypher's alike: null, booleans, integers, floats, strings, lists, maps,
// and the graph values node, relationship (edge) and path. Graph values
// hold ids (an edge its ends and type too, enough to walk it); their
// labels and properties are read from the graph the query runs on.
//
// Equality, comparison, ordering and grouping follow openCypher, and are
// the only implementation of them: every operator and the Cypher engine
// use these.
#ifndef KG_GRAPH_QUERY_VALUE_H_
#define KG_GRAPH_QUERY_VALUE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "kg/v1/types.pb.h"

namespace kg::graph::query {

struct NodeRef {
  uint64_t id = 0;
};

// An edge (a relationship) with its ends and type.
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

class Value {
 public:
  using List = std::vector<Value>;
  using Map = std::map<std::string, Value>;
  // In the order of the variant's alternatives.
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

  Value() = default;  // null
  Value(bool b) : data_(b) {}
  Value(int64_t i) : data_(i) {}
  Value(int i) : data_(static_cast<int64_t>(i)) {}
  Value(double d) : data_(d) {}
  Value(std::string s) : data_(std::move(s)) {}
  Value(const char* s) : data_(std::string(s)) {}
  Value(List l) : data_(std::move(l)) {}
  Value(Map m) : data_(std::move(m)) {}
  Value(NodeRef n) : data_(n) {}
  Value(EdgeRef e) : data_(std::move(e)) {}
  Value(Path p) : data_(std::move(p)) {}

  Kind kind() const { return static_cast<Kind>(data_.index()); }
  bool is_null() const { return kind() == Kind::kNull; }
  bool is_number() const {
    return kind() == Kind::kInt || kind() == Kind::kFloat;
  }
  // The as_ accessors require the matching kind.
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
  const NodeRef& as_node() const { return std::get<NodeRef>(data_); }
  const EdgeRef& as_relationship() const { return std::get<EdgeRef>(data_); }
  const Path& as_path() const { return std::get<Path>(data_); }

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, List, Map,
               NodeRef, EdgeRef, Path>
      data_;
};

using Row = std::vector<Value>;

// A stored property value as a Value: a list_value becomes a List, a date
// its ISO form ("2021", "2021-03" or "2021-03-29", which sort as the dates
// do), an unset value null.
Value FromPropertyValue(const kg::v1::Value& value);

// The type name used in error messages ("Integer", "List", ...).
const char* KindName(Value::Kind kind);

// Equality (`=`): true, false or null (unknown) when a null takes part in
// deciding. Ints and floats compare as numbers.
std::optional<bool> Equals(const Value& a, const Value& b);

// Comparison (`<` and friends): negative, 0 or positive; nullopt when the
// values are not comparable (different kinds, null, NaN).
std::optional<int> CompareValues(const Value& a, const Value& b);

// The total order sorting uses: maps, nodes, relationships, lists, paths,
// strings, booleans, numbers (NaN greatest), then null.
int OrderValues(const Value& a, const Value& b);

// Bytes equal exactly for equivalent values, as DISTINCT and grouping
// see them: like Equals, but null equals null and NaN equals NaN. For
// several values, the key of the tuple.
std::string GroupingKey(const Value& value);
std::string GroupingKey(const std::vector<Value>& values);

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_VALUE_H_
