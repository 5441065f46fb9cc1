// Committing several documents whose edges may use nodes that only another
// of the documents asserts (a dump of many documents, reference data that
// links missions to the states of another file): each document commits
// atomically on its own, so the ones that need another's nodes go later.
#ifndef KG_LOADERS_COMMIT_ORDER_H_
#define KG_LOADERS_COMMIT_ORDER_H_

#include <functional>
#include <vector>

#include "absl/status/statusor.h"
#include "kg/graph/document_facts.h"
#include "kg/v1/ingest_service.pb.h"

namespace kg::loaders {

using CommitFunction = std::function<absl::StatusOr<kg::v1::CommitSummary>(
    const graph::DocumentFacts&)>;

// Commits every document with `commit`, in the order given, then tries the
// ones that failed with FailedPrecondition (an edge end not stored yet)
// again, for as long as a round commits something. Returns each document's
// last result, in the order of `documents`.
std::vector<absl::StatusOr<kg::v1::CommitSummary>> CommitInDependencyOrder(
    const std::vector<graph::DocumentFacts>& documents,
    const CommitFunction& commit);

}  // namespace kg::loaders

#endif  // KG_LOADERS_COMMIT_ORDER_H_
