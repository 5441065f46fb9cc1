// Commitments: rows of (actor)-[:PLEDGED|RECOMMENDED]->(Commitment) with
// what the commitment is under, addressed to, targets and is about.
//
// The plan walks candidate commitments in id order: those reached from the
// most selective key filter (the actors, the frameworks, the target, the
// topic), or else a scan of the Commitment label (by `kind` when set),
// which a page token resumes without rescanning. Every filter is then
// checked on each candidate, and each row on its edge's sources.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "kg/graph/encoding.h"
#include "kg/graph/query/neighbours.h"
#include "kg/graph/query/node_scan.h"
#include "kg/graph/query/traverse.h"
#include "kg/graph/query/validity.h"
#include "kg/services/page_token.h"
#include "kg/services/query_plans.h"
#include "query_messages.h"
#include "query_requests.h"

namespace kg::services {
namespace {

using graph::Direction;
using graph::query::Neighbours;
using graph::query::QueryContext;
using graph::query::Step;
using graph::query::StepFilter;

constexpr char kCommitment[] = "Commitment";
constexpr char kPledged[] = "PLEDGED";
constexpr char kRecommended[] = "RECOMMENDED";
// Candidates whose records are read in one batch: a page holds about a
// hundred commitments of ten actors each.
constexpr size_t kCandidateBatch = 64;

// Where a page ended: its last row, and where the label scan (if the plan
// scans) produces that row's commitment again.
struct Cursor {
  uint64_t commitment = 0;
  int relation = 0;
  uint64_t actor = 0;
  std::string scan_position;
};

std::string EncodeCursor(const Cursor& cursor) {
  std::string out;
  graph::PutFixed64BE(&out, cursor.commitment);
  out.push_back(static_cast<char>(cursor.relation));
  graph::PutFixed64BE(&out, cursor.actor);
  out.append(cursor.scan_position);
  return out;
}

absl::StatusOr<Cursor> DecodeCursor(absl::string_view bytes) {
  Cursor cursor;
  if (!graph::GetFixed64BE(&bytes, &cursor.commitment) || bytes.empty()) {
    return absl::InvalidArgumentError("page_token: malformed");
  }
  cursor.relation = static_cast<unsigned char>(bytes.front());
  bytes.remove_prefix(1);
  if (!graph::GetFixed64BE(&bytes, &cursor.actor)) {
    return absl::InvalidArgumentError("page_token: malformed");
  }
  cursor.scan_position = std::string(bytes);
  return cursor;
}

// One actor's edge to a commitment.
struct Match {
  kg::v1::CommitmentRelation relation;
  uint64_t actor = 0;
  uint64_t edge = 0;
};

// What a commitment points at, by edge type.
struct Outgoing {
  std::vector<uint64_t> frameworks;
  std::vector<uint64_t> addressees;
  std::vector<uint64_t> targets;
  std::vector<uint64_t> topics;
};

bool Contains(const std::vector<uint64_t>& ids, uint64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool Before(const kg::v1::Date& a, const kg::v1::Date& b) {
  return std::make_tuple(a.year(), a.month(), a.day()) <
         std::make_tuple(b.year(), b.month(), b.day());
}

std::string StringProp(const kg::v1::Node& node, const char* name) {
  auto it = node.props().find(name);
  return it == node.props().end() ? "" : it->second.string_value();
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
    absl::Status filled = Resolve();
    if (filled.ok()) filled = Fill(page.limit, response);
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
    switch (request_.relation()) {
      case kg::v1::COMMITMENT_RELATION_UNSPECIFIED:
        relation_types_ = {kPledged, kRecommended};
        break;
      case kg::v1::COMMITMENT_RELATION_PLEDGED:
        relation_types_ = {kPledged};
        break;
      case kg::v1::COMMITMENT_RELATION_RECOMMENDED:
        relation_types_ = {kRecommended};
        break;
      default:
        return absl::InvalidArgumentError(
            absl::StrCat("relation: unknown value ", request_.relation()));
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

  // The filters' keys as ids, and the candidates they lead to.
  absl::Status Resolve() {
    std::optional<uint64_t> actor, member_of, framework;
    for (auto [field, key, id] :
         {std::make_tuple("actor_key", &request_.actor_key(), &actor),
          std::make_tuple("member_of_key", &request_.member_of_key(),
                          &member_of),
          std::make_tuple("framework_key", &request_.framework_key(),
                          &framework),
          std::make_tuple("target_key", &request_.target_key(), &target_),
          std::make_tuple("topic_key", &request_.topic_key(), &topic_)}) {
      if (key->empty()) continue;
      absl::StatusOr<uint64_t> resolved = ResolveKey(context_, field, *key);
      if (!resolved.ok()) return resolved.status();
      *id = *resolved;
    }
    if (!request_.document_key().empty()) {
      absl::StatusOr<uint64_t> document =
          ResolveKey(context_, "document_key", request_.document_key());
      if (!document.ok()) return document.status();
    }
    if (actor || member_of) {
      absl::Status found = ResolveActors(actor, member_of);
      if (!found.ok()) return found;
    }
    if (framework) {
      absl::Status found = ResolveFrameworks(*framework);
      if (!found.ok()) return found;
    }
    return PlanCandidates();
  }

  absl::Status ResolveActors(std::optional<uint64_t> actor,
                             std::optional<uint64_t> member_of) {
    actors_.emplace();
    if (!member_of) {
      actors_->insert(*actor);
      return absl::OkStatus();
    }
    std::vector<Step> members;
    absl::StatusOr<bool> read =
        Neighbours(context_, StepFilter{Direction::kIn, {"MEMBER_OF"}, {}})
            .All(*member_of, 0, &members);
    if (!read.ok()) return read.status();
    for (const Step& member : members) {
      if (!actor || member.neighbour == *actor) {
        actors_->insert(member.neighbour);
      }
    }
    return absl::OkStatus();
  }

  // The framework and every framework PART_OF it, however deep.
  absl::Status ResolveFrameworks(uint64_t framework) {
    graph::query::TraverseSpec spec;
    spec.start = {framework};
    spec.step = StepFilter{Direction::kIn, {"PART_OF"}, {"Framework"}};
    spec.max_depth = env_.limits.max_depth;
    graph::query::Traverse parts(context_, std::move(spec));
    frameworks_.emplace();
    graph::query::Row row;
    while (true) {
      absl::StatusOr<bool> more = parts.Next(&row);
      if (!more.ok()) return more.status();
      if (!*more) return absl::OkStatus();
      const graph::query::Value& node = row[graph::query::Traverse::kNode];
      if (node.kind() == graph::query::Value::Kind::kNode) {
        frameworks_->insert(node.as_node().id);
      }
    }
  }

  // The commitments the most selective filter leads to (in id order), or
  // else the label scan.
  absl::Status PlanCandidates() {
    std::vector<uint64_t> from;
    StepFilter step{Direction::kIn, {}, {kCommitment}};
    if (actors_) {
      from.assign(actors_->begin(), actors_->end());
      step.direction = Direction::kOut;
      step.types = relation_types_;
    } else if (frameworks_) {
      from.assign(frameworks_->begin(), frameworks_->end());
      step.types = {"UNDER"};
    } else if (target_) {
      from = {*target_};
      step.types = {"TARGETS"};
    } else if (topic_) {
      from = {*topic_};
      step.types = {"ABOUT"};
    } else {
      graph::query::NodeScanSpec spec;
      spec.index.label = kCommitment;
      if (!request_.kind().empty()) {
        spec.index.property_name = "kind";
        spec.index.property_value.emplace().set_string_value(request_.kind());
      }
      spec.resume_from = resume_.scan_position;
      scan_ =
          std::make_unique<graph::query::NodeScan>(context_, std::move(spec));
      return absl::OkStatus();
    }
    Neighbours neighbours(context_, std::move(step));
    std::vector<Step> steps;
    for (uint64_t node : from) {
      absl::StatusOr<bool> read = neighbours.All(node, 0, &steps);
      if (!read.ok()) return read.status();
    }
    for (const Step& found : steps) candidates_.push_back(found.neighbour);
    std::sort(candidates_.begin(), candidates_.end());
    candidates_.erase(std::unique(candidates_.begin(), candidates_.end()),
                      candidates_.end());
    next_candidate_ = std::lower_bound(candidates_.begin(), candidates_.end(),
                                       resume_.commitment) -
                      candidates_.begin();
    return absl::OkStatus();
  }

  // The next candidate at or after the page token's commitment.
  absl::StatusOr<std::optional<uint64_t>> NextCandidate() {
    if (!scan_) {
      if (next_candidate_ == candidates_.size()) return std::nullopt;
      if (next_candidate_ >= loaded_candidates_) {
        absl::Status loaded = LoadCandidates();
        if (!loaded.ok()) return loaded;
      }
      return candidates_[next_candidate_++];
    }
    graph::query::Row row;
    while (true) {
      absl::StatusOr<bool> more = scan_->Next(&row);
      if (!more.ok()) return more.status();
      if (!*more) return std::nullopt;
      const uint64_t id = row[0].as_node().id;
      if (id < resume_.commitment) continue;
      position_ = scan_->position();
      return id;
    }
  }

  // The records of the next kCandidateBatch candidates, read together.
  absl::Status LoadCandidates() {
    loaded_candidates_ =
        std::min(candidates_.size(), next_candidate_ + kCandidateBatch);
    return context_.LoadNodes(
        std::vector<uint64_t>(candidates_.begin() + next_candidate_,
                              candidates_.begin() + loaded_candidates_));
  }

  absl::Status Fill(size_t limit, kg::v1::CommitmentsResponse* response) {
    while (true) {
      absl::StatusOr<std::optional<uint64_t>> next = NextCandidate();
      if (!next.ok()) return next.status();
      if (!next->has_value()) return absl::OkStatus();
      const uint64_t commitment = **next;
      absl::StatusOr<const kg::v1::Node*> node = context_.Node(commitment);
      if (!node.ok()) return node.status();
      if (!request_.kind().empty() &&
          StringProp(**node, "kind") != request_.kind()) {
        continue;
      }
      absl::StatusOr<Outgoing> outgoing = OutgoingOf(commitment);
      if (!outgoing.ok()) return outgoing.status();
      if (!Passes(*outgoing)) continue;
      absl::StatusOr<std::vector<Match>> matches = MatchesOf(commitment);
      if (!matches.ok()) return matches.status();
      absl::Status loaded = LoadMatches(*matches);
      if (!loaded.ok()) return loaded;
      // What the commitment's rows share, built at its first row.
      std::optional<kg::v1::CommitmentRow> shared;
      for (const Match& match : *matches) {
        absl::StatusOr<const kg::v1::Edge*> edge = context_.Edge(match.edge);
        if (!edge.ok()) return edge.status();
        std::vector<std::string> documents = DocumentsOf(**edge);
        absl::StatusOr<std::optional<kg::v1::Date>> date =
            EarliestDate(documents);
        if (!date.ok()) return date.status();
        if (!RowPasses(documents, *date)) continue;
        if (static_cast<size_t>(response->rows_size()) == limit) {
          // A row beyond the page: there is a next one.
          response->set_next_page_token(
              NextPageToken(request_, EncodeCursor(last_)));
          return absl::OkStatus();
        }
        absl::Status charged = context_.budget().ChargeRows();
        if (!charged.ok()) return charged;
        if (!shared) {
          absl::StatusOr<kg::v1::CommitmentRow> part =
              CommitmentPart(**node, *outgoing);
          if (!part.ok()) return part.status();
          shared = *std::move(part);
        }
        absl::Status added = AddRow(*shared, match, **edge,
                                    std::move(documents), *date, response);
        if (!added.ok()) return added;
        last_ = Cursor{commitment, match.relation, match.actor, position_};
      }
    }
  }

  absl::StatusOr<Outgoing> OutgoingOf(uint64_t commitment) {
    std::vector<Step> steps;
    absl::StatusOr<bool> read =
        Neighbours(context_,
                   StepFilter{Direction::kOut,
                              {"UNDER", "ADDRESSED_TO", "TARGETS", "ABOUT"},
                              {}})
            .All(commitment, 0, &steps);
    if (!read.ok()) return read.status();
    Outgoing out;
    for (const Step& step : steps) {
      const std::string& type = step.edge.type;
      std::vector<uint64_t>& ids = type == "UNDER"          ? out.frameworks
                                   : type == "ADDRESSED_TO" ? out.addressees
                                   : type == "TARGETS"      ? out.targets
                                                            : out.topics;
      ids.push_back(step.neighbour);
    }
    return out;
  }

  bool Passes(const Outgoing& out) const {
    if (target_ && !Contains(out.targets, *target_)) return false;
    if (topic_ && !Contains(out.topics, *topic_)) return false;
    if (frameworks_ &&
        std::none_of(out.frameworks.begin(), out.frameworks.end(),
                     [&](uint64_t id) { return frameworks_->contains(id); })) {
      return false;
    }
    return true;
  }

  // The commitment's actors, by relation then actor id, after the page
  // token's row.
  absl::StatusOr<std::vector<Match>> MatchesOf(uint64_t commitment) {
    std::vector<Step> steps;
    absl::StatusOr<bool> read =
        Neighbours(context_, StepFilter{Direction::kIn, relation_types_, {}})
            .All(commitment, 0, &steps);
    if (!read.ok()) return read.status();
    std::vector<Match> matches;
    for (const Step& step : steps) {
      if (actors_ && !actors_->contains(step.neighbour)) continue;
      Match match{step.edge.type == kPledged
                      ? kg::v1::COMMITMENT_RELATION_PLEDGED
                      : kg::v1::COMMITMENT_RELATION_RECOMMENDED,
                  step.neighbour, step.edge.id};
      if (commitment == resume_.commitment &&
          std::make_pair(static_cast<int>(match.relation), match.actor) <=
              std::make_pair(resume_.relation, resume_.actor)) {
        continue;
      }
      matches.push_back(match);
    }
    std::sort(matches.begin(), matches.end(),
              [](const Match& a, const Match& b) {
                return std::make_pair(a.relation, a.actor) <
                       std::make_pair(b.relation, b.actor);
              });
    return matches;
  }

  // The matches' edges and actors, each read together for their rows.
  absl::Status LoadMatches(const std::vector<Match>& matches) {
    std::vector<uint64_t> edges, actors;
    edges.reserve(matches.size());
    actors.reserve(matches.size());
    for (const Match& match : matches) {
      edges.push_back(match.edge);
      actors.push_back(match.actor);
    }
    absl::Status loaded = context_.LoadEdges(edges);
    return loaded.ok() ? context_.LoadNodes(actors) : loaded;
  }

  static std::vector<std::string> DocumentsOf(const kg::v1::Edge& edge) {
    std::vector<std::string> documents;
    for (const kg::v1::Source& source : edge.sources()) {
      if (std::find(documents.begin(), documents.end(),
                    source.document_key()) == documents.end()) {
        documents.push_back(source.document_key());
      }
    }
    return documents;
  }

  // The earliest `date` of the documents' nodes, if any has one.
  absl::StatusOr<std::optional<kg::v1::Date>> EarliestDate(
      const std::vector<std::string>& documents) {
    std::optional<kg::v1::Date> earliest;
    for (const std::string& key : documents) {
      auto [it, fresh] = document_dates_.try_emplace(key);
      if (fresh) {
        absl::StatusOr<const kg::v1::Node*> node = context_.NodeByKey(key);
        if (!node.ok() && !absl::IsNotFound(node.status())) {
          return node.status();
        }
        if (node.ok()) {
          auto date = (*node)->props().find("date");
          if (date != (*node)->props().end() && date->second.has_date_value()) {
            it->second = date->second.date_value();
          }
        }
      }
      const std::optional<kg::v1::Date>& date = it->second;
      if (date && (!earliest || Before(*date, *earliest))) {
        earliest = date;
      }
    }
    return earliest;
  }

  bool RowPasses(const std::vector<std::string>& documents,
                 const std::optional<kg::v1::Date>& date) const {
    if (!request_.document_key().empty() &&
        std::find(documents.begin(), documents.end(),
                  request_.document_key()) == documents.end()) {
      return false;
    }
    if (request_.has_date_from() || request_.has_date_to()) {
      if (!date) return false;
      return graph::query::DateWithin(
          *date, request_.has_date_from() ? &request_.date_from() : nullptr,
          request_.has_date_to() ? &request_.date_to() : nullptr);
    }
    return true;
  }

  // The fields of a row that come from its commitment alone.
  absl::StatusOr<kg::v1::CommitmentRow> CommitmentPart(
      const kg::v1::Node& commitment, const Outgoing& outgoing) {
    kg::v1::CommitmentRow row;
    row.set_commitment_key(commitment.key());
    row.set_kind(StringProp(commitment, "kind"));
    row.set_text(StringProp(commitment, "text"));
    for (auto [ids, field] :
         {std::make_pair(&outgoing.frameworks, row.mutable_frameworks()),
          std::make_pair(&outgoing.addressees, row.mutable_addressees()),
          std::make_pair(&outgoing.targets, row.mutable_targets()),
          std::make_pair(&outgoing.topics, row.mutable_topics())}) {
      for (uint64_t id : *ids) {
        absl::StatusOr<kg::v1::EntityRef> ref = EntityOf(context_, id);
        if (!ref.ok()) return ref.status();
        *field->Add() = *std::move(ref);
      }
    }
    return row;
  }

  // Adds the row of `match`, an edge of the commitment `shared` was made of.
  absl::Status AddRow(const kg::v1::CommitmentRow& shared, const Match& match,
                      const kg::v1::Edge& edge,
                      std::vector<std::string> documents,
                      const std::optional<kg::v1::Date>& date,
                      kg::v1::CommitmentsResponse* response) {
    absl::StatusOr<kg::v1::EntityRef> actor = EntityOf(context_, match.actor);
    if (!actor.ok()) return actor.status();
    kg::v1::CommitmentRow* row = response->add_rows();
    *row = shared;
    *row->mutable_actor() = *std::move(actor);
    row->set_relation(match.relation);
    *row->mutable_sources() = edge.sources();
    for (std::string& document : documents) {
      row->add_document_keys(std::move(document));
    }
    if (date) *row->mutable_date() = *date;
    return absl::OkStatus();
  }

  const QueryEnv& env_;
  QueryContext& context_;
  const kg::v1::CommitmentsRequest& request_;
  std::vector<std::string> relation_types_;
  Cursor resume_;
  // Filters by node: unset when the request sets none.
  std::optional<absl::flat_hash_set<uint64_t>> actors_;
  std::optional<absl::flat_hash_set<uint64_t>> frameworks_;
  std::optional<uint64_t> target_;
  std::optional<uint64_t> topic_;
  // The candidates: a sorted list, or a label scan.
  std::vector<uint64_t> candidates_;
  size_t next_candidate_ = 0;
  // Candidates from next_candidate_ up to this index have their records
  // loaded.
  size_t loaded_candidates_ = 0;
  std::unique_ptr<graph::query::NodeScan> scan_;
  // The scan's position at the current candidate.
  std::string position_;
  absl::flat_hash_map<std::string, std::optional<kg::v1::Date>> document_dates_;
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
