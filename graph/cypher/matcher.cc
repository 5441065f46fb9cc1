#include "matcher.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "errors.h"

namespace kg::graph::cypher {
namespace {

using Kind = Value::Kind;

RelDirection ToRelDirection(PatternDirection d) {
  switch (d) {
    case PatternDirection::kRight:
      return RelDirection::kOut;
    case PatternDirection::kLeft:
      return RelDirection::kIn;
    case PatternDirection::kBoth:
      return RelDirection::kBoth;
  }
  return RelDirection::kBoth;
}

class PatternMatcher {
 public:
  PatternMatcher(const std::vector<PathPattern>& patterns, Evaluator& ev,
                 const std::function<absl::Status(const Row&)>& emit)
      : patterns_(patterns), ev_(ev), emit_(emit) {}

  absl::Status MatchFrom(size_t pattern, Row& row);

 private:
  absl::Status MatchHop(size_t pattern, size_t hop, uint64_t current, Row& row);
  absl::Status MatchVariableLength(size_t pattern, size_t hop, size_t depth,
                                   uint64_t current, Value::List& walked,
                                   Row& row);
  // Binds `node` to the node pattern (checking a bound variable, labels
  // and properties), runs `next`, and unbinds.
  absl::Status WithNode(const NodePattern& pattern, uint64_t node, Row& row,
                        const std::function<absl::Status()>& next);
  absl::StatusOr<bool> PropertiesMatch(const ExprPtr& properties,
                                       const Value& entity, const Row& row);
  absl::StatusOr<std::vector<uint64_t>> StartNodes(const NodePattern& pattern,
                                                   const Row& row);
  // Binds `name` to `value` unless it is empty; false when it is bound
  // to something else already. `*bound` tells the caller to unbind.
  static bool Bind(const std::string& name, Value value, Row& row, bool* bound);

