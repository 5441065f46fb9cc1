#include "kg/text/person_names.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "kg/text/name_patterns.h"

namespace kg::text {
namespace {

absl::string_view Of(absl::string_view text, Span s) {
  return text.substr(s.start, s.size());
}

// Honorifics and ranks that stand before a person's name (normalized,
// several words joined by spaces).
const absl::flat_hash_set<std::string>& Honorifics() {
  static const auto* words =
      new absl::flat_hash_set<std::string>{"mr",
                                           "ms",
                                           "mrs",
                                           "dr",
                                           "prof",
                                           "professor",
                                           "ambassador",
                                           "h.e",
                                           "sir",
                                           "dame",
                                           "judge",
                                           "justice",
                                           "senator",
                                           "general",
                                           "gen",
                                           "secretary general",
                                           "secretary - general",
                                           "lieutenant general",
                                           "lt gen",
                                           "lt. gen",
                                           "major general",
                                           "maj gen",
                                           "brigadier general",
                                           "brig gen",
                                           "brigadier",
                                           "colonel",
                                           "lieutenant colonel",
                                           "lt col",
                                           "commander",
                                           "admiral",
                                           "rear admiral",
                                           "vice admiral",
                                           "captain",
                                           "major",
                                           "commissioner",
                                           "superintendent",
                                           "minister",
                                           "president",
                                           "excellency"};
  return *words;
}

}  // namespace

bool IsHonorific(absl::string_view norm) { return Honorifics().contains(norm); }

bool IsTitleWord(absl::string_view norm) {
  static const auto* words =
      new absl::flat_hash_set<std::string>{"under-secretary-general",
                                           "secretary-general",
                                           "assistant",
                                           "minister",
                                           "ambassador",
                                           "director",
                                           "director-general",
                                           "head",
                                           "chief",
                                           "adviser",
                                           "advisor",
                                           "representative",
                                           "professor",
                                           "officer",
                                           "commander",
                                           "president",
                                           "vice-president",
                                           "chair",
                                           "chairperson",
                                           "chairman",
                                           "co-chair",
                                           "coordinator",
                                           "fellow",
                                           "leader",
                                           "deputy",
                                           "senior",
                                           "special",
                                           "permanent",
                                           "executive",
                                           "acting",
                                           "principal",
                                           "team",
                                           "force",
                                           "police",
                                           "military",
                                           "gender",
                                           "programme",
                                           "program",
                                           "secretary",
                                           "undersecretary",
                                           "envoy",
                                           "commissioner",
                                           "spokesperson",
                                           "researcher",
                                           "lecturer",
                                           "manager",
                                           "analyst",
                                           "specialist",
                                           "expert",
                                           "member",
                                           "founder",
                                           "ceo",
                                           "associate",
                                           "general",
                                           "colonel",
                                           "lieutenant",
                                           "major",
                                           "brigadier",
                                           "admiral",
                                           "counsellor",
                                           "counselor",
                                           "attache",
                                           "consultant",
                                           "editor",
                                           "dean"};
  return words->contains(norm);
}

namespace {

bool IsNameWord(const Token& t) {
  if (!t.is_word || !t.capitalized) return false;
  // Acronyms ("UN", "DPO") are not given names; initials ("J") are.
  return !(t.all_caps && t.norm.size() > 1 && t.norm != "md");
}

// Name words from tokens[i]: capitalized words, hyphen-joined parts and
// initials, at most four words. Returns the index after the name.
size_t NameEnd(const std::vector<Token>& tokens, size_t i) {
  size_t words = 0, j = i;
  while (j < tokens.size() && words < 4) {
    if (IsNameWord(tokens[j])) {
      ++words;
      ++j;
      // "Jean-Pierre", "Kihara-Hunt": a hyphen binds the next part.
      while (j + 1 < tokens.size() && tokens[j].norm == "-" &&
             tokens[j].span.start == tokens[j - 1].span.end &&
             tokens[j + 1].is_word) {
        j += 2;
      }
      // An initial's period: "J. Smith".
      if (j < tokens.size() && tokens[j].norm == "." &&
          tokens[j - 1].norm.size() == 1) {
        ++j;
      }
    } else {
      break;
    }
  }
  return words >= 2 ? j : i;
}

// The number of tokens of a retired rank's marker at tokens[i] ("(R)",
// "(Ret.)", "(retd)"), or 0.
size_t RetiredMarkerAt(const std::vector<Token>& tokens, size_t i) {
  static const auto* words =
      new absl::flat_hash_set<std::string>{"r", "ret", "retd", "retired"};
  if (i + 2 >= tokens.size() || tokens[i].norm != "(" ||
      !words->contains(tokens[i + 1].norm)) {
    return 0;
  }
  size_t close = i + 2;
  if (tokens[close].norm == "." && close + 1 < tokens.size()) ++close;
  return tokens[close].norm == ")" ? close + 1 - i : 0;
}

// The number of tokens of an honorific or rank starting at tokens[i]
// (with its period: "Ms."), or 0.
size_t HonorificAt(const std::vector<Token>& tokens, size_t i) {
  if (i >= tokens.size() || !tokens[i].capitalized) return 0;
  for (size_t n = 3; n >= 1; --n) {
    if (i + n > tokens.size()) continue;
    std::string phrase;
    for (size_t k = i; k < i + n; ++k) {
      if (!phrase.empty()) phrase.push_back(' ');
      phrase.append(tokens[k].norm);
    }
    if (!Honorifics().contains(phrase)) continue;
    size_t end = i + n;
    if (end < tokens.size() && tokens[end].norm == ".") ++end;
    return end + RetiredMarkerAt(tokens, end) - i;
  }
  return 0;
}

bool IsReportingVerb(absl::string_view norm) {
  static const auto* verbs = new absl::flat_hash_set<std::string>{
      "said",       "says",       "added",       "explained",  "noted",
      "stated",     "told",       "highlighted", "underlined", "stressed",
      "emphasized", "emphasised", "announced",   "warned",     "urged",
      "welcomed",   "expressed",  "indicated",   "described",  "remarked",
      "recalled",   "pointed",    "observed",    "declared",   "hopes",
      "hoped",      "expects",    "expected",    "urges",      "believes",
      "believed"};
  return verbs->contains(norm);
}

// A token that may stand inside a title phrase.
bool InsideTitle(const Token& t) {
  return (t.is_word && t.capitalized) || t.norm == "-" || t.norm == "for" ||
         t.norm == "of" || t.norm == "and";
}

// A title phrase ends right before tokens[i]: within a few capitalized
// words or connectors back there is a title word ("Under-Secretary-General
// for Field Support | Ana Ruiz").
bool TitleBefore(const std::vector<Token>& tokens, size_t i) {
  for (size_t back = 1; back <= 8 && back <= i; ++back) {
    const Token& t = tokens[i - back];
    if (IsTitleWord(t.norm) || IsTitleWord(CompoundAt(tokens, i - back))) {
      return true;
    }
    if (!InsideTitle(t)) return false;
  }
  return false;
}

// The title phrase ending before tokens[i] follows a comma itself: it is
// the title of a name before it, and what follows it is an organization
// ("Kim Park, Lecturer, Open University").
bool TitleInApposition(const std::vector<Token>& tokens, size_t i) {
  while (i > 0 && InsideTitle(tokens[i - 1])) --i;
  return i > 0 && tokens[i - 1].norm == ",";
}

// Where the last two capitalized words of tokens[start, end) begin, with
// the parts a hyphen joins to them ("Jean-Paul Okafor"); `end` when
// there are fewer.
size_t LastTwoWords(const std::vector<Token>& tokens, size_t start,
                    size_t end) {
  size_t words = 0;
  size_t first = end;
  for (size_t k = end; k-- > start;) {
    if (tokens[k].is_word && tokens[k].capitalized && ++words == 2) {
      first = k;
      break;
    }
  }
  if (words < 2) return end;
  while (first >= start + 2 && tokens[first - 1].norm == "-" &&
         tokens[first - 1].span.start == tokens[first - 2].span.end &&
         tokens[first - 2].capitalized) {
    first -= 2;
  }
  return first;
}

// A credit line names its photographer or author before tokens[i]
// ("Photo by Ana Ruiz/UNMIK", "Photo: Ana Ruiz").
bool CreditBefore(const std::vector<Token>& tokens, size_t i) {
  static const auto* words = new absl::flat_hash_set<std::string>{
      "photo", "photos", "photograph", "credit", "photographer"};
  return i >= 2 && (tokens[i - 1].norm == "by" || tokens[i - 1].norm == ":") &&
         words->contains(tokens[i - 2].norm);
}

}  // namespace

std::vector<PersonName> FindPeople(absl::string_view text,
                                   const std::vector<Token>& tokens,
                                   bool list_line) {
  std::vector<PersonName> out;
  size_t i = 0;
  while (i < tokens.size()) {
    size_t honorific = HonorificAt(tokens, i);
    size_t name_start = i + honorific;
    size_t end = NameEnd(tokens, name_start);
    if (end == name_start) {
      ++i;
      continue;
    }
    bool line_start = list_line && i == 0;
    bool comma = end + 1 < tokens.size() && tokens[end].norm == ",";
    // ", the Deputy Special Representative ...": an article may open the
    // title.
    size_t title_at = end + 1;
    if (title_at + 1 < tokens.size() && tokens[title_at].norm == "the") {
      ++title_at;
    }
    bool title_follows = comma && (IsTitleWord(CompoundAt(tokens, title_at)) ||
                                   (line_start && tokens[end + 1].capitalized));
    bool said = end < tokens.size() && IsReportingVerb(tokens[end].norm);
    bool period = end == tokens.size() || tokens[end].norm == ".";
    bool enumerated = end < tokens.size() &&
                      (tokens[end].norm == "and" || tokens[end].norm == "or" ||
                       tokens[end].norm == "&");
    std::string rule;
    if (honorific > 0) {
      rule = "person-honorific";
    } else if (CreditBefore(tokens, name_start)) {
      rule = "person-credit";
    } else if (name_start > 0 && tokens[name_start - 1].norm == "," &&
               TitleBefore(tokens, name_start - 1) &&
               !TitleInApposition(tokens, name_start - 1) && !enumerated) {
      // "the Minister of Defence, Ana Ruiz, ...": a title set before the
      // name by a comma; "Director for Asia, North Africa and ..." lists
      // the title's regions instead.
      rule = "person-title-apposition";
    } else if (title_follows) {
      rule = line_start ? "person-name-title-line" : "person-apposition";
    } else if (comma || said || period) {
      // "... for Field Support Ana Ruiz, added": the title's last
      // words run into the name; a name is its last two words.
      size_t last_two = LastTwoWords(tokens, name_start, end);
      if (last_two != end && TitleBefore(tokens, name_start)) {
        rule = "person-title-before-name";
        name_start = last_two;
      }
    }
    // "Deputy Secretary-Generals": title words are not a name.
    bool titled = std::any_of(
        tokens.begin() + name_start, tokens.begin() + end,
        [](const Token& t) { return t.is_word && IsTitleWord(t.norm); });
    if (!rule.empty() && !titled) {
      Span span{tokens[name_start].span.start, tokens[end - 1].span.end};
      out.push_back({span, std::string(Of(text, span)), rule});
    }
    i = end;
  }
  return out;
}

}  // namespace kg::text
