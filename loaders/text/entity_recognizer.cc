#include "kg/text/entity_recognizer.h"

#include <algorithm>
#include <regex>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "kg/graph/ontology.h"
#include "kg/text/name_patterns.h"
#include "kg/text/tokenizer.h"

namespace kg::text {
namespace {

absl::string_view Of(absl::string_view text, Span s) {
  return text.substr(s.start, s.size());
}

// What the document teaches about entities the graph did not know.
struct NewEntity {
  std::string label;
  std::string name;
  std::vector<std::string> aliases;
  std::string rule;
  double confidence;
};

// A capitalized phrase that a known name covers, or that joins a known
// name to more with "and" ("WPS and Action for Peace"), is not a new
// entity.
bool NamesKnownEntities(const NamedPhrase& phrase,
                        const std::vector<GazetteerMatch>& known) {
  for (const GazetteerMatch& match : known) {
    if (match.span.Contains(phrase.span)) return true;
    bool starts_phrase = match.span.start == phrase.span.start;
    size_t after = match.span.end - phrase.span.start;
    if (starts_phrase && after < phrase.name.size() &&
        absl::StartsWith(absl::string_view(phrase.name).substr(after),
                         " and ")) {
      return true;
    }
  }
  return false;
}

class Recognition {
 public:
  Recognition(absl::string_view text, const Segmentation& segmentation,
              const Gazetteer& gazetteer)
      : text_(text), segmentation_(segmentation), local_(gazetteer) {}

  std::vector<Mention> Run() {
    for (const Block& block : segmentation_.blocks) {
      std::vector<Token> tokens = Tokenize(text_, block.content);
      for (const AcronymDefinition& def :
           FindAcronymDefinitions(text_, tokens)) {
        Define(def);
      }
      for (const PersonName& person :
           FindPeople(text_, tokens,
                      block.kind == BlockKind::kListItem ||
                          block.kind == BlockKind::kLabelLine)) {
        AddNew(person.span, "Person", person.name, {}, person.rule, 0.8);
      }
      std::vector<GazetteerMatch> known = local_.Find(tokens);
      for (const NamedPhrase& phrase : FindNamedPhrases(text_, tokens)) {
        if (NamesKnownEntities(phrase, known)) continue;
        std::string label = LabelForName(phrase.name);
        if (!label.empty() && label != "Person") {
          AddNew(phrase.span, label, phrase.name, {}, "named-phrase", 0.6);
        }
      }
    }
    for (const ResolutionRef& ref : FindResolutions(text_)) {
      std::string key = absl::StrCat("resolution:unsc-", ref.number);
      int entry = local_.FindKey(key);
      if (entry < 0) {
        std::string name =
            ref.year.empty()
                ? absl::StrCat("Security Council resolution ", ref.number)
                : absl::StrCat("Security Council resolution ", ref.number, " (",
                               ref.year, ")");
        entry = local_.AddEntry(key, "Resolution", name);
        new_[entry] = {"Resolution", name, {}, "resolution-number", 0.9};
      }
      Push(ref.span, entry, "resolution-number", 0.9);
    }
    for (const Block& block : segmentation_.blocks) {
      std::vector<Token> tokens = Tokenize(text_, block.content);
      for (const GazetteerMatch& match : local_.Find(tokens)) {
        auto it = new_.find(match.entry);
        Push(match.span, match.entry,
             it == new_.end() ? "gazetteer" : it->second.rule,
             it == new_.end() ? (match.by_name ? 1.0 : 0.9)
                              : it->second.confidence);
      }
    }
    return Resolve();
  }

 private:
  void Define(const AcronymDefinition& def) {
    std::vector<int> known = local_.Lookup(def.acronym);
    if (known.empty()) known = local_.Lookup(def.long_name);
    if (!known.empty()) {
      local_.AddSurface(known.front(), def.long_name, false);
      local_.AddSurface(known.front(), def.acronym, false);
      learned_aliases_[known.front()].push_back(def.long_name);
      learned_aliases_[known.front()].push_back(def.acronym);
      return;
    }
    std::string label = LabelForName(def.long_name);
    if (label.empty()) return;
    AddNew(def.long_span, label, def.long_name, {def.acronym},
           "acronym-definition", 0.85, def.acronym);
  }

  void AddNew(Span span, const std::string& label, const std::string& name,
              std::vector<std::string> aliases, const std::string& rule,
              double confidence, absl::string_view key_basis = "") {
    std::string slug = Slugify(key_basis.empty() ? name : key_basis);
    if (slug.empty()) return;
    std::string key =
        label == "Mission" && !key_basis.empty()
            ? absl::StrCat("mission:", key_basis)
            : absl::StrCat(graph::KeyPrefixForLabel(label), ":", slug);
    if (local_.FindKey(key) >= 0 && !new_.contains(local_.FindKey(key))) {
      return;  // The graph knows the key; the gazetteer pass finds it.
    }
    int entry = local_.AddEntry(key, label, name);
    local_.AddSurface(entry, name, true);
    for (const std::string& alias : aliases)
      local_.AddSurface(entry, alias, false);
    if (label == "Person") {
      // Later mentions by surname alone ("Khare said").
      std::string surname(name.substr(name.rfind(' ') + 1));
      if (surname.size() >= 4) local_.AddSurface(entry, surname, false);
    }
    auto [it, inserted] = new_.try_emplace(
        entry, NewEntity{label, name, aliases, rule, confidence});
    if (!inserted) {
      for (const std::string& alias : aliases)
        it->second.aliases.push_back(alias);
    }
    Push(span, entry, rule, confidence);
  }

  void Push(Span span, int entry, const std::string& rule, double confidence) {
    const GazetteerEntry& e = local_.entries()[entry];
    Mention m;
    m.span = span;
    m.key = e.key;
    m.label = e.label;
    m.name = e.name;
    m.rule = rule;
    m.confidence = confidence;
    auto it = new_.find(entry);
    m.known = it == new_.end();
    if (!m.known) m.aliases = it->second.aliases;
    auto learned = learned_aliases_.find(entry);
    if (learned != learned_aliases_.end()) {
      m.aliases.insert(m.aliases.end(), learned->second.begin(),
                       learned->second.end());
    }
    mentions_.push_back(std::move(m));
  }

  // Keeps the longest of overlapping mentions (the earliest found on a tie).
  std::vector<Mention> Resolve() {
    std::stable_sort(mentions_.begin(), mentions_.end(),
                     [](const Mention& a, const Mention& b) {
                       if (a.span.start != b.span.start) {
                         return a.span.start < b.span.start;
                       }
                       return a.span.size() > b.span.size();
                     });
    std::vector<Mention> out;
    for (Mention& m : mentions_) {
      if (!out.empty() && out.back().span.Overlaps(m.span)) {
        if (m.span.size() <= out.back().span.size()) continue;
        out.pop_back();
      }
      out.push_back(std::move(m));
    }
    return out;
  }

  absl::string_view text_;
  const Segmentation& segmentation_;
  Gazetteer local_;
  absl::flat_hash_map<int, NewEntity> new_;
  absl::flat_hash_map<int, std::vector<std::string>> learned_aliases_;
  std::vector<Mention> mentions_;
};

}  // namespace

std::vector<Mention> EntityRecognizer::Recognize(
    absl::string_view text, const Segmentation& segmentation) const {
  return Recognition(text, segmentation, gazetteer_).Run();
}

}  // namespace kg::text
