// Topic mentions: whether a lexicon match of a Topic names a theme the text
// is about, or only words of a longer name or of a role.
#ifndef KG_TEXT_TOPIC_MENTIONS_H_
#define KG_TEXT_TOPIC_MENTIONS_H_

#include <vector>

#include "kg/text/segmenter.h"
#include "kg/text/tokenizer.h"

namespace kg::text {

// False when the words at `span` of `block` (tokenized as `tokens`) qualify
// a noun after them ("human rights officers", "accountability mechanisms")
// or sit in Title Case inside running text ("Director for Strategic
// Partnerships", "under the theme 'Investing in Women in Peacekeeping'"):
// there they name a person's role, an office or a title, not a theme.
bool IsThemeMention(const Block& block, const std::vector<Token>& tokens,
                    Span span);

}  // namespace kg::text

#endif  // KG_TEXT_TOPIC_MENTIONS_H_
