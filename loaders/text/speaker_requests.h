// Requests in reported speech: a news story tells what an official asks
// of others with a reporting verb ("Ana Ruiz urged Member States to ...",
// "Ruiz urged ...", "she hopes regional organizations will ..."). Each
// such request is a commitment the speaker's office recommends to the
// group it names.
#ifndef KG_TEXT_SPEAKER_REQUESTS_H_
#define KG_TEXT_SPEAKER_REQUESTS_H_

#include <optional>
#include <string>
#include <vector>

#include "rule_context.h"

namespace kg::text {

struct SpeakerRequest {
  // The bodies other than missions the speaker holds a position in (never
  // empty).
  std::vector<std::string> authors;
  // Whom the request asks: the actor named right after the verb, followed
  // by "to" or "will".
  const Mention* addressee = nullptr;
};

// The request `sentence` makes, if it is "<speaker> [also] <request verb>
// <actor> to|will ...". The word right before the verb names the speaker:
// a person's name or surname, or "he" / "she" for the last person named
// before the sentence in its block or the block before ("the minister
// urged" names no one). None when the speaker holds no position in such a
// body: a person speaks for the bodies they hold one in.
std::optional<SpeakerRequest> FindSpeakerRequest(const RuleContext& context,
                                                 Span sentence);

// Whether `text` asks the group named at `span` to act: "calls on Member
// States to ...", "urged regional organizations to ...", "Member States
// should ...".
bool AskedToActAt(absl::string_view text, Span span);

}  // namespace kg::text

#endif  // KG_TEXT_SPEAKER_REQUESTS_H_
