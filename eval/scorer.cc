#include "kg/eval/scorer.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

#include "absl/strings/string_view.h"
#include "kg/graph/text_normalize.h"

namespace kg::eval {
namespace {

constexpr char kMentions[] = "MENTIONS";
constexpr char kCommitment[] = "Commitment";

using EdgeKey = std::tuple<std::string, std::string, std::string>;

double Ratio(int64_t numerator, int64_t denominator) {
  return denominator == 0 ? 0.0 : static_cast<double>(numerator) / denominator;
}

// Unicode punctuation (categories P*) among the code points that names
// use; symbols (S*) such as + $ < = > ^ ` | ~ are not punctuation.
bool IsPunctuationOrSpace(char32_t c) {
  if (c < 0x80) {
    return absl::string_view(" \t\n\v\f\r!\"#%&'()*,-./:;?@[\\]_{}")
               .find(static_cast<char>(c)) != absl::string_view::npos;
  }
  return c == 0x00A0 || c == 0x00A1 || c == 0x00A7 || c == 0x00AB ||
         c == 0x00B6 || c == 0x00B7 || c == 0x00BB || c == 0x00BF ||
         (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x3003);
}

// Decodes the UTF-8 sequence at text[*i] and advances past it. The text is
// valid UTF-8 (NormalizeName drops invalid bytes).
char32_t NextCodePoint(absl::string_view text, size_t* i) {
  const unsigned char lead = static_cast<unsigned char>(text[*i]);
  const int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  char32_t c = length == 1 ? lead : lead & (0x7F >> length);
  for (int k = 1; k < length && *i + k < text.size(); ++k) {
    c = (c << 6) | (static_cast<unsigned char>(text[*i + k]) & 0x3F);
  }
  *i += length;
  return c;
}

struct Span {
  uint64_t start;
  uint64_t end;
};

uint64_t Overlap(const Span& a, const Span& b) {
  const uint64_t start = std::max(a.start, b.start);
  const uint64_t end = std::min(a.end, b.end);
  return end > start ? end - start : 0;
}

// The facts of `facts` by the documents their sources name.
template <typename FactMessage>
std::map<std::string, std::vector<const FactMessage*>> ByDocument(
    const std::vector<FactMessage>& facts) {
  std::map<std::string, std::vector<const FactMessage*>> by_document;
  for (const FactMessage& fact : facts) {
    std::set<std::string> documents;
    for (const kg::v1::Source& source : fact.sources()) {
      if (documents.insert(source.document_key()).second) {
        by_document[source.document_key()].push_back(&fact);
      }
    }
  }
  return by_document;
}

// The facts that `document_key` produced.
template <typename FactMessage>
const std::vector<const FactMessage*>& FactsOf(
    const std::map<std::string, std::vector<const FactMessage*>>& by_document,
    const std::string& document_key) {
  static const auto* const kNone = new std::vector<const FactMessage*>();
  const auto it = by_document.find(document_key);
  return it == by_document.end() ? *kNone : it->second;
}

// Every place in `text` where `evidence` occurs.
void AddOccurrences(const std::string& text, const std::string& evidence,
                    std::vector<Span>* spans) {
  if (evidence.empty()) return;
  for (size_t at = text.find(evidence); at != std::string::npos;
       at = text.find(evidence, at + 1)) {
    spans->push_back({at, at + evidence.size()});
  }
}

std::string EvidenceOf(const kg::v1::Edge& edge) {
  for (const kg::v1::Source& source : edge.sources()) {
    if (!source.evidence().empty()) return source.evidence();
  }
  return "";
}

// Matches the produced nodes of one document to its gold nodes.
class NodeMatcher {
 public:
  explicit NodeMatcher(const GoldDocument& gold)
      : document_key_(gold.facts.document_key) {
    for (const kg::v1::Node& node : gold.facts.nodes) {
      if (!by_key_.emplace(node.key(), nodes_.size()).second) continue;
      const size_t index = nodes_.size();
      nodes_.push_back(&node);
      IndexName(node.label(), node.name(), index);
      for (const std::string& alias : node.aliases()) {
        IndexName(node.label(), alias, index);
      }
    }
    evidence_.resize(nodes_.size());
    if (gold.text) IndexEvidence(gold.facts.edges, *gold.text);
  }

