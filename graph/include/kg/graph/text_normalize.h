// Name normalization for the `names` index: what two spellings of a name
// must share to be found by one lookup.
#ifndef KG_GRAPH_TEXT_NORMALIZE_H_
#define KG_GRAPH_TEXT_NORMALIZE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace kg::graph {

// Lower-cases, folds Latin diacritics to ASCII ("Côte d'Ivoire" ->
// "cote d'ivoire"), and collapses runs of white space to one space, trimmed.
// Other characters pass through unchanged; invalid UTF-8 bytes are dropped.
std::string NormalizeName(absl::string_view text);

// The slug of a name as ONTOLOGY.md's keys use it: lower-case ASCII, words
// joined by '-', punctuation dropped, diacritics folded ("Côte d'Ivoire"
// -> "cote-divoire").
std::string Slugify(absl::string_view name);

}  // namespace kg::graph

#endif  // KG_GRAPH_TEXT_NORMALIZE_H_
