// Events: who hosted, spoke at, moderated or attended an event ("hosted
// by ...", "interventions were made by ...", "moderated by ..."), and where
// it was held ("met in New York", "held in Berlin, Germany").
#include <regex>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "kg/text/tokenizer.h"
#include "rule_context.h"

namespace kg::text {
namespace {

constexpr double kHostConfidence = 0.75;
constexpr double kParticipantConfidence = 0.7;
constexpr double kVenueConfidence = 0.7;
// The event a sentence speaks of: the last Event named before `before`
// in this sentence or the ones just before it ("The event was cohosted
// by ..."), or the document's event.
std::string EventOf(const RuleContext& context, Span sentence, size_t before) {
  constexpr size_t kLookBackBytes = 600;
  size_t from =
      sentence.start > kLookBackBytes ? sentence.start - kLookBackBytes : 0;
  std::vector<const Mention*> events =
      context.MentionsIn({from, before}, {"Event"});
  return events.empty() ? context.main_event() : events.back()->key;
}

void ByLists(RuleContext& context, Span sentence) {
  static const std::regex kBy(
      R"(\b((?:co-?)?hosted|(?:co-?)?organi[sz]ed|made|delivered|given|moderated|chaired|attended|opened)\s+by\b)",
      std::regex::icase);
  std::string s(context.Of(sentence));
  std::smatch m;
  if (!std::regex_search(s, m, kBy)) return;
  std::string verb = absl::AsciiStrToLower(m[1].str());
  size_t at = sentence.start + m.position(0);
  std::string event = EventOf(context, sentence, at);
  if (event.empty() || verb == "chaired") return;
  bool hosting =
      absl::StrContains(verb, "host") || absl::StrContains(verb, "organi");
  std::map<std::string, kg::v1::Value> props;
  if (!hosting) {
    props["role"] = StringValue(verb == "moderated"  ? "moderator"
                                : verb == "attended" ? "participant"
                                                     : "speaker");
  }
  for (const Mention* actor : ListAfter(context, sentence, at + m.length(0))) {
    if (hosting && actor->label == "Person") continue;
    context.AddEdge(actor->key, hosting ? "HOSTED" : "PARTICIPATED_IN", event,
                    sentence, hosting ? "hosted-by" : "participant-by",
                    hosting ? kHostConfidence : kParticipantConfidence, props);
  }
}

void Venues(RuleContext& context, Span sentence) {
  static const std::regex kIn(
      R"(\b(met|meet|meets|convened|gathered|took place|was held|were held|will be held|is held|held)\s+in\s+(?:the\s+)?)",
      std::regex::icase);
  std::string s(context.Of(sentence));
  for (std::sregex_iterator it(s.begin(), s.end(), kIn), e; it != e; ++it) {
    const std::smatch& m = *it;
    size_t at = sentence.start + m.position(0);
    size_t after = at + m.length(0);
    std::vector<const Mention*> places =
        context.MentionsIn({after, sentence.end}, {"Place", "State"});
    if (places.empty() || places.front()->span.start != after) continue;
    std::vector<const Mention*> events =
        context.MentionsIn({sentence.start, at}, {"Event"});
    std::string verb = absl::AsciiStrToLower(m[1].str());
    // "which took place in Berlin" speaks of an event named before it;
    // "representatives met in New York" of the document's own.
    bool gathering =
        verb.rfind("me", 0) == 0 || verb == "convened" || verb == "gathered";
    std::string event = !events.empty() ? events.back()->key
                        : gathering     ? context.main_event()
                                        : "";
    if (event.empty()) continue;
    context.AddEdge(event, "HELD_IN", places.front()->key, sentence, "held-in",
                    kVenueConfidence);
  }
}

// "Berlin, Germany": a place named with its state.
void PlacesInStates(RuleContext& context, const Block& block) {
  std::vector<const Mention*> in = context.MentionsIn(block.content);
  for (size_t i = 0; i + 1 < in.size(); ++i) {
    if (in[i]->label != "Place" || in[i + 1]->label != "State") continue;
    absl::string_view gap =
        context.Of({in[i]->span.end, in[i + 1]->span.start});
    if (absl::StripAsciiWhitespace(gap) != ",") continue;
    context.AddEdge(in[i]->key, "PART_OF", in[i + 1]->key,
                    {in[i]->span.start, in[i + 1]->span.end}, "place-state",
                    kVenueConfidence);
  }
}

}  // namespace

void ExtractEvents(RuleContext& context) {
  for (const Block& block : context.blocks()) {
    PlacesInStates(context, block);
    for (const Span& sentence : block.sentences) {
      ByLists(context, sentence);
      Venues(context, sentence);
    }
  }
}

}  // namespace kg::text
