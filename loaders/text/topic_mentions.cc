#include "topic_mentions.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"

namespace kg::text {
namespace {

// Nouns that turn a theme before them into a modifier: the people,
// bodies and capacities that work on it. A strategy or mechanism for a
// theme ("a mental health strategy", "conflict prevention mechanisms") is
// still about the theme.
bool IsModifiedHead(const Token& token) {
  static const auto* heads = new absl::flat_hash_set<std::string>{
      "advisor",      "advisors",      "adviser",      "advisers",
      "officer",      "officers",      "organization", "organizations",
      "organisation", "organisations", "defenders",    "measures",
      "capacities",   "capacity",      "technologies", "section",
      "unit",         "division",      "specialists",  "components",
      "focal",        "actors",        "institutions", "units"};
  return token.is_word && heads->contains(token.norm);
}

bool IsFunctionWord(const Token& token) {
  static const auto* words = new absl::flat_hash_set<std::string>{
      "of", "and", "the", "in", "for", "on", "to", "a", "an", "with"};
  return words->contains(token.norm);
}

// Title Case words, not an acronym ("CRSV") or a shouted heading.
bool InTitleCase(const std::vector<Token>& tokens, size_t first, size_t last) {
  bool named = false;
  for (size_t i = first; i < last; ++i) {
    const Token& t = tokens[i];
    if (!t.is_word) continue;
    if (IsFunctionWord(t)) continue;
    if (!t.capitalized || t.all_caps) return false;
    named = true;
  }
  return named;
}

}  // namespace

bool IsThemeMention(const Block& block, const std::vector<Token>& tokens,
                    Span span) {
  auto first = std::find_if(tokens.begin(), tokens.end(), [&](const Token& t) {
    return t.span.start >= span.start;
  });
  auto last = std::find_if(first, tokens.end(), [&](const Token& t) {
    return t.span.start >= span.end;
  });
  if (last != tokens.end() && last->span.start == span.end + 1 &&
      IsModifiedHead(*last)) {
    return false;
  }
  if (block.kind == BlockKind::kHeading ||
      block.kind == BlockKind::kAgendaLine) {
    return true;
  }
  // A sentence's first word is capitalized whatever it names.
  size_t sentence_start = block.content.start;
  for (const Span& sentence : block.sentences) {
    if (sentence.start <= span.start) {
      sentence_start = std::max(sentence_start, sentence.start);
    }
  }
  bool opens_sentence =
      std::none_of(tokens.begin(), first, [&](const Token& t) {
        return t.is_word && t.span.start >= sentence_start;
      });
  if (opens_sentence) return true;
  return !InTitleCase(tokens, first - tokens.begin(), last - tokens.begin());
}

}  // namespace kg::text
