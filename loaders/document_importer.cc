#include "kg/loaders/document_importer.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace kg::loaders {

absl::StatusOr<kg::v1::CommitSummary> DocumentImporter::Import(
    const text::TextDocument& document) {
  std::unique_ptr<graph::Snapshot> snapshot = store_.NewSnapshot();
  absl::StatusOr<text::Gazetteer> gazetteer =
      text::GazetteerFromGraph(*snapshot);
  if (!gazetteer.ok()) return gazetteer.status();
  absl::StatusOr<graph::DocumentFacts> facts =
      text::ExtractFacts(document, *gazetteer);
  if (!facts.ok()) return facts.status();
  return store_.CommitDocument(*facts);
}

bool IsTextDocumentPath(absl::string_view path) {
  std::string lower = absl::AsciiStrToLower(path);
  return absl::EndsWith(lower, ".txt") || absl::EndsWith(lower, ".md");
}

}  // namespace kg::loaders
