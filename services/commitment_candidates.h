// The commitments a Commitments call considers, in id order (internal to
// services/): those reached from the request's most selective key filter
// (the actors, the frameworks, the target, the topic), or else a scan of
// the Commitment label (by `kind` when set), which a page token resumes
// without rescanning. The filters themselves are checked on each
// candidate by the rows (commitment_rows.h).
#ifndef KG_SERVICES_COMMITMENT_CANDIDATES_H_
#define KG_SERVICES_COMMITMENT_CANDIDATES_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "kg/graph/query/node_scan.h"
#include "kg/graph/query/query_context.h"
#include "kg/services/query_plans.h"
#include "kg/v1/query_service.pb.h"

namespace kg::services {

// The request's key filters as node ids; each unset when the request sets
// none.
struct CommitmentFilters {
  // The actor, or the members of the network (that are the actor).
  std::optional<absl::flat_hash_set<uint64_t>> actors;
  // The framework and every framework PART_OF it, however deep.
  std::optional<absl::flat_hash_set<uint64_t>> frameworks;
  std::optional<uint64_t> target;
  std::optional<uint64_t> topic;
};

// NotFound naming the field for a key no node has.
absl::StatusOr<CommitmentFilters> ResolveCommitmentFilters(
    const QueryEnv& env, graph::query::QueryContext& context,
    const kg::v1::CommitmentsRequest& request);

class CommitmentCandidates {
 public:
  // Called with each batch of candidates before they are produced, to read
  // what their rows need together.
  using Prefetch = std::function<absl::Status(absl::Span<const uint64_t>)>;

  // The candidates from `first` on, for `filters` (and the request's kind);
  // a label scan resumes from `scan_position`. `relation_types` are the
  // edge types from an actor to its commitments. `context` must outlive
  // this.
  static absl::StatusOr<CommitmentCandidates> Plan(
      graph::query::QueryContext& context, const CommitmentFilters& filters,
      const std::vector<std::string>& relation_types,
      const kg::v1::CommitmentsRequest& request, uint64_t first,
      const std::string& scan_position, Prefetch prefetch);

  // The next candidate; nullopt after the last.
  absl::StatusOr<std::optional<uint64_t>> Next();

  // Where a label scan produces the last candidate again (empty when the
  // plan does not scan): for a page token.
  const std::string& position() const { return position_; }

 private:
  CommitmentCandidates(graph::query::QueryContext& context, uint64_t first,
                       Prefetch prefetch)
      : context_(&context), first_(first), prefetch_(std::move(prefetch)) {}

  absl::StatusOr<std::optional<uint64_t>> NextScanned();

  graph::query::QueryContext* context_;
  uint64_t first_;
  Prefetch prefetch_;
  // A sorted list, or a label scan.
  std::vector<uint64_t> sorted_;
  size_t next_ = 0;
  // sorted_ up to this index has been prefetched.
  size_t prefetched_ = 0;
  std::unique_ptr<graph::query::NodeScan> scan_;
  std::string position_;
};

}  // namespace kg::services

#endif  // KG_SERVICES_COMMITMENT_CANDIDATES_H_
