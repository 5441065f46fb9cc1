#include "kg/graph/query/expand.h"

#include <string>
#include <utility>
#include <vector>

namespace kg::graph::query {
namespace {

class ExpandOp final : public Operator {
 public:
  ExpandOp(QueryContext& context, OperatorPtr input, size_t from_column,
           StepFilter step)
      : input_(std::move(input)),
        from_column_(from_column),
        neighbours_(context, std::move(step)) {}

  absl::StatusOr<bool> Next(Row* row) override {
    while (true) {
      if (next_step_ < steps_.size()) {
        Step& step = steps_[next_step_++];
        *row = input_row_;
        row->push_back(Value(std::move(step.edge)));
        row->push_back(Value(NodeRef{step.neighbour}));
        return true;
      }
      // The current node's next page of steps, or the next input row.
      steps_.clear();
      next_step_ = 0;
      if (cursor_.empty()) {
        absl::StatusOr<bool> more = input_->Next(&input_row_);
        if (!more.ok() || !*more) return more;
        const NodeRef* node = from_column_ < input_row_.size()
                                  ? input_row_[from_column_].node()
                                  : nullptr;
        if (node == nullptr) continue;
        node_ = node->id;
      }
      if (absl::Status read = neighbours_.NextPage(node_, &cursor_, &steps_);
          !read.ok()) {
        return read;
      }
    }
  }

 private:
  OperatorPtr input_;
  const size_t from_column_;
  Neighbours neighbours_;
  Row input_row_;
  uint64_t node_ = 0;
  // Steps of node_ from the page just read; cursor_ continues its scan.
  std::vector<Step> steps_;
  size_t next_step_ = 0;
  std::string cursor_;
};

}  // namespace

OperatorPtr Expand(QueryContext& context, OperatorPtr input, size_t from_column,
                   StepFilter step) {
  return std::make_unique<ExpandOp>(context, std::move(input), from_column,
                                    std::move(step));
}

}  // namespace kg::graph::query
