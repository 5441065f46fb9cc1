#include "kg/graph/query/distinct.h"

#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"

namespace kg::graph::query {
namespace {

class DistinctOp final : public Operator {
 public:
  DistinctOp(QueryContext& context, OperatorPtr input)
      : context_(context), input_(std::move(input)) {}

  absl::StatusOr<bool> Next(Row* row) override {
    while (true) {
      absl::StatusOr<bool> more = input_->Next(row);
      if (!more.ok() || !*more) return more;
      if (seen_.insert(Fingerprint(*row)).second) {
        if (absl::Status charged = context_.budget().ChargeRows();
            !charged.ok()) {
          return charged;
        }
        return true;
      }
    }
  }

 private:
  QueryContext& context_;
  OperatorPtr input_;
  absl::flat_hash_set<std::string> seen_;
};

}  // namespace

OperatorPtr Distinct(QueryContext& context, OperatorPtr input) {
  return std::make_unique<DistinctOp>(context, std::move(input));
}

}  // namespace kg::graph::query
