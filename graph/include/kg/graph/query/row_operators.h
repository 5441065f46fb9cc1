// Row operators that know nothing of values: the pull-based stage every
// pipeline is made of, and the stages whose logic does not depend on what
// a row holds (filtering, mapping, expanding, de-duplicating, sorting,
// skipping and limiting, grouping). Each is a template over the row type with
// callbacks for whatever reads values, so the typed query RPCs (rows of
// value.h's Values, see operator.h) and the Cypher engine (rows of bindings by
// variable name) run on the same operators.
//
// Every stage that holds rows charges them to the query's budget; a filter
// checks the budget's time while it rejects rows.
#ifndef KG_GRAPH_QUERY_ROW_OPERATORS_H_
#define KG_GRAPH_QUERY_ROW_OPERATORS_H_

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "kg/graph/query/query_budget.h"

namespace kg::graph::query {

template <typename RowT>
class RowOperator {
 public:
  virtual ~RowOperator() = default;

  // Replaces `*row` with the next row and returns true, or returns false
  // when there are no more (and keeps returning false).
  virtual absl::StatusOr<bool> Next(RowT* row) = 0;
};

template <typename RowT>
using RowOperatorPtr = std::unique_ptr<RowOperator<RowT>>;

template <typename RowT>
using RowPredicate = std::function<absl::StatusOr<bool>(const RowT& row)>;
// Computes `*out` from `in`.
template <typename RowT>
using RowMapping = std::function<absl::Status(const RowT& in, RowT* out)>;
// Bytes equal exactly when two rows count as the same (Distinct, groups).
template <typename RowT>
using RowKey = std::function<absl::StatusOr<std::string>(const RowT& row)>;

// FilterRows: the input rows for which `predicate` holds.
template <typename RowT>
class FilterRows final : public RowOperator<RowT> {
 public:
  FilterRows(QueryBudget& budget, RowOperatorPtr<RowT> input,
             RowPredicate<RowT> predicate)
      : budget_(budget),
        input_(std::move(input)),
        predicate_(std::move(predicate)) {}

  absl::StatusOr<bool> Next(RowT* row) override {
    while (true) {
      absl::StatusOr<bool> more = input_->Next(row);
      if (!more.ok() || !*more) return more;
      absl::StatusOr<bool> pass = predicate_(*row);
      if (!pass.ok() || *pass) return pass;
      // A filter that rejects everything must still stop at the deadline.
      if (absl::Status budget = budget_.Check(); !budget.ok()) return budget;
    }
  }

 private:
  QueryBudget& budget_;
  RowOperatorPtr<RowT> input_;
  const RowPredicate<RowT> predicate_;
};

// MapRows: one row computed from each input row.
template <typename RowT>
class MapRows final : public RowOperator<RowT> {
 public:
  MapRows(RowOperatorPtr<RowT> input, RowMapping<RowT> mapping)
      : input_(std::move(input)), mapping_(std::move(mapping)) {}

  absl::StatusOr<bool> Next(RowT* row) override {
    absl::StatusOr<bool> more = input_->Next(&input_row_);
    if (!more.ok() || !*more) return more;
    if (absl::Status mapped = mapping_(input_row_, row); !mapped.ok()) {
      return mapped;
    }
    return true;
  }

 private:
  RowOperatorPtr<RowT> input_;
  const RowMapping<RowT> mapping_;
  RowT input_row_;
};

// Appends to `*out` rows made from `in`, a page at a time: called with an
// empty `*cursor` first, then again while it leaves `*cursor` non-empty.
template <typename RowT>
using RowExpansion = std::function<absl::Status(
    const RowT& in, std::string* cursor, std::vector<RowT>* out)>;

// ExpandRows: for each input row, the rows `expansion` makes of it (none,
// one or many) in order: a node's edges, a pattern's next step, a list's
// elements. Holds one page of one input row's rows at a time.
template <typename RowT>
class ExpandRows final : public RowOperator<RowT> {
 public:
  ExpandRows(RowOperatorPtr<RowT> input, RowExpansion<RowT> expansion)
      : input_(std::move(input)), expansion_(std::move(expansion)) {}

