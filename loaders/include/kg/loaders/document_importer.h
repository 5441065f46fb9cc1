// DocumentImporter: text documents into a store. The graph's own nodes are
// the gazetteer, the text extractor reads the facts, and they commit as
// one document, atomically.
#ifndef KG_LOADERS_DOCUMENT_IMPORTER_H_
#define KG_LOADERS_DOCUMENT_IMPORTER_H_

#include "absl/status/statusor.h"
#include "kg/graph/graph_store.h"
#include "kg/text/text_importer.h"
#include "kg/v1/ingest_service.pb.h"

namespace kg::loaders {

class DocumentImporter {
 public:
  // `store` must outlive the importer.
  explicit DocumentImporter(graph::GraphStore& store) : store_(store) {}

  // Importing the same text again changes nothing; a changed text under
  // the same key replaces what the document asserted.
  absl::StatusOr<kg::v1::CommitSummary> Import(
      const text::TextDocument& document);

 private:
  graph::GraphStore& store_;
};

// True for the file names the text importer reads (.txt, .md).
bool IsTextDocumentPath(absl::string_view path);

}  // namespace kg::loaders

#endif  // KG_LOADERS_DOCUMENT_IMPORTER_H_
