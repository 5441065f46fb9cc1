#include "projection.h"

#include <algorithm>
#include <memory>
#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "aggregator.h"
#include "errors.h"

namespace kg::graph::cypher {
namespace {

using query::RowGroup;

struct Column {
  std::string name;
  const Expr* expr;
};

// The columns of one projection and the aggregate calls they make; owns
// the variable expressions `*` expands to. Shared by the stages that read
// it, so it lives as long as they do.
struct Columns {
  std::vector<ExprPtr> star_exprs;
  std::vector<Column> all;
  // The columns without aggregate calls: the grouping keys.
  std::vector<Column> keys;
  std::vector<const Expr*> calls;
};

void CollectAggregates(const Expr& e, std::vector<const Expr*>* out) {
  if (IsAggregateCall(e)) {
    out->push_back(&e);
    return;
  }
  for (const ExprPtr& arg : e.args) {
    if (arg != nullptr) CollectAggregates(*arg, out);
  }
}

std::shared_ptr<Columns> ColumnsOf(const Projection& p,
                                   const std::vector<std::string>& scope) {
  auto columns = std::make_shared<Columns>();
  if (p.star) {
    std::vector<std::string> names = scope;
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      auto e = std::make_unique<Expr>();
      e->kind = ExprKind::kVariable;
      e->name = name;
      e->text = name;
      columns->all.push_back({name, e.get()});
      columns->star_exprs.push_back(std::move(e));
    }
  }
  for (const ProjectionItem& item : p.items) {
    columns->all.push_back({item.alias, item.expr.get()});
  }
  for (const Column& column : columns->all) {
    size_t before = columns->calls.size();
    CollectAggregates(*column.expr, &columns->calls);
    if (columns->calls.size() == before) columns->keys.push_back(column);
  }
  if (!columns->calls.empty()) {
    for (const SortItem& sort : p.order_by) {
      CollectAggregates(*sort.expr, &columns->calls);
    }
  }
  return columns;
}

// `row` with the projected columns bound, computed from it.
absl::Status ProjectInto(const Columns& columns, Evaluator& ev,
                         const AggregateValues* aggregates, Row row,
                         Record* out) {
  Row projected;
  for (const Column& column : columns.all) {
    absl::StatusOr<Value> v = ev.Eval(*column.expr, row, aggregates);
    if (!v.ok()) return v.status();
    projected[column.name] = *std::move(v);
  }
  for (auto& [name, value] : projected) row[name] = std::move(value);
  out->bindings = std::move(row);
  return absl::OkStatus();
}

// One group of an aggregating projection: its first row (what the key
// columns read) and an Aggregator per aggregate call.
class AggregateGroup final : public RowGroup<Record> {
 public:
  AggregateGroup(std::shared_ptr<const Columns> columns, Evaluator& ev,
                 Row first)
      : columns_(std::move(columns)), ev_(ev), first_(std::move(first)) {
    for (const Expr* call : columns_->calls) aggregators_.emplace_back(*call);
  }

  absl::Status Add(const Record& row) override {
    for (Aggregator& aggregator : aggregators_) {
      if (absl::Status s = aggregator.Add(ev_, row.bindings); !s.ok()) {
        return s;
      }
    }
    return absl::OkStatus();
  }

  absl::Status Finish(Record* out) override {
    AggregateValues aggregates;
    for (size_t i = 0; i < aggregators_.size(); ++i) {
      absl::StatusOr<Value> v = aggregators_[i].Finish(ev_, first_);
      if (!v.ok()) return v.status();
      aggregates[columns_->calls[i]] = *std::move(v);
    }
    absl::Status projected =
        ProjectInto(*columns_, ev_, &aggregates, std::move(first_), out);
    out->aggregates = std::move(aggregates);
    return projected;
  }

