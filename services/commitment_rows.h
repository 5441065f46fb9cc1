// The rows of a Commitments call, commitment by commitment (internal to
// services/): one per (actor)-[:PLEDGED|RECOMMENDED]->(commitment) edge
// that passes the request's filters, with what the commitment is under,
// addressed to, targets and is about, and the edge's sources.
//
// Rows need records from RocksDB (the commitment's, its edges' for their
// sources, its actors'): Prefetch reads those of many commitments in one
// batch of each kind, rather than a few records at a time, and no more
// commitments' than the page can still hold rows of. In the basic view
// (COMMITMENT_VIEW_BASIC) a row is its actor's key and label, relation and
// commitment key, all from the topology: records are read only for the
// filters that need them (kind: the commitment's; document_key,
// date_from, date_to: the edges' sources and their documents; as_of: the
// edges and nodes whose validity it checks).
#ifndef KG_SERVICES_COMMITMENT_ROWS_H_
#define KG_SERVICES_COMMITMENT_ROWS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "commitment_candidates.h"
#include "kg/graph/query/query_context.h"
#include "kg/graph/snapshot.h"
#include "kg/v1/query_service.pb.h"

namespace kg::services {

// The types of the edges from an actor to its commitments.
inline constexpr char kPledged[] = "PLEDGED";
inline constexpr char kRecommended[] = "RECOMMENDED";

// A row's place in the order of rows: by commitment, relation, actor.
struct CommitmentRowPosition {
  uint64_t commitment = 0;
  int relation = 0;
  uint64_t actor = 0;
};

class CommitmentRows {
 public:
  // Fills `response` with up to `limit` rows after `resume` (all rows
  // when its commitment is 0). `relation_types` are PLEDGED, RECOMMENDED
  // or both. Everything must outlive this.
  CommitmentRows(graph::query::QueryContext& context,
                 const kg::v1::CommitmentsRequest& request,
                 const CommitmentFilters& filters,
                 const std::vector<std::string>& relation_types,
                 const CommitmentRowPosition& resume, size_t limit,
                 kg::v1::CommitmentsResponse* response)
      : context_(context),
        request_(request),
        filters_(filters),
        relation_types_(relation_types),
        resume_(resume),
        limit_(limit),
        response_(response),
        basic_(request.view() == kg::v1::COMMITMENT_VIEW_BASIC) {}

  // Reads what the rows of `commitments` need, each kind of record in one
  // batch. On an error, keeps none of what it read for them.
  absl::Status Prefetch(absl::Span<const uint64_t> commitments);

  // Adds the commitment's rows until the response holds `limit` rows;
  // `*last` is the position of the last row added. True when a row was
  // left out for the limit.
  absl::StatusOr<bool> Add(uint64_t commitment, CommitmentRowPosition* last);

 private:
  // One actor's edge to a commitment.
  struct Match {
    kg::v1::CommitmentRelation relation;
    uint64_t actor = 0;
    uint64_t edge = 0;
  };
  // What a commitment points at, by edge type (in the basic view, only
  // the types the filters check).
  struct Outgoing {
    std::vector<uint64_t> frameworks;
    std::vector<uint64_t> addressees;
    std::vector<uint64_t> targets;
    std::vector<uint64_t> topics;
  };
  // A commitment that passes the filters, read for its rows.
  struct Prepared {
    // Null when the row needs no record of the commitment (NeedsNode).
    const kg::v1::Node* node = nullptr;
    Outgoing outgoing;
    // By relation then actor, after `resume_`; sources[i] are those of
    // matches[i]'s edge (empty when not NeedsSources).
    std::vector<Match> matches;
    std::vector<graph::EdgeSources> sources;
  };

  // Whether rows need the commitment's record: in the full view, or for
  // the kind filter.
  bool NeedsNode() const { return !basic_ || !request_.kind().empty(); }
  // Whether rows need their edges' sources: in the full view, or for a
  // document or date filter.
  bool NeedsSources() const {
    return !basic_ || !request_.document_key().empty() ||
           request_.has_date_from() || request_.has_date_to();
  }

  // The commitment prepared, or nullopt when a filter excludes it.
  absl::StatusOr<std::optional<Prepared>> Prepare(uint64_t commitment);
  absl::StatusOr<Outgoing> OutgoingOf(uint64_t commitment);
  bool Passes(const Outgoing& out) const;
  absl::StatusOr<std::vector<Match>> MatchesOf(uint64_t commitment);
  // The earliest `date` of the documents' nodes, if any has one.
  absl::StatusOr<std::optional<kg::v1::Date>> EarliestDate(
      const std::vector<std::string>& documents);
  bool RowPasses(const std::vector<std::string>& documents,
                 const std::optional<kg::v1::Date>& date) const;
  // The fields of a row that come from its commitment alone (in the
  // basic view, its key).
  absl::StatusOr<kg::v1::CommitmentRow> CommitmentPart(
      uint64_t commitment_id, const Prepared& prepared);
  // The row's actor: key and label in the basic view.
  absl::StatusOr<kg::v1::EntityRef> ActorOf(uint64_t actor);

  graph::query::QueryContext& context_;
  const kg::v1::CommitmentsRequest& request_;
  const CommitmentFilters& filters_;
  const std::vector<std::string>& relation_types_;
  const CommitmentRowPosition resume_;
  const size_t limit_;
  kg::v1::CommitmentsResponse* const response_;
  const bool basic_;
  // Prefetched commitments (nullopt: excluded by a filter), until added.
  absl::flat_hash_map<uint64_t, std::optional<Prepared>> prepared_;
  absl::flat_hash_map<std::string, std::optional<kg::v1::Date>> document_dates_;
};

}  // namespace kg::services

#endif  // KG_SERVICES_COMMITMENT_ROWS_H_
