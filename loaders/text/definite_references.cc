#include "definite_references.h"

#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "kg/text/tokenizer.h"

namespace kg::text {
namespace {

bool IsHeadNoun(const Token& token) {
  static const auto* heads = new absl::flat_hash_set<std::string>{
      "network",     "council",      "commission", "committee", "department",
      "secretariat", "organization", "mission",    "group",     "conference",
      "summit",      "forum",        "union",      "assembly",  "office",
      "compact",     "agenda",       "initiative", "strategy",  "seminar",
      "meeting"};
  return token.capitalized && heads->contains(token.norm);
}

// The index of the head noun a reference at tokens[i] stands on, if any:
// "the Network" (a definite article and a bare head: not "the Network
// Secretariat", "the Council of Europe") and "Network members" (the
// members of that body, not "the Council members", which the article
// already found).
std::optional<size_t> ReferenceHead(const std::vector<Token>& tokens,
                                    size_t i) {
  if (tokens[i].norm == "the") {
    const Token& head = tokens[i + 1];
    if (!IsHeadNoun(head)) return std::nullopt;
    bool longer = i + 2 < tokens.size() &&
                  ((tokens[i + 2].is_word && tokens[i + 2].capitalized) ||
                   tokens[i + 2].norm == "of" || tokens[i + 2].norm == "for" ||
                   tokens[i + 2].norm == "on");
    if (longer) return std::nullopt;
    return i + 1;
  }
  bool members =
      tokens[i + 1].norm == "members" || tokens[i + 1].norm == "member";
  bool opens =
      i == 0 || !(tokens[i - 1].is_word &&
                  (tokens[i - 1].capitalized || tokens[i - 1].norm == "the"));
  if (!members || !opens || !IsHeadNoun(tokens[i])) return std::nullopt;
  return i;
}

}  // namespace

std::vector<Mention> DefiniteReferences(absl::string_view text,
                                        std::vector<Mention> mentions) {
  std::vector<Token> tokens = Tokenize(text);
  std::vector<Mention> out;
  size_t next = 0;
  absl::flat_hash_map<std::string, int> counts;
  // For each word of a name, the first mention of each entity whose name
  // holds it (indexes into `out`), in the order first named: each name is
  // read once, so a long document costs no more per reference.
  absl::flat_hash_map<std::string, std::vector<size_t>> named_by_word;
  auto take = [&](const Mention& mention) {
    if (counts[mention.key]++ == 0) {
      absl::flat_hash_set<std::string> words;
      for (const Token& t : Tokenize(mention.name)) {
        if (words.insert(t.norm).second) {
          named_by_word[t.norm].push_back(out.size());
        }
      }
    }
    out.push_back(mention);
  };
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    while (next < mentions.size() &&
           mentions[next].span.start <= tokens[i].span.start) {
      take(mentions[next++]);
    }
    std::optional<size_t> at = ReferenceHead(tokens, i);
    if (!at.has_value()) continue;
    const Token& head = tokens[*at];
    bool covered =
        next < mentions.size() && mentions[next].span.start <= head.span.start;
    if (covered || (!out.empty() && out.back().span.end > head.span.start)) {
      continue;
    }
    const auto named = named_by_word.find(head.norm);
    if (named == named_by_word.end()) continue;
    // The entity with the head word named most often so far; the first
    // named of equals.
    size_t best = named->second.front();
    for (size_t index : named->second) {
      if (counts[out[index].key] > counts[out[best].key]) best = index;
    }
    Mention reference = out[best];
    reference.span = head.span;
    reference.rule = "definite-reference";
    reference.confidence = 0.6;
    reference.aliases.clear();
    out.push_back(std::move(reference));
  }
  while (next < mentions.size()) out.push_back(mentions[next++]);
  return out;
}

}  // namespace kg::text
