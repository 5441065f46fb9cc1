// Events: the event a document reports on or announces (from its title),
// the sessions of an agenda (lines opening with a time), who speaks,
// chairs, moderates or sits on a panel in each, and where the event is.
#include <algorithm>
#include <regex>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "bounded_text.h"
#include "kg/graph/text_normalize.h"
#include "kg/text/document_metadata.h"
#include "kg/text/entity_recognizer.h"
#include "rule_context.h"

namespace kg::text {
namespace {

constexpr double kEventConfidence = 0.7;
constexpr double kParticipationConfidence = 0.8;

// Agenda slots that are not sessions.
bool IsBreak(absl::string_view title) {
  static const std::regex kBreak(
      R"(^(?:coffee|tea|lunch|break|registration|networking|dinner|arrival|departure)\b)",
      std::regex::icase);
  std::string t(LineHead(title));
  return std::regex_search(t, kBreak);
}

// A line that only dates the slots under it ("10-11 MARCH", "Friday, 3
// May"): a day, not a session.
bool IsDate(absl::string_view title) {
  static const std::regex kDate(
      R"(^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|\d+|[,.\-/ ]|\xe2\x80\x93)+$)",
      std::regex::icase);
  if (!FitsLinePattern(title)) return false;
  std::string t(title);
  return std::regex_match(t, kDate);
}

// A title with a document-type suffix removed: "Debriefing ...: Chair's
// Summary" -> "Debriefing ...".
std::string EventNameFromTitle(absl::string_view title) {
  static const std::regex kSuffix(
      R"(\s*[:\-\xe2\x80\x93]+\s*(?:chair.?s'? summary|summary|agenda|concept note|report|programme|program)\s*$)",
      std::regex::icase);
  // The suffix ends the title: look at its tail only.
  size_t tail = title.size() - std::min(title.size(), kMaxLinePatternBytes);
  return absl::StrCat(
      title.substr(0, tail),
      std::regex_replace(std::string(title.substr(tail)), kSuffix, ""));
}

// Whether a heading's words name an event ("Workshop on ...", "Summary of
// the annual meeting").
bool HasEventWord(absl::string_view name) {
  std::string lower = absl::AsciiStrToLower(name);
  for (absl::string_view head :
       {"meeting", "conference", "summit", "seminar", "debriefing", "workshop",
        "ministerial", "dialogue", "symposium", "forum", "retreat",
        "consultation", "roundtable", "round table", "briefing"}) {
    if (absl::StrContains(lower, head)) return true;
  }
  return false;
}

// Kinds of document whose title is their event's name.
bool TitleIsTheEvent(absl::string_view kind) {
  return kind == "agenda" || kind == "chairs_summary" ||
         kind == "meeting_summary" || kind == "concept_note";
}

std::string Collapse(absl::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == ' ' || c == '\t' || c == '*') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// "Summary of the annual meeting" under a group's name: the meeting is
// the group's, "Annual meeting of <group>".
std::string GroupEventName(const RuleContext& context, std::string name,
                           const Block* title_block, const Block* event_block) {
  static const std::regex kReportOf(
      R"(^(?:summary|report|record|minutes|outcome)\s+of\s+(?:the\s+)?)",
      std::regex::icase);
  std::smatch m;
  std::string head(LineHead(name));
  std::string stripped = name;
  if (std::regex_search(head, m, kReportOf)) stripped.erase(0, m.length(0));
  if (stripped == name || stripped.empty() || event_block == title_block) {
    return name;
  }
  stripped[0] = absl::ascii_toupper(stripped[0]);
  return absl::StrCat(stripped, " of the ",
                      Collapse(context.Of(title_block->content)));
}

// Creates the event a document reports on or announces: the first of its
// top headings that names an event (or its title, for the kinds of
// document whose title is the event's name), else the event its opening
// paragraph names ("The United Nations Ministerial Conference on
// Peacekeeping in Seoul will bring together ...").
void MainEvent(RuleContext& context, const Block* title_block,
               absl::string_view kind) {
  const Block* event_block = nullptr;
  const Block* lede = nullptr;
  for (const Block& block : context.blocks()) {
    if (block.kind != BlockKind::kHeading) {
      lede = &block;
      break;
    }
    if (event_block == nullptr && HasEventWord(context.Of(block.content))) {
      event_block = &block;
    }
  }
  if (event_block == nullptr && title_block != nullptr &&
      TitleIsTheEvent(kind)) {
    event_block = title_block;
  }
  if (event_block == nullptr) {
    if (lede == nullptr || lede->sentences.empty()) return;
    for (const Mention* m :
         context.MentionsIn(lede->sentences.front(), {"Event"})) {
      context.set_main_event(m->key);
      return;
    }
    return;
  }
  std::string name =
      EventNameFromTitle(Collapse(context.Of(event_block->content)));
  if (name.empty()) return;
  // The event may be a known one the heading names (as most of it).
  for (const Mention* m : context.MentionsIn(event_block->content, {"Event"})) {
    if (m->span.size() * 10 >= event_block->content.size() * 7) {
      context.set_main_event(m->key);
      return;
    }
  }
  name = GroupEventName(context, name, title_block, event_block);
  kg::v1::Node event;
  event.set_key(absl::StrCat("event:", graph::Slugify(name)));
  event.set_label("Event");
  event.set_name(name);
  if (!context.date().empty()) {
    (*event.mutable_props())["start_date"] = DateValue(context.date());
  }
  context.AddNode(event, event_block->content, "document-event",
                  kEventConfidence);
  context.AddEdge(context.document().document_key, "MENTIONS", event.key(),
                  event_block->content, "document-event", kEventConfidence);
  context.set_main_event(event.key());
  // Where: places and states named in the headings right after it.
  int headings = 0;
  for (const Block& block : context.blocks()) {
    if (&block <= event_block) continue;
    if (block.kind != BlockKind::kHeading || ++headings > 3) break;
    // "MONTEVIDEO, URUGUAY": held in the city, which is in the state.
    std::vector<const Mention*> places =
        context.MentionsIn(block.content, {"Place"});
    if (places.empty()) places = context.MentionsIn(block.content, {"State"});
    for (const Mention* m : places) {
      context.AddEdge(event.key(), "HELD_IN", m->key, block.content,
                      "event-venue-heading", kEventConfidence);
    }
  }
}

struct Slot {
  std::string key;
  std::string role;  // the default role of people listed under it
};

Slot Session(RuleContext& context, const Block& block, int index) {
  std::string line = Collapse(context.Of(block.content));
  static const std::regex kTime(
      R"(^([0-9: ]+(?:[AaPp]\.?[Mm]\.?)?(?:\s*(?:-|\xe2\x80\x93|to)\s*[0-9: ]+(?:[AaPp]\.?[Mm]\.?)?)?)\s*:?\s*)");
  std::smatch m;
  std::string title = line;
  std::string time;
  std::string head(LineHead(line));
  if (std::regex_search(head, m, kTime)) {
    time = std::string(absl::StripAsciiWhitespace(m[1].str()));
    title = line.substr(m.length(0));
  }
  if (title.empty() || IsBreak(title) || IsDate(title) ||
      context.main_event().empty())
    return {};
  static const std::regex kSession(R"(^session\s+(\w+)\s*[:.\-]?\s*)",
                                   std::regex::icase);
  std::string suffix = absl::StrCat("part-", index);
  head = std::string(LineHead(title));
  if (std::regex_search(head, m, kSession))
    suffix = absl::StrCat("session-", m[1].str());
  kg::v1::Node event;
  event.set_key(
      absl::StrCat(context.main_event(), "-", graph::Slugify(suffix)));
  event.set_label("Event");
  event.set_name(title);
  (*event.mutable_props())["kind"] = StringValue("session");
  if (!time.empty()) (*event.mutable_props())["time"] = StringValue(time);
  context.AddNode(event, block.content, "agenda-session", kEventConfidence);
  context.AddEdge(context.document().document_key, "MENTIONS", event.key(),
                  block.content, "agenda-session", kEventConfidence);
  context.AddEdge(event.key(), "PART_OF", context.main_event(), block.content,
                  "agenda-session", kEventConfidence);
  return {event.key(), "speaker"};
}

std::string RoleOfLabel(absl::string_view label) {
  std::string lower = absl::AsciiStrToLower(label);
  if (absl::StartsWith(lower, "chair") || absl::StartsWith(lower, "co-chair")) {
    return "chair";
  }
  if (absl::StartsWith(lower, "moderat") ||
      absl::StartsWith(lower, "facilitat")) {
    return "moderator";
  }
  if (absl::StartsWith(lower, "panel")) return "panelist";
  if (absl::StartsWith(lower, "speaker") ||
      absl::StartsWith(lower, "keynote") ||
      absl::StartsWith(lower, "presenter") ||
      absl::StartsWith(lower, "remarks")) {
    return "speaker";
  }
  return "";
}

// What an event is about: the topics and resolutions its description
// names (ABOUT) and the frameworks it advances (UNDER).
void Subjects(RuleContext& context, const std::string& event, Span text) {
  for (const Mention* m :
       context.MentionsIn(text, {"Topic", "Resolution", "Framework"})) {
    context.AddEdge(event, m->label == "Framework" ? "UNDER" : "ABOUT", m->key,
                    m->span, "event-description", kEventConfidence * 0.8);
  }
}

// A heading naming an event, then a line labelled with its theme
// ("Annual Workshop" / "Theme: Protection of civilians"): the event is
// about what the theme line names.
void ThemeLines(RuleContext& context) {
  const std::vector<Block>& blocks = context.blocks();
  for (size_t i = 0; i + 1 < blocks.size(); ++i) {
    const Block& theme = blocks[i + 1];
    if (blocks[i].kind != BlockKind::kHeading ||
        theme.kind != BlockKind::kLabelLine) {
      continue;
    }
    std::string label = absl::AsciiStrToLower(theme.marker);
    if (label != "agenda" && label != "theme" && label != "topic" &&
        label != "topics" && label != "subject" && label != "focus") {
      continue;
    }
    for (const Mention* event :
         context.MentionsIn(blocks[i].content, {"Event"})) {
      Subjects(context, event->key, theme.content);
    }
  }
}

}  // namespace

void ExtractAgenda(RuleContext& context) {
  // The document's title, else its first heading that could be one.
  const Block* title_block =
      FirstTitleHeading(context.text(), *context.document().segmentation);
  for (const Block& block : context.blocks()) {
    if (block.kind == BlockKind::kHeading &&
        IsTitleLike(context.Of(block.content)) &&
        block.content.start == context.document().title.start &&
        block.content.end == context.document().title.end) {
      title_block = &block;
      break;
    }
  }
  MainEvent(context, title_block, context.document().kind);
  ThemeLines(context);
  if (title_block != nullptr && !context.main_event().empty()) {
    Subjects(context, context.main_event(), title_block->content);
  }
  Slot slot;
  int index = 0;
  for (const Block& block : context.blocks()) {
    if (block.kind == BlockKind::kAgendaLine) {
      slot = Session(context, block, ++index);
      continue;
    }
    if (block.kind == BlockKind::kHeading) continue;
    if (slot.key.empty()) continue;
    Subjects(context, slot.key, block.content);
    if (block.kind == BlockKind::kLabelLine) {
      std::string role = RoleOfLabel(block.marker);
      if (!role.empty()) slot.role = role;
      if (role.empty()) continue;
    } else if (block.kind != BlockKind::kListItem) {
      continue;
    }
    for (const Mention* person :
         context.MentionsIn(block.content, {"Person"})) {
      std::map<std::string, kg::v1::Value> props;
      props["role"] = StringValue(slot.role);
      if (absl::StrContains(context.Of(block.content), "VTC")) {
        props["remote"].set_bool_value(true);
      }
      context.AddEdge(person->key, "PARTICIPATED_IN", slot.key, block.content,
                      "agenda-participant", kParticipationConfidence, props);
      if (slot.role == "chair") {
        context.AddEdge(person->key, "CHAIRS", slot.key, block.content,
                        "agenda-chair", kParticipationConfidence);
      }
      break;  // One person a line: later names are of other roles.
    }
  }
}

}  // namespace kg::text
