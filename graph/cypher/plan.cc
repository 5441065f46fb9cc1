#include "plan.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "evaluator.h"

namespace kg::graph::cypher {
namespace {

std::string NodeText(const NodePattern& node) {
  std::string text = absl::StrCat("(", node.variable);
  for (const std::string& label : node.labels)
    absl::StrAppend(&text, ":", label);
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

void DescribeProjection(const Projection& p, const char* name,
                        std::vector<std::string>* lines) {
  std::vector<std::string> items;
  bool aggregating = false;
  if (p.star) items.push_back("*");
  for (const ProjectionItem& item : p.items) {
    items.push_back(item.alias);
    if (IsAggregateCall(*item.expr)) aggregating = true;
  }
  lines->push_back(absl::StrCat(aggregating ? "Aggregate" : "Project", " (",
                                name, ") ", absl::StrJoin(items, ", ")));
  if (p.distinct) lines->push_back("Distinct");
  if (!p.order_by.empty()) {
    std::vector<std::string> keys;
    for (const SortItem& sort : p.order_by) {
      keys.push_back(
          absl::StrCat(sort.expr->text, sort.descending ? " DESC" : ""));
    }
    lines->push_back(absl::StrCat("OrderBy ", absl::StrJoin(keys, ", ")));
  }
  if (p.skip != nullptr) lines->push_back(absl::StrCat("Skip ", p.skip->text));
  if (p.limit != nullptr) {
    lines->push_back(absl::StrCat("Limit ", p.limit->text));
  }
}

}  // namespace

std::vector<std::string> DescribePlan(const Query& query) {
  std::vector<std::string> lines;
  for (const Clause& clause : query.clauses) {
    switch (clause.kind) {
      case ClauseKind::kMatch:
      case ClauseKind::kCreate: {
        const char* verb = clause.kind == ClauseKind::kCreate ? "Create"
                           : clause.optional                  ? "OptionalMatch"
                                                              : "Match";
        for (const PathPattern& path : clause.patterns) {
          std::string scan =
              clause.kind == ClauseKind::kCreate ? "CreateNode" : "NodeScan";
          lines.push_back(
              absl::StrCat(verb, ": ", scan, " ", NodeText(path.nodes[0])));
          for (size_t i = 0; i < path.rels.size(); ++i) {
            const char* step = clause.kind == ClauseKind::kCreate
                                   ? "CreateRelationship"
                               : path.rels[i].variable_length ? "VarExpand"
                                                              : "Expand";
            lines.push_back(absl::StrCat(verb, ": ", step, " ",
                                         RelText(path.rels[i]),
                                         NodeText(path.nodes[i + 1])));
          }
        }
        if (clause.where != nullptr) {
          lines.push_back(absl::StrCat("Filter ", clause.where->text));
        }
        break;
      }
      case ClauseKind::kUnwind:
        lines.push_back(absl::StrCat("Unwind ", clause.expr->text, " AS ",
                                     clause.variable));
        break;
      case ClauseKind::kWith:
      case ClauseKind::kReturn:
        DescribeProjection(clause.projection,
                           clause.kind == ClauseKind::kWith ? "WITH" : "RETURN",
                           &lines);
        if (clause.where != nullptr) {
          lines.push_back(absl::StrCat("Filter ", clause.where->text));
        }
        break;
    }
  }
  return lines;
}

}  // namespace kg::graph::cypher
