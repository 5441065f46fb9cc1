// The unit of writing: everything one document asserts.
#ifndef KG_GRAPH_DOCUMENT_FACTS_H_
#define KG_GRAPH_DOCUMENT_FACTS_H_

#include <string>
#include <vector>

#include "kg/v1/types.pb.h"

namespace kg::graph {

// The nodes and edges one document asserts. Committing it replaces what the
// same document asserted before. Sources on the facts may leave
// `document_key` empty; a source naming another document is an error. A
// fact with no source gets one that names the document alone.
struct DocumentFacts {
  std::string document_key;
  std::vector<kg::v1::Node> nodes;
  std::vector<kg::v1::Edge> edges;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_DOCUMENT_FACTS_H_
