// What names say: a mission named "... Mission in <State>" is deployed
// there, an event named "... in <Place>" is held there, a "Security
// Council resolution" was adopted by the Council, and a unit named with
// its department is part of it.
#include "absl/strings/match.h"
#include "rule_context.h"

namespace kg::text {
namespace {

constexpr double kNameConfidence = 0.75;
constexpr absl::string_view kSecurityCouncil = "unbody:security-council";

bool IsDepartment(absl::string_view name) {
  return absl::StrContains(name, "Department") ||
         absl::StrContains(name, "Secretariat");
}

// Facts two adjacent mentions state: "UNIFIL in Lebanon" (a mission
// deployed there); "Police Division of the Department of Peace
// Operations", "Light Coordination Mechanism, UN Department of Peace
// Operations" (a unit of a department).
void AdjacentFacts(RuleContext& context, const Mention& first,
                   const Mention& second) {
  absl::string_view gap = context.Of({first.span.end, second.span.start});
  if (first.label == "Mission" &&
      (second.label == "State" || second.label == "Place") &&
      (gap == " in " || gap == " in the ")) {
    context.AddEdge(first.key, "DEPLOYED_IN", second.key,
                    {first.span.start, second.span.end}, "mission-in-place",
                    kNameConfidence);
  }
  if (first.label == "UNBody" && second.label == "UNBody" &&
      !IsDepartment(first.name) && IsDepartment(second.name) &&
      (gap == " of the " || gap == ", " || gap == " of ")) {
    context.AddEdge(first.key, "PART_OF", second.key,
                    {first.span.start, second.span.end}, "unit-of-department",
                    kNameConfidence);
  }
}

}  // namespace

void ExtractNameFacts(RuleContext& context) {
  const std::vector<Mention>& mentions = *context.document().mentions;
  for (size_t i = 0; i + 1 < mentions.size(); ++i) {
    AdjacentFacts(context, mentions[i], mentions[i + 1]);
  }
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
