// EntityRecognizer: finds the entities a document names.
//
// Known entities come from the gazetteer. New ones come from patterns that
// hold across documents of every kind: resolution numbers in their written
// forms, acronyms defined in parentheses after a long name, people named
// with an honorific or rank, and "Name, Title, Organization" appositions.
// A new entity's label comes from its head noun ("... Centre" is an
// Organization, "... Network" a Network); without one it is left out.
#ifndef KG_TEXT_ENTITY_RECOGNIZER_H_
#define KG_TEXT_ENTITY_RECOGNIZER_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "kg/text/gazetteer.h"
#include "kg/text/mention.h"
#include "kg/text/segmenter.h"

namespace kg::text {

class EntityRecognizer {
 public:
  explicit EntityRecognizer(const Gazetteer& gazetteer)
      : gazetteer_(gazetteer) {}

  // Every mention in the document, ordered by position, not overlapping.
  std::vector<Mention> Recognize(absl::string_view text,
                                 const Segmentation& segmentation) const;

 private:
  const Gazetteer& gazetteer_;
};

// The label a new entity's name implies by its head noun, or "" when it
std::string LabelForName(absl::string_view name);

}  // namespace kg::text

#endif  // KG_TEXT_ENTITY_RECOGNIZER_H_
