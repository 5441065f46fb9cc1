#include "rule_context.h"

#include "absl/container/flat_hash_map.h"
#include "kg/graph/encoding.h"

namespace kg::text {

bool IsActorLabel(absl::string_view label) {
  return label == "State" || label == "Organization" || label == "UNBody" ||
         label == "Network" || label == "Person";
}

kg::v1::Value StringValue(absl::string_view s) {
  kg::v1::Value v;
  v.set_string_value(std::string(s));
  return v;
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

RuleContext::RuleContext(const DocumentView& document) : document_(document) {
  date_ = document.date;
}

std::vector<const Mention*> RuleContext::MentionsIn(
    Span span, std::initializer_list<absl::string_view> labels) const {
  std::vector<const Mention*> out;
  for (const Mention& m : *document_.mentions) {
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
  ExtractRoles(context);
  ExtractMemberships(context);
  ExtractCommitments(context);
  return std::move(context).Take();
}

}  // namespace kg::text