 private:
  const std::shared_ptr<const Columns> columns_;
  Evaluator& ev_;
  Row first_;
  std::vector<Aggregator> aggregators_;
};

absl::StatusOr<std::string> KeyOf(const std::vector<Column>& columns,
                                  const Row& row, Evaluator* ev) {
  std::vector<Value> values;
  for (const Column& column : columns) {
    if (ev == nullptr) {
      values.push_back(row.at(column.name));
      continue;
    }
    absl::StatusOr<Value> v = ev->Eval(*column.expr, row);
    if (!v.ok()) return v.status();
    values.push_back(*std::move(v));
  }
  return GroupingKey(values);
}

CypherOperatorPtr ProjectOrAggregate(std::shared_ptr<const Columns> columns,
                                     CypherOperatorPtr input, Evaluator& ev) {
  if (columns->calls.empty()) {
    return std::make_unique<query::MapRows<Record>>(
        std::move(input),
        [columns, &ev](const Record& in, Record* out) -> absl::Status {
          out->aggregates.clear();
          return ProjectInto(*columns, ev, nullptr, in.bindings, out);
        });
  }
  query::Grouping<Record> grouping;
  grouping.keyless = columns->keys.empty();
  grouping.key = [columns, &ev](const Record& row) {
    return KeyOf(columns->keys, row.bindings, &ev);
  };
  grouping.new_group = [columns, &ev](const Record* first)
      -> absl::StatusOr<std::unique_ptr<RowGroup<Record>>> {
    return std::make_unique<AggregateGroup>(
        columns, ev, first == nullptr ? Row() : first->bindings);
  };
  return std::make_unique<query::GroupRows<Record>>(
      ev.budget(), std::move(input), std::move(grouping));
}

CypherOperatorPtr Sort(const Projection& p,
                       std::shared_ptr<const Columns> columns,
                       CypherOperatorPtr input, Evaluator& ev) {
  using Keys = std::vector<Value>;
  auto key_of = [&p, columns, &ev](const Record& row) -> absl::StatusOr<Keys> {
    Keys keys;
    for (const SortItem& sort : p.order_by) {
      const Column* same = nullptr;
      for (const Column& column : columns->all) {
        if (column.expr->text == sort.expr->text) same = &column;
      }
      if (same != nullptr) {
        keys.push_back(row.bindings.at(same->name));
        continue;
      }
      absl::StatusOr<Value> v =
          ev.Eval(*sort.expr, row.bindings, &row.aggregates);
      if (!v.ok()) return v.status();
      keys.push_back(*std::move(v));
    }
    return keys;
  };
  auto less = [&p](const Keys& a, const Keys& b) {
    for (size_t i = 0; i < p.order_by.size(); ++i) {
      int c = OrderValues(a[i], b[i]);
      if (c != 0) return p.order_by[i].descending ? c > 0 : c < 0;
    }
    return false;
  };
  return std::make_unique<query::SortRows<Record, Keys>>(
      ev.budget(), std::move(input), std::move(key_of), std::move(less));
}

absl::StatusOr<uint64_t> CountArgument(const ExprPtr& e, Evaluator& ev,
                                       const char* clause) {
  absl::StatusOr<Value> v = ev.Eval(*e, Row());
  if (!v.ok()) return v.status();
  if (v->kind() != Value::Kind::kInt) {
    return QueryError("ArgumentError", "InvalidArgumentType",
                      absl::StrCat(clause, " needs an Integer"));
  }
  if (v->as_int() < 0) {
    return QueryError("ArgumentError", "NegativeIntegerArgument",
                      absl::StrCat(clause, " ", v->as_int()));
  }
  return v->as_int();
}

absl::StatusOr<CypherOperatorPtr> SkipAndLimit(const Projection& p,
                                               CypherOperatorPtr input,
                                               Evaluator& ev,
                                               bool describe_only) {
  uint64_t skip = 0;
  std::optional<uint64_t> limit;
  if (!describe_only && p.skip != nullptr) {
    absl::StatusOr<uint64_t> n = CountArgument(p.skip, ev, "SKIP");
    if (!n.ok()) return n.status();
    skip = *n;
  }
  if (!describe_only && p.limit != nullptr) {
    absl::StatusOr<uint64_t> n = CountArgument(p.limit, ev, "LIMIT");
    if (!n.ok()) return n.status();
    limit = *n;
  }
  return std::make_unique<query::LimitRows<Record>>(std::move(input), skip,
                                                    limit);
}

std::string Describe(const Clause& clause, const Columns& columns) {
  const Projection& p = clause.projection;
  std::vector<std::string> items;
  if (p.star) items.push_back("*");
  for (const ProjectionItem& item : p.items) items.push_back(item.alias);
  return absl::StrCat(columns.calls.empty() ? "Project" : "Aggregate", " (",
                      clause.kind == ClauseKind::kWith ? "WITH" : "RETURN",
                      ") ", absl::StrJoin(items, ", "));
}

}  // namespace

absl::StatusOr<ProjectionPlan> PlanProjection(
    const Clause& clause, const std::vector<std::string>& scope,
    CypherOperatorPtr input, Evaluator& ev, bool describe_only,
    std::vector<std::string>* stages) {
  const Projection& p = clause.projection;
  std::shared_ptr<const Columns> columns = ColumnsOf(p, scope);
  CypherOperatorPtr root = ProjectOrAggregate(columns, std::move(input), ev);
  stages->push_back(Describe(clause, *columns));
  if (p.distinct) {
    root = std::make_unique<query::DistinctRows<Record>>(
        ev.budget(), std::move(root), [columns](const Record& row) {
          return KeyOf(columns->all, row.bindings, nullptr);
        });
    stages->push_back("Distinct");
  }
  if (!p.order_by.empty()) {
    root = Sort(p, columns, std::move(root), ev);
    std::vector<std::string> keys;
    for (const SortItem& sort : p.order_by) {
      keys.push_back(
          absl::StrCat(sort.expr->text, sort.descending ? " DESC" : ""));
    }
    stages->push_back(absl::StrCat("OrderBy ", absl::StrJoin(keys, ", ")));
  }
  if (p.skip != nullptr || p.limit != nullptr) {
    absl::StatusOr<CypherOperatorPtr> limited =
        SkipAndLimit(p, std::move(root), ev, describe_only);
    if (!limited.ok()) return limited.status();
    root = *std::move(limited);
    std::vector<std::string> parts;
    if (p.skip != nullptr) parts.push_back(absl::StrCat("Skip ", p.skip->text));
    if (p.limit != nullptr) {
      parts.push_back(absl::StrCat("Limit ", p.limit->text));
    }
    stages->push_back(absl::StrJoin(parts, " "));
  }
  if (clause.where != nullptr) {
    const Expr* where = clause.where.get();
    root = std::make_unique<query::FilterRows<Record>>(
        ev.budget(), std::move(root), [where, &ev](const Record& row) {
          return ev.Test(*where, row.bindings);
        });
    stages->push_back(absl::StrCat("Filter ", where->text));
  }
  ProjectionPlan plan;
  for (const Column& column : columns->all) plan.columns.push_back(column.name);
  if (clause.kind == ClauseKind::kWith) {
    root = std::make_unique<query::MapRows<Record>>(
        std::move(root), [names = plan.columns](const Record& in, Record* out) {
          out->bindings.clear();
          out->aggregates.clear();
          for (const std::string& name : names) {
            out->bindings[name] = in.bindings.at(name);
          }
          return absl::OkStatus();
        });
    stages->push_back(
        absl::StrCat("Narrow (WITH) ", absl::StrJoin(plan.columns, ", ")));
  }
  plan.root = std::move(root);
  return plan;
}

}  // namespace kg::graph::cypher
