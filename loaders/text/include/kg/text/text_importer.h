// TextImporter: a text document (plain text or Markdown) to the facts it
// states, each with its evidence span, the rule that read it and a
// confidence.
//
// The document becomes a Document node; every entity it names gets the
// document among its sources and a MENTIONS edge from it; relations come
// from the rules in relation_rules.h.
#ifndef KG_TEXT_TEXT_IMPORTER_H_
#define KG_TEXT_TEXT_IMPORTER_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/graph/document_facts.h"
#include "kg/graph/snapshot.h"
#include "kg/text/gazetteer.h"

namespace kg::text {

// The largest document accepted, in bytes.
inline constexpr size_t kMaxDocumentBytes = 16 << 20;

struct TextDocument {
  // "" means doc:<stem of file_name>.
  std::string key;
  std::string file_name;
  // "" means: read from the text (or, for the date, the file name).
  std::string title;
  std::string date;
  std::string kind;
  std::string source_url;
  std::string text;
};

// InvalidArgument naming `file_name` when the bytes are not a document:
// empty, larger than kMaxDocumentBytes, not UTF-8, or holding NUL bytes.
absl::Status CheckDocumentText(absl::string_view text,
                               absl::string_view file_name);

// The key a document gets: its own, or doc:<stem of file_name>.
std::string DocumentKeyOf(const TextDocument& document);

// The gazetteer of every named node in the graph except documents,
// commitments, and nodes that only `own_document` asserts (those it reads
// afresh from its own text).
absl::StatusOr<Gazetteer> GazetteerFromGraph(graph::Snapshot& snapshot,
                                             absl::string_view own_document);

// The facts of one document. Fails only on bad input (CheckDocumentText,
// a bad key or date).
absl::StatusOr<graph::DocumentFacts> ExtractFacts(const TextDocument& document,
                                                  const Gazetteer& gazetteer);

}  // namespace kg::text

#endif  // KG_TEXT_TEXT_IMPORTER_H_
