// Search: nodes whose key, name or alias matches the query, and with
// `include_texts` commitments whose text holds it, ranked.
//
// Names and aliases come from the `names` index (normalized as by
// NormalizeName): the exact matches, then the first prefix matches in name
// order. Scores: the key 1.0; a name 0.95 and an alias 0.9 when equal to
// the query; when it is a prefix, 0.7 (name) or 0.6 (alias) plus up to 0.2
// for how much of the name it covers; a commitment text 0.5 when the query
// starts a word of it and 0.4 elsewhere, plus up to 0.1 likewise. Ties go
// to the shorter name, then the key.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "kg/graph/query/limit.h"
#include "kg/graph/query/node_scan.h"
#include "kg/graph/text_normalize.h"
#include "kg/services/query_plans.h"
#include "query_messages.h"
#include "query_requests.h"

namespace kg::services {
namespace {

using graph::query::QueryContext;
using kg::v1::SearchHit;

constexpr int kDefaultLimit = 10;
constexpr int kMaxLimit = 100;
// Prefix matches considered per call: enough past the limit that shorter
// names further along the index still rank.
constexpr uint64_t kPrefixCandidates = 500;
constexpr char kCommitment[] = "Commitment";

struct Hit {
  double score = 0;
  SearchHit::Match match = SearchHit::MATCH_UNSPECIFIED;
  std::string matched;
};

// How much of `text` the query covers, in [0, 1].
double Coverage(const std::string& query, const std::string& text) {
  return text.empty() ? 0 : static_cast<double>(query.size()) / text.size();
}

class SearchPlan {
 public:
  SearchPlan(QueryContext& context, const kg::v1::SearchRequest& request,
             std::string query, std::vector<std::string> labels)
      : context_(context),
        request_(request),
        query_(std::move(query)),
        labels_(std::move(labels)) {}

  absl::Status Run(size_t limit, kg::v1::SearchResponse* response) {
    if (absl::Status found = FindKey(); !found.ok()) return found;
    for (bool prefix : {false, true}) {
      if (absl::Status found = FindNames(prefix); !found.ok()) return found;
    }
    if (request_.include_texts() &&
        (labels_.empty() || std::find(labels_.begin(), labels_.end(),
                                      kCommitment) != labels_.end())) {
      if (absl::Status found = FindTexts(); !found.ok()) return found;
    }
    return Rank(limit, response);
  }

 private:
  // Keeps the better of a node's hits.
  void Offer(uint64_t node, Hit hit) {
    auto [it, fresh] = hits_.try_emplace(node, hit);
    if (!fresh && hit.score > it->second.score) it->second = std::move(hit);
  }

  bool LabelMatches(const kg::v1::Node& node) const {
    return labels_.empty() || std::find(labels_.begin(), labels_.end(),
                                        node.label()) != labels_.end();
  }

  absl::Status FindKey() {
    if (!absl::StrContains(request_.query(), ':')) return absl::OkStatus();
    absl::StatusOr<const kg::v1::Node*> node =
        context_.NodeByKey(request_.query());
    if (absl::IsNotFound(node.status())) return absl::OkStatus();
    if (!node.ok()) return node.status();
    if (context_.Holds(**node) && LabelMatches(**node)) {
      Offer((*node)->id(), Hit{1.0, SearchHit::MATCH_KEY, (*node)->key()});
    }
    return absl::OkStatus();
  }

  absl::Status FindNames(bool prefix) {
    graph::query::NodeScanSpec spec;
    spec.index.name = query_;
    spec.index.name_prefix = prefix;
    if (labels_.size() == 1) spec.index.label = labels_[0];
    graph::query::OperatorPtr scan = graph::query::Limit(
        std::make_unique<graph::query::NodeScan>(context_, std::move(spec)), 0,
        kPrefixCandidates);
    graph::query::Row row;
    while (true) {
      absl::StatusOr<bool> more = scan->Next(&row);
      if (!more.ok()) return more.status();
      if (!*more) return absl::OkStatus();
      absl::StatusOr<const kg::v1::Node*> node =
          context_.Node(row[0].as_node().id);
      if (!node.ok()) return node.status();
      if (LabelMatches(**node)) ScoreNames(**node);
    }
  }

