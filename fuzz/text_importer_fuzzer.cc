// The text loader on arbitrary bytes: it rejects what is not a document
// with InvalidArgument, and every source of what it extracts points at
// evidence inside the text.
#include <string>

#include "absl/strings/str_cat.h"
#include "fuzz_targets.h"
#include "kg/text/text_importer.h"
#include "reference_store.h"

namespace kg::fuzz {
namespace {

void CheckSources(
    const google::protobuf::RepeatedPtrField<kg::v1::Source>& sources,
    const std::string& text, const std::string& document_key) {
  for (const kg::v1::Source& source : sources) {
    Require(
        source.document_key() == document_key,
        absl::StrCat("source of another document: ", source.document_key()));
    Require(source.start() <= source.end() && source.end() <= text.size(),
            absl::StrCat("source span [", source.start(), ", ", source.end(),
                         ") outside a text of ", text.size(), " bytes"));
    Require(text::EvidenceShowsSpan(text, source),
            "evidence is not text around its span");
    Require(source.confidence() >= 0 && source.confidence() <= 1,
            absl::StrCat("confidence ", source.confidence()));
  }
}

}  // namespace

int FuzzTextImporter(const uint8_t* data, size_t size) {
  text::TextDocument document;
  document.file_name = "fuzz.txt";
  document.text.assign(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<graph::DocumentFacts> facts =
      text::ExtractFacts(document, ReferenceGazetteer());
  if (!facts.ok()) {
    Require(absl::IsInvalidArgument(facts.status()),
            absl::StrCat("not InvalidArgument: ", facts.status().ToString()));
    return 0;
  }
  for (const kg::v1::Node& node : facts->nodes) {
    CheckSources(node.sources(), document.text, facts->document_key);
  }
  for (const kg::v1::Edge& edge : facts->edges) {
    CheckSources(edge.sources(), document.text, facts->document_key);
  }
  return 0;
}

}  // namespace kg::fuzz
