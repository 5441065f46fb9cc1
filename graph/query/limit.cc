#include "kg/graph/query/limit.h"

#include <utility>

namespace kg::graph::query {
namespace {

class LimitOp final : public Operator {
 public:
  LimitOp(OperatorPtr input, uint64_t skip, std::optional<uint64_t> limit)
      : input_(std::move(input)), skip_(skip), limit_(limit) {}

  absl::StatusOr<bool> Next(Row* row) override {
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
  OperatorPtr input_;
  const uint64_t skip_;
  const std::optional<uint64_t> limit_;
  uint64_t skipped_ = 0;
  uint64_t passed_ = 0;
};

}  // namespace

OperatorPtr Limit(OperatorPtr input, uint64_t skip,
                  std::optional<uint64_t> limit) {
  return std::make_unique<LimitOp>(std::move(input), skip, limit);
}

}  // namespace kg::graph::query
