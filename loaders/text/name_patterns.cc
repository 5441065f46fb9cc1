#include "kg/text/name_patterns.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace kg::text {
namespace {

absl::string_view Of(absl::string_view text, Span s) {
  return text.substr(s.start, s.size());
}

// Lower-case words that may stand inside a capitalized name ("Department
// of Peace Operations").
const absl::flat_hash_set<std::string>& Connectors() {
  static const auto* words = new absl::flat_hash_set<std::string>{
      "of",  "for", "on", "and", "the", "de", "du",
      "des", "la",  "le", "del", "&",   "-",  "'"};
  return *words;
}

// More words that stand inside a long name an acronym defines ("...
// Discrimination against Women (CEDAW)"); the acronym's initials bound the
// name, so these are safe there and too loose elsewhere.
bool IsAcronymConnector(absl::string_view norm) {
  static const auto* words = new absl::flat_hash_set<std::string>{
      "in",    "at",      "to",     "against", "with",  "by", "from",
      "among", "between", "within", "into",    "under", ","};
  return Connectors().contains(norm) || words->contains(norm);
}

// Words that open a sentence or phrase before a name: articles,
// determiners and prepositions ("At the Seminar on WPS", "in Every
// Plan").
bool IsArticle(absl::string_view norm) {
  static const auto* words = new absl::flat_hash_set<std::string>{
      "the",   "a",       "an",     "this",   "its",       "their",  "our",
      "at",    "in",      "on",     "during", "for",       "by",     "with",
      "from",  "through", "under",  "since",  "after",     "before", "to",
      "of",    "and",     "as",     "while",  "following", "every",  "each",
      "any",   "all",     "some",   "no",     "both",      "these",  "those",
      "other", "many",    "several"};
  return words->contains(norm);
}

}  // namespace

std::vector<AcronymDefinition> FindAcronymDefinitions(
    absl::string_view text, const std::vector<Token>& tokens) {
  std::vector<AcronymDefinition> out;
  for (size_t i = 0; i + 2 < tokens.size(); ++i) {
    if (tokens[i].norm != "(") continue;
    // "(ACR)" or "\(ACR\)" as Markdown escapes it; "A4P+" is two tokens.
    size_t j = i + 1;
    std::string acronym;
    while (j < tokens.size() && tokens[j].norm != ")" &&
           (tokens[j].is_word || tokens[j].norm == "+" ||
            tokens[j].norm == "-" || tokens[j].norm == "&" ||
            tokens[j].norm == "/")) {
      absl::StrAppend(&acronym, Of(text, tokens[j].span));
      ++j;
    }
    if (j >= tokens.size() ||
        (tokens[j].norm != ")" && tokens[j].norm != "\\")) {
      continue;
    }
    int upper = std::count_if(acronym.begin(), acronym.end(), [](char c) {
      return absl::ascii_isupper(static_cast<unsigned char>(c));
    });
    if (upper < 2 || acronym.size() > 15 ||
        !absl::ascii_isupper(static_cast<unsigned char>(acronym[0]))) {
      continue;
    }
    // Walk back over the long name's words.
    size_t end = i;
    if (end > 0 && tokens[end - 1].norm == "\\") --end;
    std::vector<size_t> words;
    size_t k = end;
    while (k > 0 && end - k < 16) {
      const Token& t = tokens[k - 1];
      bool connector = IsAcronymConnector(t.norm);
      if (!(t.is_word && (t.capitalized || t.all_caps || connector)) &&
          !connector) {
        break;
      }
      --k;
      if (t.is_word) words.push_back(k);
    }
    std::reverse(words.begin(), words.end());
    std::string letters;
    for (char c : acronym) {
      if (absl::ascii_isalpha(static_cast<unsigned char>(c))) {
        letters.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
      }
    }
    // The shortest run of words, ending at the parenthesis, whose initials
    // hold the acronym's letters in order with the first one first.
    for (size_t w = words.size(); w-- > 0;) {
      if (tokens[words[w]].norm[0] != letters[0] ||
          IsAcronymConnector(tokens[words[w]].norm)) {
        continue;
      }
      size_t l = 0;
      for (size_t x = w; x < words.size() && l < letters.size(); ++x) {
        absl::string_view word = tokens[words[x]].norm;
        for (size_t y = 0; y < word.size() && l < letters.size(); ++y) {
          bool initial = y == 0 || word[y - 1] == '-';
          bool caps_inside = tokens[words[x]].all_caps;
          if ((initial || caps_inside) && word[y] == letters[l]) ++l;
        }
      }
      if (l < letters.size()) continue;
      Span span{tokens[words[w]].span.start, tokens[end - 1].span.end};
      while (span.end > span.start &&
             (text[span.end - 1] == ',' || text[span.end - 1] == ' ')) {
        --span.end;
      }
      out.push_back({span, std::string(Of(text, span)), acronym});
      break;
    }
  }
  return out;
}

std::string CompoundAt(const std::vector<Token>& tokens, size_t i) {
  if (i >= tokens.size()) return "";
  std::string out = tokens[i].norm;
  while (i + 2 < tokens.size() && tokens[i + 1].norm == "-" &&
         tokens[i + 1].span.start == tokens[i].span.end &&
         tokens[i + 2].span.start == tokens[i + 1].span.end) {
    absl::StrAppend(&out, "-", tokens[i + 2].norm);
    i += 2;
  }
  return out;
}

std::vector<NamedPhrase> FindNamedPhrases(absl::string_view text,
                                          const std::vector<Token>& tokens) {
  std::vector<NamedPhrase> out;
  size_t i = 0;
  while (i < tokens.size()) {
    if (!(tokens[i].is_word && tokens[i].capitalized)) {
      ++i;
      continue;
    }
    size_t j = i, last_word = i;
    while (j < tokens.size()) {
      const Token& t = tokens[j];
      if (t.is_word && (t.capitalized || t.all_caps)) {
        last_word = j;
      } else if (!(Connectors().contains(t.norm) && t.norm != "'")) {
        break;
      }
      ++j;
    }
    // A leading article is not part of the name.
    size_t first = i;
    while (first < last_word && IsArticle(tokens[first].norm)) ++first;
    if (last_word > first) {
      Span span{tokens[first].span.start, tokens[last_word].span.end};
      out.push_back({span, std::string(Of(text, span))});
    }
    i = last_word + 1;
  }
  return out;
}

}  // namespace kg::text
