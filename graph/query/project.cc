#include "kg/graph/query/project.h"

#include <utility>

namespace kg::graph::query {
namespace {

class ProjectOp final : public Operator {
 public:
  ProjectOp(QueryContext& context, OperatorPtr input,
            std::vector<Expression> columns)
      : context_(context),
        input_(std::move(input)),
        columns_(std::move(columns)) {}

  absl::StatusOr<bool> Next(Row* row) override {
    absl::StatusOr<bool> more = input_->Next(&input_row_);
    if (!more.ok() || !*more) return more;
    row->clear();
    for (const Expression& column : columns_) {
      absl::StatusOr<Value> value = column(input_row_, context_);
      if (!value.ok()) return value.status();
      row->push_back(*std::move(value));
    }
    return true;
  }

 private:
  QueryContext& context_;
  OperatorPtr input_;
  const std::vector<Expression> columns_;
  Row input_row_;
};

}  // namespace

OperatorPtr Project(QueryContext& context, OperatorPtr input,
                    std::vector<Expression> columns) {
  return std::make_unique<ProjectOp>(context, std::move(input),
                                     std::move(columns));
}

}  // namespace kg::graph::query
