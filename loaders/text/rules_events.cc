// Events: who hosted, spoke at, moderated or attended an event ("hosted
// by ...", "interventions were made by ...", "moderated by ..."), and where
// it was held ("met in New York", "held in Berlin, Germany").
#include <regex>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "kg/graph/text_normalize.h"
#include "kg/text/document_metadata.h"
#include "kg/text/mention.h"
#include "kg/text/tokenizer.h"
#include "rule_context.h"

namespace kg::text {
namespace {

constexpr double kHostConfidence = 0.75;
constexpr double kParticipantConfidence = 0.7;
constexpr double kVenueConfidence = 0.7;
constexpr double kDescribedConfidence = 0.6;
// An event the text describes in lower case rather than names: "a
// high-level event on WPS in peacekeeping on 29 October 2021". The date
// makes it one event; without one, "a meeting" is too vague to be a node.
struct DescribedEvent {
  Span span;
  std::string key;
};

std::vector<DescribedEvent> DescribeEvents(RuleContext& context) {
  static const std::regex kDescribed(
      R"(\b(?:a|an)\s+((?:[a-z][a-z-]*\s+){0,3}?(?:event|meeting|debate|conference|seminar|workshop|dialogue|briefing|roundtable|consultation|retreat|symposium|summit)(?:\s+(?:on|of)\s+[^,.;:]{1,80}?)?)\s+on\s+(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\b)");
  std::vector<DescribedEvent> out;
  for (const Block& block : context.blocks()) {
    for (const Span& sentence : block.sentences) {
      std::string s(context.Of(sentence));
      for (std::sregex_iterator it(s.begin(), s.end(), kDescribed), e; it != e;
           ++it) {
        const std::smatch& m = *it;
        std::string date = FirstDate(m[2].str());
        if (date.empty()) continue;
        Span span{sentence.start + m.position(1),
                  sentence.start + m.position(1) + m.length(1)};
        std::string name = m[1].str();
        name[0] = absl::ascii_toupper(name[0]);
        kg::v1::Node event;
        event.set_key(absl::StrCat("event:", graph::Slugify(name), "-", date));
        event.set_label("Event");
        event.set_name(absl::StrCat(name, " (", m[2].str(), ")"));
        (*event.mutable_props())["start_date"] = DateValue(date);
        context.AddNode(event, span, "described-event", kDescribedConfidence);
        context.AddEdge(context.document().document_key, "MENTIONS",
                        event.key(), span, "described-event",
                        kDescribedConfidence);
        // What its description names is what it is about ("on WPS").
        for (const Mention* subject :
             context.MentionsIn(span, {"Topic", "Resolution", "Framework"})) {
          context.AddEdge(event.key(),
                          subject->label == "Framework" ? "UNDER" : "ABOUT",
                          subject->key, subject->span, "described-event",
                          kDescribedConfidence);
        }
        out.push_back({span, event.key()});
      }
    }
  }
  return out;
}

// An event named for a framework or a theme ("Seminar on WPS") is
// held under the framework and is about the theme; the document names
// both.
void NamedSubjects(RuleContext& context) {
  const std::string& document = context.document().document_key;
  for (const Mention* event :
       context.MentionsIn({0, context.text().size()}, {"Event"})) {
    for (const std::string& framework : event->frameworks_named) {
      context.AddEdge(event->key, "UNDER", framework, event->span,
                      "event-name-subject", kDescribedConfidence);
      context.AddEdge(document, "MENTIONS", framework, event->span,
                      "event-name-subject", kDescribedConfidence);
    }
    for (const std::string& topic : event->topics_named) {
      context.AddEdge(event->key, "ABOUT", topic, event->span,
                      "event-name-subject", kDescribedConfidence);
      context.AddEdge(document, "MENTIONS", topic, event->span,
                      "event-name-subject", kDescribedConfidence);
    }
  }
}

// The event a sentence speaks of: the last event named or described
// before `before` in this sentence or the ones just before it ("The event
// was cohosted by ..."), or the document's event.
std::string EventOf(const RuleContext& context,
                    const std::vector<DescribedEvent>& described, Span sentence,
                    size_t before) {
  constexpr size_t kLookBackBytes = 600;
  size_t from =
      sentence.start > kLookBackBytes ? sentence.start - kLookBackBytes : 0;
  std::vector<const Mention*> events =
      context.MentionsIn({from, before}, {"Event"});
  size_t last = 0;
  std::string key = context.main_event();
  if (!events.empty()) {
    last = events.back()->span.start + 1;
    key = events.back()->key;
  }
  for (const DescribedEvent& d : described) {
    if (d.span.start >= from && d.span.end <= before &&
        d.span.start + 1 > last) {
      last = d.span.start + 1;
      key = d.key;
    }
  }
  return key;
}

void ByLists(RuleContext& context, const std::vector<DescribedEvent>& described,
             Span sentence) {
  static const std::regex kBy(
      R"(\b((?:co-?)?hosted|(?:co-?)?organi[sz]ed|made|delivered|given|moderated|chaired|attended|opened)\s+by\b|\b(brought)\s+together\b)",
      std::regex::icase);
  std::string s(context.Of(sentence));
  std::smatch m;
  if (!std::regex_search(s, m, kBy)) return;
  std::string verb =
      absl::AsciiStrToLower(m[1].matched ? m[1].str() : "attended");
  size_t at = sentence.start + m.position(0);
  std::string event = EventOf(context, described, sentence, at);
  if (event.empty() || verb == "chaired") return;
  bool hosting =
      absl::StrContains(verb, "host") || absl::StrContains(verb, "organi");
  std::map<std::string, kg::v1::Value> props;
  if (!hosting) {
    props["role"] = StringValue(verb == "moderated"  ? "moderator"
                                : verb == "attended" ? "participant"
                                                     : "speaker");
  }
  // "co-hosted by Kenya and Norway, with the support of the Police
  // Division": a supporter hosts in the supporting role.
  size_t support = s.find("support of", m.position(0));
  size_t supporters =
      support == std::string::npos ? sentence.end : sentence.start + support;
  for (const Mention* actor : ListAfter(context, sentence, at + m.length(0))) {
    if (hosting && actor->label == "Person") continue;
    if (hosting) {
      props["role"] =
          StringValue(actor->span.start > supporters ? "supporter" : "host");
    }
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
    std::string verb =
        absl::AsciiStrToLower(m[1].matched ? m[1].str() : "attended");
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

// "In her opening remarks, Ambassador X recalled ...", "Y presented the
// Service's strategy": a person who speaks at the document's event.
void Speakers(RuleContext& context, Span sentence) {
  static const std::regex kSpeech(
      R"(\b(?:opening|closing|welcoming|introductory|keynote)\s+(?:remarks|statement|address)|\bin\s+(?:his|her|their)\s+(?:remarks|statement|address|intervention)|\bpresented\b|\baddressed\s+the\s+(?:meeting|participants|workshop|seminar|conference)|\bbriefed\s+(?:the\s+)?participants)",
      std::regex::icase);
  if (context.main_event().empty()) return;
  std::string s(context.Of(sentence));
  if (!std::regex_search(s, kSpeech)) return;
  std::vector<const Mention*> people = context.MentionsIn(sentence, {"Person"});
  if (people.empty()) return;
  std::map<std::string, kg::v1::Value> props;
  props["role"] = StringValue("speaker");
  context.AddEdge(people.front()->key, "PARTICIPATED_IN", context.main_event(),
                  sentence, "speaker-sentence", kParticipantConfidence, props);
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
  std::vector<DescribedEvent> described = DescribeEvents(context);
  NamedSubjects(context);
  for (const Block& block : context.blocks()) {
    PlacesInStates(context, block);
    for (const Span& sentence : block.sentences) {
      ByLists(context, described, sentence);
      Venues(context, sentence);
      Speakers(context, sentence);
    }
  }
}

}  // namespace kg::text
