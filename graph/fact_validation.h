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

// A document key alone: "doc:<id>".
absl::Status ValidateDocumentKey(absl::string_view key,
                                 absl::string_view field);

}  // namespace kg::graph

#endif  // KG_GRAPH_FACT_VALIDATION_H_
