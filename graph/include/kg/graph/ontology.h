// The core ontology's labels and their key prefixes (ONTOLOGY.md).
#ifndef KG_GRAPH_ONTOLOGY_H_
#define KG_GRAPH_ONTOLOGY_H_

#include <string>

#include "absl/strings/string_view.h"

namespace kg::graph {

// The key prefix of an ontology label ("Organization" -> "org"), or "" for
// a label the ontology does not name.
std::string KeyPrefixForLabel(absl::string_view label);

}  // namespace kg::graph

#endif  // KG_GRAPH_ONTOLOGY_H_
