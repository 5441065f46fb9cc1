// Gherkin: the subset of the feature-file format the openCypher TCK uses —
// features, a background, scenarios and scenario outlines with one
// Examples table, steps with doc strings and data tables, and tags.
#ifndef KG_TESTS_TCK_GHERKIN_H_
#define KG_TESTS_TCK_GHERKIN_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace kg::tck {

struct Step {
  // The text after the keyword (Given/When/Then/And/But).
  std::string text;
  std::string doc_string;
  std::vector<std::vector<std::string>> table;
};

// One runnable scenario; an outline yields one per Examples row.
struct Scenario {
  std::string name;  // "[3] title", with " #row N" for outline rows
  bool ignored = false;
  std::vector<Step> steps;  // the background's first
};

struct Feature {
  std::string name;
  std::vector<Scenario> scenarios;
};

absl::StatusOr<Feature> ParseFeature(const std::string& text);

}  // namespace kg::tck

#endif  // KG_TESTS_TCK_GHERKIN_H_
