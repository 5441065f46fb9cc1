#include "commitment_candidates.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "kg/graph/query/neighbours.h"
#include "kg/graph/query/traverse.h"
#include "query_requests.h"

namespace kg::services {
namespace {

using graph::Direction;
using graph::query::Neighbours;
using graph::query::QueryContext;
using graph::query::Step;
using graph::query::StepFilter;

constexpr char kCommitment[] = "Commitment";
// Candidates prefetched together: a page holds about a hundred commitments
// of ten actors each.
constexpr size_t kPrefetchBatch = 64;

absl::Status ResolveActors(QueryContext& context, std::optional<uint64_t> actor,
                           std::optional<uint64_t> member_of,
                           absl::flat_hash_set<uint64_t>* actors) {
  if (!member_of) {
    actors->insert(*actor);
    return absl::OkStatus();
  }
  std::vector<Step> members;
  absl::StatusOr<bool> read =
      Neighbours(context, StepFilter{Direction::kIn, {"MEMBER_OF"}, {}})
          .All(*member_of, 0, &members);
  if (!read.ok()) return read.status();
  for (const Step& member : members) {
    if (!actor || member.neighbour == *actor) actors->insert(member.neighbour);
  }
  return absl::OkStatus();
}

absl::Status ResolveFrameworks(const QueryEnv& env, QueryContext& context,
                               uint64_t framework,
                               absl::flat_hash_set<uint64_t>* frameworks) {
  graph::query::TraverseSpec spec;
  spec.start = {framework};
  spec.step = StepFilter{Direction::kIn, {"PART_OF"}, {"Framework"}};
  spec.max_depth = env.limits.max_depth;
  graph::query::Traverse parts(context, std::move(spec));
  graph::query::Row row;
  while (true) {
    absl::StatusOr<bool> more = parts.Next(&row);
    if (!more.ok()) return more.status();
    if (!*more) return absl::OkStatus();
    const graph::query::Value& node = row[graph::query::Traverse::kNode];
    if (node.kind() == graph::query::Value::Kind::kNode) {
      frameworks->insert(node.as_node().id);
    }
  }
}

}  // namespace

absl::StatusOr<CommitmentFilters> ResolveCommitmentFilters(
    const QueryEnv& env, QueryContext& context,
    const kg::v1::CommitmentsRequest& request) {
  CommitmentFilters filters;
  std::optional<uint64_t> actor, member_of, framework;
  for (auto [field, key, id] :
       {std::make_tuple("actor_key", &request.actor_key(), &actor),
        std::make_tuple("member_of_key", &request.member_of_key(), &member_of),
        std::make_tuple("framework_key", &request.framework_key(), &framework),
        std::make_tuple("target_key", &request.target_key(), &filters.target),
        std::make_tuple("topic_key", &request.topic_key(), &filters.topic)}) {
    if (key->empty()) continue;
    absl::StatusOr<uint64_t> resolved = ResolveKey(context, field, *key);
    if (!resolved.ok()) return resolved.status();
    *id = *resolved;
  }
  if (!request.document_key().empty()) {
    absl::StatusOr<uint64_t> document =
        ResolveKey(context, "document_key", request.document_key());
    if (!document.ok()) return document.status();
  }
  if (actor || member_of) {
    absl::Status found =
        ResolveActors(context, actor, member_of, &filters.actors.emplace());
    if (!found.ok()) return found;
  }
  if (framework) {
    absl::Status found = ResolveFrameworks(env, context, *framework,
                                           &filters.frameworks.emplace());
    if (!found.ok()) return found;
  }
  return filters;
}

absl::StatusOr<CommitmentCandidates> CommitmentCandidates::Plan(
    QueryContext& context, const CommitmentFilters& filters,
    const std::vector<std::string>& relation_types,
    const kg::v1::CommitmentsRequest& request, uint64_t first,
    const std::string& scan_position, Prefetch prefetch) {
  CommitmentCandidates candidates(context, first, std::move(prefetch));
  std::vector<uint64_t> from;
  StepFilter step{Direction::kIn, {}, {kCommitment}};
  if (filters.actors) {
    from.assign(filters.actors->begin(), filters.actors->end());
    step.direction = Direction::kOut;
    step.types = relation_types;
  } else if (filters.frameworks) {
    from.assign(filters.frameworks->begin(), filters.frameworks->end());
    step.types = {"UNDER"};
  } else if (filters.target) {
    from = {*filters.target};
    step.types = {"TARGETS"};
  } else if (filters.topic) {
    from = {*filters.topic};
    step.types = {"ABOUT"};
  } else {
    graph::query::NodeScanSpec spec;
    spec.index.label = kCommitment;
    if (!request.kind().empty()) {
      spec.index.property_name = "kind";
      spec.index.property_value.emplace().set_string_value(request.kind());
    }
    spec.resume_from = scan_position;
    candidates.scan_ =
        std::make_unique<graph::query::NodeScan>(context, std::move(spec));
    return candidates;
  }
  Neighbours neighbours(context, std::move(step));
  std::vector<Step> steps;
  for (uint64_t node : from) {
    absl::StatusOr<bool> read = neighbours.All(node, 0, &steps);
    if (!read.ok()) return read.status();
  }
  std::vector<uint64_t>& sorted = candidates.sorted_;
  for (const Step& found : steps) sorted.push_back(found.neighbour);
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  candidates.next_ =
      std::lower_bound(sorted.begin(), sorted.end(), first) - sorted.begin();
  candidates.prefetched_ = candidates.next_;
  return candidates;
}

absl::StatusOr<std::optional<uint64_t>> CommitmentCandidates::Next() {
  if (scan_) return NextScanned();
  if (next_ == sorted_.size()) return std::nullopt;
  if (next_ == prefetched_) {
    prefetched_ = std::min(sorted_.size(), next_ + kPrefetchBatch);
    absl::Status fetched = prefetch_(
        absl::MakeConstSpan(sorted_).subspan(next_, prefetched_ - next_));
    if (!fetched.ok()) return fetched;
  }
  return sorted_[next_++];
}

absl::StatusOr<std::optional<uint64_t>> CommitmentCandidates::NextScanned() {
  graph::query::Row row;
  while (true) {
    absl::StatusOr<bool> more = scan_->Next(&row);
    if (!more.ok()) return more.status();
    if (!*more) return std::nullopt;
    const uint64_t id = row[0].as_node().id;
    if (id < first_) continue;
    position_ = scan_->position();
    return id;
  }
}

}  // namespace kg::services
