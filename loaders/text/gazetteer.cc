#include "kg/text/gazetteer.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"

namespace kg::text {
namespace {

// Forms of one or two characters match too much by accident ("IS", "a").
constexpr size_t kMinSurfaceBytes = 2;
constexpr size_t kMaxSurfaceTokens = 24;

bool HasLower(absl::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return absl::ascii_islower(static_cast<unsigned char>(c));
  });
}

std::string Folded(const std::vector<Token>& tokens, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) {
    if (i > from) out.push_back(' ');
    out.append(tokens[i].norm);
  }
  return out;
}

// tokens[i] continues a hyphenated word: "-" right before it, attached to
// a word right before that.
bool HyphenJoined(const std::vector<Token>& tokens, size_t i) {
  return i >= 2 && tokens[i - 1].norm == "-" &&
         tokens[i - 1].span.end == tokens[i].span.start &&
         tokens[i - 2].span.end == tokens[i - 1].span.start &&
         tokens[i - 2].is_word;
}

}  // namespace

int Gazetteer::AddEntry(absl::string_view key, absl::string_view label,
                        absl::string_view name) {
  auto [it, inserted] =
      by_key_.try_emplace(std::string(key), static_cast<int>(entries_.size()));
  if (inserted) {
    entries_.push_back(
        {std::string(key), std::string(label), std::string(name)});
  }
  return it->second;
}

void Gazetteer::AddSurface(int entry, absl::string_view surface, bool is_name) {
  std::vector<Token> tokens = Tokenize(surface);
  if (tokens.empty() || tokens.size() > kMaxSurfaceTokens ||
      surface.size() < kMinSurfaceBytes || !tokens.front().is_word) {
    return;
  }
  bool exact = !HasLower(surface);
  // Exact forms have no lower-case letters: their folded form in upper
  // case is what an all-caps run of tokens folds to.
  std::string form = Folded(tokens, 0, tokens.size());
  if (exact) form = absl::AsciiStrToUpper(form);
  auto& candidates = (exact ? exact_ : folded_)[form];
  for (const Candidate& c : candidates) {
    if (c.entry == entry) return;
  }
  // A capitalized single word ("Chad", "Jordan") names the entity only when
  // capitalized; longer names are specific enough in any case.
  bool needs_capital =
      !exact && tokens.size() == 1 && tokens.front().capitalized;
  candidates.push_back({entry, is_name, needs_capital});
  max_tokens_ = std::max(max_tokens_, tokens.size());
}

std::vector<GazetteerMatch> Gazetteer::Find(
    const std::vector<Token>& tokens) const {
  std::vector<GazetteerMatch> out;
  size_t i = 0;
  while (i < tokens.size()) {
    const Candidate* best = nullptr;
    size_t best_len = 0;
    if (tokens[i].is_word && !HyphenJoined(tokens, i)) {
      size_t max_n = std::min(max_tokens_, tokens.size() - i);
      for (size_t n = max_n; n >= 1 && best == nullptr; --n) {
        if (!tokens[i + n - 1].is_word && tokens[i + n - 1].norm != "+" &&
            tokens[i + n - 1].norm != ")") {
          continue;
        }
        // A name inside a hyphenated word is not that name:
        // "Under-Secretary-General" does not name the Secretary-General.
        if (i + n < tokens.size() && HyphenJoined(tokens, i + n)) continue;
        std::string folded = Folded(tokens, i, i + n);
        bool caps = std::all_of(
            tokens.begin() + i, tokens.begin() + i + n, [](const Token& t) {
              return !t.is_word || t.all_caps ||
                     std::all_of(t.norm.begin(), t.norm.end(), [](char c) {
                       return !absl::ascii_isalpha(
                           static_cast<unsigned char>(c));
                     });
            });
        if (caps) {
          auto it = exact_.find(absl::AsciiStrToUpper(folded));
          if (it != exact_.end()) best = &it->second.front();
        }
        if (best == nullptr) {
          auto it = folded_.find(folded);
          if (it != folded_.end()) {
            for (const Candidate& c : it->second) {
              if (!c.needs_capital || tokens[i].capitalized) {
                best = &c;
                break;
              }
            }
          }
        }
        if (best != nullptr) best_len = n;
      }
    }
    if (best == nullptr) {
      ++i;
      continue;
    }
    out.push_back({{tokens[i].span.start, tokens[i + best_len - 1].span.end},
                   best->entry,
                   best->by_name});
    i += best_len;
  }
  return out;
}

int Gazetteer::FindKey(absl::string_view key) const {
  auto it = by_key_.find(key);
  return it == by_key_.end() ? -1 : it->second;
}

std::vector<int> Gazetteer::Lookup(absl::string_view surface) const {
  std::vector<int> out;
  std::vector<Token> tokens = Tokenize(surface);
  if (tokens.empty()) return out;
  for (const auto* map : {&exact_, &folded_}) {
    std::string form =
        map == &exact_ ? absl::AsciiStrToUpper(Folded(tokens, 0, tokens.size()))
                       : Folded(tokens, 0, tokens.size());
    auto it = map->find(form);
    if (it == map->end()) continue;
    for (const Candidate& c : it->second) {
      if (std::find(out.begin(), out.end(), c.entry) == out.end()) {
        out.push_back(c.entry);
      }
    }
  }
  return out;
}

}  // namespace kg::text
