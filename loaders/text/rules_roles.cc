// Roles: chairs and co-chairs, secretariats, hosts, and the positions
// people hold ("Name, Title, Organization").
#include <regex>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "kg/text/name_patterns.h"
#include "kg/text/person_names.h"
#include "kg/text/tokenizer.h"
#include "rule_context.h"

namespace kg::text {
namespace {

constexpr double kChairConfidence = 0.8;
constexpr double kPositionConfidence = 0.8;

// Actor mentions in `span` that form one list ending right before `end`:
// "Germany, Spain and Namibia", "Brunei and China".
std::vector<const Mention*> ListBefore(const RuleContext& context, Span span,
                                       size_t end) {
  std::vector<const Mention*> actors = context.MentionsIn({span.start, end});
  std::vector<const Mention*> out;
  size_t cursor = end;
  for (auto it = actors.rbegin(); it != actors.rend(); ++it) {
    absl::string_view between =
        absl::StripAsciiWhitespace(context.Of({(*it)->span.end, cursor}));
    bool joined = between.empty() || between == "," || between == "and" ||
                  between == ", and" || between == "&" ||
                  absl::StartsWith(between, "(");
    if (!joined && !out.empty()) break;
    if (!joined && between.size() > 3) break;
    if (IsActorLabel((*it)->label)) out.insert(out.begin(), *it);
    cursor = (*it)->span.start;
  }
  return out;
}

const Mention* TargetGroup(const RuleContext& context, Span sentence,
                           size_t after) {
  for (const Mention* m :
       context.MentionsIn({after, sentence.end}, {"Network", "Event"})) {
    return m;
  }
  return context.MostMentioned("Network");
}

void Chairs(RuleContext& context, Span sentence) {
  std::string s(context.Of(sentence));
  static const std::regex kAsChair(
      R"(\bas\s+(?:the\s+)?(?:(current|incoming|outgoing|new|next|former|(\d{4}))\s+)?(co-?chairs?|chairs?|chairpersons?)\b)",
      std::regex::icase);
  for (std::sregex_iterator it(s.begin(), s.end(), kAsChair), e; it != e;
       ++it) {
    const std::smatch& m = *it;
    size_t at = sentence.start + m.position(0);
    const Mention* group = TargetGroup(context, sentence, at + m.length(0));
    if (group == nullptr) continue;
    std::map<std::string, kg::v1::Value> props;
    std::string word = absl::AsciiStrToLower(m[3].str());
    props["role"] =
        StringValue(absl::StartsWith(word, "co") ? "co-chair" : "chair");
    if (m[2].matched) {
      props["cycle"] = StringValue(m[2].str());
    } else if (!context.date().empty()) {
      props["as_of"] = DateValue(context.date());
    }
    for (const Mention* actor : ListBefore(context, sentence, at)) {
      context.AddEdge(actor->key, "CHAIRS", group->key,
                      {actor->span.start, at + m.length(0)}, "chair-as",
                      kChairConfidence, props);
    }
  }
  static const std::regex kChairedBy(R"(\b(co-?)?chaired\s+by\b)",
                                     std::regex::icase);
  std::smatch m;
  if (std::regex_search(s, m, kChairedBy)) {
    size_t at = sentence.start + m.position(0);
    std::vector<const Mention*> groups =
        context.MentionsIn({sentence.start, at}, {"Network", "Event"});
    std::string group =
        groups.empty() ? context.main_event() : groups.back()->key;
    if (group.empty()) return;
    std::map<std::string, kg::v1::Value> props;
    props["role"] = StringValue(m[1].matched ? "co-chair" : "chair");
    for (const Mention* actor :
         ListAfter(context, sentence, at + m.length(0))) {
      context.AddEdge(actor->key, "CHAIRS", group, sentence, "chaired-by",
                      kChairConfidence, props);
    }
  }
}

void Secretariat(RuleContext& context, Span sentence) {
  std::string s(context.Of(sentence));
  static const std::regex kSecretariat(
      R"(\b(?:serves|acts|functions|works)?\s*as\s+(?:the\s+)?(?:permanent\s+)?secretariat\b)",
      std::regex::icase);
  std::smatch m;
  if (!std::regex_search(s, m, kSecretariat)) return;
  size_t at = sentence.start + m.position(0);
  std::vector<const Mention*> actors = ListBefore(context, sentence, at);
  const Mention* group = TargetGroup(context, sentence, at + m.length(0));
  if (group == nullptr) return;
  for (const Mention* actor : actors) {
    context.AddEdge(actor->key, "SECRETARIAT_OF", group->key, sentence,
                    "secretariat-as", kChairConfidence);
  }
}

// A name inside a title ("Assistant Secretary-General for ...") is not the
// organization a person serves in.
bool PartOfTitle(const RuleContext& context, const Mention& m) {
  size_t from = m.span.start > 40 ? m.span.start - 40 : 0;
  std::vector<Token> before = Tokenize(context.text(), {from, m.span.start});
  return !before.empty() && IsTitleWord(before.back().norm);
}

// "Superintendent Mary Wanjiru of the Kenya National Police Service": a
// person named with a rank, then "of" or "from" and the body served.
void PositionAfterOf(RuleContext& context, const Mention& person,
                     const std::vector<const Mention*>& in, size_t i) {
  if (i + 1 >= in.size()) return;
  const Mention* org = in[i + 1];
  if (org->label != "UNBody" && org->label != "Organization" &&
      org->label != "State" && org->label != "Mission") {
    return;
  }
  static const std::regex kOf(R"(^\s+(?:of|from)\s+(?:the\s+)?$)",
                              std::regex::icase);
  std::string between(context.Of({person.span.end, org->span.start}));
  if (!std::regex_search(between, kOf)) return;
  size_t from = person.span.start > 40 ? person.span.start - 40 : 0;
  std::vector<Token> before =
      Tokenize(context.text(), {from, person.span.start});
  if (before.empty() || !IsHonorific(before.back().norm)) return;
  std::map<std::string, kg::v1::Value> props;
  if (IsTitleWord(before.back().norm)) {
    props["title"] = StringValue(context.Of(before.back().span));
  }
  if (!context.date().empty()) props["as_of"] = DateValue(context.date());
  context.AddEdge(person.key, "HOLDS_POSITION", org->key,
                  {person.span.start, org->span.end}, "name-of-org",
                  kPositionConfidence, props);
}

// After a person's name: ", Title, Organization[, ...]".
void Positions(RuleContext& context, const Block& block, Span sentence) {
  std::vector<const Mention*> in = context.MentionsIn(sentence);
  for (size_t i = 0; i < in.size(); ++i) {
    const Mention* person = in[i];
    if (person->label != "Person") continue;
    size_t start = person->span.end;
    absl::string_view rest = context.Of({start, sentence.end});
    if (!absl::StartsWith(rest, ",")) {
      PositionAfterOf(context, *person, in, i);
      continue;
    }
    // The apposition runs to the next person or the sentence's end.
    size_t end = sentence.end;
    for (size_t k = i + 1; k < in.size(); ++k) {
      if (in[k]->label == "Person") {
        end = in[k]->span.start;
        break;
      }
    }
    bool list_line = block.kind == BlockKind::kListItem ||
                     block.kind == BlockKind::kLabelLine;
    if (PositionInUnit(context, *person, {start, end}, list_line)) continue;
    size_t title_start = start + 1;
    bool first = true;
    for (const Mention* org : context.MentionsIn(
             {start, end},
             {"UNBody", "Organization", "State", "Mission", "Network"})) {
      if (PartOfTitle(context, *org)) continue;
      absl::string_view title_view = absl::StripAsciiWhitespace(
          context.Of({title_start, org->span.start}));
      for (absl::string_view tail : {" at the", " at", " of the", " of", ",",
                                     " to the", " for the", " in the"}) {
        absl::ConsumeSuffix(&title_view, tail);
      }
      absl::ConsumePrefix(&title_view, ",");
      std::string title(absl::StripAsciiWhitespace(title_view));
      std::vector<Token> words = Tokenize(title);
      // On a list line any capitalized words may be the first title; a
      // later one needs a title word ("..., Member of the ..."): a state
      // after a body is where the body is.
      bool titled =
          !words.empty() && (IsTitleWord(CompoundAt(words, 0)) ||
                             (list_line && first && words.front().capitalized));
      if (!titled && !(first && title.empty() && list_line)) {
        if (!first) break;
        continue;
      }
      std::map<std::string, kg::v1::Value> props;
      if (!title.empty()) props["title"] = StringValue(title);
      if (!context.date().empty()) props["as_of"] = DateValue(context.date());
      context.AddEdge(person->key, "HOLDS_POSITION", org->key,
                      {person->span.start, org->span.end}, "name-title-org",
                      kPositionConfidence, props);
      first = false;
      title_start = org->span.end;
    }
  }
}

// "French President Anne Martin", "UN Secretary-General Ana Ruiz": an
// organization or state named right before a title and a person's name.
void PositionsBeforeNames(RuleContext& context, Span sentence) {
  std::vector<const Mention*> in = context.MentionsIn(sentence);
  for (size_t i = 1; i < in.size(); ++i) {
    const Mention* person = in[i];
    const Mention* org = in[i - 1];
    if (person->label != "Person" ||
        !(org->label == "UNBody" || org->label == "Organization" ||
          org->label == "State")) {
      continue;
    }
    std::vector<Token> between =
        Tokenize(context.text(), {org->span.end, person->span.start});
    // ", Ambassador Ana Ruiz" opens a new person, not a title; "French
    // President Anne Martin" holds the title.
    bool new_person =
        std::any_of(between.begin(), between.end(),
                    [](const Token& t) { return t.norm == ","; }) &&
        std::any_of(between.begin(), between.end(),
                    [](const Token& t) { return IsHonorific(t.norm); });
    bool title_only =
        !new_person && between.size() <= 6 &&
        std::all_of(between.begin(), between.end(), [](const Token& t) {
          return t.capitalized || t.norm == "-" || t.norm == ",";
        });
    if (!title_only) continue;
    std::map<std::string, kg::v1::Value> props;
    std::string title(absl::StripAsciiWhitespace(
        context.Of({org->span.start, person->span.start})));
    props["title"] = StringValue(title);
    if (!context.date().empty()) props["as_of"] = DateValue(context.date());
    context.AddEdge(person->key, "HOLDS_POSITION", org->key,
                    {org->span.start, person->span.end}, "org-title-name",
                    kPositionConfidence, props);
  }
}

}  // namespace

void ExtractRoles(RuleContext& context) {
  for (const Block& block : context.blocks()) {
    for (const Span& sentence : block.sentences) {
      std::string lower = absl::AsciiStrToLower(context.Of(sentence));
      if (absl::StrContains(lower, "chair")) Chairs(context, sentence);
      if (absl::StrContains(lower, "secretariat")) {
        Secretariat(context, sentence);
      }
      Positions(context, block, sentence);
      PositionsBeforeNames(context, sentence);
    }
  }
}

}  // namespace kg::text
