#include "commitment_rows.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "kg/graph/query/neighbours.h"
#include "kg/graph/query/validity.h"
#include "query_messages.h"

namespace kg::services {
namespace {

using graph::Direction;
using graph::query::Neighbours;
using graph::query::Step;
using graph::query::StepFilter;

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

std::vector<std::string> DocumentsOf(const graph::EdgeSources& sources) {
  std::vector<std::string> documents;
  for (const kg::v1::Source& source : sources) {
    if (std::find(documents.begin(), documents.end(), source.document_key()) ==
        documents.end()) {
      documents.push_back(source.document_key());
    }
  }
  return documents;
}

}  // namespace

absl::Status CommitmentRows::Prefetch(absl::Span<const uint64_t> commitments) {
  if (NeedsNode()) {
    absl::Status loaded = context_.LoadNodes(
        std::vector<uint64_t>(commitments.begin(), commitments.end()));
    if (!loaded.ok()) return loaded;
  }
  // The nodes the rows name (actors, frameworks, targets...) and the
  // edges whose sources they carry, of the commitments the page can still
  // hold rows of (and one row more, to tell whether a page follows).
  std::vector<uint64_t> nodes, edges;
  // Held apart from prepared_ until their sources are read: a read that
  // fails leaves no commitment there without the sources of its matches.
  std::vector<std::pair<uint64_t, std::optional<Prepared>>> batch;
  const size_t wanted = limit_ - response_->rows_size() + 1;
  for (uint64_t commitment : commitments) {
    if (edges.size() >= wanted) break;
    absl::StatusOr<std::optional<Prepared>> prepared = Prepare(commitment);
    if (!prepared.ok()) return prepared.status();
    if (*prepared) {
      // The basic view names nodes by key alone, from the topology.
      if (!basic_) {
        for (const std::vector<uint64_t>* ids :
             {&(*prepared)->outgoing.frameworks,
              &(*prepared)->outgoing.addressees, &(*prepared)->outgoing.targets,
              &(*prepared)->outgoing.topics}) {
          nodes.insert(nodes.end(), ids->begin(), ids->end());
        }
      }
      for (const Match& match : (*prepared)->matches) {
        if (!basic_) nodes.push_back(match.actor);
        edges.push_back(match.edge);
      }
    }
    batch.emplace_back(commitment, *std::move(prepared));
  }
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  absl::Status loaded = context_.LoadNodes(nodes);
  if (!loaded.ok()) return loaded;
  absl::StatusOr<std::vector<graph::EdgeSources>> read =
      NeedsSources() ? context_.snapshot().GetEdgeSourcesById(edges)
                     : std::vector<graph::EdgeSources>(edges.size());
  if (!read.ok()) return read.status();
  if (read->size() != edges.size()) {
    return absl::InternalError(
        absl::StrCat("GetEdgeSourcesById: ", read->size(), " sources for ",
                     edges.size(), " edges"));
  }
  // The sources come back in the order of the commitments' matches.
  auto next = read->begin();
  for (auto& [commitment, prepared] : batch) {
    if (prepared) {
      const auto end = next + prepared->matches.size();
      prepared->sources.assign(std::make_move_iterator(next),
                               std::make_move_iterator(end));
      next = end;
    }
    prepared_.insert_or_assign(commitment, std::move(prepared));
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> CommitmentRows::Add(uint64_t commitment,
                                         CommitmentRowPosition* last) {
  auto it = prepared_.find(commitment);
  if (it == prepared_.end()) {
    absl::Status fetched = Prefetch({commitment});
    if (!fetched.ok()) return fetched;
    it = prepared_.find(commitment);
  }
  std::optional<Prepared> prepared = std::move(it->second);
  prepared_.erase(it);
  if (!prepared) return false;
  // What the commitment's rows share, built at its first row.
  std::optional<kg::v1::CommitmentRow> shared;
  for (size_t i = 0; i < prepared->matches.size(); ++i) {
    const Match& match = prepared->matches[i];
    graph::EdgeSources& sources = prepared->sources[i];
    std::vector<std::string> documents = DocumentsOf(sources);
    absl::StatusOr<std::optional<kg::v1::Date>> date = EarliestDate(documents);
    if (!date.ok()) return date.status();
    if (!RowPasses(documents, *date)) continue;
    // A row beyond the page: there is a next one.
    if (static_cast<size_t>(response_->rows_size()) == limit_) return true;
    absl::Status charged = context_.budget().ChargeRows();
    if (!charged.ok()) return charged;
    if (!shared) {
      absl::StatusOr<kg::v1::CommitmentRow> part =
          CommitmentPart(commitment, *prepared);
      if (!part.ok()) return part.status();
      shared = *std::move(part);
    }
    absl::StatusOr<kg::v1::EntityRef> actor = ActorOf(match.actor);
    if (!actor.ok()) return actor.status();
    kg::v1::CommitmentRow* row = response_->add_rows();
    *row = *shared;
    *row->mutable_actor() = *std::move(actor);
    row->set_relation(match.relation);
    *last = CommitmentRowPosition{commitment, match.relation, match.actor};
    if (basic_) continue;
    // The sources were read for this row alone: they move.
    row->mutable_sources()->Swap(&sources);
    for (std::string& document : documents) {
      row->add_document_keys(std::move(document));
    }
    if (*date) *row->mutable_date() = **date;
  }
  return false;
}

absl::StatusOr<std::optional<CommitmentRows::Prepared>> CommitmentRows::Prepare(
    uint64_t commitment) {
  Prepared prepared;
  if (NeedsNode()) {
    absl::StatusOr<const kg::v1::Node*> node = context_.Node(commitment);
    if (!node.ok()) return node.status();
    if (!request_.kind().empty() &&
        StringProp(**node, "kind") != request_.kind()) {
      return std::nullopt;
    }
    prepared.node = *node;
  }
  absl::StatusOr<Outgoing> outgoing = OutgoingOf(commitment);
  if (!outgoing.ok()) return outgoing.status();
  if (!Passes(*outgoing)) return std::nullopt;
  absl::StatusOr<std::vector<Match>> matches = MatchesOf(commitment);
  if (!matches.ok()) return matches.status();
  prepared.outgoing = *std::move(outgoing);
  prepared.matches = *std::move(matches);
  return prepared;
}

absl::StatusOr<CommitmentRows::Outgoing> CommitmentRows::OutgoingOf(
    uint64_t commitment) {
  // The basic view lists none of them: only the filters' types are read.
  std::vector<std::string> types;
  if (!basic_ || filters_.frameworks) types.push_back("UNDER");
  if (!basic_) types.push_back("ADDRESSED_TO");
  if (!basic_ || filters_.target) types.push_back("TARGETS");
  if (!basic_ || filters_.topic) types.push_back("ABOUT");
  Outgoing out;
  if (types.empty()) return out;
  std::vector<Step> steps;
  absl::StatusOr<bool> read =
      Neighbours(context_, StepFilter{Direction::kOut, std::move(types), {}})
          .All(commitment, 0, &steps);
  if (!read.ok()) return read.status();
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

bool CommitmentRows::Passes(const Outgoing& out) const {
  if (filters_.target && !Contains(out.targets, *filters_.target)) {
    return false;
  }
  if (filters_.topic && !Contains(out.topics, *filters_.topic)) return false;
  if (filters_.frameworks &&
      std::none_of(
          out.frameworks.begin(), out.frameworks.end(),
          [&](uint64_t id) { return filters_.frameworks->contains(id); })) {
    return false;
  }
  return true;
}

// The commitment's actors, by relation then actor id, after the resumed
// row.
absl::StatusOr<std::vector<CommitmentRows::Match>> CommitmentRows::MatchesOf(
    uint64_t commitment) {
  std::vector<Step> steps;
  absl::StatusOr<bool> read =
      Neighbours(context_, StepFilter{Direction::kIn, relation_types_, {}})
          .All(commitment, 0, &steps);
  if (!read.ok()) return read.status();
  std::vector<Match> matches;
  for (const Step& step : steps) {
    if (filters_.actors && !filters_.actors->contains(step.neighbour)) continue;
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
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    return std::make_pair(a.relation, a.actor) <
           std::make_pair(b.relation, b.actor);
  });
  return matches;
}

absl::StatusOr<std::optional<kg::v1::Date>> CommitmentRows::EarliestDate(
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
    if (date && (!earliest || Before(*date, *earliest))) earliest = date;
  }
  return earliest;
}

bool CommitmentRows::RowPasses(const std::vector<std::string>& documents,
                               const std::optional<kg::v1::Date>& date) const {
  if (!request_.document_key().empty() &&
      std::find(documents.begin(), documents.end(), request_.document_key()) ==
          documents.end()) {
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

absl::StatusOr<kg::v1::EntityRef> CommitmentRows::ActorOf(uint64_t actor) {
  if (!basic_) return EntityOf(context_, actor);
  absl::StatusOr<std::string> key = context_.snapshot().NodeKey(actor);
  if (!key.ok()) return key.status();
  absl::StatusOr<std::string> label = context_.Label(actor);
  if (!label.ok()) return label.status();
  kg::v1::EntityRef ref;
  ref.set_key(*std::move(key));
  ref.set_label(*std::move(label));
  return ref;
}

absl::StatusOr<kg::v1::CommitmentRow> CommitmentRows::CommitmentPart(
    uint64_t commitment_id, const Prepared& prepared) {
  kg::v1::CommitmentRow row;
  if (basic_) {
    if (prepared.node != nullptr) {
      row.set_commitment_key(prepared.node->key());
      return row;
    }
    absl::StatusOr<std::string> key =
        context_.snapshot().NodeKey(commitment_id);
    if (!key.ok()) return key.status();
    row.set_commitment_key(*std::move(key));
    return row;
  }
  const kg::v1::Node& commitment = *prepared.node;
  const Outgoing& outgoing = prepared.outgoing;
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

}  // namespace kg::services