  absl::StatusOr<bool> Next(RowT* row) override {
    while (next_ == page_.size()) {
      page_.clear();
      next_ = 0;
      if (cursor_.empty()) {
        absl::StatusOr<bool> more = input_->Next(&input_row_);
        if (!more.ok() || !*more) return more;
      }
      if (absl::Status page = expansion_(input_row_, &cursor_, &page_);
          !page.ok()) {
        return page;
      }
    }
    *row = std::move(page_[next_++]);
    return true;
  }

 private:
  RowOperatorPtr<RowT> input_;
  const RowExpansion<RowT> expansion_;
  RowT input_row_;
  std::string cursor_;
  std::vector<RowT> page_;
  size_t next_ = 0;
};

// DistinctRows: each input row the first time its key is seen; holds one
// key per distinct row.
template <typename RowT>
class DistinctRows final : public RowOperator<RowT> {
 public:
  DistinctRows(QueryBudget& budget, RowOperatorPtr<RowT> input,
               RowKey<RowT> key)
      : budget_(budget), input_(std::move(input)), key_(std::move(key)) {}

  absl::StatusOr<bool> Next(RowT* row) override {
    while (true) {
      absl::StatusOr<bool> more = input_->Next(row);
      if (!more.ok() || !*more) return more;
      absl::StatusOr<std::string> key = key_(*row);
      if (!key.ok()) return key.status();
      if (seen_.insert(*std::move(key)).second) {
        if (absl::Status charged = budget_.ChargeRows(); !charged.ok()) {
          return charged;
        }
        return true;
      }
    }
  }

 private:
  QueryBudget& budget_;
  RowOperatorPtr<RowT> input_;
  const RowKey<RowT> key_;
  absl::flat_hash_set<std::string> seen_;
};

// SortRows: every input row, read and held first, in the order of their
// sort keys (`less`); rows with equal keys keep their input order.
template <typename RowT, typename KeyT>
class SortRows final : public RowOperator<RowT> {
 public:
  using KeyOf = std::function<absl::StatusOr<KeyT>(const RowT& row)>;
  using Less = std::function<bool(const KeyT& a, const KeyT& b)>;

  SortRows(QueryBudget& budget, RowOperatorPtr<RowT> input, KeyOf key_of,
           Less less)
      : budget_(budget),
        input_(std::move(input)),
        key_of_(std::move(key_of)),
        less_(std::move(less)) {}

  absl::StatusOr<bool> Next(RowT* row) override {
    if (!sorted_) {
      if (absl::Status read = ReadAndSort(); !read.ok()) return read;
      sorted_ = true;
    }
    if (next_ == entries_.size()) return false;
    *row = std::move(entries_[next_++].second);
    return true;
  }

 private:
  absl::Status ReadAndSort() {
    RowT row;
    while (true) {
      absl::StatusOr<bool> more = input_->Next(&row);
      if (!more.ok()) return more.status();
      if (!*more) break;
      if (absl::Status charged = budget_.ChargeRows(); !charged.ok()) {
        return charged;
      }
      absl::StatusOr<KeyT> key = key_of_(row);
      if (!key.ok()) return key.status();
      entries_.emplace_back(*std::move(key), std::move(row));
    }
    std::stable_sort(entries_.begin(), entries_.end(),
                     [this](const auto& a, const auto& b) {
                       return less_(a.first, b.first);
                     });
    return absl::OkStatus();
  }

  QueryBudget& budget_;
  RowOperatorPtr<RowT> input_;
  const KeyOf key_of_;
  const Less less_;
  std::vector<std::pair<KeyT, RowT>> entries_;
  size_t next_ = 0;
  bool sorted_ = false;
};

// LimitRows: skips the first `skip` input rows and passes on at most
// `limit` of the rest (all without one), then stops pulling its input.
template <typename RowT>
class LimitRows final : public RowOperator<RowT> {
 public:
  LimitRows(RowOperatorPtr<RowT> input, uint64_t skip,
            std::optional<uint64_t> limit)
      : input_(std::move(input)), skip_(skip), limit_(limit) {}

