#include "speaker_requests.h"

#include <algorithm>
#include <regex>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "kg/graph/text_normalize.h"

namespace kg::text {
namespace {

constexpr size_t kWindowBytes = 60;

// Verbs by which one asks another to act.
constexpr absl::string_view kRequestVerbs =
    R"((?:expects|expected|hopes|hoped|urges|urged|wants|wanted|asks|asked|requests|requested|encourages|encouraged|invites|invited|(?:calls|called)\s+(?:on|upon)))";

// The addressee of a request is asked to act right after its name.
const std::regex& ActsAfter() {
  static const auto* pattern = new std::regex(R"(^\s+(?:to|will)\s)");
  return *pattern;
}

// Word stems of kRequestVerbs: a window without one asks no one, and
// needs no regular expression.
bool MayNameRequestVerb(absl::string_view window) {
  const std::string lower = absl::AsciiStrToLower(window);
  for (absl::string_view stem : {"expect", "hope", "urge", "want", "ask",
                                 "request", "encourag", "invite", "call"}) {
    if (absl::StrContains(lower, stem)) return true;
  }
  return false;
}

// Where the block before the one `pos` lies in starts (0 in the first
// two blocks): "he" / "she" refers to someone named that recently.
size_t PreviousBlockStart(const RuleContext& context, size_t pos) {
  const std::vector<Block>& blocks = context.blocks();
  auto after = std::upper_bound(
      blocks.begin(), blocks.end(), pos,
      [](size_t p, const Block& block) { return p < block.span.start; });
  size_t index = static_cast<size_t>(after - blocks.begin());
  return index >= 2 ? blocks[index - 2].span.start : 0;
}

// The speaker of a request whose subject word is `subject`, ending at
// `subject_end`: the person named there, or the last person named before
// whose surname it is; for "he" / "she", the last person named before
// the sentence in its block or the block before.
const Mention* Speaker(const RuleContext& context, Span sentence,
                       absl::string_view subject, size_t subject_end) {
  const std::string word = graph::NormalizeName(subject);
  const bool pronoun = word == "he" || word == "she";
  const size_t end = pronoun ? sentence.start : subject_end;
  const size_t earliest =
      pronoun ? PreviousBlockStart(context, sentence.start) : 0;
  // Mentions are in document order: walk back from the first one that
  // starts at or after `end`, not through a list built from the start.
  const std::vector<Mention>& mentions = *context.document().mentions;
  auto it = std::lower_bound(
      mentions.begin(), mentions.end(), end,
      [](const Mention& m, size_t e) { return m.span.start < e; });
  while (it != mentions.begin()) {
    const Mention& person = *--it;
    if (person.span.start < earliest) break;
    if (person.label != "Person" || person.span.end > end) continue;
    if (pronoun || person.span.end == subject_end ||
        absl::EndsWith(graph::NormalizeName(person.name),
                       absl::StrCat(" ", word))) {
      return &person;
    }
  }
  return nullptr;
}

}  // namespace

std::optional<SpeakerRequest> FindSpeakerRequest(const RuleContext& context,
                                                 Span sentence) {
  // "<subject> [also] <verb> [the] " right before the addressee.
  static const std::regex kVerbBefore(
      absl::StrCat(R"((\S+)(?:\s+also|\s+further|\s+again)?\s+)", kRequestVerbs,
                   R"(\s+(?:the\s+|all\s+)?$)"),
      std::regex::icase);
  for (const Mention* addressee : context.MentionsIn(sentence)) {
    if (!IsActorLabel(addressee->label) || addressee->label == "Person") {
      continue;
    }
    // The verb and its subject stand within a few words of the addressee.
    size_t from = std::max(
        sentence.start,
        addressee->span.start - std::min(addressee->span.start, kWindowBytes));
    std::string before(context.Of({from, addressee->span.start}));
    if (!MayNameRequestVerb(before)) continue;
    std::string after(context.Of(
        {addressee->span.end,
         std::min(sentence.end, addressee->span.end + kWindowBytes)}));
    std::smatch verb;
    if (!std::regex_search(before, verb, kVerbBefore) ||
        !std::regex_search(after, ActsAfter())) {
      continue;
    }
    const Mention* speaker =
        Speaker(context, sentence, verb.str(1),
                from + static_cast<size_t>(verb.position(1) + verb.length(1)));
    if (speaker == nullptr) continue;
    SpeakerRequest request;
    request.addressee = addressee;
    for (const FoundEdge& e : context.edges()) {
      // A mission is no actor that recommends (ONTOLOGY.md).
      if (e.src == speaker->key && e.type == "HOLDS_POSITION" &&
          !absl::StartsWith(e.dst, "mission:") &&
          std::find(request.authors.begin(), request.authors.end(), e.dst) ==
              request.authors.end()) {
        request.authors.push_back(e.dst);
      }
    }
    // A person speaks for the bodies they hold a position in; one who
    // holds none is no actor that recommends.
    if (request.authors.empty()) continue;
    return request;
  }
  return std::nullopt;
}

bool AskedToActAt(absl::string_view text, Span span) {
  static const std::regex kAskedBefore(
      absl::StrCat(R"(\b)", kRequestVerbs, R"(\s+(?:the\s+|all\s+)?$)"),
      std::regex::icase);
  static const std::regex kAskedAfter(
      R"(^\s+(?:should|must|shall|need\s+to|are\s+(?:encouraged|urged|invited|called|requested|asked))\b)",
      std::regex::icase);
  size_t from = span.start - std::min(span.start, kWindowBytes);
  std::string before(text.substr(from, span.start - from));
  std::string after(text.substr(span.end, kWindowBytes));
  return (std::regex_search(before, kAskedBefore) &&
          std::regex_search(after, ActsAfter())) ||
         std::regex_search(after, kAskedAfter);
}

}  // namespace kg::text
