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

bool IsPlaceEntry(const GazetteerEntry& entry) {
  return entry.label == "State" || entry.label == "Place";
}

// Whether the name of `entry` may open with a state or place it names: a
// body's or an event's, not a framework's or a person's.
bool MayOpenWithPlace(const GazetteerEntry& entry) {
  return entry.label != "Framework" && entry.label != "Person" &&
         !IsPlaceEntry(entry);
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
  // Normalized tokens are lower case, so the exact form's prefixes are
  // these too.
  for (size_t n = 1; n <= tokens.size(); ++n) {
    prefixes_.insert(Folded(tokens, 0, n));
  }
}

const Gazetteer::Candidate* Gazetteer::LongestAt(
    const std::vector<Token>& tokens, size_t i, size_t* length) const {
  if (!tokens[i].is_word || HyphenJoined(tokens, i)) return nullptr;
  // "Assistant Secretary-General" is a rank below the office it names, as
  // "Under-Secretary-General" is: its holder is not the Secretary-General.
  if (i >= 1 && tokens[i - 1].norm == "assistant") return nullptr;
  // No form is longer than the run of tokens that starts one: this bounds
  // the search without hashing max_tokens_ strings at every position.
  size_t max_n = 0;
  std::string prefix;
  while (max_n < std::min(max_tokens_, tokens.size() - i)) {
    if (max_n > 0) prefix.push_back(' ');
    prefix.append(tokens[i + max_n].norm);
    if (!prefixes_.contains(prefix)) break;
    ++max_n;
  }
  for (size_t n = max_n; n >= 1; --n) {
    const Token& last = tokens[i + n - 1];
    if (!last.is_word && last.norm != "+" && last.norm != ")") continue;
    // A name inside a hyphenated word is not that name:
    // "Under-Secretary-General" does not name the Secretary-General.
    if (i + n < tokens.size() && HyphenJoined(tokens, i + n)) continue;
    std::string folded = Folded(tokens, i, i + n);
    bool caps = std::all_of(
        tokens.begin() + i, tokens.begin() + i + n, [](const Token& t) {
          return !t.is_word || t.all_caps ||
                 std::none_of(t.norm.begin(), t.norm.end(), [](char c) {
                   return absl::ascii_isalpha(static_cast<unsigned char>(c));
                 });
        });
    if (caps) {
      auto it = exact_.find(absl::AsciiStrToUpper(folded));
      if (it != exact_.end()) {
        *length = n;
        return &it->second.front();
      }
    }
    auto it = folded_.find(folded);
    if (it == folded_.end()) continue;
    for (const Candidate& c : it->second) {
      if (!c.needs_capital || tokens[i].capitalized) {
        *length = n;
        return &c;
      }
    }
  }
  return nullptr;
}

std::vector<GazetteerMatch> Gazetteer::Find(
    const std::vector<Token>& tokens) const {
  // The longest match at every position; then the longest win where they
  // overlap, so "the United Nations" cannot cut "United Nations Mission
  // in Mali" short.
  struct Found {
    size_t start, length;
    const Candidate* candidate;
  };
  std::vector<Found> found;
  for (size_t i = 0; i < tokens.size(); ++i) {
    size_t length = 0;
    if (const Candidate* c = LongestAt(tokens, i, &length)) {
      found.push_back({i, length, c});
      // A body's or an event's name may open with a state or place
      // ("Bangladesh Army", "the Seoul Ministerial"): its words, cut short
      // before its end, find it. A framework named after a place ("Kigali
      // Principles") is not about the place, nor is a person ("Jordan
      // Ryan"). The words are at most a form long, so copying is cheap.
      std::vector<Token> name;
      size_t inner_length = length;
      while (MayOpenWithPlace(entries_[c->entry]) && inner_length > 1) {
        name.assign(tokens.begin() + i, tokens.begin() + i + inner_length - 1);
        c = LongestAt(name, 0, &inner_length);
        if (c == nullptr) break;
        if (IsPlaceEntry(entries_[c->entry])) {
          found.push_back({i, inner_length, c});
        }
      }
    }
  }
  std::stable_sort(
      found.begin(), found.end(),
      [](const Found& a, const Found& b) { return a.length > b.length; });
  std::vector<bool> taken(tokens.size(), false);
  std::vector<GazetteerMatch> out;
  for (const Found& f : found) {
    bool overlaps =
        std::any_of(taken.begin() + f.start, taken.begin() + f.start + f.length,
                    [](bool t) { return t; });
    // States and places inside a longer name ("... Mission in Mali") are
    // named too; the caller decides what to keep.
    bool inner_place = IsPlaceEntry(entries_[f.candidate->entry]);
    if (overlaps && !inner_place) continue;
    if (overlaps) {
      out.push_back({{tokens[f.start].span.start,
                      tokens[f.start + f.length - 1].span.end},
                     f.candidate->entry,
                     f.candidate->by_name});
      continue;
    }
    std::fill(taken.begin() + f.start, taken.begin() + f.start + f.length,
              true);
    out.push_back(
        {{tokens[f.start].span.start, tokens[f.start + f.length - 1].span.end},
         f.candidate->entry,
         f.candidate->by_name});
  }
  std::sort(out.begin(), out.end(),
            [](const GazetteerMatch& a, const GazetteerMatch& b) {
              return a.span.start < b.span.start;
            });
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
