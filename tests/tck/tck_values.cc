#include "tck_values.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace kg::tck {
namespace {

using kg::v1::CypherValue;
using PropertyMap = google::protobuf::Map<std::string, CypherValue>;

CypherValue NullValue() {
  CypherValue value;
  value.set_null_value(true);
  return value;
}

std::string FloatText(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Inf" : "-Inf";
  return absl::StrFormat("%.12e", d);
}

std::string StringText(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

std::string ListText(std::vector<std::string> items, bool sort) {
  if (sort) std::sort(items.begin(), items.end());
  return absl::StrCat("[", absl::StrJoin(items, ", "), "]");
}

std::string MapText(const std::map<std::string, std::string>& entries) {
  std::vector<std::string> parts;
  for (const auto& [k, v] : entries) parts.push_back(absl::StrCat(k, ": ", v));
  return absl::StrCat("{", absl::StrJoin(parts, ", "), "}");
}

std::string NodeText(std::vector<std::string> labels,
                     const std::map<std::string, std::string>& props) {
  std::sort(labels.begin(), labels.end());
  std::string out = "(";
  for (const std::string& l : labels) absl::StrAppend(&out, ":", l);
  return absl::StrCat(out, " ", MapText(props), ")");
}

std::string RelText(const std::string& type,
                    const std::map<std::string, std::string>& props) {
  return absl::StrCat("[:", type, " ", MapText(props), "]");
}

// Recursive descent over the TCK's value syntax. Emits either canonical
// text or (for parameters) a CypherValue.
class CellParser {
 public:
  CellParser(const std::string& text, bool sort_lists)
      : text_(text), sort_lists_(sort_lists) {}

  absl::StatusOr<std::string> Canonical() {
    absl::StatusOr<std::string> out = Parse(false);
    if (!out.ok()) return out;
    return AtEnd();
  }
  absl::StatusOr<CypherValue> Parameter() {
    absl::StatusOr<std::string> ignored = Parse(true);
    if (!ignored.ok()) return ignored.status();
    if (absl::StatusOr<std::string> end = AtEnd(); !end.ok()) {
      return end.status();
    }
    return last_value_;
  }

 private:
  absl::StatusOr<std::string> AtEnd() {
    SkipSpace();
    if (pos_ != text_.size()) return Fail("trailing text");
    return result_;
  }
  absl::Status Fail(const std::string& what) const {
    return absl::InvalidArgumentError(
        absl::StrCat(what, " at ", pos_, " in ", text_));
  }
  void SkipSpace() {
    while (pos_ < text_.size() && std::isspace(text_[pos_])) ++pos_;
  }
  bool Accept(char c) {
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  std::string Name() {
    SkipSpace();
    size_t start = pos_;
    while (pos_ < text_.size() &&
           (std::isalnum(text_[pos_]) || text_[pos_] == '_')) {
      ++pos_;
    }
    return text_.substr(start, pos_ - start);
  }
  absl::StatusOr<std::map<std::string, std::string>> Entries(
      bool want_value, PropertyMap* values) {
    std::map<std::string, std::string> entries;
    if (Accept('}')) return entries;
    do {
      std::string key = Name();
      if (key.empty() || !Accept(':')) return Fail("expected key:");
      absl::StatusOr<std::string> v = Parse(want_value);
      if (!v.ok()) return v.status();
      entries[key] = *v;
      if (values != nullptr) (*values)[key] = last_value_;
    } while (Accept(','));
    if (!Accept('}')) return Fail("expected }");
    return entries;
  }
  // An optional property map, then the `close` of a node or relationship.
  absl::StatusOr<std::map<std::string, std::string>> PropertiesThen(
      char close) {
    std::map<std::string, std::string> props;
    if (Accept('{')) {
      absl::StatusOr<std::map<std::string, std::string>> e =
          Entries(false, nullptr);
      if (!e.ok()) return e.status();
      props = *e;
    }
    if (!Accept(close))
      return Fail(absl::StrCat("expected ", std::string(1, close)));
    return props;
  }
  absl::StatusOr<std::string> Node() {
    std::vector<std::string> labels;
    while (Accept(':')) labels.push_back(Name());
    absl::StatusOr<std::map<std::string, std::string>> props =
        PropertiesThen(')');
    if (!props.ok()) return props.status();
    return NodeText(labels, *props);
  }
  absl::StatusOr<std::string> Rel() {
    if (!Accept(':')) return Fail("expected relationship type");
    std::string type = Name();
    absl::StatusOr<std::map<std::string, std::string>> props =
        PropertiesThen(']');
    if (!props.ok()) return props.status();
    return RelText(type, *props);
  }
  absl::StatusOr<std::string> Path() {
    if (!Accept('(')) return Fail("expected (");
    absl::StatusOr<std::string> node = Node();
    if (!node.ok()) return node;
    std::string out = "<" + *node;
    while (!Accept('>')) {
      bool left = Accept('<');
      if (!Accept('-') || !Accept('[')) return Fail("expected -[");
      absl::StatusOr<std::string> rel = Rel();
      if (!rel.ok()) return rel;
      if (!Accept('-')) return Fail("expected -");
      bool right = Accept('>');
      if (left == right) return Fail("path hop needs one direction");
      if (!Accept('(')) return Fail("expected (");
      absl::StatusOr<std::string> next = Node();
      if (!next.ok()) return next;
      absl::StrAppend(&out, left ? "<-" : "-", *rel, right ? "->" : "-", *next);
    }
    return out + ">";
  }

  absl::StatusOr<std::string> Parse(bool want_value) {
    SkipSpace();
    last_value_ = NullValue();
    if (pos_ >= text_.size()) return Fail("expected a value");
    char c = text_[pos_];
    std::string out;
    if (c == '\'') {
      std::string s;
      for (++pos_; pos_ < text_.size() && text_[pos_] != '\''; ++pos_) {
        if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) {
          ++pos_;
          char c = text_[pos_];
          s.push_back(c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c);
          continue;
        }
        s.push_back(text_[pos_]);
      }
      if (pos_ >= text_.size()) return Fail("unterminated string");
      ++pos_;
      last_value_.set_string_value(s);
      out = StringText(s);
    } else if (Accept('[')) {
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == ':') {
        absl::StatusOr<std::string> rel = Rel();
        if (!rel.ok()) return rel;
        result_ = *rel;
        return rel;
      }
      std::vector<std::string> items;
      CypherValue list;
      list.mutable_list_value();
      if (!Accept(']')) {
        do {
          absl::StatusOr<std::string> item = Parse(want_value);
          if (!item.ok()) return item;
          items.push_back(*item);
          *list.mutable_list_value()->add_values() = last_value_;
        } while (Accept(','));
        if (!Accept(']')) return Fail("expected ]");
      }
      last_value_ = std::move(list);
      out = ListText(items, sort_lists_);
    } else if (Accept('{')) {
      CypherValue map;
      absl::StatusOr<std::map<std::string, std::string>> e =
          Entries(want_value, map.mutable_map_value()->mutable_entries());
      if (!e.ok()) return e.status();
      last_value_ = std::move(map);
      out = MapText(*e);
    } else if (Accept('(')) {
      absl::StatusOr<std::string> node = Node();
      if (!node.ok()) return node;
      out = *node;
    } else if (Accept('<')) {
      absl::StatusOr<std::string> path = Path();
      if (!path.ok()) return path;
      out = *path;
    } else {
      size_t start = pos_;
      while (pos_ < text_.size() && !std::isspace(text_[pos_]) &&
             text_[pos_] != ',' && text_[pos_] != ']' && text_[pos_] != '}') {
        ++pos_;
      }
      std::string word = text_.substr(start, pos_ - start);
      int64_t i = 0;
      double d = 0;
      if (word == "true" || word == "false") {
        last_value_.set_bool_value(word == "true");
        out = word;
      } else if (word == "null") {
        out = "null";
      } else if (absl::SimpleAtoi(word, &i)) {
        last_value_.set_int_value(i);
        out = absl::StrCat(i);
      } else if (word == "NaN" || absl::SimpleAtod(word, &d)) {
        d = word == "NaN" ? std::nan("") : d;
        last_value_.set_float_value(d);
        out = FloatText(d);
      } else {
        return Fail(absl::StrCat("unknown value '", word, "'"));
      }
    }
    result_ = out;
    return out;
  }

  const std::string& text_;
  bool sort_lists_;
  size_t pos_ = 0;
  std::string result_;
  CypherValue last_value_;
};

absl::StatusOr<std::map<std::string, std::string>> CanonicalProperties(
    const PropertyMap& props) {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : props) {
    absl::StatusOr<std::string> text = CanonicalValue(v, false);
    if (!text.ok()) return text.status();
    out[k] = *text;
  }
  return out;
}

