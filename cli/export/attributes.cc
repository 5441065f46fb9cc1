#include "export/attributes.h"

#include <charconv>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "format.h"

namespace kg::cli {
namespace {

// The fixed fields of the formats, which properties must not shadow.
bool IsFixedField(absl::string_view name) {
  for (const absl::string_view field :
       {"id", "key", "label", "name", "aliases", "source", "target", "type"}) {
    if (name == field) return true;
  }
  return false;
}

AttributeType TypeOf(const kg::v1::Value& value) {
  switch (value.kind_case()) {
    case kg::v1::Value::kBoolValue:
      return AttributeType::kBool;
    case kg::v1::Value::kIntValue:
      return AttributeType::kInt;
    case kg::v1::Value::kDoubleValue:
      return AttributeType::kDouble;
    default:
      return AttributeType::kString;
  }
}

// The type that holds values of both types.
AttributeType Widen(AttributeType a, AttributeType b) {
  if (a == b) return a;
  const auto numeric = [](AttributeType type) {
    return type == AttributeType::kInt || type == AttributeType::kDouble;
  };
  return numeric(a) && numeric(b) ? AttributeType::kDouble
                                  : AttributeType::kString;
}

template <typename Element>
std::vector<Attribute> AttributesOf(const std::vector<Element>& elements) {
  std::map<std::string, AttributeType> types;
  for (const Element& element : elements) {
    for (const auto& [property, value] : element.props()) {
      const auto [it, inserted] = types.emplace(property, TypeOf(value));
      if (!inserted) it->second = Widen(it->second, TypeOf(value));
    }
  }
  std::vector<Attribute> attributes;
  for (const auto& [property, type] : types) {
    attributes.push_back(
        {property,
         IsFixedField(property) ? absl::StrCat("prop_", property) : property,
         type});
  }
  return attributes;
}

}  // namespace

std::vector<Attribute> NodeAttributes(const Subgraph& graph) {
  return AttributesOf(graph.nodes);
}

std::vector<Attribute> EdgeAttributes(const Subgraph& graph) {
  return AttributesOf(graph.edges);
}

const kg::v1::Value* FindValue(
    const google::protobuf::Map<std::string, kg::v1::Value>& props,
    const Attribute& attribute) {
  const auto it = props.find(attribute.property);
  return it == props.end() ? nullptr : &it->second;
}

std::string ValueString(const kg::v1::Value& value) {
  switch (value.kind_case()) {
    case kg::v1::Value::kDoubleValue:
      return DoubleString(value.double_value());
    case kg::v1::Value::kListValue:
      return absl::StrCat(
          "[",
          absl::StrJoin(value.list_value().values(), ", ",
                        [](std::string* out, const kg::v1::Value& element) {
                          out->append(ValueString(element));
                        }),
          "]");
    default:
      return ValueText(value);
  }
}

std::string DoubleString(double value) {
  char buffer[32];
  const std::to_chars_result result =
      std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}

}  // namespace kg::cli
