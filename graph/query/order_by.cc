#include "kg/graph/query/order_by.h"

#include <algorithm>
#include <utility>

namespace kg::graph::query {
namespace {

class OrderByOp final : public Operator {
 public:
  OrderByOp(QueryContext& context, OperatorPtr input, std::vector<SortKey> keys)
      : context_(context), input_(std::move(input)), keys_(std::move(keys)) {}

  absl::StatusOr<bool> Next(Row* row) override {
    if (!sorted_) {
      if (absl::Status read = ReadAndSort(); !read.ok()) return read;
      sorted_ = true;
    }
    if (next_ == entries_.size()) return false;
    *row = std::move(entries_[next_++].row);
    return true;
  }

 private:
  struct Entry {
    Row keys;
    Row row;
  };

  absl::Status ReadAndSort() {
    Row row;
    while (true) {
      absl::StatusOr<bool> more = input_->Next(&row);
      if (!more.ok()) return more.status();
      if (!*more) break;
      if (absl::Status charged = context_.budget().ChargeRows();
          !charged.ok()) {
        return charged;
      }
      Entry entry;
      for (const SortKey& key : keys_) {
        absl::StatusOr<Value> value = key.value(row, context_);
        if (!value.ok()) return value.status();
        entry.keys.push_back(*std::move(value));
      }
      entry.row = std::move(row);
      entries_.push_back(std::move(entry));
    }
    std::stable_sort(entries_.begin(), entries_.end(),
                     [this](const Entry& a, const Entry& b) {
                       for (size_t i = 0; i < keys_.size(); ++i) {
                         int c = Compare(a.keys[i], b.keys[i]);
                         if (c != 0) return keys_[i].descending ? c > 0 : c < 0;
                       }
                       return false;
                     });
    return absl::OkStatus();
  }

  QueryContext& context_;
  OperatorPtr input_;
  const std::vector<SortKey> keys_;
  std::vector<Entry> entries_;
  size_t next_ = 0;
  bool sorted_ = false;
};

}  // namespace

OperatorPtr OrderBy(QueryContext& context, OperatorPtr input,
                    std::vector<SortKey> keys) {
  return std::make_unique<OrderByOp>(context, std::move(input),
                                     std::move(keys));
}

}  // namespace kg::graph::query
