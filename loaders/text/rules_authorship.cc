// Authorship: who issued the document ("Chair's Summary": its chair; an
// issue brief or report: its author), who issued a framework ("the
// Secretary-General's Action for Peacekeeping Initiative", "the
// Secretary-General issued a Call to Action"), and who implements one ("...
// which DPO is operationalizing through A4P+").
#include <algorithm>
#include <regex>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "rule_context.h"

namespace kg::text {
namespace {

constexpr double kIssuedConfidence = 0.65;

// Document kinds that one actor writes and issues.
bool IsAuthoredKind(absl::string_view kind) {
  return kind == "issue_brief" || kind == "policy_brief" ||
         kind == "policy_note" || kind == "press_release" || kind == "report" ||
         kind == "fact_sheet" || kind == "concept_note" || kind == "communique";
}

void DocumentIssuer(RuleContext& context) {
  const std::string& doc = context.document().document_key;
  const std::string& kind = context.document().kind;
  if (kind == "chairs_summary") {
    // The chair at the time of writing: a CHAIRS edge dated "as of" the
    // document, not one of a past or future cycle.
    for (const FoundEdge& e : context.edges()) {
      if (e.type == "CHAIRS" && e.props.count("as_of")) {
        context.AddEdge(e.src, "ISSUED", doc, e.finding.evidence,
                        "chair-issues-summary", kIssuedConfidence);
        return;
      }
    }
    return;
  }
  if (!IsAuthoredKind(kind)) return;
  std::string author = context.Author();
  if (author == doc || absl::StartsWith(author, "event:")) return;
  context.AddEdge(author, "ISSUED", doc, Span{0, 0}, "author-issues-document",
                  kIssuedConfidence);
}

void FrameworkIssuers(RuleContext& context, Span sentence) {
  std::vector<const Mention*> in = context.MentionsIn(sentence);
  for (size_t i = 0; i + 1 < in.size(); ++i) {
    if (!IsActorLabel(in[i]->label) || in[i]->label == "Person") continue;
    const Mention* framework = in[i + 1];
    if (framework->label != "Framework") continue;
    std::string gap(context.Of({in[i]->span.end, framework->span.start}));
    // "the Secretary-General's Action for Peacekeeping", "... issued a
    // Call to Action".
    static const std::regex kPossessive(R"(^(?:'s|\xe2\x80\x99s)\s+$)");
    static const std::regex kVerb(
        R"(^\s+(?:issued|launched|released|published|unveiled|developed)\s+(?:a|an|the|its|his|her|their)?\s*$)");
    if (std::regex_match(gap, kPossessive) || std::regex_match(gap, kVerb)) {
      context.AddEdge(in[i]->key, "ISSUED", framework->key,
                      {in[i]->span.start, framework->span.end},
                      "actor-issues-framework", kIssuedConfidence);
    }
  }
}

// The actor a sentence opens with ("For example, Integrated Training
// Service (ITS) develops ..."), or null.
const Mention* SubjectOf(const RuleContext& context, Span sentence) {
  static const std::regex kLead(
      R"(^\W*(?:(?:for example|for instance|in addition|moreover|also|the)\W*)*$)",
      std::regex::icase);
  for (const Mention* m : context.MentionsIn(sentence)) {
    std::string lead(context.Of({sentence.start, m->span.start}));
    if (!std::regex_match(lead, kLead)) return nullptr;
    return IsActorLabel(m->label) && m->label != "Person" ? m : nullptr;
  }
  return nullptr;
}

// Who a sentence says implements a framework: for a sentence that opens
// with a plural pronoun ("These initiatives ... contribute to the
// implementation of A4P"), the actors the sentences before it in the block
// open with; else the last actor before the verb.
void Implementers(RuleContext& context, const Block& block, size_t index) {
  static const std::regex kImplement(
      R"(\b(?:is|are|has been|have been|was|were)?\s*(?:operationali[sz]ing|implementing|operationali[sz]es|implements|operationali[sz]ed|implemented)\b|\b(?:contribut\w*\s+to|support\w*)\s+(?:the\s+)?implementation\s+of\b)",
      std::regex::icase);
  static const std::regex kPlural(R"(^\W*(?:these|those|they|both)\b)",
                                  std::regex::icase);
  const Span sentence = block.sentences[index];
  std::string s(context.Of(sentence));
  std::smatch m;
  if (!std::regex_search(s, m, kImplement)) return;
  size_t at = sentence.start + m.position(0);
  std::vector<const Mention*> before = context.MentionsIn({sentence.start, at});
  std::vector<const Mention*> actors;
  if (std::regex_search(s, kPlural)) {
    for (size_t k = 0; k < index; ++k) {
      if (const Mention* subject = SubjectOf(context, block.sentences[k])) {
        actors.push_back(subject);
      }
    }
  }
  for (auto it = before.rbegin(); it != before.rend() && actors.empty(); ++it) {
    // A state named inside a body's name ("the Kenya National Police
    // Service implements ...") is not the actor: the body is.
    const Span span = (*it)->span;
    bool inside = std::any_of(before.begin(), before.end(), [&](auto* other) {
      return other->span.size() > span.size() && other->span.Contains(span);
    });
    if (!inside && IsActorLabel((*it)->label) && (*it)->label != "Person") {
      actors.push_back(*it);
    }
  }
  for (const Mention* actor : actors) {
    for (const Mention* f : context.MentionsIn(sentence, {"Framework"})) {
      context.AddEdge(actor->key, "IMPLEMENTS", f->key, sentence,
                      "actor-implements", kIssuedConfidence);
    }
  }
}

}  // namespace

void ExtractAuthorship(RuleContext& context) {
  DocumentIssuer(context);
  for (const Block& block : context.blocks()) {
    for (size_t i = 0; i < block.sentences.size(); ++i) {
      FrameworkIssuers(context, block.sentences[i]);
      Implementers(context, block, i);
    }
  }
}

}  // namespace kg::text
