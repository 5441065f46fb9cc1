#include "kg/graph/query/value.h"

#include <algorithm>
#include <tuple>

#include "kg/graph/encoding.h"

namespace kg::graph::query {
namespace {

// Kinds in their sort order (null sorts last).
enum class Kind {
  kNumber,
  kString,
  kBool,
  kDate,
  kNode,
  kEdge,
  kPath,
  kList,
  kNull
};

Kind KindOf(const Value& v) {
  if (v.is_null()) return Kind::kNull;
  if (v.node() != nullptr) return Kind::kNode;
  if (v.edge() != nullptr) return Kind::kEdge;
  if (v.path() != nullptr) return Kind::kPath;
  if (v.list() != nullptr) return Kind::kList;
  switch (v.scalar()->kind_case()) {
    case kg::v1::Value::kIntValue:
    case kg::v1::Value::kDoubleValue:
      return Kind::kNumber;
    case kg::v1::Value::kStringValue:
      return Kind::kString;
    case kg::v1::Value::kBoolValue:
      return Kind::kBool;
    case kg::v1::Value::kDateValue:
      return Kind::kDate;
    default:
      return Kind::kNull;
  }
}

template <typename T>
int Cmp(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

int CompareNumbers(const kg::v1::Value& a, const kg::v1::Value& b) {
  if (a.has_int_value() && b.has_int_value()) {
    return Cmp(a.int_value(), b.int_value());
  }
  double x = a.has_int_value() ? a.int_value() : a.double_value();
  double y = b.has_int_value() ? b.int_value() : b.double_value();
  return Cmp(x, y);
}

int CompareLists(const Value::List& a, const Value::List& b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (int c = Compare(a[i], b[i]); c != 0) return c;
  }
  return Cmp(a.size(), b.size());
}

int ComparePaths(const Path& a, const Path& b) {
  if (int c = Cmp(a.edges.size(), b.edges.size()); c != 0) return c;
  if (int c = Cmp(a.nodes, b.nodes); c != 0) return c;
  for (size_t i = 0; i < a.edges.size(); ++i) {
    if (int c = Cmp(a.edges[i].id, b.edges[i].id); c != 0) return c;
  }
  return 0;
}

void AppendFingerprint(const Value& value, std::string* out) {
  // A kind tag, then a self-delimiting body.
  const Kind kind = KindOf(value);
  out->push_back(static_cast<char>('a' + static_cast<int>(kind)));
  switch (kind) {
    case Kind::kNull:
      return;
    case Kind::kNode:
      PutFixed64BE(out, value.node()->id);
      return;
    case Kind::kEdge:
      PutFixed64BE(out, value.edge()->id);
      return;
    case Kind::kPath:
      PutFixed32BE(out, value.path()->edges.size());
      PutFixed64BE(out, value.path()->nodes.front());
      for (const EdgeRef& edge : value.path()->edges) {
        PutFixed64BE(out, edge.id);
      }
      return;
    case Kind::kList:
      PutFixed32BE(out, value.list()->size());
      for (const Value& item : *value.list()) AppendFingerprint(item, out);
      return;
    default: {
      // Scalars: their order-preserving encoding is self-delimiting.
      if (!EncodeOrderedValue(*value.scalar(), out).ok()) out->push_back('?');
    }
  }
}

}  // namespace

Value::Value(const kg::v1::Value& scalar) {
  if (!scalar.has_list_value()) {
    if (scalar.kind_case() != kg::v1::Value::KIND_NOT_SET) data_ = scalar;
    return;
  }
  List list;
  for (const kg::v1::Value& item : scalar.list_value().values()) {
    list.emplace_back(item);
  }
  data_ = std::move(list);
}

Value Value::Int(int64_t v) {
  kg::v1::Value scalar;
  scalar.set_int_value(v);
  return Value(scalar);
}

Value Value::Double(double v) {
  kg::v1::Value scalar;
  scalar.set_double_value(v);
  return Value(scalar);
}

Value Value::String(std::string v) {
  kg::v1::Value scalar;
  scalar.set_string_value(std::move(v));
  return Value(scalar);
}

Value Value::Bool(bool v) {
  kg::v1::Value scalar;
  scalar.set_bool_value(v);
  return Value(scalar);
}

int Compare(const Value& a, const Value& b) {
  const Kind ka = KindOf(a);
  const Kind kb = KindOf(b);
  if (ka != kb) return Cmp(ka, kb);
  switch (ka) {
    case Kind::kNull:
      return 0;
    case Kind::kNumber:
      return CompareNumbers(*a.scalar(), *b.scalar());
    case Kind::kString:
      return a.scalar()->string_value().compare(b.scalar()->string_value());
    case Kind::kBool:
      return Cmp(a.scalar()->bool_value(), b.scalar()->bool_value());
    case Kind::kDate: {
      const kg::v1::Date& x = a.scalar()->date_value();
      const kg::v1::Date& y = b.scalar()->date_value();
      return Cmp(std::make_tuple(x.year(), x.month(), x.day()),
                 std::make_tuple(y.year(), y.month(), y.day()));
    }
    case Kind::kNode:
      return Cmp(a.node()->id, b.node()->id);
    case Kind::kEdge:
      return Cmp(a.edge()->id, b.edge()->id);
    case Kind::kPath:
      return ComparePaths(*a.path(), *b.path());
    case Kind::kList:
      return CompareLists(*a.list(), *b.list());
  }
  return 0;
}

std::string Fingerprint(const Value& value) {
  std::string out;
  AppendFingerprint(value, &out);
  return out;
}

std::string Fingerprint(const Row& row) {
  std::string out;
  for (const Value& value : row) AppendFingerprint(value, &out);
  return out;
}

}  // namespace kg::graph::query
