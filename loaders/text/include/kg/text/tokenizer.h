// Tokens of a text span: words (letters, digits, inner apostrophes) and
// single punctuation marks, each with its byte span and normalized form.
#ifndef KG_TEXT_TOKENIZER_H_
#define KG_TEXT_TOKENIZER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "kg/text/segmenter.h"

namespace kg::text {

struct Token {
  Span span;
  // NormalizeName of the token: lower case, diacritics folded.
  std::string norm;
  bool is_word = false;
  // The token's first character is an upper-case letter.
  bool capitalized = false;
  // Every letter of the token is upper case (and it has one).
  bool all_caps = false;
};

std::vector<Token> Tokenize(absl::string_view text, Span span);
std::vector<Token> Tokenize(absl::string_view text);

}  // namespace kg::text

#endif  // KG_TEXT_TOKENIZER_H_
