#include "rule_context.h"

#include <algorithm>
#include <regex>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "kg/graph/encoding.h"
#include "kg/text/tokenizer.h"

namespace kg::text {

bool IsActorLabel(absl::string_view label) {
  return label == "State" || label == "Organization" || label == "UNBody" ||
         label == "Network" || label == "Person";
}

kg::v1::Value DateValue(absl::string_view iso) {
  kg::v1::Value v;
  absl::StatusOr<kg::v1::Date> date = graph::ParseDate(iso);
  if (date.ok()) {
    *v.mutable_date_value() = *date;
  } else {
    v.set_string_value(std::string(iso));
  }
  return v;
}

namespace {

// A gap this long between two mentions ends a list.
constexpr size_t kMaxListGapBytes = 60;

// Words that may stand between the items of a list of actors: "Germany,
// Spain and Namibia", "the Permanent Representatives of", "in collaboration
// with".
bool IsListGap(const RuleContext& context, Span gap) {
  static const auto* words =
      new absl::flat_hash_set<std::string>{",",
                                           "and",
                                           "the",
                                           "as",
                                           "well",
                                           "in",
                                           "collaboration",
                                           "support",
                                           "with",
                                           "together",
                                           "of",
                                           "permanent",
                                           "representatives",
                                           "representative",
                                           "missions",
                                           "mission",
                                           "&",
                                           "also",
                                           "by",
                                           "ambassador",
                                           "ambassadors"};
  for (const Token& t : Tokenize(context.text(), gap)) {
    if (!words->contains(t.norm)) return false;
  }
  return true;
}

}  // namespace

// The actors listed after `start` in `sentence`: every person, and other
// actors except those in a person's apposition ("X, Permanent
// Representative of Germany").
std::vector<const Mention*> ListAfter(const RuleContext& context, Span sentence,
                                      size_t start) {
  std::vector<const Mention*> out;
  size_t cursor = start;
  bool in_apposition = false;
  for (const Mention* m : context.MentionsIn({start, sentence.end})) {
    Span gap{cursor, m->span.start};
    if (gap.size() > kMaxListGapBytes) break;
    bool joined = IsListGap(context, gap);
    cursor = m->span.end;
    if (m->label == "Person") {
      out.push_back(m);
      in_apposition = true;
      continue;
    }
    if (!IsActorLabel(m->label) || in_apposition || !joined) continue;
    out.push_back(m);
  }
  return out;
}

RuleContext::RuleContext(const DocumentView& document) : document_(document) {
  date_ = document.date;
}

std::vector<const Mention*> RuleContext::MentionsIn(
    Span span, std::initializer_list<absl::string_view> labels) const {
  std::vector<const Mention*> out;
  // Mentions are in document order: start at the first inside the span,
  // so a long document costs no more per sentence.
  const std::vector<Mention>& mentions = *document_.mentions;
  auto first = std::lower_bound(
      mentions.begin(), mentions.end(), span.start,
      [](const Mention& m, size_t start) { return m.span.start < start; });
  for (auto it = first; it != mentions.end(); ++it) {
    const Mention& m = *it;
    if (m.span.start >= span.end) break;
    if (!span.Contains(m.span)) continue;
    bool wanted = labels.size() == 0;
    for (absl::string_view label : labels) wanted |= m.label == label;
    if (wanted) out.push_back(&m);
  }
  return out;
}

const Mention* RuleContext::MostMentioned(absl::string_view label) const {
  absl::flat_hash_map<std::string, int> counts;
  const Mention* best = nullptr;
  int best_count = 0;
  for (const Mention& m : *document_.mentions) {
    if (m.label != label) continue;
    int count = ++counts[m.key];
    if (count > best_count) {
      best = &m;
      best_count = count;
    }
  }
  return best;
}

std::string RuleContext::Author() const {
  if (!main_event_.empty()) return main_event_;
  for (const Block& block : blocks()) {
    if (block.kind != BlockKind::kParagraph) continue;
    for (const Mention* m : MentionsIn(
             block.content, {"UNBody", "Organization", "State", "Network"})) {
      return m->key;
    }
    break;
  }
  return document_.document_key;
}

std::vector<const Mention*> Coordinated(
    const RuleContext& context, const std::vector<const Mention*>& actors) {
  static const std::regex kJoin(
      R"(^\s*(?:,|,?\s+and)\s+(?:the\s+)?(?:government\s+of\s+(?:the\s+)?)?$)",
      std::regex::icase);
  std::vector<const Mention*> out = {actors.back()};
  for (size_t i = actors.size() - 1; i > 0; --i) {
    std::string gap(
        context.Of({actors[i - 1]->span.end, actors[i]->span.start}));
    if (!std::regex_search(gap, kJoin)) break;
    out.insert(out.begin(), actors[i - 1]);
  }
  return out;
}

void RuleContext::AddEdge(const std::string& src, const std::string& type,
                          const std::string& dst, Span evidence,
                          const std::string& rule, double confidence,
                          std::map<std::string, kg::v1::Value> props) {
  if (src == dst) return;
  out_.edges.push_back(
      {src, type, dst, std::move(props), {evidence, rule, confidence}});
}

void RuleContext::AddNode(kg::v1::Node node, Span evidence,
                          const std::string& rule, double confidence) {
  out_.nodes.push_back({std::move(node), {evidence, rule, confidence}});
}

Relations ExtractRelations(const DocumentView& document) {
  RuleContext context(document);
  ExtractAgenda(context);
  ExtractEvents(context);
  ExtractRoles(context);
  ExtractNameFacts(context);
  ExtractEventReferences(context);
  ExtractResolutionContents(context);
  ExtractAuthorship(context);
  ExtractMemberships(context);
  ExtractCommitments(context);
  return std::move(context).Take();
}

}  // namespace kg::text
