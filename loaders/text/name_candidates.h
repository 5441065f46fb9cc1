// Name candidates: checks that keep a run of capitalized words from
// becoming a new entity when it names something else.
#ifndef KG_TEXT_NAME_CANDIDATES_H_
#define KG_TEXT_NAME_CANDIDATES_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "kg/text/gazetteer.h"
#include "kg/text/name_patterns.h"

namespace kg::text {

// Whether `name` holds a word of organizations, offices or subjects that a
// person's name never holds ("Peacekeeping Operations, said" follows a
// title, not a name).
bool HasNonNameWord(absl::string_view name);

// Whether a known name (of `known`) covers `phrase`, or `phrase` joins a
// known name to another with "and" / "of the" ("WPS and Action for
// Peace"): then it is no new entity.
bool NamesKnownEntities(const NamedPhrase& phrase,
                        const std::vector<GazetteerMatch>& known);

// The words of `phrase` (found in `tokens` of `text`) after its first "of"
// (and "the") when they are two or more and name a body by their head
// ("Superintendent Mary Wanjiru of the Kenya National Police Service");
// else `phrase`.
NamedPhrase BodyAfterOf(absl::string_view text,
                        const std::vector<Token>& tokens,
                        const NamedPhrase& phrase);

}  // namespace kg::text

#endif  // KG_TEXT_NAME_CANDIDATES_H_
