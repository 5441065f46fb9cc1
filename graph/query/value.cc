#include "kg/graph/query/value.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace kg::graph::query {
namespace {

using Kind = Value::Kind;

// Rank of a kind in ORDER BY's order; ints and floats share one.
int OrderRank(Kind kind) {
  switch (kind) {
    case Kind::kMap:
      return 0;
    case Kind::kNode:
      return 1;
    case Kind::kRelationship:
      return 2;
    case Kind::kList:
      return 3;
    case Kind::kPath:
      return 4;
    case Kind::kString:
      return 5;
    case Kind::kBool:
      return 6;
    case Kind::kInt:
    case Kind::kFloat:
      return 7;
    case Kind::kNull:
      return 8;
  }
  return 8;
}

int Sign(double d) { return d < 0 ? -1 : (d > 0 ? 1 : 0); }

int CompareNumbers(const Value& a, const Value& b) {
  if (a.kind() == Kind::kInt && b.kind() == Kind::kInt) {
    return a.as_int() < b.as_int() ? -1 : (a.as_int() > b.as_int() ? 1 : 0);
  }
  return Sign(a.as_number() - b.as_number());
}

bool IsNaN(const Value& v) {
  return v.kind() == Kind::kFloat && std::isnan(v.as_float());
}

int ComparePaths(const Path& a, const Path& b) {
  if (a.nodes != b.nodes) return a.nodes < b.nodes ? -1 : 1;
  for (size_t i = 0; i < a.edges.size() && i < b.edges.size(); ++i) {
    if (a.edges[i].id != b.edges[i].id) {
      return a.edges[i].id < b.edges[i].id ? -1 : 1;
    }
  }
  return a.edges.size() < b.edges.size() ? -1
                                         : (a.edges.size() > b.edges.size());
}

std::string DateString(const kg::v1::Date& d) {
  if (d.month() == 0) return absl::StrFormat("%04d", d.year());
  if (d.day() == 0) return absl::StrFormat("%04d-%02d", d.year(), d.month());
  return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day());
}

// Self-delimiting, so keys of lists, maps and tuples concatenate them.
void AppendGroupingKey(const Value& value, std::string* key) {
  switch (value.kind()) {
    case Kind::kNull:
      key->push_back('n');
      return;
    case Kind::kBool:
      key->push_back(value.as_bool() ? 'T' : 'F');
      return;
    case Kind::kInt:
      absl::StrAppend(key, "#", value.as_int(), ";");
      return;
    case Kind::kFloat: {
      double d = value.as_float();
      if (std::isnan(d)) {
        key->append("#NaN;");
      } else if (d == std::floor(d) && std::fabs(d) < 9.2e18) {
        // A whole float groups with the equal integer, as 1 = 1.0.
        absl::StrAppend(key, "#", static_cast<int64_t>(d), ";");
      } else {
        absl::StrAppend(key, "#", absl::StrFormat("%.17g", d), ";");
      }
      return;
    }
    case Kind::kString:
      absl::StrAppend(key, "s", value.as_string().size(), ":",
                      value.as_string());
      return;
    case Kind::kList:
      key->push_back('[');
      for (const Value& item : value.as_list()) AppendGroupingKey(item, key);
      key->push_back(']');
      return;
    case Kind::kMap:
      key->push_back('{');
      for (const auto& [name, item] : value.as_map()) {
        absl::StrAppend(key, name.size(), ":", name);
        AppendGroupingKey(item, key);
      }
      key->push_back('}');
      return;
    case Kind::kNode:
      absl::StrAppend(key, "N", value.as_node().id, ";");
      return;
    case Kind::kRelationship:
      absl::StrAppend(key, "R", value.as_relationship().id, ";");
      return;
    case Kind::kPath:
      key->push_back('P');
      for (uint64_t node : value.as_path().nodes) {
        absl::StrAppend(key, node, ",");
      }
      key->push_back('/');
      for (const EdgeRef& edge : value.as_path().edges) {
        absl::StrAppend(key, edge.id, ",");
      }
      key->push_back(';');
      return;
  }
}

}  // namespace

Value FromPropertyValue(const kg::v1::Value& value) {
  switch (value.kind_case()) {
    case kg::v1::Value::kStringValue:
      return Value(value.string_value());
    case kg::v1::Value::kIntValue:
      return Value(static_cast<int64_t>(value.int_value()));
    case kg::v1::Value::kDoubleValue:
      return Value(value.double_value());
    case kg::v1::Value::kBoolValue:
      return Value(value.bool_value());
    case kg::v1::Value::kDateValue:
      return Value(DateString(value.date_value()));
    case kg::v1::Value::kListValue: {
      Value::List list;
      for (const kg::v1::Value& item : value.list_value().values()) {
        list.push_back(FromPropertyValue(item));
      }
      return Value(std::move(list));
    }
    case kg::v1::Value::KIND_NOT_SET:
      return Value();
  }
  return Value();
}

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kNull:
      return "Null";
    case Kind::kBool:
      return "Boolean";
    case Kind::kInt:
      return "Integer";
    case Kind::kFloat:
      return "Float";
    case Kind::kString:
      return "String";
    case Kind::kList:
      return "List";
    case Kind::kMap:
      return "Map";
    case Kind::kNode:
      return "Node";
    case Kind::kRelationship:
      return "Relationship";
    case Kind::kPath:
      return "Path";
  }
  return "Unknown";
}

