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

// Every source the text importer writes names its rule behind this prefix
// ("text/person-honorific"), so text-derived facts can be told apart from
// curated ones.
inline constexpr absl::string_view kExtractorPrefix = "text/";

// The gazetteer of every named node in the graph that some curated source
// asserts (reference data, JSONL or CSV facts): not documents, not
// commitments, not topics marked broad (props.broad), and not nodes that
// only text extraction produced. Text documents therefore read the same
// way whatever other texts were imported before them, and re-importing one
// changes nothing; entities that several texts name meet under the same
// key.
absl::StatusOr<Gazetteer> GazetteerFromGraph(graph::Snapshot& snapshot);

// Adds one curated node to `gazetteer` as GazetteerFromGraph does: its
// name and aliases, and whether it is a generic group (props.generic);
// documents, commitments and broad topics are left out.
void AddKnownEntity(const kg::v1::Node& node, Gazetteer& gazetteer);

// The facts of one document. Fails only on bad input (CheckDocumentText,
// a bad key or date). A generic group ("Member States") is among them only
// where the document asks it to act or a relation uses it. Every source's
// evidence is the sentence that holds its span, or the span's own text when it
// runs over sentences (cut at 400 bytes): EvidenceShowsSpan holds for each.
absl::StatusOr<graph::DocumentFacts> ExtractFacts(const TextDocument& document,
                                                  const Gazetteer& gazetteer);

// Whether `source.evidence()` occurs in `text` around the source's span, or
// as the start of a span too long to give whole.
bool EvidenceShowsSpan(absl::string_view text, const kg::v1::Source& source);

}  // namespace kg::text

#endif  // KG_TEXT_TEXT_IMPORTER_H_
