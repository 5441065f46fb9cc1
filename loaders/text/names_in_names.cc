#include "names_in_names.h"

namespace kg::text {

NamedInside NamedInEventName(const Gazetteer& gazetteer, absl::string_view text,
                             Span name, int event) {
  NamedInside out;
  std::vector<Token> tokens = Tokenize(text, name);
  // The event's own name is the longest match where it starts, hiding a
  // name it opens with ("WPS Seminar"): each word is tried as a start, and
  // the words after it are cut back until the match is another entry.
  for (size_t i = 0; i < tokens.size(); ++i) {
    for (size_t end = tokens.size(); end > i; --end) {
      std::vector<Token> run(tokens.begin() + i, tokens.begin() + end);
      std::vector<GazetteerMatch> found = gazetteer.Find(run);
      if (found.empty() || found.front().span.start != tokens[i].span.start) {
        break;
      }
      if (found.front().entry == event) continue;
      for (const GazetteerMatch& inner : found) {
        if (inner.span.start != tokens[i].span.start) break;
        const GazetteerEntry& e = gazetteer.entries()[inner.entry];
        if (e.label == "Framework") out.frameworks.push_back(e.key);
        if (e.label == "Topic") out.topics.push_back(e.key);
      }
      break;
    }
  }
  return out;
}

std::optional<GazetteerMatch> IssuerInResolutionName(
    const Gazetteer& gazetteer, absl::string_view text,
    const std::vector<Token>& tokens, Span name) {
  size_t first = 0;
  while (first < tokens.size() && tokens[first].span.start < name.start) {
    ++first;
  }
  for (size_t k = first + 1; k < tokens.size(); ++k) {
    if (tokens[k].span.start >= name.end) return std::nullopt;
    if (tokens[k].norm != "resolution") continue;
    Span issuer{tokens[first].span.start, tokens[k - 1].span.end};
    for (int entry : gazetteer.Lookup(
             text.substr(issuer.start, issuer.end - issuer.start))) {
      if (gazetteer.entries()[entry].label == "UNBody") {
        return GazetteerMatch{issuer, entry, false};
      }
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace kg::text
