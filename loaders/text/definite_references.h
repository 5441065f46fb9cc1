// References by a bare head noun ("the Network", "Committee members") to an
// entity the document named in full before.
#ifndef KG_TEXT_DEFINITE_REFERENCES_H_
#define KG_TEXT_DEFINITE_REFERENCES_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "kg/text/mention.h"

namespace kg::text {

// `mentions` (sorted by position in `text`) with a mention added at each
// head noun that refers to an entity named before: "the Council" after
// "the Security Council", "Network members" after "the Focal Points
// Network". The head refers to the entity with that head word named most
// often before it; a head that opens a longer name refers to nothing.
std::vector<Mention> DefiniteReferences(absl::string_view text,
                                        std::vector<Mention> mentions);

}  // namespace kg::text

#endif  // KG_TEXT_DEFINITE_REFERENCES_H_
