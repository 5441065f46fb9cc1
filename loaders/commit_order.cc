#include "kg/loaders/commit_order.h"

#include <utility>

#include "absl/status/status.h"

namespace kg::loaders {

std::vector<absl::StatusOr<kg::v1::CommitSummary>> CommitInDependencyOrder(
    const std::vector<graph::DocumentFacts>& documents,
    const CommitFunction& commit) {
  std::vector<absl::StatusOr<kg::v1::CommitSummary>> results(
      documents.size(), absl::UnknownError("not committed"));
  std::vector<size_t> pending(documents.size());
  for (size_t i = 0; i < pending.size(); ++i) pending[i] = i;
  bool progress = true;
  while (progress && !pending.empty()) {
    progress = false;
    std::vector<size_t> retry;
    for (size_t i : pending) {
      results[i] = commit(documents[i]);
      if (results[i].ok()) {
        progress = true;
      } else if (absl::IsFailedPrecondition(results[i].status())) {
        retry.push_back(i);
      }
    }
    pending = std::move(retry);
  }
  return results;
}

}  // namespace kg::loaders
