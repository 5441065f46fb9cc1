// Commitments: rows of (actor)-[:PLEDGED|RECOMMENDED]->(Commitment) with
// what the commitment is under, addressed to, targets and is about.
//
// The plan walks the candidate commitments in id order
// (commitment_candidates.h) and adds each one's rows (commitment_rows.h)
// until the page is full; a page token holds the last row's position and,
// when the plan scans the Commitment label, where the scan produces that
// row's commitment.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "commitment_candidates.h"
#include "commitment_rows.h"
#include "kg/graph/encoding.h"
#include "kg/services/page_token.h"
#include "kg/services/query_plans.h"
#include "query_requests.h"

namespace kg::services {
namespace {

using graph::query::QueryContext;

// Where a page ended: its last row, and where the label scan (if the plan
// scans) produces the commitment the page stopped at: that row's, or a
// later one with no row before it.
struct Cursor {
  CommitmentRowPosition row;
  std::string scan_position;
};

std::string EncodeCursor(const Cursor& cursor) {
  std::string out;
  graph::PutFixed64BE(&out, cursor.row.commitment);
  out.push_back(static_cast<char>(cursor.row.relation));
  graph::PutFixed64BE(&out, cursor.row.actor);
  out.append(cursor.scan_position);
  return out;
}

absl::StatusOr<Cursor> DecodeCursor(absl::string_view bytes) {
  Cursor cursor;
  if (!graph::GetFixed64BE(&bytes, &cursor.row.commitment) || bytes.empty()) {
    return absl::InvalidArgumentError("page_token: malformed");
  }
  cursor.row.relation = static_cast<unsigned char>(bytes.front());
  bytes.remove_prefix(1);
  if (!graph::GetFixed64BE(&bytes, &cursor.row.actor)) {
    return absl::InvalidArgumentError("page_token: malformed");
  }
  cursor.scan_position = std::string(bytes);
  return cursor;
}

// The edge types from an actor to its commitments that the request asks
// for.
absl::StatusOr<std::vector<std::string>> RelationTypes(
    kg::v1::CommitmentRelation relation) {
  switch (relation) {
    case kg::v1::COMMITMENT_RELATION_UNSPECIFIED:
      return std::vector<std::string>{kPledged, kRecommended};
    case kg::v1::COMMITMENT_RELATION_PLEDGED:
      return std::vector<std::string>{kPledged};
    case kg::v1::COMMITMENT_RELATION_RECOMMENDED:
      return std::vector<std::string>{kRecommended};
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("relation: unknown value ", relation));
  }
}

class CommitmentsPlan {
 public:
  CommitmentsPlan(const QueryEnv& env, QueryContext& context,
                  const kg::v1::CommitmentsRequest& request)
      : env_(env), context_(context), request_(request) {}

  absl::Status Run(const PageRequest& page,
                   kg::v1::CommitmentsResponse* response) {
    if (absl::Status valid = Validate(); !valid.ok()) return valid;
    if (!page.cursor.empty()) {
      absl::StatusOr<Cursor> resume = DecodeCursor(page.cursor);
      if (!resume.ok()) return resume.status();
      resume_ = *std::move(resume);
    }
    absl::Status filled = Fill(page.limit, response);
    // A cap that ends a page with rows in it ends the page early instead.
    if (absl::IsResourceExhausted(filled) && response->rows_size() > 0) {
      absl::string_view message = filled.message();
      response->set_truncated_by(
          std::string(message.substr(0, message.find(':'))));
      response->set_next_page_token(
          NextPageToken(request_, EncodeCursor(last_)));
      return absl::OkStatus();
    }
    return filled;
  }

 private:
  absl::Status Validate() {
    absl::StatusOr<std::vector<std::string>> types =
        RelationTypes(request_.relation());
    if (!types.ok()) return types.status();
    relation_types_ = *std::move(types);
    if (!kg::v1::CommitmentView_IsValid(request_.view())) {
      return absl::InvalidArgumentError(
          absl::StrCat("view: unknown value ", request_.view()));
    }
    if (request_.has_date_from()) {
      absl::Status valid = CheckDate("date_from", request_.date_from());
      if (!valid.ok()) return valid;
    }
    if (request_.has_date_to()) {
      absl::Status valid = CheckDate("date_to", request_.date_to());
      if (!valid.ok()) return valid;
    }
    return absl::OkStatus();
  }

  absl::Status Fill(size_t limit, kg::v1::CommitmentsResponse* response) {
    absl::StatusOr<CommitmentFilters> filters =
        ResolveCommitmentFilters(env_, context_, request_);
    if (!filters.ok()) return filters.status();
    CommitmentRows rows(context_, request_, *filters, relation_types_,
                        resume_.row, limit, response);
    absl::StatusOr<CommitmentCandidates> candidates =
        CommitmentCandidates::Plan(context_, *filters, relation_types_,
                                   request_, resume_.row.commitment,
                                   resume_.scan_position,
                                   [&rows](absl::Span<const uint64_t> batch) {
                                     return rows.Prefetch(batch);
                                   });
    if (!candidates.ok()) return candidates.status();
    while (true) {
      absl::StatusOr<std::optional<uint64_t>> next = candidates->Next();
      if (!next.ok()) return next.status();
      if (!next->has_value()) return absl::OkStatus();
      last_.scan_position = candidates->position();
      absl::StatusOr<bool> full = rows.Add(**next, &last_.row);
      if (!full.ok()) return full.status();
      if (*full) {
        response->set_next_page_token(
            NextPageToken(request_, EncodeCursor(last_)));
        return absl::OkStatus();
      }
    }
  }

  const QueryEnv& env_;
  QueryContext& context_;
  const kg::v1::CommitmentsRequest& request_;
  std::vector<std::string> relation_types_;
  Cursor resume_;
  Cursor last_;
};

}  // namespace

absl::Status RunCommitments(const QueryEnv& env,
                            const kg::v1::CommitmentsRequest& request,
                            kg::v1::CommitmentsResponse* response) {
  absl::StatusOr<std::optional<kg::v1::Date>> as_of =
      AsOf("as_of", request.has_as_of(), request.as_of());
  if (!as_of.ok()) return as_of.status();
  absl::StatusOr<PageRequest> page = ParsePageRequest(request);
  if (!page.ok()) return page.status();
  QueryContext context(env.snapshot, env.budget, *as_of);
  return CommitmentsPlan(env, context, request).Run(*page, response);
}

}  // namespace kg::services
