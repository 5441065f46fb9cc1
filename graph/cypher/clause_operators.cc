#include "clause_operators.h"

#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "errors.h"

namespace kg::graph::cypher {
namespace {

class SingleRowOp final : public CypherOperator {
 public:
  absl::StatusOr<bool> Next(Record* row) override {
    if (done_) return false;
    done_ = true;
    *row = Record();
    return true;
  }

 private:
  bool done_ = false;
};

// The row an OPTIONAL MATCH's stages run on, set per input row.
struct ArgumentSlot {
  Record row;
  bool pending = false;
};

class ArgumentOp final : public CypherOperator {
 public:
  explicit ArgumentOp(std::shared_ptr<ArgumentSlot> slot)
      : slot_(std::move(slot)) {}

  absl::StatusOr<bool> Next(Record* row) override {
    if (!slot_->pending) return false;
    slot_->pending = false;
    *row = slot_->row;
    return true;
  }

 private:
  std::shared_ptr<ArgumentSlot> slot_;
};

class CreateOp final : public CypherOperator {
 public:
  CreateOp(const Clause& clause, CypherOperatorPtr input, Evaluator& evaluator,
           WritableGraph* writable)
      : clause_(clause),
        input_(std::move(input)),
        evaluator_(evaluator),
        writable_(writable) {}

  absl::StatusOr<bool> Next(Record* row) override {
    if (!read_) {
      read_ = true;
      if (absl::Status s = ReadAndCreate(); !s.ok()) return s;
    }
    if (next_ == rows_.size()) return false;
    *row = std::move(rows_[next_++]);
    return true;
  }

 private:
  absl::Status ReadAndCreate() {
    if (writable_ == nullptr) {
      // Only the domain graph is read-only.
      return QueryError("Error", "ReadOnlyGraph",
                        "CREATE cannot write to the domain graph, which Run "
                        "only reads; run it on a scratch graph "
                        "(scratch_graph)");
    }
    Record row;
    while (true) {
      absl::StatusOr<bool> more = input_->Next(&row);
      if (!more.ok()) return more.status();
      if (!*more) break;
      if (absl::Status s = evaluator_.budget().ChargeRows(); !s.ok()) return s;
      rows_.push_back(std::move(row));
    }
    for (Record& record : rows_) {
      for (const PathPattern& path : clause_.patterns) {
        if (absl::Status s = CreatePath(path, record.bindings); !s.ok()) {
          return s;
        }
      }
    }
    return absl::OkStatus();
  }

  absl::StatusOr<Value::Map> EvalProperties(const ExprPtr& e, const Row& row) {
    Value::Map properties;
    if (e == nullptr) return properties;
    absl::StatusOr<Value> map = evaluator_.Eval(*e, row);
    if (!map.ok()) return map.status();
    if (map->kind() != Value::Kind::kMap) {
      return TypeError("properties must be a Map");
    }
    for (const auto& [key, value] : map->as_map()) {
      if (!value.is_null()) properties[key] = value;
    }
    return properties;
  }

  absl::StatusOr<uint64_t> NodeOf(const NodePattern& node, Row& row) {
    auto bound = row.find(node.variable);
    if (!node.variable.empty() && bound != row.end()) {
      if (bound->second.kind() != Value::Kind::kNode) {
        return TypeError(absl::StrCat(node.variable, " is not a node"));
      }
      return bound->second.as_node().id;
    }
    NodeData data;
    data.labels = node.labels;
    absl::StatusOr<Value::Map> props = EvalProperties(node.properties, row);
    if (!props.ok()) return props.status();
    data.properties = *std::move(props);
    absl::StatusOr<uint64_t> id = writable_->CreateNode(std::move(data));
    if (!id.ok()) return id.status();
    if (!node.variable.empty()) row[node.variable] = Value(NodeRef{*id});
    return *id;
  }

  absl::Status CreatePath(const PathPattern& path, Row& row) {
    Path walk;
    for (size_t i = 0; i < path.nodes.size(); ++i) {
      absl::StatusOr<uint64_t> node = NodeOf(path.nodes[i], row);
      if (!node.ok()) return node.status();
      walk.nodes.push_back(*node);
      if (i == 0) continue;
      const RelPattern& rel = path.rels[i - 1];
      RelationshipData data;
      data.type = rel.types[0];
      data.src = walk.nodes[i - 1];
      data.dst = walk.nodes[i];
      if (rel.direction == PatternDirection::kLeft) {
        std::swap(data.src, data.dst);
      }
      absl::StatusOr<Value::Map> props = EvalProperties(rel.properties, row);
      if (!props.ok()) return props.status();
      data.properties = *std::move(props);
      absl::StatusOr<uint64_t> id = writable_->CreateRelationship(data);
      if (!id.ok()) return id.status();
      data.id = *id;
      walk.edges.push_back(RefOf(data));
      if (!rel.variable.empty()) row[rel.variable] = Value(RefOf(data));
    }
    if (!path.variable.empty()) row[path.variable] = Value(std::move(walk));
    return absl::OkStatus();
  }

  const Clause& clause_;
  CypherOperatorPtr input_;
  Evaluator& evaluator_;
  WritableGraph* writable_;
  std::vector<Record> rows_;
  size_t next_ = 0;
  bool read_ = false;
};

}  // namespace

CypherOperatorPtr SingleRow() { return std::make_unique<SingleRowOp>(); }

CypherOperatorPtr Optional(CypherOperatorPtr input, const SubPlan& match,
                           std::vector<std::string> introduced) {
  auto slot = std::make_shared<ArgumentSlot>();
  std::shared_ptr<CypherOperator> matches =
      match(std::make_unique<ArgumentOp>(slot));
  return std::make_unique<query::ExpandRows<Record>>(
      std::move(input),
      [slot, matches, introduced = std::move(introduced)](
          const Record& in, std::string*,
          std::vector<Record>* out) -> absl::Status {
        slot->row = in;
        slot->pending = true;
        Record row;
        while (true) {
          absl::StatusOr<bool> more = matches->Next(&row);
          if (!more.ok()) return more.status();
          if (!*more) break;
          out->push_back(std::move(row));
        }
        if (!out->empty()) return absl::OkStatus();
        out->push_back(in);
        for (const std::string& name : introduced) {
          out->back().bindings[name] = Value();
        }
        return absl::OkStatus();
      });
}

CypherOperatorPtr Unwind(const Clause& clause, CypherOperatorPtr input,
                         Evaluator& evaluator) {
  return std::make_unique<query::ExpandRows<Record>>(
      std::move(input),
      [&clause, &evaluator](const Record& in, std::string*,
                            std::vector<Record>* out) -> absl::Status {
        absl::StatusOr<Value> list = evaluator.Eval(*clause.expr, in.bindings);
        if (!list.ok()) return list.status();
        if (list->is_null()) return absl::OkStatus();
        auto bind = [&](Value value) {
          out->push_back(Record{in.bindings, {}, {}});
          out->back().bindings[clause.variable] = std::move(value);
        };
        if (list->kind() != Value::Kind::kList) {
          bind(*std::move(list));
          return absl::OkStatus();
        }
        for (const Value& element : list->as_list()) bind(element);
        return absl::OkStatus();
      });
}

CypherOperatorPtr Create(const Clause& clause, CypherOperatorPtr input,
                         Evaluator& evaluator, WritableGraph* writable) {
  return std::make_unique<CreateOp>(clause, std::move(input), evaluator,
                                    writable);
}

}  // namespace kg::graph::cypher