  void ScoreNames(const kg::v1::Node& node) {
    auto score = [&](const std::string& text, bool is_name) {
      const std::string normalized = graph::NormalizeName(text);
      if (normalized == query_) {
        Offer(node.id(),
              Hit{is_name ? 0.95 : 0.9,
                  is_name ? SearchHit::MATCH_NAME : SearchHit::MATCH_ALIAS,
                  text});
      } else if (absl::StartsWith(normalized, query_)) {
        Offer(node.id(),
              Hit{(is_name ? 0.7 : 0.6) + 0.2 * Coverage(query_, normalized),
                  is_name ? SearchHit::MATCH_NAME_PREFIX
                          : SearchHit::MATCH_ALIAS_PREFIX,
                  text});
      }
    };
    score(node.name(), true);
    for (const std::string& alias : node.aliases()) score(alias, false);
  }

  absl::Status FindTexts() {
    graph::query::NodeScanSpec spec;
    spec.index.label = kCommitment;
    graph::query::NodeScan scan(context_, std::move(spec));
    graph::query::Row row;
    while (true) {
      absl::StatusOr<bool> more = scan.Next(&row);
      if (!more.ok()) return more.status();
      if (!*more) return absl::OkStatus();
      absl::StatusOr<const kg::v1::Node*> node =
          context_.Node(row[0].as_node().id);
      if (!node.ok()) return node.status();
      auto text = (*node)->props().find("text");
      if (text == (*node)->props().end()) continue;
      const std::string normalized =
          graph::NormalizeName(text->second.string_value());
      const size_t at = normalized.find(query_);
      if (at == std::string::npos) continue;
      const bool word_start =
          at == 0 ||
          !absl::ascii_isalnum(static_cast<unsigned char>(normalized[at - 1]));
      Offer((*node)->id(),
            Hit{(word_start ? 0.5 : 0.4) + 0.1 * Coverage(query_, normalized),
                SearchHit::MATCH_TEXT, text->second.string_value()});
    }
  }

  absl::Status Rank(size_t limit, kg::v1::SearchResponse* response) {
    struct Ranked {
      const kg::v1::Node* node;
      const Hit* hit;
    };
    std::vector<Ranked> ranked;
    for (const auto& [id, hit] : hits_) {
      absl::StatusOr<const kg::v1::Node*> node = context_.Node(id);
      if (!node.ok()) return node.status();
      ranked.push_back(Ranked{*node, &hit});
    }
    const size_t shown = std::min(limit, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + shown, ranked.end(),
                      [](const Ranked& a, const Ranked& b) {
                        if (a.hit->score != b.hit->score) {
                          return a.hit->score > b.hit->score;
                        }
                        if (a.node->name().size() != b.node->name().size()) {
                          return a.node->name().size() < b.node->name().size();
                        }
                        return a.node->key() < b.node->key();
                      });
    for (size_t i = 0; i < shown; ++i) {
      SearchHit* hit = response->add_hits();
      *hit->mutable_node() = EntityOf(*ranked[i].node);
      hit->set_score(ranked[i].hit->score);
      hit->set_match(ranked[i].hit->match);
      hit->set_matched(ranked[i].hit->matched);
    }
    return absl::OkStatus();
  }

  QueryContext& context_;
  const kg::v1::SearchRequest& request_;
  // Normalized.
  const std::string query_;
  const std::vector<std::string> labels_;
  absl::flat_hash_map<uint64_t, Hit> hits_;
};

}  // namespace

absl::Status RunSearch(const QueryEnv& env,
                       const kg::v1::SearchRequest& request,
                       kg::v1::SearchResponse* response) {
  std::string query = graph::NormalizeName(request.query());
  if (query.empty()) {
    return absl::InvalidArgumentError(
        "query: must hold a letter, digit or sign");
  }
  if (request.limit() < 0 || request.limit() > kMaxLimit) {
    return absl::InvalidArgumentError(
        absl::StrCat("limit: must be between 0 and ", kMaxLimit));
  }
  absl::StatusOr<std::vector<std::string>> labels =
      NonEmptyItems("labels", request.labels());
  if (!labels.ok()) return labels.status();
  absl::StatusOr<std::optional<kg::v1::Date>> as_of =
      AsOf("as_of", request.has_as_of(), request.as_of());
  if (!as_of.ok()) return as_of.status();
  QueryContext context(env.snapshot, env.budget, *as_of);
  return SearchPlan(context, request, std::move(query), *std::move(labels))
      .Run(request.limit() == 0 ? kDefaultLimit : request.limit(), response);
}

}  // namespace kg::services
