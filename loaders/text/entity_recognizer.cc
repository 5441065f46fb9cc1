#include "kg/text/entity_recognizer.h"

#include <algorithm>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "definite_references.h"
#include "kg/graph/ontology.h"
#include "kg/graph/text_normalize.h"
#include "kg/text/name_patterns.h"
#include "kg/text/person_names.h"
#include "kg/text/tokenizer.h"
#include "name_candidates.h"
#include "names_in_names.h"
#include "topic_mentions.h"

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

// "University of Lagos", "College of Europe": a school named after a
// place; the text speaks of the school, not of the place.
bool AcademicName(absl::string_view name) {
  static const auto* heads = new absl::flat_hash_set<std::string>{
      "university", "college", "academy", "school"};
  std::vector<Token> tokens = Tokenize(name);
  return tokens.size() > 2 && heads->contains(tokens[0].norm) &&
         tokens[1].norm == "of";
}

// A name cut at a comma where its last words open a known name runs to
// that name's end: the comma inside the known name ("Working Group on
// Women, Peace and Security") does not end the name around it.
NamedPhrase ThroughKnownName(absl::string_view text, NamedPhrase phrase,
                             const std::vector<GazetteerMatch>& known) {
  for (const GazetteerMatch& match : known) {
    if (match.span.start > phrase.span.start &&
        match.span.start < phrase.span.end &&
        match.span.end > phrase.span.end && text[phrase.span.end] == ',') {
      phrase.span.end = match.span.end;
      phrase.name =
          std::string(text.substr(phrase.span.start, phrase.span.size()));
    }
  }
  return phrase;
}

