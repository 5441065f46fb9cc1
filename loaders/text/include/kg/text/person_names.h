// People named in text, and the honorifics and title words around them.
// Works on the tokens of one block and returns spans of the document.
#ifndef KG_TEXT_PERSON_NAMES_H_
#define KG_TEXT_PERSON_NAMES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "kg/text/segmenter.h"
#include "kg/text/tokenizer.h"

namespace kg::text {

// People: after an honorific or rank ("Ms.", "Ambassador", "Major
// General"), or as "Name, Title, ..." where Title opens with a title word
// (anywhere) or with any capitalized word (`list_line`: a list item or a
// "Chair: ..." line, where a line is one person).
struct PersonName {
  Span span;
  std::string name;
  std::string rule;
};
std::vector<PersonName> FindPeople(absl::string_view text,
                                   const std::vector<Token>& tokens,
                                   bool list_line);

// Whether a token is a title word ("Minister", "Director", "Ambassador",
// "under-secretary-general").
bool IsTitleWord(absl::string_view norm);

// Whether a token is an honorific or rank that stands before a name.
bool IsHonorific(absl::string_view norm);

}  // namespace kg::text

#endif  // KG_TEXT_PERSON_NAMES_H_
