// RunQuery: parse, analyze, then run the clauses in order, each turning
// the rows so far into the next clause's rows.
#include <memory>

#include "absl/strings/str_cat.h"
#include "analyzer.h"
#include "errors.h"
#include "evaluator.h"
#include "kg/graph/cypher/engine.h"
#include "matcher.h"
#include "parser.h"
#include "plan.h"
#include "projection.h"

namespace kg::graph::cypher {
namespace {

void AddToScope(const std::string& name, std::vector<std::string>* scope) {
  if (name.empty()) return;
  if (std::find(scope->begin(), scope->end(), name) == scope->end()) {
    scope->push_back(name);
  }
}

void AddPatternVariables(const std::vector<PathPattern>& patterns,
                         std::vector<std::string>* scope) {
  for (const PathPattern& path : patterns) {
    for (const NodePattern& node : path.nodes) AddToScope(node.variable, scope);
    for (const RelPattern& rel : path.rels) AddToScope(rel.variable, scope);
    AddToScope(path.variable, scope);
  }
}

class Executor {
 public:
  Executor(PropertyGraph& graph, WritableGraph* writable,
           const Value::Map& parameters, query::QueryBudget& budget)
      : evaluator_(graph, parameters, budget), writable_(writable) {}

  absl::StatusOr<QueryResult> Run(const Query& query);

 private:
  absl::Status Match(const Clause& clause);
  absl::Status Unwind(const Clause& clause);
  absl::Status Create(const Clause& clause);
  absl::Status Project(const Clause& clause, QueryResult* result);
  absl::StatusOr<Value::Map> EvalProperties(const ExprPtr& e, const Row& row);
  absl::Status Keep(Row row, std::vector<Row>* out);

