// The shipped reference data: every *.jsonl file of a folder (by default
// data/reference of the checkout), each file one document.
#ifndef KG_LOADERS_REFERENCE_DATA_H_
#define KG_LOADERS_REFERENCE_DATA_H_

#include <string>

#include "absl/status/statusor.h"
#include "kg/graph/graph_store.h"

namespace kg::loaders {

struct ReferenceLoadSummary {
  int files = 0;
  // Files whose facts were not already stored exactly so.
  int changed = 0;
};

// Commits every *.jsonl file of `dir` (sorted by name) as its document.
// Committing unchanged files writes nothing, so this is cheap on every
// start and brings the store up to date when the data files change.
absl::StatusOr<ReferenceLoadSummary> LoadReferenceData(graph::GraphStore& store,
                                                       const std::string& dir);

}  // namespace kg::loaders

#endif  // KG_LOADERS_REFERENCE_DATA_H_
