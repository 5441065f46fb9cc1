// Names inside names: what the name of one entity says about others ("WPS
// Seminar" names the WPS agenda; "UN Security Council resolution 1325"
// names the body that adopted it).
#ifndef KG_TEXT_NAMES_IN_NAMES_H_
#define KG_TEXT_NAMES_IN_NAMES_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "kg/text/gazetteer.h"
#include "kg/text/tokenizer.h"

namespace kg::text {

// The keys of the frameworks and topics that entries of `gazetteer` name
// inside the event name at `name` in `text`; `event` is the event's own
// entry, never reported.
struct NamedInside {
  std::vector<std::string> frameworks;
  std::vector<std::string> topics;
};
NamedInside NamedInEventName(const Gazetteer& gazetteer, absl::string_view text,
                             Span name, int event);

// The UN body that opens the resolution name at `name` (the words before
// "resolution", found in `tokens` of `text`), if `gazetteer` knows one.
std::optional<GazetteerMatch> IssuerInResolutionName(
    const Gazetteer& gazetteer, absl::string_view text,
    const std::vector<Token>& tokens, Span name);

}  // namespace kg::text

#endif  // KG_TEXT_NAMES_IN_NAMES_H_
