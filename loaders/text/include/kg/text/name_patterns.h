// Patterns that name entities the gazetteer may not know. Each works on
// the tokens of one block and returns spans of the document. People are
// found by person_names.h.
#ifndef KG_TEXT_NAME_PATTERNS_H_
#define KG_TEXT_NAME_PATTERNS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "kg/text/segmenter.h"
#include "kg/text/tokenizer.h"

namespace kg::text {

// "Long Name (ACR)": the acronym's letters are initials of the long name's
// words, in order.
struct AcronymDefinition {
  Span long_span;
  std::string long_name;
  std::string acronym;
};
std::vector<AcronymDefinition> FindAcronymDefinitions(
    absl::string_view text, const std::vector<Token>& tokens);

// Runs of capitalized words joined by "of", "for", "on", "and", "the":
// candidates for organizations and events named without an acronym.
struct NamedPhrase {
  Span span;
  std::string name;
};
std::vector<NamedPhrase> FindNamedPhrases(absl::string_view text,
                                          const std::vector<Token>& tokens);

// Security Council resolutions in their written forms: "resolution 1325",
// "resolutions 1820 and 1888", "UNSCR 1325", "S/RES/2538 (2020)", and
// "1325 (2000)" in a sentence about a resolution.
struct ResolutionRef {
  Span span;
  std::string number;
  std::string year;
};
std::vector<ResolutionRef> FindResolutions(absl::string_view text);

// The normalized token at `i` with the words hyphens join to it
// ("under-secretary-general").
std::string CompoundAt(const std::vector<Token>& tokens, size_t i);

}  // namespace kg::text

#endif  // KG_TEXT_NAME_PATTERNS_H_
