// Units in "Name, Title, Unit, Parent, Country" lines: a person holds a
// position in the most specific body the line names, which is often a unit
// no gazetteer knows ("Head of the Field Hospital Training Unit",
// "Deputy Director, Regional (Coastal) Policing Cooperation"). The unit
// becomes an Organization of its own.
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "kg/graph/text_normalize.h"
#include "kg/text/entity_recognizer.h"
#include "kg/text/name_patterns.h"
#include "kg/text/person_names.h"
#include "kg/text/tokenizer.h"
#include "rule_context.h"

namespace kg::text {
namespace {

constexpr double kUnitConfidence = 0.6;

bool IsActorOrMission(absl::string_view label) {
  return IsActorLabel(label) || label == "Mission";
}

// Tokens [begin, end) as a span of the document.
Span SpanOf(const std::vector<Token>& tokens, size_t begin, size_t end) {
  return {tokens[begin].span.start, tokens[end - 1].span.end};
}

// Whether tokens[begin, end) read as a name: capitalized words, with
// connectors and parentheses between them.
bool IsCapitalizedRun(const std::vector<Token>& tokens, size_t begin,
                      size_t end) {
  if (begin >= end || !tokens[begin].capitalized) return false;
  size_t words = 0;
  for (size_t k = begin; k < end; ++k) {
    const Token& t = tokens[k];
    if (t.is_word && t.capitalized) {
      ++words;
      continue;
    }
    if (t.norm != "of" && t.norm != "for" && t.norm != "and" &&
        t.norm != "the" && t.norm != "on" && t.norm != "(" && t.norm != ")" &&
        t.norm != "&" && t.norm != "-") {
      return false;
    }
  }
  return words >= 2;
}

// The index of the first token at or after `from` that is `norm`, or `end`.
size_t Find(const std::vector<Token>& tokens, size_t from, size_t end,
            absl::string_view norm) {
  while (from < end && tokens[from].norm != norm) ++from;
  return from;
}

// Whether the name tokens[begin, end) has a system or programme as its
// head ("National Demining Programme", "National System of Border
// Posts"): one that a person holds a title in is a body that runs it.
bool HeadedBySystem(const std::vector<Token>& tokens, size_t begin,
                    size_t end) {
  static const auto* heads =
      new absl::flat_hash_set<std::string>{"system", "programme", "program"};
  size_t head = end;
  for (size_t k = begin; k < end; ++k) {
    const std::string& norm = tokens[k].norm;
    if (norm == "of" || norm == "for" || norm == "on" || norm == "(") break;
    if (tokens[k].is_word) head = k;
  }
  return head < end && heads->contains(tokens[head].norm);
}

// A unit named inside the title after "of" or "at" ("Head of the Public
// Affairs Department and the Spokesperson ..."), up to a second title;
// its head noun must name a body, not a portfolio ("Minister of Foreign
// Affairs"). Returns the token range, or an empty one.
std::pair<size_t, size_t> UnitInTitle(absl::string_view text,
                                      const std::vector<Token>& tokens,
                                      size_t title_end) {
  size_t at = 0;
  while (at < title_end && tokens[at].norm != "of" && tokens[at].norm != "at") {
    ++at;
  }
  size_t begin = at + 1;
  if (begin < title_end && tokens[begin].norm == "the") ++begin;
  size_t end = begin;
  while (end < title_end) {
    size_t next = end + 1;
    if (next < title_end && tokens[next].norm == "the") ++next;
    if (tokens[end].norm == "and" && next < title_end &&
        IsTitleWord(tokens[next].norm)) {
      break;
    }
    ++end;
  }
  if (!IsCapitalizedRun(tokens, begin, end)) return {0, 0};
  Span span = SpanOf(tokens, begin, end);
  std::string label =
      LabelForName(text.substr(span.start, span.end - span.start));
  if (label != "Organization" && label != "UNBody" &&
      !HeadedBySystem(tokens, begin, end)) {
    return {0, 0};
  }
  return {begin, end};
}

}  // namespace

bool PositionInUnit(RuleContext& context, const Mention& person,
                    Span apposition, bool list_line) {
  std::vector<Token> tokens =
      Tokenize(context.text(), {person.span.end, apposition.end});
  if (tokens.size() < 3 || tokens[0].norm != "," ||
      !IsTitleWord(CompoundAt(tokens, 1))) {
    return false;
  }
  size_t title_end = Find(tokens, 1, tokens.size(), ",");
  auto [begin, end] = UnitInTitle(context.text(), tokens, title_end);
  // "Deputy Director, Regional (Coastal) Policing Cooperation, ...". A
  // title with a portfolio may run on over commas ("Assistant
  // Secretary-General for Europe, Central Asia and the Americas").
  bool portfolio = Find(tokens, 1, title_end, "for") < title_end ||
                   Find(tokens, 1, title_end, "of") < title_end;
  if (begin == end && list_line && !portfolio && title_end < tokens.size()) {
    begin = title_end + 1;
    end = Find(tokens, begin, tokens.size(), ",");
    if (!IsCapitalizedRun(tokens, begin, end) ||
        IsTitleWord(CompoundAt(tokens, begin))) {
      return false;
    }
  }
  if (begin == end) return false;
  Span unit = SpanOf(tokens, begin, end);
  // A body the text names there is read by the general position rule.
  for (const Mention* m : context.MentionsIn(apposition)) {
    if (m->span.Overlaps(unit) && IsActorOrMission(m->label)) return false;
  }
  std::string name(context.Of(unit));
  std::vector<std::string> aliases;
  // "National Board of Demining Training (NBDT)": the acronym in
  // parentheses is an alias.
  if (tokens[end - 1].norm == ")" && end - begin >= 4 &&
      tokens[end - 3].norm == "(" && tokens[end - 2].all_caps) {
    aliases.push_back(std::string(context.Of(tokens[end - 2].span)));
    unit = SpanOf(tokens, begin, end - 3);
    name = std::string(context.Of(unit));
  }
  // A national unit is named with its state, as the recognizer names a
  // national body: "Public Affairs Department (Rwanda)".
  std::string key_basis = name;
  std::vector<const Mention*> states =
      context.MentionsIn({unit.end, apposition.end}, {"State"});
  if (!states.empty()) {
    aliases.push_back(name);
    key_basis = absl::StrCat(states.back()->name, " ", name);
    name = absl::StrCat(name, " (", states.back()->name, ")");
  }
  kg::v1::Node node;
  node.set_key(absl::StrCat("org:", graph::Slugify(key_basis)));
  node.set_label("Organization");
  node.set_name(name);
  for (const std::string& alias : aliases) node.add_aliases(alias);
  context.AddNode(node, unit, "position-unit", kUnitConfidence);
  context.AddEdge(context.document().document_key, "MENTIONS", node.key(), unit,
                  "position-unit", kUnitConfidence);
  std::map<std::string, kg::v1::Value> props;
  props["title"] = StringValue(absl::StripAsciiWhitespace(
      context.Of({tokens[1].span.start, tokens[title_end - 1].span.end})));
  if (!context.date().empty()) props["as_of"] = DateValue(context.date());
  context.AddEdge(person.key, "HOLDS_POSITION", node.key(),
                  {person.span.start, unit.end}, "name-title-unit",
                  kUnitConfidence, props);
  return true;
}

}  // namespace kg::text
