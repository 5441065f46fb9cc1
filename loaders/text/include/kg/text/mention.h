// A mention: a span of the document that names an entity, resolved to the
// entity's key.
#ifndef KG_TEXT_MENTION_H_
#define KG_TEXT_MENTION_H_

#include <string>
#include <vector>

#include "kg/text/segmenter.h"

namespace kg::text {

struct Mention {
  Span span;
  std::string key;
  std::string label;
  // The canonical name: the graph's for known entities, the text's for
  // new ones.
  std::string name;
  // Other names this document gives the entity ("PKO-EWG" for a long name
  // defined with it in parentheses).
  std::vector<std::string> aliases;
  // The rule that found it, recorded as the source's extractor.
  std::string rule;
  double confidence = 1.0;
  // The entity was in the graph before this document.
  bool known = false;
  // For an event, the keys of the frameworks and of the topics its name
  // names ("Seminar on WPS", "Workshop on Women's Leadership").
  std::vector<std::string> frameworks_named;
  std::vector<std::string> topics_named;
};

}  // namespace kg::text

#endif  // KG_TEXT_MENTION_H_
