// Events referred to in lower case by their place, year or ordinal: "the
// Nairobi workshop" (the event whose name the document gave with Nairobi),
// "the 2026 annual meeting of the Forum in Accra" (a meeting the year, the
// body and the place make one), "the 80th session of the General Assembly"
// (a body's numbered session).
#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "kg/graph/text_normalize.h"
#include "rule_context.h"

namespace kg::text {
namespace {

constexpr double kReferenceConfidence = 0.6;

// The kinds of event a lower-case reference names.
constexpr char kEventNouns[] =
    "meeting|conference|summit|seminar|workshop|session|dialogue|retreat|"
    "forum|symposium|debate|ministerial";

// The text between two offsets without bold markers, spaces folded: the
// words that join a reference to what qualifies it.
std::string Joint(const RuleContext& context, size_t from, size_t to) {
  std::string out;
  for (char c : context.Of({from, to})) {
    if (c == '*') continue;
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  return std::string(absl::StripTrailingAsciiWhitespace(out));
}

// The mention that starts `joint` words after `from` ("of the Network":
// joint "of the"), if one does and has one of `labels`.
const Mention* After(const RuleContext& context, size_t from, size_t limit,
                     std::initializer_list<absl::string_view> joints,
                     std::initializer_list<absl::string_view> labels) {
  if (from >= limit) return nullptr;
  std::vector<const Mention*> next = context.MentionsIn({from, limit}, labels);
  if (next.empty()) return nullptr;
  std::string joint = Joint(context, from, next.front()->span.start);
  for (absl::string_view j : joints) {
    if (joint == j) return next.front();
  }
  return nullptr;
}

void Refer(RuleContext& context, const Mention& event, Span span,
           const std::string& alias) {
  kg::v1::Node node;
  node.set_key(event.key);
  node.set_label("Event");
  node.set_name(event.name);
  // A name the document gives an event it found; a known event keeps
  // the names the graph gives it.
  if (!event.known) node.add_aliases(alias);
  context.AddNode(node, span, "event-reference", kReferenceConfidence);
  context.AddEdge(context.document().document_key, "MENTIONS", event.key, span,
                  "event-reference", kReferenceConfidence);
}

// The event named in the document whose name names a place, by the
// place's key; ambiguous when two events name it.
struct EventOfPlace {
  const Mention* event = nullptr;
  bool ambiguous = false;
};

// Built once a document, so each reference is a lookup.
absl::flat_hash_map<std::string, EventOfPlace> EventsByPlace(
    const RuleContext& context) {
  absl::flat_hash_map<std::string, EventOfPlace> events;
  for (const Mention& candidate : *context.document().mentions) {
    if (candidate.label != "Event") continue;
    for (const Mention* place :
         context.MentionsIn(candidate.span, {"Place", "State"})) {
      EventOfPlace& entry = events[place->key];
      if (entry.event == nullptr) {
        entry.event = &candidate;
      } else if (entry.event->key != candidate.key) {
        entry.ambiguous = true;
      }
    }
  }
  return events;
}

// "the Berlin meeting": the one event named in the document whose name
// names that place ("... Meeting in Berlin"). Two such events make the
// reference ambiguous.
void PlaceReferences(RuleContext& context) {
  static const std::regex kNoun(
      absl::StrCat(R"(^\s+()", kEventNouns, R"()\b)"));
  static const std::regex kThe(R"(\sthe\s+$)", std::regex::icase);
  const absl::flat_hash_map<std::string, EventOfPlace> events =
      EventsByPlace(context);
  for (const Mention& place : *context.document().mentions) {
    if (place.label != "Place" && place.label != "State") continue;
    // Room for "the " and bold markers before the place, and for the
    // event's noun after it.
    constexpr size_t kBeforeBytes = 12;
    constexpr size_t kAfterBytes = 24;
    size_t from =
        place.span.start > kBeforeBytes ? place.span.start - kBeforeBytes : 0;
    std::string before = " " + Joint(context, from, place.span.start) + " ";
    std::string after(
        context.Of({place.span.end, std::min(context.text().size(),
                                             place.span.end + kAfterBytes)}));
    std::smatch noun;
    if (!std::regex_search(before, kThe) ||
        !std::regex_search(after, noun, kNoun)) {
      continue;
    }
    auto event = events.find(place.key);
    if (event == events.end() || event->second.ambiguous) continue;
    Span span{place.span.start,
              place.span.end + noun.position(1) + noun.length(1)};
    Refer(context, *event->second.event, span, std::string(context.Of(span)));
  }
}

// "the 2026 annual meeting of the Forum in Accra": the event of the
// document named with that year and kind, else a new event when the body
// or the place says whose it is ("the 2026 annual meeting" alone is
// anyone's). `events` are the document's Event mentions.
void YearReferences(RuleContext& context, Span sentence,
                    const std::vector<const Mention*>& events) {
  static const std::regex kYear(absl::StrCat(
      R"(\b[Tt]he\s+(?:\*\*)?(((?:19|20)\d\d)\s+((?:[a-z][a-z-]*\s+){0,2}()",
      kEventNouns, R"()))\b)"));
  std::string s(context.Of(sentence));
  for (std::sregex_iterator it(s.begin(), s.end(), kYear), e; it != e; ++it) {
    const std::smatch& m = *it;
    Span phrase{sentence.start + m.position(1),
                sentence.start + m.position(1) + m.length(1)};
    std::string year = m[2].str();
    std::string kind = m[3].str();
    // Named with the year in or just before its name ("the 2026
    // Regional Conference on ...").
    const Mention* named = nullptr;
    for (const Mention* event : events) {
      size_t from = event->span.start > year.size() + 1
                        ? event->span.start - year.size() - 1
                        : 0;
      std::string name =
          absl::AsciiStrToLower(context.Of({from, event->span.end}));
      if (name.find(year) != std::string::npos &&
          name.find(m[4].str()) != std::string::npos) {
        named = event;
      }
    }
    if (named != nullptr) {
      Refer(context, *named, phrase, m[1].str());
      continue;
    }
    const Mention* body =
        After(context, phrase.end, sentence.end, {"of", "of the"},
              {"Network", "Organization", "UNBody"});
    size_t end = body ? body->span.end : phrase.end;
    const Mention* place =
        After(context, end, sentence.end, {"in", "in the"}, {"Place", "State"});
    if (body == nullptr && place == nullptr) continue;
    std::string name = m[1].str();
    std::string key = "event:";
    if (body != nullptr) {
      absl::StrAppend(&name, " of ", body->name);
      absl::StrAppend(&key, body->key.substr(body->key.find(':') + 1), "-");
    }
    absl::StrAppend(&key, graph::Slugify(kind), "-", year);
    if (place != nullptr) {
      absl::StrAppend(&name, " in ", place->name);
      absl::StrAppend(&key, "-", place->key.substr(place->key.find(':') + 1));
    }
    Span span{phrase.start, place ? place->span.end : end};
    kg::v1::Node event;
    event.set_key(key);
    event.set_label("Event");
    event.set_name(name);
    event.add_aliases(m[1].str());
    (*event.mutable_props())["start_date"] = DateValue(year);
    context.AddNode(event, span, "event-reference", kReferenceConfidence);
    context.AddEdge(context.document().document_key, "MENTIONS", key, phrase,
                    "event-reference", kReferenceConfidence);
    if (place != nullptr) {
      context.AddEdge(key, "HELD_IN", place->key, span, "event-reference",
                      kReferenceConfidence);
    }
  }
}

// "the 73rd session of the United Nations General Assembly", "the
// seventy-third session of the General Assembly": a body numbers its
// sessions, so the ordinal and the body make one event. The ordinal is read
// from the few bytes before each "session": std::regex recurses once a
// character it consumes, so no pattern here runs over a whole sentence.
void SessionReferences(RuleContext& context, Span sentence) {
  static const std::regex kOrdinal(
      R"(\b(\d{1,3}(?:st|nd|rd|th)|(?:[a-z]{2,8}-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|[a-z]{2,6}teenth|[a-z]{2,6}tieth))\s+(?:(?:regular|special|annual)\s+)?$)",
      std::regex::icase);
  constexpr char kSession[] = "session";
  constexpr size_t kOrdinalBytes = 40;
  const std::string lower = absl::AsciiStrToLower(context.Of(sentence));
  for (size_t at = lower.find(kSession); at != std::string::npos;
       at = lower.find(kSession, at + 1)) {
    const size_t end = at + sizeof(kSession) - 1;
    if (end < lower.size() && absl::ascii_isalpha(lower[end])) continue;
    const size_t from = at > kOrdinalBytes ? at - kOrdinalBytes : 0;
    const std::string before = lower.substr(from, at - from);
    std::smatch m;
    if (!std::regex_search(before, m, kOrdinal)) continue;
    Span phrase{sentence.start + from + m.position(1), sentence.start + end};
    const Mention* body =
        After(context, phrase.end, sentence.end, {"of", "of the"},
              {"Network", "Organization", "UNBody"});
    if (body == nullptr) continue;
    Span span{phrase.start, body->span.end};
    std::string name = absl::StrCat(Joint(context, phrase.start, phrase.end),
                                    " of the ", body->name);
    kg::v1::Node event;
    event.set_key(absl::StrCat("event:", graph::Slugify(name)));
    event.set_label("Event");
    event.set_name(name);
    event.add_aliases(std::string(context.Of(span)));
    (*event.mutable_props())["kind"] = StringValue("session");
    context.AddNode(event, span, "session-reference", kReferenceConfidence);
    context.AddEdge(context.document().document_key, "MENTIONS", event.key(),
                    span, "session-reference", kReferenceConfidence);
  }
}

}  // namespace

void ExtractEventReferences(RuleContext& context) {
  PlaceReferences(context);
  const std::vector<const Mention*> events =
      context.MentionsIn({0, context.text().size()}, {"Event"});
  for (const Block& block : context.blocks()) {
    for (const Span& sentence : block.sentences) {
      YearReferences(context, sentence, events);
      SessionReferences(context, sentence);
    }
  }
}

}  // namespace kg::text
