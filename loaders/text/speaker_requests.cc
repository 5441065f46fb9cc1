#include "speaker_requests.h"

#include <algorithm>
#include <regex>

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

// The speaker of a request whose subject word is `subject`, ending at
// `subject_end`: the person named there, or the last person named before
// whose surname it is; for "he" / "she", the last person named before
// the sentence.
const Mention* Speaker(const RuleContext& context, Span sentence,
                       absl::string_view subject, size_t subject_end) {
  std::vector<const Mention*> people =
      context.MentionsIn({0, subject_end}, {"Person"});
  const std::string word = graph::NormalizeName(subject);
  if (word == "he" || word == "she") {
    auto before = std::find_if(
        people.rbegin(), people.rend(),
        [&](const Mention* m) { return m->span.end <= sentence.start; });
    return before == people.rend() ? nullptr : *before;
  }
  for (auto it = people.rbegin(); it != people.rend(); ++it) {
    if ((*it)->span.end == subject_end ||
        absl::EndsWith(graph::NormalizeName((*it)->name),
                       absl::StrCat(" ", word))) {
      return *it;
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
      if (e.src == speaker->key && e.type == "HOLDS_POSITION" &&
          std::find(request.authors.begin(), request.authors.end(), e.dst) ==
              request.authors.end()) {
        request.authors.push_back(e.dst);
      }
    }
    if (request.authors.empty()) request.authors.push_back(speaker->key);
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
