// Scoring extracted facts against gold facts, by the rule of
// ../shared/gold/README.md:
//
// - The facts a document produced are the nodes and edges that have a
//   source naming the document.
// - A produced node matches the gold node with the same key; failing that,
//   a gold node of the same label that shares a name or alias with it
//   (FoldName equal); failing that, the gold node of the same label whose
//   evidence in the document's text (the evidence of its MENTIONS edges,
//   and for a Commitment of its PLEDGED and RECOMMENDED edges) overlaps
//   most with the spans of the produced node's sources in the document.
// - A produced edge matches a gold edge of the same type whose ends are
//   the gold nodes its ends match.
// - Precision is distinct gold facts matched / produced facts (two
//   produced nodes for one gold node count once above, twice below);
//   recall is gold facts matched / gold facts. MENTIONS edges are counted
//   apart from the other edges.
#ifndef KG_EVAL_SCORER_H_
#define KG_EVAL_SCORER_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "kg/graph/document_facts.h"
#include "kg/v1/types.pb.h"

namespace kg::eval {

// The gold facts of one document. Each gold edge carries its evidence
// string in its first source, as the JSONL facts reader puts it.
struct GoldDocument {
  graph::DocumentFacts facts;
  // The document's text; without it the span fallback is skipped.
  std::optional<std::string> text;
};

struct Counts {
  int64_t gold = 0;
  int64_t produced = 0;
  // Distinct gold facts matched.
  int64_t matched = 0;

  // A ratio with a zero denominator is 0.
  double precision() const;
  double recall() const;
  double f1() const;

  Counts& operator+=(const Counts& other);
};

struct DocumentScore {
  std::string document_key;
  Counts nodes;
  Counts mentions;
  // Edges other than MENTIONS.
  Counts edges;
};

struct Score {
  // In the order of the gold documents.
  std::vector<DocumentScore> documents;
  // Over all documents. A produced node counts under its own label, a gold
  // node (matched or not) under the gold label.
  std::map<std::string, Counts> labels;
  // Every edge type, MENTIONS included.
  std::map<std::string, Counts> edge_types;
  // Micro-averaged: the sums over the documents.
  Counts nodes;
  Counts mentions;
  Counts edges;
};

// Scores every gold document against the produced graph (`nodes` and
// `edges` may hold the whole graph: only facts with a source naming a gold
// document count for it).
Score ScoreFacts(const std::vector<GoldDocument>& gold,
                 const std::vector<kg::v1::Node>& nodes,
                 const std::vector<kg::v1::Edge>& edges);

// A name as the scorer compares it: lower case, Latin diacritics folded,
// without white space and punctuation ("Women, Peace and Security" and
// "women peace & security" differ only by "&", a symbol: symbols such as
// "+" stay, so that "A4P+" is not "A4P").
std::string FoldName(absl::string_view name);

}  // namespace kg::eval

#endif  // KG_EVAL_SCORER_H_