  const std::vector<const kg::v1::Node*>& nodes() const { return nodes_; }

  // The index of the gold node `node` matches.
  std::optional<size_t> Match(const kg::v1::Node& node) const {
    if (const auto it = by_key_.find(node.key()); it != by_key_.end()) {
      return it->second;
    }
    if (auto index = MatchName(node.label(), node.name())) return index;
    for (const std::string& alias : node.aliases()) {
      if (auto index = MatchName(node.label(), alias)) return index;
    }
    return MatchSpan(node);
  }

 private:
  // A name that folds to nothing names nothing.
  void IndexName(const std::string& label, absl::string_view name,
                 size_t index) {
    std::string folded = FoldName(name);
    if (!folded.empty()) by_name_.emplace(std::make_pair(label, folded), index);
  }

  void IndexEvidence(const std::vector<kg::v1::Edge>& edges,
                     const std::string& text) {
    for (const kg::v1::Edge& edge : edges) {
      const auto dst = by_key_.find(edge.dst_key());
      if (dst == by_key_.end()) continue;
      const bool commitment_evidence =
          (edge.type() == "PLEDGED" || edge.type() == "RECOMMENDED") &&
          nodes_[dst->second]->label() == kCommitment;
      if (edge.type() == kMentions || commitment_evidence) {
        AddOccurrences(text, EvidenceOf(edge), &evidence_[dst->second]);
      }
    }
  }

  std::optional<size_t> MatchName(const std::string& label,
                                  absl::string_view name) const {
    std::string folded = FoldName(name);
    if (folded.empty()) return std::nullopt;
    const auto it = by_name_.find(std::make_pair(label, std::move(folded)));
    if (it == by_name_.end()) return std::nullopt;
    return it->second;
  }

  std::optional<size_t> MatchSpan(const kg::v1::Node& node) const {
    std::optional<size_t> best;
    uint64_t best_overlap = 0;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i]->label() != node.label()) continue;
      for (const kg::v1::Source& source : node.sources()) {
        if (source.document_key() != document_key_) continue;
        for (const Span& evidence : evidence_[i]) {
          const uint64_t overlap =
              Overlap({source.start(), source.end()}, evidence);
          if (overlap > best_overlap) {
            best_overlap = overlap;
            best = i;
          }
        }
      }
    }
    return best;
  }

  std::string document_key_;
  std::vector<const kg::v1::Node*> nodes_;
  std::map<std::string, size_t> by_key_;
  // (label, folded name or alias) -> the first gold node that has it.
  std::map<std::pair<std::string, std::string>, size_t> by_name_;
  // Per gold node: where its evidence is in the text.
  std::vector<std::vector<Span>> evidence_;
};

class DocumentScorer {
 public:
  DocumentScorer(const GoldDocument& gold,
                 const std::map<std::string, const kg::v1::Node*>& all_nodes,
                 Score* score)
      : gold_(gold), matcher_(gold), all_nodes_(all_nodes), score_(*score) {
    result_.document_key = gold.facts.document_key;
  }

  // `nodes`: the nodes the document produced.
  void ScoreNodes(const std::vector<const kg::v1::Node*>& nodes) {
    for (const kg::v1::Node* node : matcher_.nodes()) {
      ++score_.labels[node->label()].gold;
    }
    result_.nodes.gold = static_cast<int64_t>(matcher_.nodes().size());
    std::set<size_t> matched;
    for (const kg::v1::Node* node : nodes) {
      ++result_.nodes.produced;
      ++score_.labels[node->label()].produced;
      if (const std::optional<size_t> index = MatchOf(*node)) {
        matched.insert(*index);
      }
    }
    result_.nodes.matched = static_cast<int64_t>(matched.size());
    for (size_t index : matched) {
      ++score_.labels[matcher_.nodes()[index]->label()].matched;
    }
  }