std::optional<bool> Equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) {
    if (IsNaN(a) || IsNaN(b)) return false;
    return CompareNumbers(a, b) == 0;
  }
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Kind::kBool:
      return a.as_bool() == b.as_bool();
    case Kind::kString:
      return a.as_string() == b.as_string();
    case Kind::kNode:
      return a.as_node().id == b.as_node().id;
    case Kind::kRelationship:
      return a.as_relationship().id == b.as_relationship().id;
    case Kind::kPath:
      return ComparePaths(a.as_path(), b.as_path()) == 0;
    case Kind::kList: {
      const Value::List& x = a.as_list();
      const Value::List& y = b.as_list();
      if (x.size() != y.size()) return false;
      bool unknown = false;
      for (size_t i = 0; i < x.size(); ++i) {
        std::optional<bool> eq = Equals(x[i], y[i]);
        if (eq.has_value() && !*eq) return false;
        if (!eq.has_value()) unknown = true;
      }
      if (unknown) return std::nullopt;
      return true;
    }
    case Kind::kMap: {
      const Value::Map& x = a.as_map();
      const Value::Map& y = b.as_map();
      if (x.size() != y.size()) return false;
      bool unknown = false;
      for (auto xi = x.begin(), yi = y.begin(); xi != x.end(); ++xi, ++yi) {
        if (xi->first != yi->first) return false;
        std::optional<bool> eq = Equals(xi->second, yi->second);
        if (eq.has_value() && !*eq) return false;
        if (!eq.has_value()) unknown = true;
      }
      if (unknown) return std::nullopt;
      return true;
    }
    default:
      return false;
  }
}

std::optional<int> CompareValues(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) {
    if (IsNaN(a) || IsNaN(b)) return std::nullopt;
    return CompareNumbers(a, b);
  }
  if (a.kind() != b.kind()) return std::nullopt;
  switch (a.kind()) {
    case Kind::kBool:
      return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
    case Kind::kString:
      return a.as_string().compare(b.as_string()) < 0
                 ? -1
                 : (a.as_string() == b.as_string() ? 0 : 1);
    case Kind::kList: {
      const Value::List& x = a.as_list();
      const Value::List& y = b.as_list();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        std::optional<int> c = CompareValues(x[i], y[i]);
        if (!c.has_value()) return std::nullopt;
        if (*c != 0) return c;
      }
      return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
    }
    default:
      return std::nullopt;
  }
}

int OrderValues(const Value& a, const Value& b) {
  int ra = OrderRank(a.kind());
  int rb = OrderRank(b.kind());
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.kind()) {
    case Kind::kInt:
    case Kind::kFloat:
      if (IsNaN(a) || IsNaN(b)) {
        return static_cast<int>(IsNaN(a)) - static_cast<int>(IsNaN(b));
      }
      return CompareNumbers(a, b);
    case Kind::kBool:
    case Kind::kString:
      return *CompareValues(a, b);
    case Kind::kNode:
      return Sign(static_cast<double>(a.as_node().id) -
                  static_cast<double>(b.as_node().id));
    case Kind::kRelationship:
      return Sign(static_cast<double>(a.as_relationship().id) -
                  static_cast<double>(b.as_relationship().id));
    case Kind::kPath:
      return ComparePaths(a.as_path(), b.as_path());
    case Kind::kList: {
      const Value::List& x = a.as_list();
      const Value::List& y = b.as_list();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        int c = OrderValues(x[i], y[i]);
        if (c != 0) return c;
      }
      return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
    }
    case Kind::kMap: {
      const Value::Map& x = a.as_map();
      const Value::Map& y = b.as_map();
      auto xi = x.begin();
      auto yi = y.begin();
      for (; xi != x.end() && yi != y.end(); ++xi, ++yi) {
        if (xi->first != yi->first) return xi->first < yi->first ? -1 : 1;
        int c = OrderValues(xi->second, yi->second);
        if (c != 0) return c;
      }
      return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
    }
    case Kind::kNull:
      return 0;
  }
  return 0;
}

std::string GroupingKey(const Value& value) {
  std::string key;
  AppendGroupingKey(value, &key);
  return key;
}

std::string GroupingKey(const std::vector<Value>& values) {
  std::string key;
  for (const Value& value : values) {
    AppendGroupingKey(value, &key);
    key += '|';
  }
  return key;
}

}  // namespace kg::graph::query
