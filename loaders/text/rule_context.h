// RuleContext: what every relation rule needs to read a document: mentions
// by position, block and sentence lookups, and the findings it collects.
#ifndef KG_TEXT_RULE_CONTEXT_H_
#define KG_TEXT_RULE_CONTEXT_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "kg/graph/values.h"
#include "kg/text/relation_rules.h"

namespace kg::text {

// Labels that act: they chair, host, pledge, recommend, join.
bool IsActorLabel(absl::string_view label);

class RuleContext {
 public:
  explicit RuleContext(const DocumentView& document);

  absl::string_view text() const { return document_.text; }
  absl::string_view Of(Span span) const {
    return document_.text.substr(span.start, span.size());
  }
  const DocumentView& document() const { return document_; }
  const std::vector<Block>& blocks() const {
    return document_.segmentation->blocks;
  }

  // Mentions inside `span`, in order; with `labels`, only those labels.
  std::vector<const Mention*> MentionsIn(
      Span span, std::initializer_list<absl::string_view> labels = {}) const;
  // The mention of `label` named most often in the document, or null.
  const Mention* MostMentioned(absl::string_view label) const;
  // The document's date ("2018-05-24"), or "".
  const std::string& date() const { return date_; }
  // The key of the event the document reports on or announces, or "".
  const std::string& main_event() const { return main_event_; }
  void set_main_event(std::string key) { main_event_ = std::move(key); }
  // Who speaks in the document: its event (a meeting's summary), else the
  // first actor its opening paragraph names, else the document itself.
  std::string Author() const;
  // The edges found so far.
  const std::vector<FoundEdge>& edges() const { return out_.edges; }

  void AddEdge(const std::string& src, const std::string& type,
               const std::string& dst, Span evidence, const std::string& rule,
               double confidence,
               std::map<std::string, kg::v1::Value> props = {});
  void AddNode(kg::v1::Node node, Span evidence, const std::string& rule,
               double confidence);

  Relations Take() && { return std::move(out_); }

 private:
  const DocumentView& document_;
  std::string date_;
  std::string main_event_;
  Relations out_;
};

// The actors listed after `start` in `sentence` ("hosted by Canada,
// Finland and Kenya"): every person, and other actors except those in a
// person's apposition ("X, Permanent Representative of Germany").
std::vector<const Mention*> ListAfter(const RuleContext& context, Span sentence,
                                      size_t start);

// The last actor of `actors` (in text order) and those coordinated with
// it just before ("Japan and Bangladesh", "the Government of Ghana and the
// Government of Canada"): the subjects of one verb.
std::vector<const Mention*> Coordinated(
    const RuleContext& context, const std::vector<const Mention*>& actors);

// "Name, Title of Unit, ..." or "Name, Title, Unit, ..." (on a list line)
// where no gazetteer body is named at Unit: the unit becomes an
// Organization the person holds a position in. False when the apposition
// `apposition` (from the person's name to the next person or the
// sentence's end) names no such unit; then the general rule reads it.
bool PositionInUnit(RuleContext& context, const Mention& person,
                    Span apposition, bool list_line);

using graph::StringValue;
kg::v1::Value DateValue(absl::string_view iso);

// One rule family each; all add to `context`.
void ExtractCommitments(RuleContext& context);
void ExtractMemberships(RuleContext& context);
void ExtractRoles(RuleContext& context);
void ExtractAgenda(RuleContext& context);
void ExtractEvents(RuleContext& context);
void ExtractEventReferences(RuleContext& context);
void ExtractNameFacts(RuleContext& context);
void ExtractResolutionContents(RuleContext& context);
void ExtractAuthorship(RuleContext& context);

}  // namespace kg::text

#endif  // KG_TEXT_RULE_CONTEXT_H_
