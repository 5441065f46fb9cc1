#include "matcher.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
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

// Binds `name` to `value` unless it is empty; false when it is bound to
// something else already.
bool Bind(const std::string& name, Value value, Row& row) {
  if (name.empty()) return true;
  auto it = row.find(name);
  if (it == row.end()) {
    row.emplace(name, std::move(value));
    return true;
  }
  if (it->second.kind() == Kind::kList && value.kind() == Kind::kList) {
    return GroupingKey(it->second) == GroupingKey(value);
  }
  return Equals(it->second, value).value_or(false);
}

// What every step of one pattern shares: the pattern, where it stands in
// the MATCH, and how to check and bind nodes and relationships.
class PatternSteps {
 public:
  PatternSteps(const PathPattern& path, bool first, bool last, Evaluator& ev)
      : path_(path), first_(first), last_(last), ev_(ev) {}

  absl::Status Scan(const Record& in, std::vector<Record>* out);
  absl::Status Expand(size_t hop, const Record& in, std::vector<Record>* out);
  absl::Status VarExpand(size_t hop, const Record& in,
                         std::vector<Record>* out);

 private:
  struct Walk {
    std::vector<uint64_t> nodes;
    std::vector<EdgeRef> relationships;
  };

  absl::StatusOr<std::vector<uint64_t>> StartNodes(const NodePattern& pattern,
                                                   const Row& row);
  absl::StatusOr<bool> PropertiesMatch(const ExprPtr& properties,
                                       const Value& entity, const Row& row);
  absl::StatusOr<bool> NodeMatches(const NodePattern& pattern, uint64_t node,
                                   Row& row);
  // The relationships of `node` a step may follow: the hop's direction and
  // types and properties, none bound before in this MATCH or in `walk`.
  absl::StatusOr<std::vector<RelationshipData>> Steps(
      const RelPattern& rel, uint64_t node, const Record& in,
      const std::vector<EdgeRef>& walk);
  // `in` extended by `walk` to the node pattern after `hop`; appended to
  // `*out` when everything binds.
  absl::Status Arrive(size_t hop, const Record& in, const Walk& walk,
                      Value rel_value, std::vector<Record>* out);
  absl::Status VarWalk(size_t hop, const Record& in, uint64_t current,
                       Walk& walk, std::vector<Record>* out);
  // Binds the path variable at the pattern's end; clears the MATCH's state
  // after its last pattern. False when the path variable does not bind.
  bool Finish(size_t hop, Record& row);

  const PathPattern& path_;
  const bool first_;
  const bool last_;
  Evaluator& ev_;
};

