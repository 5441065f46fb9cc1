// The import sink of a stopped database, opened in this process.
#include "import_sink.h"
#include "kg/graph/graph_store.h"
#include "kg/loaders/document_importer.h"
#include "kg/loaders/document_node.h"
#include "kg/loaders/reference_data.h"

namespace kg::cli {
namespace {

class DatabaseSink final : public ImportSink {
 public:
  explicit DatabaseSink(std::unique_ptr<graph::GraphStore> store)
      : store_(std::move(store)), importer_(*store_) {}

  absl::StatusOr<kg::v1::CommitSummary> ImportText(
      const text::TextDocument& document) override {
    return importer_.Import(document);
  }

  // As the server does: the document gets its Document node.
  absl::StatusOr<kg::v1::CommitSummary> ImportFacts(
      const graph::DocumentFacts& facts) override {
    graph::DocumentFacts with_document = facts;
    kg::v1::Document document;
    document.set_key(facts.document_key);
    loaders::AddDocumentNode(document, &with_document);
    return store_->CommitDocument(with_document);
  }

 private:
  std::unique_ptr<graph::GraphStore> store_;
  loaders::DocumentImporter importer_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<ImportSink>> OpenDatabaseSink(
    const std::string& db_dir, const std::string& reference_dir) {
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      graph::GraphStore::Open(db_dir);
  if (!store.ok()) return store.status();
  if (!reference_dir.empty()) {
    absl::StatusOr<loaders::ReferenceLoadSummary> loaded =
        loaders::LoadReferenceData(**store, reference_dir);
    if (!loaded.ok()) return loaded.status();
  }
  return std::make_unique<DatabaseSink>(*std::move(store));
}

}  // namespace kg::cli
