// Graphviz DOT: every identifier and label a quoted string, so that any
// key or name is valid input for `dot`.
#include "absl/strings/str_cat.h"
#include "export/escaping.h"
#include "export/subgraph_writers.h"

namespace kg::cli {

void WriteDot(const Subgraph& graph, std::ostream& out) {
  out << "digraph kg {\n"
         "  node [shape=box, style=rounded];\n";
  for (const kg::v1::Node& node : graph.nodes) {
    const std::string& title = node.name().empty() ? node.key() : node.name();
    const std::string label =
        node.label().empty() ? title
                             : absl::StrCat(title, "\n(", node.label(), ")");
    out << "  " << DotString(node.key()) << " [label=" << DotString(label)
        << ", tooltip=" << DotString(node.key()) << "];\n";
  }
  for (const kg::v1::Edge& edge : graph.edges) {
    out << "  " << DotString(edge.src_key()) << " -> "
        << DotString(edge.dst_key()) << " [label=" << DotString(edge.type())
        << "];\n";
  }
  out << "}\n";
}

}  // namespace kg::cli