absl::StatusOr<std::string> CanonicalNode(const kg::v1::CypherNode& node) {
  absl::StatusOr<std::map<std::string, std::string>> props =
      CanonicalProperties(node.properties());
  if (!props.ok()) return props.status();
  return NodeText({node.labels().begin(), node.labels().end()}, *props);
}

absl::StatusOr<std::string> CanonicalRel(
    const kg::v1::CypherRelationship& rel) {
  absl::StatusOr<std::map<std::string, std::string>> props =
      CanonicalProperties(rel.properties());
  if (!props.ok()) return props.status();
  return RelText(rel.type(), *props);
}

absl::StatusOr<std::string> CanonicalPath(const kg::v1::CypherPath& path) {
  if (path.nodes_size() != path.relationships_size() + 1) {
    return absl::InvalidArgumentError("a path needs one node more than edges");
  }
  absl::StatusOr<std::string> first = CanonicalNode(path.nodes(0));
  if (!first.ok()) return first;
  std::string out = "<" + *first;
  for (int i = 0; i < path.relationships_size(); ++i) {
    const kg::v1::CypherRelationship& rel = path.relationships(i);
    absl::StatusOr<std::string> rel_text = CanonicalRel(rel);
    if (!rel_text.ok()) return rel_text;
    absl::StatusOr<std::string> next = CanonicalNode(path.nodes(i + 1));
    if (!next.ok()) return next;
    bool forward = rel.start_node_id() == path.nodes(i).id();
    absl::StrAppend(&out, forward ? "-" : "<-", *rel_text, forward ? "->" : "-",
                    *next);
  }
  return out + ">";
}

}  // namespace

