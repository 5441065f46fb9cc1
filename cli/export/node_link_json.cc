// JSON node-link data, the shape of NetworkX's node_link_data (which
// node_link_graph reads back as a MultiDiGraph keyed by edge type) and of
// D3's force layouts.
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "export/attributes.h"
#include "export/escaping.h"
#include "export/subgraph_writers.h"
#include "kg/graph/encoding.h"

namespace kg::cli {
namespace {

// A property value as a JSON value: dates as ISO strings, non-finite
// doubles (which JSON cannot hold) as null.
std::string JsonValue(const kg::v1::Value& value) {
  switch (value.kind_case()) {
    case kg::v1::Value::kStringValue:
      return JsonString(value.string_value());
    case kg::v1::Value::kIntValue:
      return absl::StrCat(value.int_value());
    case kg::v1::Value::kDoubleValue:
      return std::isfinite(value.double_value())
                 ? DoubleString(value.double_value())
                 : "null";
    case kg::v1::Value::kBoolValue:
      return value.bool_value() ? "true" : "false";
    case kg::v1::Value::kDateValue:
      return JsonString(graph::FormatDate(value.date_value()));
    case kg::v1::Value::kListValue:
      return absl::StrCat(
          "[",
          absl::StrJoin(value.list_value().values(), ", ",
                        [](std::string* out, const kg::v1::Value& element) {
                          out->append(JsonValue(element));
                        }),
          "]");
    case kg::v1::Value::KIND_NOT_SET:
      break;
  }
  return "null";
}

// `, "name": value` for each property `props` has.
std::string PropertyMembers(
    const std::vector<Attribute>& attributes,
    const google::protobuf::Map<std::string, kg::v1::Value>& props) {
  std::string members;
  for (const Attribute& attribute : attributes) {
    if (const kg::v1::Value* value = FindValue(props, attribute)) {
      absl::StrAppend(&members, ", ", JsonString(attribute.name), ": ",
                      JsonValue(*value));
    }
  }
  return members;
}

}  // namespace

void WriteNodeLinkJson(const Subgraph& graph, std::ostream& out) {
  const std::vector<Attribute> node_attributes = NodeAttributes(graph);
  const std::vector<Attribute> edge_attributes = EdgeAttributes(graph);
  out << "{\"directed\": true, \"multigraph\": true, \"graph\": {},\n"
         " \"nodes\": [";
  for (size_t i = 0; i < graph.nodes.size(); ++i) {
    const kg::v1::Node& node = graph.nodes[i];
    const std::string aliases = absl::StrJoin(
        node.aliases(), ", ",
        [](std::string* out, auto& alias) { out->append(JsonString(alias)); });
    out << (i == 0 ? "\n  " : ",\n  ") << "{\"id\": " << JsonString(node.key())
        << ", \"label\": " << JsonString(node.label())
        << ", \"name\": " << JsonString(node.name()) << ", \"aliases\": ["
        << aliases << "]" << PropertyMembers(node_attributes, node.props())
        << "}";
  }
  out << "],\n \"links\": [";
  for (size_t i = 0; i < graph.edges.size(); ++i) {
    const kg::v1::Edge& edge = graph.edges[i];
    out << (i == 0 ? "\n  " : ",\n  ")
        << "{\"source\": " << JsonString(edge.src_key())
        << ", \"target\": " << JsonString(edge.dst_key())
        << ", \"key\": " << JsonString(edge.type())
        << ", \"type\": " << JsonString(edge.type())
        << PropertyMembers(edge_attributes, edge.props()) << "}";
  }
  out << "]}\n";
}

}  // namespace kg::cli
