// The Document node of a batch of facts: the same for every import path
// (the server's ImportFacts and an offline `kg import --db`).
#ifndef KG_LOADERS_DOCUMENT_NODE_H_
#define KG_LOADERS_DOCUMENT_NODE_H_

#include "kg/graph/document_facts.h"
#include "kg/v1/types.pb.h"

namespace kg::loaders {

// Records `document`'s metadata (title, date, kind, source_url) as the
// properties of its Document node, adding the node to `facts` unless they
// assert it themselves; properties the facts set are kept.
void AddDocumentNode(const kg::v1::Document& document,
                     graph::DocumentFacts* facts);

}  // namespace kg::loaders

#endif  // KG_LOADERS_DOCUMENT_NODE_H_
