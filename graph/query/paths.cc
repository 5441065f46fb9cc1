#include "kg/graph/query/paths.h"

#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/container/node_hash_map.h"

namespace kg::graph::query {
namespace {

class PathsOp final : public Operator {
 public:
  PathsOp(QueryContext& context, PathsSpec spec)
      : context_(context),
        spec_(std::move(spec)),
        walker_(context,
                StepFilter{spec_.step.direction, spec_.step.types, {}}),
        // The walker checks validity; labels are checked here, since the
        // two ends are exempt from them.
        between_(context, StepFilter{Direction::kBoth, {}, spec_.step.labels}) {
  }

  absl::StatusOr<bool> Next(Row* row) override {
    if (!started_) {
      started_ = true;
      absl::StatusOr<bool> ends_hold = EndsHold();
      if (!ends_hold.ok()) return ends_hold.status();
      done_ = !*ends_hold || spec_.from == spec_.to;
      if (*ends_hold && spec_.from == spec_.to) {
        *row = {Value(Path{{spec_.from}, {}})};
        return true;
      }
    }
    if (done_) return false;
    while (true) {
      if (stack_.empty()) {
        if (++length_ > spec_.max_depth) {
          done_ = true;
          return false;
        }
        Enter(spec_.from, EdgeRef());
      }
      absl::StatusOr<bool> found = Advance(row);
      if (!found.ok() || *found) return found;
    }
  }

 private:
  // A node on the current path and the next of its steps to try.
  struct Frame {
    uint64_t node = 0;
    EdgeRef via;  // The edge the path entered it by.
    const std::vector<Step>* steps = nullptr;
    size_t next = 0;
  };

  absl::StatusOr<bool> EndsHold() {
    for (uint64_t end : {spec_.from, spec_.to}) {
      absl::StatusOr<bool> holds = context_.NodeHolds(end);
      if (!holds.ok()) return holds.status();
      if (!*holds) return false;
    }
    return true;
  }

  void Enter(uint64_t node, EdgeRef via) {
    stack_.push_back(Frame{node, std::move(via), nullptr, 0});
    on_path_.insert(node);
  }

  // Takes steps until a path of length_ edges is found (true, in *row) or
  // the search of this length is over (false, with an empty stack).
  absl::StatusOr<bool> Advance(Row* row) {
    while (!stack_.empty()) {
      Frame& frame = stack_.back();
      if (frame.steps == nullptr) {
        absl::StatusOr<const std::vector<Step>*> steps = StepsOf(frame.node);
        if (!steps.ok()) return steps.status();
        frame.steps = *steps;
      }
      if (frame.next == frame.steps->size()) {
        on_path_.erase(frame.node);
        stack_.pop_back();
        continue;
      }
      const Step& step = (*frame.steps)[frame.next++];
      if (absl::Status budget = context_.budget().Check(); !budget.ok()) {
        return budget;
      }
      // Edges on the path once this step is taken.
      const int depth = static_cast<int>(stack_.size());
      if (on_path_.contains(step.neighbour)) continue;
      if (step.neighbour == spec_.to) {
        if (depth != length_) continue;
        *row = {Value(PathEndingWith(step))};
        return true;
      }
      if (depth >= length_) continue;
      absl::StatusOr<bool> accepted = between_.Accepts(step.neighbour);
      if (!accepted.ok()) return accepted.status();
      if (*accepted) Enter(step.neighbour, step.edge);
    }
    return false;
  }

  Path PathEndingWith(const Step& last) const {
    Path path;
    for (const Frame& frame : stack_) {
      if (!path.nodes.empty()) path.edges.push_back(frame.via);
      path.nodes.push_back(frame.node);
    }
    path.edges.push_back(last.edge);
    path.nodes.push_back(last.neighbour);
    return path;
  }

  // A node's steps, read once for every length searched.
  absl::StatusOr<const std::vector<Step>*> StepsOf(uint64_t node) {
    auto [it, fresh] = steps_.try_emplace(node);
    if (fresh) {
      absl::StatusOr<bool> read = walker_.All(node, 0, &it->second);
      if (!read.ok()) {
        steps_.erase(it);
        return read.status();
      }
    }
    return &it->second;
  }

  QueryContext& context_;
  const PathsSpec spec_;
  Neighbours walker_;
  Neighbours between_;
  // node_hash_map: frames point into its values.
  absl::node_hash_map<uint64_t, std::vector<Step>> steps_;
  std::vector<Frame> stack_;
  absl::flat_hash_set<uint64_t> on_path_;
  // The length of the paths searched for now.
  int length_ = 0;
  bool started_ = false;
  bool done_ = false;
};

}  // namespace

OperatorPtr Paths(QueryContext& context, PathsSpec spec) {
  return std::make_unique<PathsOp>(context, std::move(spec));
}

}  // namespace kg::graph::query
