#include "plan.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "clause_operators.h"
#include "matcher.h"
#include "projection.h"

namespace kg::graph::cypher {
namespace {

// What a CREATE stage does, a line per node and relationship it makes.
void DescribeCreate(const Clause& clause, std::vector<std::string>* stages) {
  for (const PathPattern& path : clause.patterns) {
    stages->push_back(
        absl::StrCat("Create: CreateNode ", NodeText(path.nodes[0])));
    for (size_t i = 0; i < path.rels.size(); ++i) {
      stages->push_back(absl::StrCat("Create: CreateRelationship ",
                                     RelText(path.rels[i]),
                                     NodeText(path.nodes[i + 1])));
    }
  }
}

CypherOperatorPtr Where(const Expr& where, CypherOperatorPtr input,
                        Evaluator& evaluator) {
  return std::make_unique<query::FilterRows<Record>>(
      evaluator.budget(), std::move(input),
      [&where, &evaluator](const Record& row) {
        return evaluator.Test(where, row.bindings);
      });
}

// A MATCH: its pattern stages, then its WHERE as a Filter. An OPTIONAL
// MATCH runs these for each input row on its own (clause_operators.h).
CypherOperatorPtr PlanMatch(const Clause& clause,
                            std::vector<std::string> introduced,
                            CypherOperatorPtr input, Evaluator& evaluator,
                            std::vector<std::string>* stages) {
  std::string verb = clause.optional ? "OptionalMatch" : "Match";
  SubPlan match = [&](CypherOperatorPtr rows) {
    rows =
        MatchStages(clause.patterns, std::move(rows), evaluator, verb, stages);
    if (clause.where == nullptr) return rows;
    stages->push_back(absl::StrCat(clause.optional ? "OptionalMatch: " : "",
                                   "Filter ", clause.where->text));
    return Where(*clause.where, std::move(rows), evaluator);
  };
  if (!clause.optional) return match(std::move(input));
  return Optional(std::move(input), match, std::move(introduced));
}

// Adds the variables of `patterns` that `*scope` lacks to it and to
// `*introduced`.
void AddPatternVariables(const std::vector<PathPattern>& patterns,
                         std::vector<std::string>* scope,
                         std::vector<std::string>* introduced) {
  auto add = [&](const std::string& name) {
    if (name.empty()) return;
    if (std::find(scope->begin(), scope->end(), name) != scope->end()) return;
    scope->push_back(name);
    introduced->push_back(name);
  };
  for (const PathPattern& path : patterns) {
    for (const NodePattern& node : path.nodes) add(node.variable);
    for (const RelPattern& rel : path.rels) add(rel.variable);
    add(path.variable);
  }
}

}  // namespace

absl::StatusOr<Plan> BuildPlan(const Query& query, Evaluator& evaluator,
                               WritableGraph* writable, bool describe_only) {
  Plan plan;
  CypherOperatorPtr root = SingleRow();
  // The variables bound so far, in the order `*` lists them.
  std::vector<std::string> scope;
  for (const Clause& clause : query.clauses) {
    std::vector<std::string> introduced;
    switch (clause.kind) {
      case ClauseKind::kMatch:
        AddPatternVariables(clause.patterns, &scope, &introduced);
        root = PlanMatch(clause, std::move(introduced), std::move(root),
                         evaluator, &plan.stages);
        break;
      case ClauseKind::kUnwind:
        if (std::find(scope.begin(), scope.end(), clause.variable) ==
            scope.end()) {
          scope.push_back(clause.variable);
        }
        root = Unwind(clause, std::move(root), evaluator);
        plan.stages.push_back(absl::StrCat("Unwind ", clause.expr->text, " AS ",
                                           clause.variable));
        break;
      case ClauseKind::kCreate:
        AddPatternVariables(clause.patterns, &scope, &introduced);
        root = Create(clause, std::move(root), evaluator, writable);
        DescribeCreate(clause, &plan.stages);
        break;
      case ClauseKind::kWith:
      case ClauseKind::kReturn: {
        absl::StatusOr<ProjectionPlan> projection =
            PlanProjection(clause, scope, std::move(root), evaluator,
                           describe_only, &plan.stages);
        if (!projection.ok()) return projection.status();
        root = std::move(projection->root);
        scope = projection->columns;
        if (clause.kind == ClauseKind::kReturn) {
          plan.columns = std::move(projection->columns);
        }
        break;
      }
    }
  }
  plan.root = std::move(root);
  return plan;
}

}  // namespace kg::graph::cypher
