// CSV tables of nodes and edges: one header line, one line per node or
// edge, a column per property (empty where an element lacks it).
#include "absl/strings/str_join.h"
#include "export/attributes.h"
#include "export/escaping.h"
#include "export/subgraph_writers.h"

namespace kg::cli {
namespace {

// One line: the fixed `cells`, then a cell per attribute.
void WriteLine(std::vector<std::string> cells,
               const std::vector<Attribute>& attributes,
               const google::protobuf::Map<std::string, kg::v1::Value>& props,
               std::ostream& out) {
  for (const Attribute& attribute : attributes) {
    const kg::v1::Value* value = FindValue(props, attribute);
    cells.push_back(value == nullptr ? "" : ValueString(*value));
  }
  out << absl::StrJoin(cells, ",",
                       [](std::string* line, const std::string& cell) {
                         line->append(CsvField(cell));
                       })
      << "\n";
}

std::vector<std::string> Header(std::vector<std::string> fixed,
                                const std::vector<Attribute>& attributes) {
  for (const Attribute& attribute : attributes) {
    fixed.push_back(attribute.name);
  }
  return fixed;
}

}  // namespace

void WriteCsvNodes(const Subgraph& graph, std::ostream& out) {
  const std::vector<Attribute> attributes = NodeAttributes(graph);
  WriteLine(Header({"id", "label", "name", "aliases"}, attributes), {}, {},
            out);
  for (const kg::v1::Node& node : graph.nodes) {
    WriteLine({node.key(), node.label(), node.name(),
               absl::StrJoin(node.aliases(), "; ")},
              attributes, node.props(), out);
  }
}

void WriteCsvEdges(const Subgraph& graph, std::ostream& out) {
  const std::vector<Attribute> attributes = EdgeAttributes(graph);
  WriteLine(Header({"source", "target", "type"}, attributes), {}, {}, out);
  for (const kg::v1::Edge& edge : graph.edges) {
    WriteLine({edge.src_key(), edge.dst_key(), edge.type()}, attributes,
              edge.props(), out);
  }
}

}  // namespace kg::cli
