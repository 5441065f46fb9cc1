// GraphML (http://graphml.graphdrawing.org/): keys declared before the
// graph, so that Gephi, Cytoscape and NetworkX type every attribute.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "export/attributes.h"
#include "export/escaping.h"
#include "export/subgraph_writers.h"

namespace kg::cli {
namespace {

const char* GraphMlType(AttributeType type) {
  switch (type) {
    case AttributeType::kBool:
      return "boolean";
    case AttributeType::kInt:
      return "long";
    case AttributeType::kDouble:
      return "double";
    case AttributeType::kString:
      break;
  }
  return "string";
}

// A value written under an attribute of `type`: ints under a double
// attribute as doubles, anything under a string attribute as text.
std::string GraphMlValue(const kg::v1::Value& value, AttributeType type) {
  if (type == AttributeType::kDouble &&
      value.kind_case() == kg::v1::Value::kIntValue) {
    return DoubleString(static_cast<double>(value.int_value()));
  }
  return XmlEscape(ValueString(value));
}

// Declares the fixed fields and then `attributes` for `domain` ("node" or
// "edge"), with ids "<prefix>0", "<prefix>1", ...
void DeclareKeys(absl::string_view domain, absl::string_view prefix,
                 const std::vector<std::string>& fixed,
                 const std::vector<Attribute>& attributes, std::ostream& out) {
  size_t index = 0;
  const auto declare = [&](absl::string_view name, AttributeType type) {
    out << "  <key id=\"" << prefix << index++ << "\" for=\"" << domain
        << "\" attr.name=\"" << XmlEscape(name) << "\" attr.type=\""
        << GraphMlType(type) << "\"/>\n";
  };
  for (const std::string& name : fixed) declare(name, AttributeType::kString);
  for (const Attribute& attribute : attributes) {
    declare(attribute.name, attribute.type);
  }
}

// <data> for the fixed fields' `values` (empty ones skipped) and the
// properties, keyed as DeclareKeys numbered them.
void WriteData(absl::string_view prefix, const std::vector<std::string>& values,
               const std::vector<Attribute>& attributes,
               const google::protobuf::Map<std::string, kg::v1::Value>& props,
               std::ostream& out) {
  size_t index = 0;
  for (const std::string& value : values) {
    if (!value.empty()) {
      out << "      <data key=\"" << prefix << index << "\">"
          << XmlEscape(value) << "</data>\n";
    }
    ++index;
  }
  for (const Attribute& attribute : attributes) {
    if (const kg::v1::Value* value = FindValue(props, attribute)) {
      out << "      <data key=\"" << prefix << index << "\">"
          << GraphMlValue(*value, attribute.type) << "</data>\n";
    }
    ++index;
  }
}

}  // namespace

void WriteGraphMl(const Subgraph& graph, std::ostream& out) {
  const std::vector<Attribute> node_attributes = NodeAttributes(graph);
  const std::vector<Attribute> edge_attributes = EdgeAttributes(graph);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  DeclareKeys("node", "n", {"label", "name", "aliases"}, node_attributes, out);
  DeclareKeys("edge", "e", {"type"}, edge_attributes, out);
  out << "  <graph id=\"kg\" edgedefault=\"directed\">\n";
  for (const kg::v1::Node& node : graph.nodes) {
    out << "    <node id=\"" << XmlEscape(node.key()) << "\">\n";
    WriteData("n",
              {node.label(), node.name(), absl::StrJoin(node.aliases(), "; ")},
              node_attributes, node.props(), out);
    out << "    </node>\n";
  }
  for (size_t i = 0; i < graph.edges.size(); ++i) {
    const kg::v1::Edge& edge = graph.edges[i];
    out << "    <edge id=\"edge" << i << "\" source=\""
        << XmlEscape(edge.src_key()) << "\" target=\""
        << XmlEscape(edge.dst_key()) << "\">\n";
    WriteData("e", {edge.type()}, edge_attributes, edge.props(), out);
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace kg::cli