  // `edges`: the edges the document produced.
  void ScoreEdges(const std::vector<const kg::v1::Edge*>& edges) {
    std::set<EdgeKey> gold;
    for (const kg::v1::Edge& edge : gold_.facts.edges) {
      if (gold.emplace(edge.src_key(), edge.type(), edge.dst_key()).second) {
        ++CountsOf(edge.type()).gold;
        ++score_.edge_types[edge.type()].gold;
      }
    }
    std::set<EdgeKey> matched;
    for (const kg::v1::Edge* edge : edges) {
      ++CountsOf(edge->type()).produced;
      ++score_.edge_types[edge->type()].produced;
      const std::optional<size_t> src = EndMatch(edge->src_key());
      const std::optional<size_t> dst = EndMatch(edge->dst_key());
      if (!src || !dst) continue;
      EdgeKey key(matcher_.nodes()[*src]->key(), edge->type(),
                  matcher_.nodes()[*dst]->key());
      if (gold.count(key) > 0) matched.insert(std::move(key));
    }
    for (const EdgeKey& edge : matched) {
      ++CountsOf(std::get<1>(edge)).matched;
      ++score_.edge_types[std::get<1>(edge)].matched;
    }
  }

  DocumentScore Take() && { return std::move(result_); }

 private:
  Counts& CountsOf(const std::string& type) {
    return type == kMentions ? result_.mentions : result_.edges;
  }

  std::optional<size_t> MatchOf(const kg::v1::Node& node) {
    const auto [it, added] = matches_.try_emplace(node.key());
    if (added) it->second = matcher_.Match(node);
    return it->second;
  }

  // An edge's end is matched as a node, whether or not the document
  // produced it.
  std::optional<size_t> EndMatch(const std::string& key) {
    const auto it = all_nodes_.find(key);
    if (it != all_nodes_.end()) return MatchOf(*it->second);
    kg::v1::Node node;
    node.set_key(key);
    return MatchOf(node);
  }

  const GoldDocument& gold_;
  const NodeMatcher matcher_;
  const std::map<std::string, const kg::v1::Node*>& all_nodes_;
  Score& score_;
  DocumentScore result_;
  // Produced node key -> its gold match, computed once.
  std::map<std::string, std::optional<size_t>> matches_;
};

}  // namespace

double Counts::precision() const { return Ratio(matched, produced); }

double Counts::recall() const { return Ratio(matched, gold); }

double Counts::f1() const {
  const double p = precision();
  const double r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

Counts& Counts::operator+=(const Counts& other) {
  gold += other.gold;
  produced += other.produced;
  matched += other.matched;
  return *this;
}

Score ScoreFacts(const std::vector<GoldDocument>& gold,
                 const std::vector<kg::v1::Node>& nodes,
                 const std::vector<kg::v1::Edge>& edges) {
  std::map<std::string, const kg::v1::Node*> all_nodes;
  for (const kg::v1::Node& node : nodes) all_nodes.emplace(node.key(), &node);
  const auto nodes_by_document = ByDocument(nodes);
  const auto edges_by_document = ByDocument(edges);
  Score score;
  for (const GoldDocument& document : gold) {
    const std::string& key = document.facts.document_key;
    DocumentScorer scorer(document, all_nodes, &score);
    scorer.ScoreNodes(FactsOf(nodes_by_document, key));
    scorer.ScoreEdges(FactsOf(edges_by_document, key));
    DocumentScore result = std::move(scorer).Take();
    score.nodes += result.nodes;
    score.mentions += result.mentions;
    score.edges += result.edges;
    score.documents.push_back(std::move(result));
  }
  return score;
}

std::string FoldName(absl::string_view name) {
  const std::string normalized = graph::NormalizeName(name);
  std::string folded;
  for (size_t i = 0; i < normalized.size();) {
    const size_t start = i;
    if (!IsPunctuationOrSpace(NextCodePoint(normalized, &i))) {
      folded.append(normalized, start, i - start);
    }
  }
  return folded;
}

}  // namespace kg::eval
