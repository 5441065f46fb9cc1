#include "projection.h"

#include <algorithm>
#include <memory>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "aggregator.h"
#include "errors.h"

namespace kg::graph::cypher {
namespace {

struct Column {
  std::string name;
  const Expr* expr;
};

// A projected row with what ORDER BY may read besides its columns.
struct Candidate {
  Row out;
  Row env;
  AggregateValues aggregates;
  std::vector<Value> sort_keys;
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

Row Merge(const Row& base, const Row& over) {
  Row merged = base;
  for (const auto& [k, v] : over) merged[k] = v;
  return merged;
}

absl::StatusOr<int64_t> CountArgument(const ExprPtr& e, Evaluator& ev,
                                      const char* clause) {
  absl::StatusOr<Value> v = ev.Eval(*e, Row());
  if (!v.ok()) return v.status();
  if (v->kind() != Value::Kind::kInt) {
    return CypherError("ArgumentError", "InvalidArgumentType",
                       absl::StrCat(clause, " needs an Integer"));
  }
  if (v->as_int() < 0) {
    return CypherError("ArgumentError", "NegativeIntegerArgument",
                       absl::StrCat(clause, " ", v->as_int()));
  }
  return v->as_int();
}

struct Groups {
  std::vector<Row> first_rows;
  std::vector<std::vector<std::unique_ptr<Aggregator>>> aggregators;
};

absl::StatusOr<Groups> Group(const std::vector<Column>& keys,
                             const std::vector<const Expr*>& calls,
                             const std::vector<Row>& rows, Evaluator& ev) {
  Groups groups;
  absl::flat_hash_map<std::string, size_t> index;
  auto new_group = [&](const Row& row) {
    groups.first_rows.push_back(row);
    groups.aggregators.emplace_back();
    for (const Expr* call : calls) {
      groups.aggregators.back().push_back(std::make_unique<Aggregator>(*call));
    }
  };
  for (const Row& row : rows) {
    std::string key;
    for (const Column& column : keys) {
      absl::StatusOr<Value> v = ev.Eval(*column.expr, row);
      if (!v.ok()) return v.status();
      absl::StrAppend(&key, GroupingKey(*v), "|");
    }
    auto [it, inserted] = index.emplace(key, groups.first_rows.size());
    if (inserted) new_group(row);
    for (auto& aggregator : groups.aggregators[it->second]) {
      if (absl::Status s = aggregator->Add(ev, row); !s.ok()) return s;
    }
  }
  if (groups.first_rows.empty() && keys.empty()) new_group(Row());
  return groups;
}

}  // namespace

absl::StatusOr<ProjectedRows> Project(const Projection& p, const Expr* where,
                                      const std::vector<std::string>& scope,
                                      std::vector<Row> rows, Evaluator& ev) {
  std::vector<ExprPtr> star_exprs;
  std::vector<Column> columns;
  if (p.star) {
    std::vector<std::string> names = scope;
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      auto e = std::make_unique<Expr>();
      e->kind = ExprKind::kVariable;
      e->name = name;
      e->text = name;
      columns.push_back({name, e.get()});
      star_exprs.push_back(std::move(e));
    }
  }
  for (const ProjectionItem& item : p.items) {
    columns.push_back({item.alias, item.expr.get()});
  }
  std::vector<const Expr*> calls;
  std::vector<Column> keys;
  for (const Column& column : columns) {
    size_t before = calls.size();
    CollectAggregates(*column.expr, &calls);
    if (calls.size() == before) keys.push_back(column);
  }
  bool aggregating = !calls.empty();
  if (aggregating) {
    for (const SortItem& sort : p.order_by) {
      CollectAggregates(*sort.expr, &calls);
    }
  }

  std::vector<Candidate> candidates;
  if (aggregating) {
    absl::StatusOr<Groups> groups = Group(keys, calls, rows, ev);
    if (!groups.ok()) return groups.status();
    for (size_t g = 0; g < groups->first_rows.size(); ++g) {
      Candidate c;
      for (size_t i = 0; i < calls.size(); ++i) {
        absl::StatusOr<Value> v =
            groups->aggregators[g][i]->Finish(ev, groups->first_rows[g]);
        if (!v.ok()) return v.status();
        c.aggregates[calls[i]] = *std::move(v);
      }
      for (const Column& column : columns) {
        absl::StatusOr<Value> v =
            ev.Eval(*column.expr, groups->first_rows[g], &c.aggregates);
        if (!v.ok()) return v.status();
        c.out[column.name] = *std::move(v);
      }
      c.env = Merge(groups->first_rows[g], c.out);
      candidates.push_back(std::move(c));
    }
  } else {
    for (const Row& row : rows) {
      Candidate c;
      for (const Column& column : columns) {
        absl::StatusOr<Value> v = ev.Eval(*column.expr, row);
        if (!v.ok()) return v.status();
        c.out[column.name] = *std::move(v);
      }
      c.env = Merge(row, c.out);
      candidates.push_back(std::move(c));
    }
  }
  rows.clear();

  if (p.distinct) {
    absl::flat_hash_set<std::string> seen;
    std::vector<Candidate> unique;
    for (Candidate& c : candidates) {
      std::string key;
      for (const Column& column : columns) {
        absl::StrAppend(&key, GroupingKey(c.out[column.name]), "|");
      }
      if (seen.insert(key).second) unique.push_back(std::move(c));
    }
    candidates = std::move(unique);
  }

  if (!p.order_by.empty()) {
    for (Candidate& c : candidates) {
      for (const SortItem& sort : p.order_by) {
        const Column* same = nullptr;
        for (const Column& column : columns) {
          if (column.expr->text == sort.expr->text) same = &column;
        }
        if (same != nullptr) {
          c.sort_keys.push_back(c.out[same->name]);
          continue;
        }
        absl::StatusOr<Value> v = ev.Eval(*sort.expr, c.env, &c.aggregates);
        if (!v.ok()) return v.status();
        c.sort_keys.push_back(*std::move(v));
      }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&](const Candidate& a, const Candidate& b) {
                       for (size_t i = 0; i < p.order_by.size(); ++i) {
                         int c = OrderValues(a.sort_keys[i], b.sort_keys[i]);
                         if (c != 0) {
                           return p.order_by[i].descending ? c > 0 : c < 0;
                         }
                       }
                       return false;
                     });
  }

  size_t begin = 0;
  size_t end = candidates.size();
  if (p.skip != nullptr) {
    absl::StatusOr<int64_t> skip = CountArgument(p.skip, ev, "SKIP");
    if (!skip.ok()) return skip.status();
    begin = std::min<size_t>(*skip, end);
  }
  if (p.limit != nullptr) {
    absl::StatusOr<int64_t> limit = CountArgument(p.limit, ev, "LIMIT");
    if (!limit.ok()) return limit.status();
    end = std::min<size_t>(end, begin + *limit);
  }
  ProjectedRows result;
  for (const Column& column : columns) result.columns.push_back(column.name);
  for (size_t i = begin; i < end; ++i) {
    if (where != nullptr) {
      absl::StatusOr<bool> keep = ev.Test(*where, candidates[i].env);
      if (!keep.ok()) return keep.status();
      if (!*keep) continue;
    }
    if (absl::Status s = ev.budget().ChargeRows(); !s.ok()) return s;
    result.rows.push_back(std::move(candidates[i].out));
  }
  return result;
}

}  // namespace kg::graph::cypher
