#include "kg/text/tokenizer.h"

#include "absl/strings/ascii.h"
#include "kg/graph/text_normalize.h"

namespace kg::text {
namespace {

// Length of the UTF-8 sequence at text[i], and whether it is part of a
// word: ASCII letters and digits, and code points from U+00C0 up except
// General Punctuation (U+2000..U+206F) and superscripts.
size_t CharAt(absl::string_view text, size_t i, bool* word) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *word = absl::ascii_isalnum(c);
    return 1;
  }
  size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + len > text.size()) len = text.size() - i;
  if (len == 2) {
    *word = c >= 0xc3;  // U+00C0 and above; C2 xx is Latin-1 punctuation.
  } else if (len == 3) {
    bool general_punct =
        c == 0xe2 && (static_cast<unsigned char>(text[i + 1]) == 0x80 ||
                      static_cast<unsigned char>(text[i + 1]) == 0x81);
    *word = !general_punct;
  } else {
    *word = len == 4;
  }
  return len;
}

bool IsApostrophe(absl::string_view text, size_t i, size_t* len) {
  if (text[i] == '\'') {
    *len = 1;
    return true;
  }
  if (text.substr(i, 3) == "\u2019") {
    *len = 3;
    return true;
  }
  return false;
}

// "s" alone after an apostrophe: a possessive, which is not part of the
// name before it ("the Secretary-General's plan").
bool IsPossessive(absl::string_view text, size_t i, size_t end) {
  if (i >= end || (text[i] != 's' && text[i] != 'S')) return false;
  bool word = false;
  if (i + 1 < end) CharAt(text, i + 1, &word);
  return !word;
}

}  // namespace

std::vector<Token> Tokenize(absl::string_view text, Span span) {
  std::vector<Token> tokens;
  size_t i = span.start;
  while (i < span.end) {
    bool word;
    size_t len = CharAt(text, i, &word);
    if (absl::ascii_isspace(static_cast<unsigned char>(text[i]))) {
      i += len;
      continue;
    }
    Token token;
    token.span.start = i;
    i += len;
    token.is_word = word;
    while (word && i < span.end) {
      bool next_word;
      size_t next = CharAt(text, i, &next_word);
      size_t apostrophe;
      if (next_word) {
        i += next;
      } else if (IsApostrophe(text, i, &apostrophe) &&
                 i + apostrophe < span.end &&
                 (CharAt(text, i + apostrophe, &next_word), next_word) &&
                 !IsPossessive(text, i + apostrophe, span.end)) {
        i += apostrophe;
      } else {
        break;
      }
    }
    token.span.end = std::min(i, span.end);
    absl::string_view raw = text.substr(token.span.start, token.span.size());
    token.norm = graph::NormalizeName(raw);
    token.capitalized =
        absl::ascii_isupper(static_cast<unsigned char>(raw[0])) ||
        (raw.size() > 1 && static_cast<unsigned char>(raw[0]) == 0xc3 &&
         static_cast<unsigned char>(raw[1]) < 0x9f);
    bool has_letter = false, has_lower = false;
    for (char c : raw) {
      has_letter |= absl::ascii_isalpha(static_cast<unsigned char>(c));
      has_lower |= absl::ascii_islower(static_cast<unsigned char>(c));
    }
    token.all_caps = has_letter && !has_lower;
    tokens.push_back(std::move(token));
  }
  return tokens;
}

std::vector<Token> Tokenize(absl::string_view text) {
  return Tokenize(text, Span{0, text.size()});
}

}  // namespace kg::text
