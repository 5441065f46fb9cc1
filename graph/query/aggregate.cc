#include "kg/graph/query/aggregate.h"

#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace kg::graph::query {
namespace {

// The running state of one aggregation in one group.
struct Accumulator {
  int64_t count = 0;
  Value::List collected;
  absl::flat_hash_set<std::string> seen;
};

class AggregateOp final : public Operator {
 public:
  AggregateOp(QueryContext& context, OperatorPtr input,
              std::vector<Expression> keys,
              std::vector<Aggregation> aggregations)
      : context_(context),
        input_(std::move(input)),
        keys_(std::move(keys)),
        aggregations_(std::move(aggregations)) {}

  absl::StatusOr<bool> Next(Row* row) override {
    if (!grouped_) {
      if (absl::Status read = ReadGroups(); !read.ok()) return read;
      grouped_ = true;
    }
    if (next_ == groups_.size()) return false;
    Group& group = groups_[next_++];
    *row = std::move(group.keys);
    for (size_t i = 0; i < aggregations_.size(); ++i) {
      Accumulator& acc = group.accumulators[i];
      row->push_back(aggregations_[i].kind == Aggregation::kCount
                         ? Value::Int(acc.count)
                         : Value(std::move(acc.collected)));
    }
    return true;
  }

 private:
  struct Group {
    Row keys;
    std::vector<Accumulator> accumulators;
  };

  absl::Status ReadGroups() {
    absl::flat_hash_map<std::string, size_t> index;
    Row row;
    while (true) {
      absl::StatusOr<bool> more = input_->Next(&row);
      if (!more.ok()) return more.status();
      if (!*more) break;
      Row keys;
      for (const Expression& key : keys_) {
        absl::StatusOr<Value> value = key(row, context_);
        if (!value.ok()) return value.status();
        keys.push_back(*std::move(value));
      }
      auto [it, added] = index.try_emplace(Fingerprint(keys), groups_.size());
      if (added) {
        if (absl::Status charged = context_.budget().ChargeRows();
            !charged.ok()) {
          return charged;
        }
        groups_.push_back(Group{
            std::move(keys), std::vector<Accumulator>(aggregations_.size())});
      }
      if (absl::Status added_row = Accumulate(row, groups_[it->second]);
          !added_row.ok()) {
        return added_row;
      }
    }
    // Without keys there is one group, input or not.
    if (keys_.empty() && groups_.empty()) {
      groups_.push_back(
          Group{Row(), std::vector<Accumulator>(aggregations_.size())});
    }
    return absl::OkStatus();
  }

  absl::Status Accumulate(const Row& row, Group& group) {
    for (size_t i = 0; i < aggregations_.size(); ++i) {
      const Aggregation& aggregation = aggregations_[i];
      Accumulator& acc = group.accumulators[i];
      if (!aggregation.value) {
        ++acc.count;
        continue;
      }
      absl::StatusOr<Value> value = aggregation.value(row, context_);
      if (!value.ok()) return value.status();
      if (value->is_null()) continue;
      if (aggregation.distinct &&
          !acc.seen.insert(Fingerprint(*value)).second) {
        continue;
      }
      ++acc.count;
      if (aggregation.kind == Aggregation::kCollect) {
        acc.collected.push_back(*std::move(value));
      }
    }
    return absl::OkStatus();
  }

  QueryContext& context_;
  OperatorPtr input_;
  const std::vector<Expression> keys_;
  const std::vector<Aggregation> aggregations_;
  std::vector<Group> groups_;
  size_t next_ = 0;
  bool grouped_ = false;
};

}  // namespace

OperatorPtr Aggregate(QueryContext& context, OperatorPtr input,
                      std::vector<Expression> keys,
                      std::vector<Aggregation> aggregations) {
  return std::make_unique<AggregateOp>(
      context, std::move(input), std::move(keys), std::move(aggregations));
}

}  // namespace kg::graph::query
