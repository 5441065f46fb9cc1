// Membership: member lists in footnotes that a sentence about members
// points to ("a membership of more than 80¹ ..."), and inline lists after
// "members include", "comprising", "joined". A footnote that a sentence
// about participants points to lists who took part in the event.
#include <regex>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "rule_context.h"

namespace kg::text {
namespace {

constexpr double kFootnoteConfidence = 0.85;
constexpr double kInlineConfidence = 0.7;

bool MentionsMembership(absl::string_view sentence) {
  std::string lower = absl::AsciiStrToLower(sentence);
  return absl::StrContains(lower, "member") ||
         absl::StrContains(lower, "comprising") ||
         absl::StrContains(lower, "composed of");
}

// The sentence (of any block but `except`) where `marker` follows a word.
const Span* ReferencingSentence(const RuleContext& context,
                                const std::string& marker,
                                const Block* except) {
  for (const Block& block : context.blocks()) {
    if (&block == except) continue;
    for (const Span& sentence : block.sentences) {
      absl::string_view s = context.Of(sentence);
      for (size_t pos = s.find(marker); pos != absl::string_view::npos;
           pos = s.find(marker, pos + 1)) {
        if (pos == 0) continue;
        unsigned char prev = static_cast<unsigned char>(s[pos - 1]);
        bool bracketed = pos >= 1 && s[pos - 1] == '[';
        if (absl::ascii_isalnum(prev) || prev == ')' || bracketed) {
          return &sentence;
        }
      }
    }
  }
  return nullptr;
}

// The group a membership sentence is about.
const Mention* GroupOf(const RuleContext& context, Span sentence) {
  for (absl::string_view label : {"Network", "Organization"}) {
    std::vector<const Mention*> groups = context.MentionsIn(sentence, {label});
    if (!groups.empty()) return groups.front();
  }
  return context.MostMentioned("Network");
}

void AddMembers(RuleContext& context, const Mention& group, Span list,
                const std::string& rule, double confidence) {
  std::map<std::string, kg::v1::Value> props;
  if (!context.date().empty())
    props["as_of"] = DateValue(context.date().substr(0, 7));
  for (const Mention* member : context.MentionsIn(
           list, {"State", "Organization", "UNBody", "Network"})) {
    if (member->key == group.key) continue;
    context.AddEdge(member->key, "MEMBER_OF", group.key, member->span, rule,
                    confidence, props);
  }
}

// "participants from twelve countries¹", "brought together delegations
// of ...": a sentence about who took part in the document's event.
bool MentionsParticipation(absl::string_view sentence) {
  static const std::regex kParticipation(
      R"(\b(?:participants?|participated|participating|attended|attendees|took\s+part|brought\s+together|gathered|delegations?)\b)",
      std::regex::icase);
  std::string s(sentence);
  return std::regex_search(s, kParticipation);
}

// The states and organizations a footnote lists took part in the event.
void AddParticipants(RuleContext& context, Span list) {
  std::map<std::string, kg::v1::Value> props;
  props["role"] = StringValue("participant");
  for (const Mention* participant :
       context.MentionsIn(list, {"State", "Organization", "UNBody"})) {
    context.AddEdge(participant->key, "PARTICIPATED_IN", context.main_event(),
                    participant->span, "participant-list-footnote",
                    kFootnoteConfidence, props);
  }
}

}  // namespace

void ExtractMemberships(RuleContext& context) {
  for (const Block& block : context.blocks()) {
    if (block.kind != BlockKind::kFootnote) continue;
    const Span* sentence = ReferencingSentence(context, block.marker, &block);
    if (sentence == nullptr) continue;
    if (!MentionsMembership(context.Of(*sentence))) {
      if (!context.main_event().empty() &&
          MentionsParticipation(context.Of(*sentence))) {
        AddParticipants(context, block.content);
      }
      continue;
    }
    const Mention* group = GroupOf(context, *sentence);
    if (group == nullptr) continue;
    AddMembers(context, *group, block.content, "member-list-footnote",
               kFootnoteConfidence);
  }
  static const std::regex kInline(
      R"(\b(?:members?\s+(?:include|includes|are|were)|membership\s+(?:includes|comprises)|comprising|composed\s+of|joined)\b)",
      std::regex::icase);
  for (const Block& block : context.blocks()) {
    if (block.kind == BlockKind::kFootnote) continue;
    for (const Span& sentence : block.sentences) {
      std::string s(context.Of(sentence));
      std::smatch m;
      if (!std::regex_search(s, m, kInline)) continue;
      size_t verb_end = sentence.start + m.position(0) + m.length(0);
      Span before{sentence.start,
                  sentence.start + static_cast<size_t>(m.position(0))};
      Span after{verb_end, sentence.end};
      bool joined = absl::AsciiStrToLower(m.str(0)) == "joined";
      // "A and B joined the Network": members before, group after.
      Span group_span = joined ? after : before;
      Span list = joined ? before : after;
      std::vector<const Mention*> groups =
          context.MentionsIn(group_span, {"Network", "Organization"});
      if (groups.empty()) continue;
      AddMembers(context, *groups.front(), list, "member-list-inline",
                 kInlineConfidence);
    }
  }
}

}  // namespace kg::text
