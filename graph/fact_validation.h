// Checks a document's facts before anything is read or written, so that a
// malformed request fails whole with a message naming the field.
#ifndef KG_GRAPH_FACT_VALIDATION_H_
#define KG_GRAPH_FACT_VALIDATION_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "kg/graph/document_facts.h"

namespace kg::graph {

// InvalidArgument naming the first bad field, e.g.
// "nodes[2].key: 'germany' is not of the form <prefix>:<id>".
absl::Status ValidateDocumentFacts(const DocumentFacts& facts);

// One node or edge of document `document_key`; `field` names it in errors
// ("nodes[3]").
absl::Status ValidateNode(const kg::v1::Node& node,
                          absl::string_view document_key,
                          absl::string_view field);
absl::Status ValidateEdge(const kg::v1::Edge& edge,
                          absl::string_view document_key,
                          absl::string_view field);

// An edge type alone (UPPER_CASE), as ValidateEdge checks it.
absl::Status ValidateEdgeType(absl::string_view type, absl::string_view field);

// A document key alone: "doc:<id>".
absl::Status ValidateDocumentKey(absl::string_view key,
                                 absl::string_view field);

}  // namespace kg::graph

#endif  // KG_GRAPH_FACT_VALIDATION_H_
