#include "kg/graph/cypher/value.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace kg::graph::cypher {
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

int ComparePaths(const PathValue& a, const PathValue& b) {
  if (a.nodes != b.nodes) return a.nodes < b.nodes ? -1 : 1;
  if (a.relationships != b.relationships) {
    return a.relationships < b.relationships ? -1 : 1;
  }
  return 0;
}

}  // namespace

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
      return a.node_id() == b.node_id();
    case Kind::kRelationship:
      return a.relationship_id() == b.relationship_id();
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
      return Sign(static_cast<double>(a.node_id()) -
                  static_cast<double>(b.node_id()));
    case Kind::kRelationship:
      return Sign(static_cast<double>(a.relationship_id()) -
                  static_cast<double>(b.relationship_id()));
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

bool Equivalent(const Value& a, const Value& b) {
  return GroupingKey(a) == GroupingKey(b);
}

std::string GroupingKey(const Value& value) {
  switch (value.kind()) {
    case Kind::kNull:
      return "n";
    case Kind::kBool:
      return value.as_bool() ? "T" : "F";
    case Kind::kInt:
      return absl::StrCat("#", value.as_int());
    case Kind::kFloat: {
      double d = value.as_float();
      if (std::isnan(d)) return "#NaN";
      // A whole float groups with the equal integer, as 1 = 1.0.
      if (d == std::floor(d) && std::fabs(d) < 9.2e18) {
        return absl::StrCat("#", static_cast<int64_t>(d));
      }
      return absl::StrCat("#", absl::StrFormat("%.17g", d));
    }
    case Kind::kString:
      return absl::StrCat("s", value.as_string().size(), ":",
                          value.as_string());
    case Kind::kList: {
      std::string key = "[";
      for (const Value& v : value.as_list()) {
        absl::StrAppend(&key, GroupingKey(v), ",");
      }
      return key + "]";
    }
    case Kind::kMap: {
      std::string key = "{";
      for (const auto& [k, v] : value.as_map()) {
        absl::StrAppend(&key, k.size(), ":", k, GroupingKey(v), ",");
      }
      return key + "}";
    }
    case Kind::kNode:
      return absl::StrCat("N", value.node_id());
    case Kind::kRelationship:
      return absl::StrCat("R", value.relationship_id());
    case Kind::kPath: {
      std::string key = "P";
      for (uint64_t n : value.as_path().nodes) absl::StrAppend(&key, n, ",");
      key += "/";
      for (uint64_t r : value.as_path().relationships) {
        absl::StrAppend(&key, r, ",");
      }
      return key;
    }
  }
  return "";
}

}  // namespace kg::graph::cypher