absl::StatusOr<std::string> CanonicalCell(const std::string& cell,
                                          bool sort_lists) {
  return CellParser(cell, sort_lists).Canonical();
}

absl::StatusOr<CypherValue> ParameterValue(const std::string& cell) {
  return CellParser(cell, false).Parameter();
}

absl::StatusOr<std::string> CanonicalValue(const CypherValue& value,
                                           bool sort_lists) {
  switch (value.kind_case()) {
    case CypherValue::kNullValue:
      return std::string("null");
    case CypherValue::kBoolValue:
      return std::string(value.bool_value() ? "true" : "false");
    case CypherValue::kIntValue:
      return absl::StrCat(value.int_value());
    case CypherValue::kFloatValue:
      return FloatText(value.float_value());
    case CypherValue::kStringValue:
      return StringText(value.string_value());
    case CypherValue::kListValue: {
      std::vector<std::string> items;
      for (const CypherValue& v : value.list_value().values()) {
        absl::StatusOr<std::string> item = CanonicalValue(v, sort_lists);
        if (!item.ok()) return item;
        items.push_back(*item);
      }
      return ListText(items, sort_lists);
    }
    case CypherValue::kMapValue: {
      absl::StatusOr<std::map<std::string, std::string>> entries =
          CanonicalProperties(value.map_value().entries());
      if (!entries.ok()) return entries.status();
      return MapText(*entries);
    }
    case CypherValue::kNodeValue:
      return CanonicalNode(value.node_value());
    case CypherValue::kRelationshipValue:
      return CanonicalRel(value.relationship_value());
    case CypherValue::kPathValue:
      return CanonicalPath(value.path_value());
    case CypherValue::KIND_NOT_SET:
      break;
  }
  return absl::InvalidArgumentError("a value with no kind set");
}

}  // namespace kg::tck
