// Writers of a subgraph in the file formats of graph tools, for
// `kg export`:
//   GraphML      Gephi, Cytoscape, yEd, NetworkX read_graphml
//   JSON         node-link (NetworkX node_link_data / node_link_graph, D3)
//   CSV          a nodes table and an edges table (spreadsheets, Gephi)
//   DOT          Graphviz (`dot -Tsvg`)
// Every format carries a node's key (its id), label, name, aliases and
// properties, and an edge's ends, type and properties. A property whose
// name is one of those fields' is written as "prop_<name>".
#ifndef KG_CLI_EXPORT_SUBGRAPH_WRITERS_H_
#define KG_CLI_EXPORT_SUBGRAPH_WRITERS_H_

#include <ostream>
#include <vector>

#include "kg/v1/types.pb.h"

namespace kg::cli {

// Nodes with distinct keys, and edges whose both ends are among them.
struct Subgraph {
  std::vector<kg::v1::Node> nodes;
  std::vector<kg::v1::Edge> edges;
};

// A GraphML document, every attribute declared as a <key> with its type
// (boolean, long, double or string: the narrowest that holds every value
// of the property).
void WriteGraphMl(const Subgraph& graph, std::ostream& out);

// {"directed": true, "multigraph": true, "graph": {}, "nodes": [{"id":
// KEY, ...}], "links": [{"source": KEY, "target": KEY, "key": TYPE, ...}]}
// with property values as JSON values (dates as ISO strings).
void WriteNodeLinkJson(const Subgraph& graph, std::ostream& out);

// RFC 4180 tables with a header line: id,label,name,aliases,<props...> and
// source,target,type,<props...>.
void WriteCsvNodes(const Subgraph& graph, std::ostream& out);
void WriteCsvEdges(const Subgraph& graph, std::ostream& out);

// A digraph: nodes labelled "name\n(label)", edges labelled by type.
void WriteDot(const Subgraph& graph, std::ostream& out);

}  // namespace kg::cli

#endif  // KG_CLI_EXPORT_SUBGRAPH_WRITERS_H_