  Evaluator evaluator_;
  WritableGraph* writable_;
  std::vector<Row> rows_{Row()};
  std::vector<std::string> scope_;
};

absl::Status Executor::Keep(Row row, std::vector<Row>* out) {
  if (absl::Status s = evaluator_.budget().ChargeRows(); !s.ok()) return s;
  out->push_back(std::move(row));
  return absl::OkStatus();
}

absl::Status Executor::Match(const Clause& clause) {
  std::vector<std::string> introduced;
  std::vector<std::string> before = scope_;
  AddPatternVariables(clause.patterns, &scope_);
  for (const std::string& name : scope_) {
    if (std::find(before.begin(), before.end(), name) == before.end()) {
      introduced.push_back(name);
    }
  }
  std::vector<Row> out;
  for (const Row& row : rows_) {
    size_t matched = 0;
    absl::Status status =
        MatchPatterns(clause.patterns, row, evaluator_, [&](const Row& bound) {
          if (clause.where != nullptr) {
            absl::StatusOr<bool> keep = evaluator_.Test(*clause.where, bound);
            if (!keep.ok()) return keep.status();
            if (!*keep) return absl::OkStatus();
          }
          ++matched;
          return Keep(bound, &out);
        });
    if (!status.ok()) return status;
    if (matched == 0 && clause.optional) {
      Row padded = row;
      for (const std::string& name : introduced) padded[name] = Value();
      if (absl::Status s = Keep(std::move(padded), &out); !s.ok()) return s;
    }
  }
  rows_ = std::move(out);
  return absl::OkStatus();
}

absl::Status Executor::Unwind(const Clause& clause) {
  AddToScope(clause.variable, &scope_);
  std::vector<Row> out;
  for (const Row& row : rows_) {
    absl::StatusOr<Value> list = evaluator_.Eval(*clause.expr, row);
    if (!list.ok()) return list.status();
    if (list->is_null()) continue;
    if (list->kind() != Value::Kind::kList) {
      Row next = row;
      next[clause.variable] = *list;
      if (absl::Status s = Keep(std::move(next), &out); !s.ok()) return s;
      continue;
    }
    for (const Value& element : list->as_list()) {
      Row next = row;
      next[clause.variable] = element;
      if (absl::Status s = Keep(std::move(next), &out); !s.ok()) return s;
    }
  }
  rows_ = std::move(out);
  return absl::OkStatus();
}

absl::StatusOr<Value::Map> Executor::EvalProperties(const ExprPtr& e,
                                                    const Row& row) {
  Value::Map properties;
  if (e == nullptr) return properties;
  absl::StatusOr<Value> map = evaluator_.Eval(*e, row);
  if (!map.ok()) return map.status();
  if (map->kind() != Value::Kind::kMap) {
    return TypeError("properties must be a Map");
  }
  for (const auto& [key, value] : map->as_map()) {
    if (!value.is_null()) properties[key] = value;
  }
  return properties;
}

absl::Status Executor::Create(const Clause& clause) {
  if (writable_ == nullptr) {
    return CypherError("Error", "ReadOnlyGraph",
                       "CREATE is not supported on this graph");
  }
  AddPatternVariables(clause.patterns, &scope_);
  for (Row& row : rows_) {
    for (const PathPattern& path : clause.patterns) {
      PathValue walk;
      for (size_t i = 0; i < path.nodes.size(); ++i) {
        const NodePattern& node = path.nodes[i];
        auto bound = row.find(node.variable);
        if (!node.variable.empty() && bound != row.end()) {
          if (bound->second.kind() != Value::Kind::kNode) {
            return TypeError(absl::StrCat(node.variable, " is not a node"));
          }
          walk.nodes.push_back(bound->second.node_id());
        } else {
          NodeData data;
          data.labels = node.labels;
          absl::StatusOr<Value::Map> props =
              EvalProperties(node.properties, row);
          if (!props.ok()) return props.status();
          data.properties = *std::move(props);
          absl::StatusOr<uint64_t> id = writable_->CreateNode(std::move(data));
          if (!id.ok()) return id.status();
          walk.nodes.push_back(*id);
          if (!node.variable.empty()) row[node.variable] = Value(NodeId{*id});
        }
        if (i == 0) continue;
        const RelPattern& rel = path.rels[i - 1];
        RelationshipData data;
        data.type = rel.types[0];
        data.src = walk.nodes[i - 1];
        data.dst = walk.nodes[i];
        if (rel.direction == PatternDirection::kLeft) {
          std::swap(data.src, data.dst);
        }
        absl::StatusOr<Value::Map> props = EvalProperties(rel.properties, row);
        if (!props.ok()) return props.status();
        data.properties = *std::move(props);
        absl::StatusOr<uint64_t> id =
            writable_->CreateRelationship(std::move(data));
        if (!id.ok()) return id.status();
        walk.relationships.push_back(*id);
        if (!rel.variable.empty()) row[rel.variable] = Value(RelId{*id});
      }
      if (!path.variable.empty()) row[path.variable] = Value(std::move(walk));
    }
  }
  return absl::OkStatus();
}

absl::Status Executor::Project(const Clause& clause, QueryResult* result) {
  absl::StatusOr<ProjectedRows> projected =
      cypher::Project(clause.projection, clause.where.get(), scope_,
                      std::move(rows_), evaluator_);
  if (!projected.ok()) return projected.status();
  rows_.clear();
  if (clause.kind == ClauseKind::kReturn) {
    result->columns = projected->columns;
    for (Row& row : projected->rows) {
      std::vector<Value> values;
      for (const std::string& column : projected->columns) {
        values.push_back(std::move(row[column]));
      }
      result->rows.push_back(std::move(values));
    }
    return absl::OkStatus();
  }
  scope_ = projected->columns;
  rows_ = std::move(projected->rows);
  return absl::OkStatus();
}

absl::StatusOr<QueryResult> Executor::Run(const Query& query) {
  QueryResult result;
  for (const Clause& clause : query.clauses) {
    absl::Status status;
    switch (clause.kind) {
      case ClauseKind::kMatch:
        status = Match(clause);
        break;
      case ClauseKind::kUnwind:
        status = Unwind(clause);
        break;
      case ClauseKind::kCreate:
        status = Create(clause);
        break;
      case ClauseKind::kWith:
      case ClauseKind::kReturn:
        status = Project(clause, &result);
        break;
    }
    if (!status.ok()) return status;
  }
  return result;
}

}  // namespace

absl::StatusOr<QueryResult> RunQuery(absl::string_view text,
                                     const Value::Map& parameters,
                                     PropertyGraph& graph,
                                     WritableGraph* writable,
                                     query::QueryBudget& budget) {
  absl::StatusOr<Query> query = Parse(text);
  if (!query.ok()) return query.status();
  if (absl::Status s = Analyze(*query); !s.ok()) return s;
  if (query->explain) {
    QueryResult plan;
    plan.columns = {"plan"};
    for (std::string& line : DescribePlan(*query)) {
      plan.rows.push_back({Value(std::move(line))});
    }
    return plan;
  }
  Executor executor(graph, writable, parameters, budget);
  return executor.Run(*query);
}

}  // namespace kg::graph::cypher
