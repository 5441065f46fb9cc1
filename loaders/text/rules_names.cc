// What names say: a mission named "... Mission in <State>" is deployed
// there, an event named "... in <Place>" is held there, and a "Security
// Council resolution" was adopted by the Council.
#include "absl/strings/match.h"
#include "rule_context.h"

namespace kg::text {
namespace {

constexpr double kNameConfidence = 0.75;
constexpr absl::string_view kSecurityCouncil = "unbody:security-council";

}  // namespace

void ExtractNameFacts(RuleContext& context) {
  for (const Mention& m : *context.document().mentions) {
    if (m.label != "Mission" && m.label != "Event") continue;
    bool mission = m.label == "Mission";
    for (const Mention* place :
         context.MentionsIn(m.span, {"State", "Place"})) {
      context.AddEdge(
          m.key, mission ? "DEPLOYED_IN" : "HELD_IN", place->key, m.span,
          mission ? "mission-name-place" : "event-name-place", kNameConfidence);
    }
  }
  for (const Block& block : context.blocks()) {
    for (const Span& sentence : block.sentences) {
      if (!absl::StrContains(context.Of(sentence), "Security Council"))
        continue;
      for (const Mention* r : context.MentionsIn(sentence, {"Resolution"})) {
        if (!absl::StartsWith(r->key, "resolution:unsc-")) continue;
        context.AddEdge(std::string(kSecurityCouncil), "ADOPTED", r->key,
                        r->span, "council-resolution", kNameConfidence);
      }
    }
  }
}

}  // namespace kg::text
