// Gazetteer: the names and aliases of known entities, found in text.
//
// Built from the graph's own nodes (the shipped reference data and what
// earlier documents taught it), so general knowledge lives in data files.
// A surface form without lower-case letters ("UNMISS", "AU", "A4P+")
// matches only as written; any other form matches ignoring case and
// diacritics, but a capitalized one-word form ("Chad") only a capitalized
// word.
#ifndef KG_TEXT_GAZETTEER_H_
#define KG_TEXT_GAZETTEER_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "kg/text/segmenter.h"
#include "kg/text/tokenizer.h"

namespace kg::text {

struct GazetteerEntry {
  std::string key;
  std::string label;
  std::string name;
  // A group named without its members ("Member States"): the reference
  // data marks it `generic`.
  bool generic = false;
};

struct GazetteerMatch {
  Span span;
  // Index of the entry in Gazetteer::entries().
  int entry = -1;
  // Matched the canonical name (rather than an alias).
  bool by_name = false;
};

class Gazetteer {
 public:
  // Returns the entry's index; adding a key again returns the first index.
  int AddEntry(absl::string_view key, absl::string_view label,
               absl::string_view name);
  void MarkGeneric(int entry) { entries_[entry].generic = true; }
  // Adds a surface form of entry `entry`.
  void AddSurface(int entry, absl::string_view surface, bool is_name);

  // The longest matches in `tokens`, left to right, not overlapping, plus
  // the states and places named inside them.
  std::vector<GazetteerMatch> Find(const std::vector<Token>& tokens) const;

  // The entry for `key`, or -1.
  int FindKey(absl::string_view key) const;
  // Entries whose surface forms equal `surface` (normalized), best first.
  std::vector<int> Lookup(absl::string_view surface) const;

  const std::vector<GazetteerEntry>& entries() const { return entries_; }

 private:
  struct Candidate {
    int entry;
    bool by_name;
    bool needs_capital;
  };
  // The longest surface form starting at tokens[i], and its token count.
  const Candidate* LongestAt(const std::vector<Token>& tokens, size_t i,
                             size_t* length) const;
  std::vector<GazetteerEntry> entries_;
  absl::flat_hash_map<std::string, int> by_key_;
  // Surface forms, tokens joined by one space: case-insensitive forms by
  // normalized tokens, exact forms by the tokens as written.
  absl::flat_hash_map<std::string, std::vector<Candidate>> folded_;
  absl::flat_hash_map<std::string, std::vector<Candidate>> exact_;
  // Every leading run of tokens of every form, normalized and joined as
  // in folded_.
  absl::flat_hash_set<std::string> prefixes_;
  size_t max_tokens_ = 0;
};

}  // namespace kg::text

#endif  // KG_TEXT_GAZETTEER_H_