absl::StatusOr<bool> PatternSteps::PropertiesMatch(const ExprPtr& properties,
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

absl::StatusOr<bool> PatternSteps::NodeMatches(const NodePattern& pattern,
                                               uint64_t node, Row& row) {
  if (!pattern.labels.empty()) {
    absl::StatusOr<NodeData> data = ev_.graph().Node(node);
    if (!data.ok()) return data.status();
    for (const std::string& label : pattern.labels) {
      if (std::find(data->labels.begin(), data->labels.end(), label) ==
          data->labels.end()) {
        return false;
      }
    }
  }
  absl::StatusOr<bool> match =
      PropertiesMatch(pattern.properties, Value(NodeRef{node}), row);
  if (!match.ok() || !*match) return match;
  return Bind(pattern.variable, Value(NodeRef{node}), row);
}

absl::StatusOr<std::vector<uint64_t>> PatternSteps::StartNodes(
    const NodePattern& pattern, const Row& row) {
  if (!pattern.variable.empty()) {
    auto it = row.find(pattern.variable);
    if (it != row.end()) {
      if (it->second.is_null()) return std::vector<uint64_t>();
      if (it->second.kind() != Kind::kNode) {
        return TypeError(absl::StrCat(pattern.variable, " is not a node"));
      }
      return std::vector<uint64_t>{it->second.as_node().id};
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

bool PatternSteps::Finish(size_t hop, Record& row) {
  if (hop != path_.rels.size()) return true;
  if (!Bind(path_.variable, Value(row.match.path), row.bindings)) return false;
  if (last_) row.match = MatchState();
  return true;
}

absl::Status PatternSteps::Scan(const Record& in, std::vector<Record>* out) {
  const NodePattern& pattern = path_.nodes[0];
  absl::StatusOr<std::vector<uint64_t>> starts =
      StartNodes(pattern, in.bindings);
  if (!starts.ok()) return starts.status();
  for (uint64_t start : *starts) {
    Record row = in;
    if (first_) row.match.relationships.clear();
    absl::StatusOr<bool> match = NodeMatches(pattern, start, row.bindings);
    if (!match.ok()) return match.status();
    if (!*match) continue;
    row.match.path = Path();
    row.match.path.nodes.push_back(start);
    if (Finish(0, row)) out->push_back(std::move(row));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<RelationshipData>> PatternSteps::Steps(
    const RelPattern& rel, uint64_t node, const Record& in,
    const std::vector<EdgeRef>& walk) {
  absl::StatusOr<std::vector<RelationshipData>> rels =
      ev_.graph().Relationships(node, ToRelDirection(rel.direction), rel.types);
  if (!rels.ok()) return rels.status();
  if (absl::Status s = ev_.budget().ChargeExpansions(rels->size()); !s.ok()) {
    return s;
  }
  auto used = [&](uint64_t id) {
    const std::vector<uint64_t>& bound = in.match.relationships;
    return std::find(bound.begin(), bound.end(), id) != bound.end() ||
           std::any_of(walk.begin(), walk.end(),
                       [id](const EdgeRef& edge) { return edge.id == id; });
  };
  std::vector<RelationshipData> passing;
  for (RelationshipData& r : *rels) {
    if (used(r.id)) continue;
    absl::StatusOr<bool> match =
        PropertiesMatch(rel.properties, Value(RefOf(r)), in.bindings);
    if (!match.ok()) return match.status();
    if (*match) passing.push_back(std::move(r));
  }
  return passing;
}

absl::Status PatternSteps::Arrive(size_t hop, const Record& in,
                                  const Walk& walk, Value rel_value,
                                  std::vector<Record>* out) {
  Record row = in;
  if (!Bind(path_.rels[hop].variable, std::move(rel_value), row.bindings)) {
    return absl::OkStatus();
  }
  uint64_t end =
      walk.nodes.empty() ? in.match.path.nodes.back() : walk.nodes.back();
  absl::StatusOr<bool> match =
      NodeMatches(path_.nodes[hop + 1], end, row.bindings);
  if (!match.ok()) return match.status();
  if (!*match) return absl::OkStatus();
  MatchState& state = row.match;
  for (const EdgeRef& edge : walk.relationships) {
    state.relationships.push_back(edge.id);
  }
  state.path.edges.insert(state.path.edges.end(), walk.relationships.begin(),
                          walk.relationships.end());
  state.path.nodes.insert(state.path.nodes.end(), walk.nodes.begin(),
                          walk.nodes.end());
  if (Finish(hop + 1, row)) out->push_back(std::move(row));
  return absl::OkStatus();
}

absl::Status PatternSteps::Expand(size_t hop, const Record& in,
                                  std::vector<Record>* out) {
  uint64_t current = in.match.path.nodes.back();
  absl::StatusOr<std::vector<RelationshipData>> steps =
      Steps(path_.rels[hop], current, in, {});
  if (!steps.ok()) return steps.status();
  for (const RelationshipData& r : *steps) {
    Walk walk{{r.src == current ? r.dst : r.src}, {RefOf(r)}};
    if (absl::Status s = Arrive(hop, in, walk, Value(RefOf(r)), out); !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

absl::Status PatternSteps::VarWalk(size_t hop, const Record& in,
                                   uint64_t current, Walk& walk,
                                   std::vector<Record>* out) {
  const RelPattern& rel = path_.rels[hop];
  int64_t depth = walk.relationships.size();
  if (depth >= rel.min_hops) {
    Value::List walked;
    for (const EdgeRef& edge : walk.relationships) walked.push_back(edge);
    if (absl::Status s = Arrive(hop, in, walk, Value(std::move(walked)), out);
        !s.ok()) {
      return s;
    }
  }
  if (rel.max_hops.has_value() && depth >= *rel.max_hops) {
    return absl::OkStatus();
  }
  absl::StatusOr<std::vector<RelationshipData>> steps =
      Steps(rel, current, in, walk.relationships);
  if (!steps.ok()) return steps.status();
  for (const RelationshipData& r : *steps) {
    uint64_t other = r.src == current ? r.dst : r.src;
    walk.nodes.push_back(other);
    walk.relationships.push_back(RefOf(r));
    absl::Status status = VarWalk(hop, in, other, walk, out);
    walk.relationships.pop_back();
    walk.nodes.pop_back();
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

absl::Status PatternSteps::VarExpand(size_t hop, const Record& in,
                                     std::vector<Record>* out) {
  Walk walk;
  return VarWalk(hop, in, in.match.path.nodes.back(), walk, out);
}

CypherOperatorPtr Stage(
    CypherOperatorPtr input,
    std::function<absl::Status(const Record& in, std::vector<Record>* out)>
        step) {
  return std::make_unique<query::ExpandRows<Record>>(
      std::move(input), [step = std::move(step)](const Record& in, std::string*,
                                                 std::vector<Record>* out) {
        return step(in, out);
      });
}

}  // namespace

std::string NodeText(const NodePattern& node) {
  std::string text = absl::StrCat("(", node.variable);
  for (const std::string& label : node.labels) {
    absl::StrAppend(&text, ":", label);
  }
  if (node.properties != nullptr) {
    absl::StrAppend(&text, " ", node.properties->text);
  }
  return text + ")";
}

std::string RelText(const RelPattern& rel) {
  std::string inner = rel.variable;
  if (!rel.types.empty()) {
    absl::StrAppend(&inner, ":", absl::StrJoin(rel.types, "|"));
  }
  if (rel.variable_length) {
    absl::StrAppend(
        &inner, "*", rel.min_hops, "..",
        rel.max_hops.has_value() ? absl::StrCat(*rel.max_hops) : std::string());
  }
  return absl::StrCat(rel.direction == PatternDirection::kLeft ? "<-" : "-",
                      "[", inner, "]",
                      rel.direction == PatternDirection::kRight ? "->" : "-");
}

CypherOperatorPtr MatchStages(const std::vector<PathPattern>& patterns,
                              CypherOperatorPtr input, Evaluator& evaluator,
                              const std::string& verb,
                              std::vector<std::string>* stages) {
  CypherOperatorPtr root = std::move(input);
  for (size_t p = 0; p < patterns.size(); ++p) {
    const PathPattern& path = patterns[p];
    auto steps = std::make_shared<PatternSteps>(
        path, p == 0, p + 1 == patterns.size(), evaluator);
    root = Stage(std::move(root), [steps](const Record& in, auto* out) {
      return steps->Scan(in, out);
    });
    stages->push_back(
        absl::StrCat(verb, ": NodeScan ", NodeText(path.nodes[0])));
    for (size_t hop = 0; hop < path.rels.size(); ++hop) {
      bool variable = path.rels[hop].variable_length;
      root = Stage(std::move(root),
                   [steps, hop, variable](const Record& in, auto* out) {
                     return variable ? steps->VarExpand(hop, in, out)
                                     : steps->Expand(hop, in, out);
                   });
      stages->push_back(
          absl::StrCat(verb, ": ", variable ? "VarExpand " : "Expand ",
                       RelText(path.rels[hop]), NodeText(path.nodes[hop + 1])));
    }
  }
  return root;
}

}  // namespace kg::graph::cypher
