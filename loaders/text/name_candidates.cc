#include "name_candidates.h"

#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "kg/text/entity_recognizer.h"
#include "kg/text/person_names.h"
#include "kg/text/tokenizer.h"

namespace kg::text {

// Words of organizations, offices and subjects that a person's name never
// holds ("Peacekeeping Operations, said" follows a title, not a name).
bool HasNonNameWord(absl::string_view name) {
  static const auto* words = new absl::flat_hash_set<std::string>{
      "operations",   "operation",    "affairs",        "support",
      "security",     "peace",        "peacekeeping",   "policy",
      "compliance",   "management",   "strategy",       "development",
      "relations",    "services",     "service",        "programme",
      "program",      "partnerships", "planning",       "assistance",
      "assembly",     "nations",      "united",         "international",
      "national",     "general",      "women",          "gender",
      "human",        "rights",       "protection",     "civilians",
      "police",       "military",     "political",      "justice",
      "training",     "health",       "communications", "safety",
      "humanitarian", "headquarters"};
  std::vector<Token> tokens = Tokenize(name);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (words->contains(tokens[i].norm) || IsTitleWord(CompoundAt(tokens, i))) {
      return true;
    }
  }
  return false;
}

// A capitalized phrase that a known name covers, or that joins a known
// name to more with "and" ("WPS and Action for Peace"), is not a new
// entity.
bool NamesKnownEntities(const NamedPhrase& phrase,
                        const std::vector<GazetteerMatch>& known) {
  for (const GazetteerMatch& match : known) {
    if (match.span.Contains(phrase.span)) return true;
    bool starts_phrase = match.span.start == phrase.span.start;
    size_t after = match.span.end - phrase.span.start;
    absl::string_view rest = after < phrase.name.size()
                                 ? absl::string_view(phrase.name).substr(after)
                                 : absl::string_view();
    size_t joint = 0;
    for (absl::string_view join : {" and the ", " and ", " of the "}) {
      if (absl::StartsWith(rest, join)) {
        joint = join.size();
        break;
      }
    }
    if (!starts_phrase || joint == 0) continue;
    // "WPS and Action for Peace", "Japan and the African Union" and
    // "Police Division of the Department of Peace Operations" join two
    // known names; "UN and Global Issues Unit" is one name that opens with
    // a known one.
    size_t second = phrase.span.start + after + joint;
    for (const GazetteerMatch& other : known) {
      if (other.span.start == second) return true;
    }
  }
  return false;
}

NamedPhrase BodyAfterOf(absl::string_view text,
                        const std::vector<Token>& tokens,
                        const NamedPhrase& phrase) {
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i].span.start < phrase.span.start) continue;
    if (tokens[i].span.start >= phrase.span.end) break;
    if (tokens[i].norm != "of") continue;
    size_t first = tokens[i + 1].norm == "the" ? i + 2 : i + 1;
    if (first >= tokens.size() || tokens[first].span.start >= phrase.span.end) {
      break;
    }
    Span tail{tokens[first].span.start, phrase.span.end};
    std::string name(text.substr(tail.start, tail.size()));
    std::string label = LabelForName(name);
    if (Tokenize(name).size() < 2 ||
        (label != "Organization" && label != "UNBody")) {
      break;
    }
    return {tail, std::move(name)};
  }
  return phrase;
}

}  // namespace kg::text