  const std::vector<PathPattern>& patterns_;
  Evaluator& ev_;
  const std::function<absl::Status(const Row&)>& emit_;
  absl::flat_hash_set<uint64_t> used_relationships_;
  PathValue path_;
};

bool PatternMatcher::Bind(const std::string& name, Value value, Row& row,
                          bool* bound) {
  *bound = false;
  if (name.empty()) return true;
  auto it = row.find(name);
  if (it != row.end()) {
    if (it->second.kind() == Kind::kList && value.kind() == Kind::kList) {
      return GroupingKey(it->second) == GroupingKey(value);
    }
    return Equals(it->second, value).value_or(false);
  }
  row.emplace(name, std::move(value));
  *bound = true;
  return true;
}

absl::StatusOr<bool> PatternMatcher::PropertiesMatch(const ExprPtr& properties,
                                                     const Value& entity,
                                                     const Row& row) {
  if (properties == nullptr) return true;
  absl::StatusOr<Value> wanted = ev_.Eval(*properties, row);
  if (!wanted.ok()) return wanted.status();
  if (wanted->kind() != Kind::kMap) {
    return TypeError("a pattern's properties must be a Map");
  }
  for (const auto& [key, value] : wanted->as_map()) {
    absl::StatusOr<Value> actual = ev_.Property(entity, key);
    if (!actual.ok()) return actual.status();
    if (!Equals(*actual, value).value_or(false)) return false;
  }
  return true;
}

absl::Status PatternMatcher::WithNode(
    const NodePattern& pattern, uint64_t node, Row& row,
    const std::function<absl::Status()>& next) {
  if (!pattern.labels.empty()) {
    absl::StatusOr<NodeData> data = ev_.graph().Node(node);
    if (!data.ok()) return data.status();
    for (const std::string& label : pattern.labels) {
      if (std::find(data->labels.begin(), data->labels.end(), label) ==
          data->labels.end()) {
        return absl::OkStatus();
      }
    }
  }
  absl::StatusOr<bool> match =
      PropertiesMatch(pattern.properties, Value(NodeId{node}), row);
  if (!match.ok()) return match.status();
  if (!*match) return absl::OkStatus();
  bool bound = false;
  if (!Bind(pattern.variable, Value(NodeId{node}), row, &bound)) {
    return absl::OkStatus();
  }
  path_.nodes.push_back(node);
  absl::Status status = next();
  path_.nodes.pop_back();
  if (bound) row.erase(pattern.variable);
  return status;
}

absl::StatusOr<std::vector<uint64_t>> PatternMatcher::StartNodes(
    const NodePattern& pattern, const Row& row) {
  if (!pattern.variable.empty()) {
    auto it = row.find(pattern.variable);
    if (it != row.end()) {
      if (it->second.is_null()) return std::vector<uint64_t>();
      if (it->second.kind() != Kind::kNode) {
        return TypeError(absl::StrCat(pattern.variable, " is not a node"));
      }
      return std::vector<uint64_t>{it->second.node_id()};
    }
  }
  NodeFilter filter;
  if (!pattern.labels.empty()) filter.label = pattern.labels[0];
  if (pattern.properties != nullptr &&
      pattern.properties->kind == ExprKind::kMap &&
      !pattern.properties->keys.empty()) {
    absl::StatusOr<Value> v = ev_.Eval(*pattern.properties->args[0], row);
    if (!v.ok()) return v.status();
    filter.property.emplace(pattern.properties->keys[0], *std::move(v));
  }
  absl::StatusOr<std::vector<uint64_t>> nodes = ev_.graph().ScanNodes(filter);
  if (!nodes.ok()) return nodes.status();
  if (absl::Status s = ev_.budget().ChargeExpansions(nodes->size()); !s.ok()) {
    return s;
  }
  return nodes;
}

absl::Status PatternMatcher::MatchFrom(size_t pattern, Row& row) {
  if (pattern == patterns_.size()) return emit_(row);
  const PathPattern& path = patterns_[pattern];
  absl::StatusOr<std::vector<uint64_t>> starts = StartNodes(path.nodes[0], row);
  if (!starts.ok()) return starts.status();
  PathValue outer = std::move(path_);
  for (uint64_t start : *starts) {
    path_ = PathValue();
    absl::Status status = WithNode(path.nodes[0], start, row, [&] {
      return MatchHop(pattern, 0, start, row);
    });
    if (!status.ok()) return status;
  }
  path_ = std::move(outer);
  return absl::OkStatus();
}

absl::Status PatternMatcher::MatchHop(size_t pattern, size_t hop,
                                      uint64_t current, Row& row) {
  const PathPattern& path = patterns_[pattern];
  if (hop == path.rels.size()) {
    bool bound = false;
    if (!Bind(path.variable, Value(path_), row, &bound)) {
      return absl::OkStatus();
    }
    PathValue saved = path_;
    absl::Status status = MatchFrom(pattern + 1, row);
    path_ = std::move(saved);
    if (bound) row.erase(path.variable);
    return status;
  }
  const RelPattern& rel = path.rels[hop];
  if (rel.variable_length) {
    Value::List walked;
    return MatchVariableLength(pattern, hop, 0, current, walked, row);
  }
  absl::StatusOr<std::vector<RelationshipData>> rels =
      ev_.graph().Relationships(current, ToRelDirection(rel.direction),
                                rel.types);
  if (!rels.ok()) return rels.status();
  if (absl::Status s = ev_.budget().ChargeExpansions(rels->size()); !s.ok()) {
    return s;
  }
  for (const RelationshipData& r : *rels) {
    if (used_relationships_.contains(r.id)) continue;
    absl::StatusOr<bool> match =
        PropertiesMatch(rel.properties, Value(RelId{r.id}), row);
    if (!match.ok()) return match.status();
    if (!*match) continue;
    bool bound = false;
    if (!Bind(rel.variable, Value(RelId{r.id}), row, &bound)) continue;
    uint64_t other = r.src == current ? r.dst : r.src;
    used_relationships_.insert(r.id);
    path_.relationships.push_back(r.id);
    absl::Status status = WithNode(path.nodes[hop + 1], other, row, [&] {
      return MatchHop(pattern, hop + 1, other, row);
    });
    path_.relationships.pop_back();
    used_relationships_.erase(r.id);
    if (bound) row.erase(rel.variable);
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

absl::Status PatternMatcher::MatchVariableLength(size_t pattern, size_t hop,
                                                 size_t depth, uint64_t current,
                                                 Value::List& walked,
                                                 Row& row) {
  const PathPattern& path = patterns_[pattern];
  const RelPattern& rel = path.rels[hop];
  if (static_cast<int64_t>(depth) >= rel.min_hops) {
    bool bound = false;
    if (Bind(rel.variable, Value(walked), row, &bound)) {
      // WithNode appends the end node; at depth 0 that is the start node,
      // which the path holds already.
      if (depth == 0) path_.nodes.pop_back();
      absl::Status status = WithNode(path.nodes[hop + 1], current, row, [&] {
        return MatchHop(pattern, hop + 1, current, row);
      });
      if (depth == 0) path_.nodes.push_back(current);
      if (bound) row.erase(rel.variable);
      if (!status.ok()) return status;
    }
  }
  if (rel.max_hops.has_value() &&
      static_cast<int64_t>(depth) >= *rel.max_hops) {
    return absl::OkStatus();
  }
  absl::StatusOr<std::vector<RelationshipData>> rels =
      ev_.graph().Relationships(current, ToRelDirection(rel.direction),
                                rel.types);
  if (!rels.ok()) return rels.status();
  if (absl::Status s = ev_.budget().ChargeExpansions(rels->size()); !s.ok()) {
    return s;
  }
  // Intermediate nodes join the path as the walk passes them.
  if (depth > 0) path_.nodes.push_back(current);
  for (const RelationshipData& r : *rels) {
    if (used_relationships_.contains(r.id)) continue;
    absl::StatusOr<bool> match =
        PropertiesMatch(rel.properties, Value(RelId{r.id}), row);
    if (!match.ok()) return match.status();
    if (!*match) continue;
    uint64_t other = r.src == current ? r.dst : r.src;
    used_relationships_.insert(r.id);
    walked.push_back(Value(RelId{r.id}));
    path_.relationships.push_back(r.id);
    absl::Status status =
        MatchVariableLength(pattern, hop, depth + 1, other, walked, row);
    path_.relationships.pop_back();
    walked.pop_back();
    used_relationships_.erase(r.id);
    if (!status.ok()) return status;
  }
  if (depth > 0) path_.nodes.pop_back();
  return absl::OkStatus();
}

}  // namespace

absl::Status MatchPatterns(
    const std::vector<PathPattern>& patterns, const Row& row,
    Evaluator& evaluator, const std::function<absl::Status(const Row&)>& emit) {
  Row working = row;
  PatternMatcher matcher(patterns, evaluator, emit);
  return matcher.MatchFrom(0, working);
}

}  // namespace kg::graph::cypher
