// Relation rules: edges (and the Commitment and Event nodes they need) read
// from the structures of a document: lists, label lines, appositions,
// reporting verbs and the sentences around mentions.
#ifndef KG_TEXT_RELATION_RULES_H_
#define KG_TEXT_RELATION_RULES_H_

#include <map>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "kg/text/mention.h"
#include "kg/text/segmenter.h"
#include "kg/v1/types.pb.h"

namespace kg::text {

// What the rules read: the text, its layout and its mentions.
struct DocumentView {
  absl::string_view text;
  std::string document_key;
  // The stem of the document key, for Commitment keys.
  std::string slug;
  // The document's date, ISO ("2018-05-24"), or "".
  std::string date;
  // The document's kind ("agenda", "chairs_summary", ...).
  std::string kind;
  // Where the document's title is in the text (empty when it was given).
  Span title;
  const Segmentation* segmentation = nullptr;
  const std::vector<Mention>* mentions = nullptr;
};

// A fact a rule found, with its evidence.
struct Finding {
  Span evidence;
  std::string rule;
  double confidence = 0.7;
};

struct FoundNode {
  kg::v1::Node node;  // key, label, name, aliases, props
  Finding finding;
};

struct FoundEdge {
  std::string src;
  std::string type;
  std::string dst;
  std::map<std::string, kg::v1::Value> props;
  Finding finding;
};

struct Relations {
  std::vector<FoundNode> nodes;
  std::vector<FoundEdge> edges;
};

Relations ExtractRelations(const DocumentView& document);

}  // namespace kg::text

#endif  // KG_TEXT_RELATION_RULES_H_
