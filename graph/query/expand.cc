#include "kg/graph/query/expand.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kg::graph::query {

OperatorPtr Expand(QueryContext& context, OperatorPtr input, size_t from_column,
                   StepFilter step) {
  auto neighbours = std::make_shared<Neighbours>(context, std::move(step));
  return std::make_unique<ExpandRows<Row>>(
      std::move(input),
      [neighbours, from_column](const Row& in, std::string* cursor,
                                std::vector<Row>* out) -> absl::Status {
        if (from_column >= in.size() ||
            in[from_column].kind() != Value::Kind::kNode) {
          return absl::OkStatus();
        }
        std::vector<Step> steps;
        if (absl::Status read = neighbours->NextPage(
                in[from_column].as_node().id, cursor, &steps);
            !read.ok()) {
          return read;
        }
        for (Step& step : steps) {
          out->push_back(in);
          out->back().push_back(Value(std::move(step.edge)));
          out->back().push_back(Value(NodeRef{step.neighbour}));
        }
        return absl::OkStatus();
      });
}

}  // namespace kg::graph::query