  absl::StatusOr<bool> Next(RowT* row) override {
    for (; skipped_ < skip_; ++skipped_) {
      absl::StatusOr<bool> more = input_->Next(row);
      if (!more.ok() || !*more) return more;
    }
    if (limit_ && passed_ == *limit_) return false;
    absl::StatusOr<bool> more = input_->Next(row);
    if (more.ok() && *more) ++passed_;
    return more;
  }

 private:
  RowOperatorPtr<RowT> input_;
  const uint64_t skip_;
  const std::optional<uint64_t> limit_;
  uint64_t skipped_ = 0;
  uint64_t passed_ = 0;
};

// One group of GroupRows: takes the rows of the group, then makes its
// output row.
template <typename RowT>
class RowGroup {
 public:
  virtual ~RowGroup() = default;
  virtual absl::Status Add(const RowT& row) = 0;
  virtual absl::Status Finish(RowT* out) = 0;
};

template <typename RowT>
struct Grouping {
  // Equal for exactly the rows of one group.
  RowKey<RowT> key;
  // A group whose first row is `*first`; `first` is null for the one
  // group of an input without rows, made only when `keyless`.
  std::function<absl::StatusOr<std::unique_ptr<RowGroup<RowT>>>(
      const RowT* first)>
      new_group;
  // No keys: one group, even for no input.
  bool keyless = false;
};

// GroupRows: reads every input row, then produces one row per group in
// the order each group's first row came; holds one group per row charged.
template <typename RowT>
class GroupRows final : public RowOperator<RowT> {
 public:
  GroupRows(QueryBudget& budget, RowOperatorPtr<RowT> input,
            Grouping<RowT> grouping)
      : budget_(budget),
        input_(std::move(input)),
        grouping_(std::move(grouping)) {}

  absl::StatusOr<bool> Next(RowT* row) override {
    if (!grouped_) {
      if (absl::Status read = ReadGroups(); !read.ok()) return read;
      grouped_ = true;
    }
    if (next_ == groups_.size()) return false;
    if (absl::Status done = groups_[next_++]->Finish(row); !done.ok()) {
      return done;
    }
    return true;
  }

 private:
  absl::Status ReadGroups() {
    absl::flat_hash_map<std::string, size_t> index;
    RowT row;
    while (true) {
      absl::StatusOr<bool> more = input_->Next(&row);
      if (!more.ok()) return more.status();
      if (!*more) break;
      absl::StatusOr<std::string> key = grouping_.key(row);
      if (!key.ok()) return key.status();
      auto [it, added] = index.try_emplace(*std::move(key), groups_.size());
      if (added) {
        if (absl::Status charged = budget_.ChargeRows(); !charged.ok()) {
          return charged;
        }
        absl::StatusOr<std::unique_ptr<RowGroup<RowT>>> group =
            grouping_.new_group(&row);
        if (!group.ok()) return group.status();
        groups_.push_back(*std::move(group));
      }
      if (absl::Status added_row = groups_[it->second]->Add(row);
          !added_row.ok()) {
        return added_row;
      }
    }
    if (grouping_.keyless && groups_.empty()) {
      absl::StatusOr<std::unique_ptr<RowGroup<RowT>>> group =
          grouping_.new_group(nullptr);
      if (!group.ok()) return group.status();
      groups_.push_back(*std::move(group));
    }
    return absl::OkStatus();
  }

  QueryBudget& budget_;
  RowOperatorPtr<RowT> input_;
  const Grouping<RowT> grouping_;
  std::vector<std::unique_ptr<RowGroup<RowT>>> groups_;
  size_t next_ = 0;
  bool grouped_ = false;
};

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_ROW_OPERATORS_H_