bool IsPlaceLabel(absl::string_view label) {
  return label == "State" || label == "Place";
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
        // A run of capitalized words that names an organization or a known
        // entity is not a person ("Operational Support, added").
        if (!LabelForName(person.name).empty() ||
            !local_.Lookup(person.name).empty() ||
            HasNonNameWord(person.name)) {
          continue;
        }
        AddNew(person.span, "Person", person.name, {}, person.rule, 0.8);
      }
      // An agenda line's title is read as a session by the agenda rules.
      if (block.kind == BlockKind::kAgendaLine) continue;
      std::vector<GazetteerMatch> known = local_.Find(tokens);
      for (NamedPhrase phrase : FindNamedPhrases(text_, tokens)) {
        phrase = ThroughKnownName(text_, std::move(phrase), known);
        // "Superintendent Mary Wanjiru of the Kenya National Police
        // Service": a phrase that names nothing by its head may end in a
        // body's name after "of".
        if (LabelForName(phrase.name).empty()) {
          phrase = BodyAfterOf(text_, tokens, phrase);
        }
        if (NamesKnownEntities(phrase, known)) continue;
        std::string label = LabelForName(phrase.name);
        if (label.empty() || label == "Person") continue;
        Span span = phrase.span;
        if (label == "Event") span = WithVenue(tokens, span);
        std::string name(text_.substr(span.start, span.size()));
        if (label == "Organization") {
          if (const GazetteerMatch* state = StateAfter(span, known)) {
            // A national body named with its state ("Ministry of Defence,
            // Rwanda") is that state's: "Ministry of Defence (Rwanda)".
            const std::string& state_name = local_.entries()[state->entry].name;
            AddNew(span, label, absl::StrCat(name, " (", state_name, ")"),
                   {name, absl::StrCat(state_name, " ", name)}, "named-phrase",
                   0.6, absl::StrCat(state_name, " ", name));
            continue;
          }
        }
        AddNew(span, label, name, {}, "named-phrase", 0.6);
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
        if (local_.entries()[match.entry].label == "Topic" &&
            !IsThemeMention(block, tokens, match.span)) {
          continue;
        }
        auto it = new_.find(match.entry);
        Push(match.span, match.entry,
             it == new_.end() ? "gazetteer" : it->second.rule,
             it == new_.end() ? (match.by_name ? 1.0 : 0.9)
                              : it->second.confidence);
        if (local_.entries()[match.entry].label == "Resolution") {
          if (std::optional<GazetteerMatch> issuer =
                  IssuerInResolutionName(local_, text_, tokens, match.span)) {
            Push(issuer->span, issuer->entry, "resolution-issuer", 0.9);
          }
        }
      }
      DepartmentsInTitles(tokens);
    }
    std::vector<Mention> resolved = Resolve();
    return DefiniteReferences(text_, std::move(resolved));
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
    std::string slug = graph::Slugify(key_basis.empty() ? name : key_basis);
    if (slug.empty()) return;
    std::string key =
        label == "Mission" && !key_basis.empty()
            ? absl::StrCat("mission:", key_basis)
            : absl::StrCat(graph::KeyPrefixForLabel(label), ":", slug);
    if (local_.FindKey(key) >= 0 && !new_.contains(local_.FindKey(key))) {
      return;  // The graph knows the key; the gazetteer pass finds it.
    }
    // "WPS Focal Points Network" after "Women, Peace and Security Focal
    // Points Network (WPS-FPN)": the same head words name the same entity.
    if (int same = SameTail(label, name); same >= 0) {
      local_.AddSurface(same, name, false);
      new_[same].aliases.push_back(name);
      Push(span, same, rule, confidence);
      return;
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

  // A new entity of `label` this document defined whose name ends in the
  // same three or more words as `name`, or -1.
  int SameTail(const std::string& label, const std::string& name) const {
    constexpr size_t kTailWords = 3;
    std::vector<Token> words = Tokenize(name);
    if (words.size() < kTailWords) return -1;
    for (const auto& [entry, entity] : new_) {
      if (entity.label != label || entity.name == name) continue;
      std::vector<Token> other = Tokenize(entity.name);
      if (other.size() < kTailWords) continue;
      bool same = true;
      for (size_t k = 1; k <= kTailWords && same; ++k) {
        same = words[words.size() - k].norm == other[other.size() - k].norm;
      }
      if (same) return entry;
    }
    return -1;
  }

  // The state named right after `span`, as in "<name>, <State>".
  const GazetteerMatch* StateAfter(
      Span span, const std::vector<GazetteerMatch>& known) const {
    for (const GazetteerMatch& m : known) {
      if (m.span.start <= span.end) continue;
      absl::string_view gap = text_.substr(span.end, m.span.start - span.end);
      if (absl::StripAsciiWhitespace(gap) != ",") return nullptr;
      return local_.entries()[m.entry].label == "State" ? &m : nullptr;
    }
    return nullptr;
  }

  // Event names often end in their venue: "... Conference on
  // Peacekeeping in Seoul".
  Span WithVenue(const std::vector<Token>& tokens, Span span) const {
    for (size_t i = 0; i + 1 < tokens.size(); ++i) {
      if (tokens[i].span.start < span.end) continue;
      if (tokens[i].span.start > span.end + 1 || tokens[i].norm != "in") break;
      size_t last = i + 1;
      while (last < tokens.size() && tokens[last].is_word &&
             tokens[last].capitalized && last - i <= 3) {
        ++last;
      }
      if (last == i + 1) break;
      Span venue{tokens[i + 1].span.start, tokens[last - 1].span.end};
      std::vector<int> places =
          local_.Lookup(text_.substr(venue.start, venue.size()));
      bool is_place = std::any_of(places.begin(), places.end(), [&](int e) {
        return IsPlaceLabel(local_.entries()[e].label);
      });
      if (is_place) span.end = venue.end;
      break;
    }
    return span;
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
    if (m.label == "Event") {
      NamedInside inside = NamedInEventName(local_, text_, span, entry);
      m.frameworks_named = std::move(inside.frameworks);
      m.topics_named = std::move(inside.topics);
    }
    auto learned = learned_aliases_.find(entry);
    if (learned != learned_aliases_.end()) {
      m.aliases.insert(m.aliases.end(), learned->second.begin(),
                       learned->second.end());
    }
    mentions_.push_back(std::move(m));
  }

  // "Under-Secretary-General for Peacekeeping Operations": the title names
  // the department its holder heads, "Department of Peacekeeping
  // Operations" (or the Office of ...).
  void DepartmentsInTitles(const std::vector<Token>& tokens) {
    for (size_t i = 0; i + 2 < tokens.size(); ++i) {
      std::string title = CompoundAt(tokens, i);
      if (!absl::EndsWith(title, "secretary-general") && title != "director" &&
          title != "head") {
        continue;
      }
      size_t k = i;
      while (k < tokens.size() && tokens[k].norm != "for" &&
             tokens[k].norm != "of" && k - i < 6) {
        ++k;
      }
      if (k >= tokens.size() ||
          (tokens[k].norm != "for" && tokens[k].norm != "of")) {
        continue;
      }
      size_t first = k + 1;
      if (first < tokens.size() && tokens[first].norm == "the") ++first;
      size_t last = first;
      while (last < tokens.size() &&
             ((tokens[last].is_word && tokens[last].capitalized) ||
              tokens[last].norm == "and" || tokens[last].norm == ",")) {
        ++last;
      }
      // The title's words may run into its holder's name ("for
      // Operational Support Atul Khare"): the longest run that names a
      // department is its name.
      for (size_t end = last; end > first; --end) {
        if (!tokens[end - 1].is_word) continue;
        Span span{tokens[first].span.start, tokens[end - 1].span.end};
        if (PushDepartment(span)) break;
      }
      i = last;
    }
  }

  // Pushes the department or office whose name is "Department of " or
  // "Office of " and the words at `span`; false when there is none.
  bool PushDepartment(Span span) {
    std::string words(text_.substr(span.start, span.size()));
    for (absl::string_view head : {"Department of ", "Office of "}) {
      std::vector<int> entries = local_.Lookup(absl::StrCat(head, words));
      if (entries.empty()) continue;
      Push(span, entries.front(), "title-department", 0.7);
      return true;
    }
    return false;
  }

  // Keeps the longest of overlapping mentions (the earliest found on a tie),
  // and the states and places named inside a longer name ("United Nations
  // Mission in the Republic of South Sudan") and the body inside a
  // resolution's: a reader notes those too.
  std::vector<Mention> Resolve() {
    std::stable_sort(mentions_.begin(), mentions_.end(),
                     [](const Mention& a, const Mention& b) {
                       if (a.span.start != b.span.start) {
                         return a.span.start < b.span.start;
                       }
                       return a.span.size() > b.span.size();
                     });
    std::vector<Mention> out;
    std::vector<Mention> nested;
    for (Mention& m : mentions_) {
      if (!out.empty() && out.back().span.Overlaps(m.span)) {
        if (m.span.size() <= out.back().span.size()) {
          bool issuer = m.label == "UNBody" && out.back().label == "Resolution";
          if (out.back().span.Contains(m.span) &&
              ((IsPlaceLabel(m.label) && !AcademicName(out.back().name)) ||
               issuer)) {
            nested.push_back(std::move(m));
          }
          continue;
        }
        out.pop_back();
      }
      out.push_back(std::move(m));
    }
    out.insert(out.end(), nested.begin(), nested.end());
    std::stable_sort(out.begin(), out.end(),
                     [](const Mention& a, const Mention& b) {
                       return a.span.start < b.span.start;
                     });
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
