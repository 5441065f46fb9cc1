// kg in process (the query operators) and over gRPC (the services).
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <limits>

#include "absl/strings/str_cat.h"
#include "domain_graph.h"
#include "kg/graph/query/neighbours.h"
#include "kg/graph/query/query_budget.h"
#include "kg/graph/query/query_context.h"
#include "kg/graph/query/shortest_path.h"
#include "kg/graph/query/traverse.h"
#include "kg/v1/graph_service.grpc.pb.h"
#include "kg/v1/query_service.grpc.pb.h"
#include "run_setup.h"
#include "systems.h"

namespace kg::bench {
namespace {

using graph::Direction;
using graph::query::Neighbours;
using graph::query::QueryBudget;
using graph::query::QueryContext;
using graph::query::Row;
using graph::query::Step;
using graph::query::StepFilter;

// Caps no question reaches: what is measured is the work, not a refusal.
graph::query::BudgetLimits Unlimited() {
  graph::query::BudgetLimits limits;
  limits.max_rows = std::numeric_limits<uint64_t>::max();
  limits.max_expansions = std::numeric_limits<uint64_t>::max();
  limits.max_time = absl::Hours(1);
  return limits;
}

class InProcessClient : public Client {
 public:
  explicit InProcessClient(graph::GraphStore& store) : store_(store) {}

  absl::StatusOr<Answer> Query(const Ask& ask) override {
    std::unique_ptr<graph::Snapshot> snapshot = store_.NewSnapshot();
    if (ask.question == 0) {
      absl::StatusOr<kg::v1::Node> node = snapshot->GetNode(ask.a);
      if (!node.ok()) return node.status();
      return Answer{absl::StrCat(node->label(), "|", node->name())};
    }
    QueryBudget budget(Unlimited());
    QueryContext context(*snapshot, budget);
    absl::StatusOr<const kg::v1::Node*> node = context.NodeByKey(ask.a);
    if (!node.ok()) return node.status();
    Answer answer;
    absl::Status status;
    switch (ask.question) {
      case 1:
        status = Commitments(context, (*node)->id(), &answer);
        break;
      case 2:
        status = PledgedUnder(context, (*node)->id(), &answer);
        break;
      case 3:
        status = Reach(context, (*node)->id(), &answer);
        break;
      default:
        status = Distance(context, (*node)->id(), ask.b, &answer);
    }
    if (!status.ok()) return status;
    return answer;
  }

 private:
  // The steps from `node` along edges of `type` in `direction`.
  static absl::Status StepsOf(QueryContext& context, uint64_t node,
                              Direction direction, const char* type,
                              std::vector<Step>* steps) {
    Neighbours neighbours(context, StepFilter{direction, {type}, {}});
    return neighbours.All(node, 0, steps).status();
  }

  // Answers need keys only: no record is parsed for them.
  static absl::StatusOr<std::string> KeyOf(QueryContext& context, uint64_t id) {
    return context.snapshot().NodeKey(id);
  }

  static absl::Status AddKey(QueryContext& context, uint64_t id,
                             Answer* answer) {
    absl::StatusOr<std::string> key = KeyOf(context, id);
    if (!key.ok()) return key.status();
    answer->push_back(*std::move(key));
    return absl::OkStatus();
  }

  static absl::Status Commitments(QueryContext& context, uint64_t actor,
                                  Answer* answer) {
    std::vector<Step> steps;
    absl::Status status =
        StepsOf(context, actor, Direction::kOut, "PLEDGED", &steps);
    for (size_t i = 0; status.ok() && i < steps.size(); ++i) {
      status = AddKey(context, steps[i].neighbour, answer);
    }
    return status;
  }

  static absl::Status PledgedUnder(QueryContext& context, uint64_t framework,
                                   Answer* answer) {
    std::vector<Step> commitments;
    absl::Status status =
        StepsOf(context, framework, Direction::kIn, "UNDER", &commitments);
    for (size_t c = 0; status.ok() && c < commitments.size(); ++c) {
      std::vector<Step> pledges;
      status = StepsOf(context, commitments[c].neighbour, Direction::kIn,
                       "PLEDGED", &pledges);
      absl::StatusOr<std::string> commitment =
          KeyOf(context, commitments[c].neighbour);
      if (status.ok()) status = commitment.status();
      for (size_t a = 0; status.ok() && a < pledges.size(); ++a) {
        absl::StatusOr<std::string> actor =
            KeyOf(context, pledges[a].neighbour);
        status = actor.status();
        if (status.ok())
          answer->push_back(absl::StrCat(*actor, ">", *commitment));
      }
    }
    return status;
  }

  static absl::Status Reach(QueryContext& context, uint64_t start,
                            Answer* answer) {
    graph::query::TraverseSpec spec;
    spec.start = {start};
    spec.step.direction = Direction::kOut;
    spec.max_depth = kReachHops;
    graph::query::Traverse traverse(context, spec);
    absl::StatusOr<std::vector<Row>> rows =
        graph::query::Drain(traverse, context.budget());
    if (!rows.ok()) return rows.status();
    absl::Status status;
    for (const Row& row : *rows) {
      const graph::query::Value& node = row[graph::query::Traverse::kNode];
      if (node.kind() == graph::query::Value::Kind::kNode && status.ok()) {
        status = AddKey(context, node.as_node().id, answer);
      }
    }
    return status;
  }

  static absl::Status Distance(QueryContext& context, uint64_t from,
                               const std::string& to_key, Answer* answer) {
    absl::StatusOr<const kg::v1::Node*> to = context.NodeByKey(to_key);
    if (!to.ok()) return to.status();
    graph::query::ShortestPathSpec spec;
    spec.from = from;
    spec.to = (*to)->id();
    spec.step.direction = Direction::kBoth;
    spec.max_depth = kMaxPathEdges;
    graph::query::OperatorPtr path = graph::query::ShortestPath(context, spec);
    absl::StatusOr<std::vector<Row>> rows =
        graph::query::Drain(*path, context.budget());
    if (!rows.ok()) return rows.status();
    *answer = PathAnswer(
        rows->empty() ? -1
                      : static_cast<int>((*rows)[0][0].as_path().edges.size()));
    return absl::OkStatus();
  }

  graph::GraphStore& store_;
};

class GrpcClient : public Client {
 public:
  explicit GrpcClient(const std::string& address) {
    grpc::ChannelArguments args;
    // A connection of its own, as a separate client process would have.
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    auto channel = grpc::CreateCustomChannel(
        address, grpc::InsecureChannelCredentials(), args);
    graph_ = kg::v1::GraphService::NewStub(channel);
    query_ = kg::v1::QueryService::NewStub(channel);
  }

  absl::StatusOr<Answer> Query(const Ask& ask) override {
    Answer answer;
    grpc::Status status;
    switch (ask.question) {
      case 0:
        status = GetNode(ask.a, &answer);
        break;
      case 1:
        status = Commitments(ask.a, &answer);
        break;
      case 2:
        status = PledgedUnder(ask.a, &answer);
        break;
      case 3:
        status = Reach(ask.a, &answer);
        break;
      default:
        status = Distance(ask.a, ask.b, &answer);
    }
    if (!status.ok()) {
      return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                          status.error_message());
    }
    return answer;
  }

 private:
  grpc::Status GetNode(const std::string& key, Answer* answer) {
    grpc::ClientContext context;
    kg::v1::GetNodeRequest request;
    request.set_key(key);
    kg::v1::Node node;
    grpc::Status status = graph_->GetNode(&context, request, &node);
    answer->push_back(absl::StrCat(node.label(), "|", node.name()));
    return status;
  }

  // Q2 and Q3 ask for the basic views (AIP-157): the answers checked are
  // keys only, all the SQL peers return, so kg reads no edge record,
  // property or source for them either.
  grpc::Status Commitments(const std::string& actor, Answer* answer) {
    kg::v1::ListEdgesRequest request;
    request.set_node_key(actor);
    request.set_direction(kg::v1::DIRECTION_OUT);
    request.add_types("PLEDGED");
    request.set_view(kg::v1::EDGE_VIEW_BASIC);
    request.set_page_size(1000);
    do {
      grpc::ClientContext context;
      kg::v1::ListEdgesResponse response;
      grpc::Status status = graph_->ListEdges(&context, request, &response);
      if (!status.ok()) return status;
      for (const kg::v1::Edge& edge : response.edges()) {
        answer->push_back(edge.dst_key());
      }
      request.set_page_token(response.next_page_token());
    } while (!request.page_token().empty());
    return grpc::Status::OK;
  }

  grpc::Status PledgedUnder(const std::string& framework, Answer* answer) {
    kg::v1::CommitmentsRequest request;
    request.set_framework_key(framework);
    request.set_relation(kg::v1::COMMITMENT_RELATION_PLEDGED);
    request.set_view(kg::v1::COMMITMENT_VIEW_BASIC);
    request.set_page_size(1000);
    do {
      grpc::ClientContext context;
      kg::v1::CommitmentsResponse response;
      grpc::Status status = query_->Commitments(&context, request, &response);
      if (!status.ok()) return status;
      for (const kg::v1::CommitmentRow& row : response.rows()) {
        answer->push_back(
            absl::StrCat(row.actor().key(), ">", row.commitment_key()));
      }
      request.set_page_token(response.next_page_token());
    } while (!request.page_token().empty());
    return grpc::Status::OK;
  }

  grpc::Status Reach(const std::string& start, Answer* answer) {
    kg::v1::TraverseRequest request;
    request.add_start_keys(start);
    request.set_direction(kg::v1::DIRECTION_OUT);
    request.set_max_depth(kReachHops);
    grpc::ClientContext context;
    auto reader = query_->Traverse(&context, request);
    kg::v1::TraverseResponse batch;
    while (reader->Read(&batch)) {
      for (const kg::v1::TraversedNode& node : batch.nodes()) {
        answer->push_back(node.node().key());
      }
    }
    return reader->Finish();
  }

  grpc::Status Distance(const std::string& from, const std::string& to,
                        Answer* answer) {
    kg::v1::ShortestPathRequest request;
    request.set_from_key(from);
    request.set_to_key(to);
    request.set_max_depth(kMaxPathEdges);
    grpc::ClientContext context;
    kg::v1::ShortestPathResponse response;
    grpc::Status status = query_->ShortestPath(&context, request, &response);
    *answer = PathAnswer(response.found() ? response.path().edges_size() : -1);
    return status;
  }

  std::unique_ptr<kg::v1::GraphService::Stub> graph_;
  std::unique_ptr<kg::v1::QueryService::Stub> query_;
};

}  // namespace

absl::StatusOr<Loaded<std::unique_ptr<graph::GraphStore>>> LoadKg(
    const std::string& csv_dir, const std::string& db_dir) {
  auto start = std::chrono::steady_clock::now();
  absl::StatusOr<DomainGraph> graph = ReadCsv(csv_dir);
  if (!graph.ok()) return graph.status();
  graph::StoreOptions options;
  options.block_cache_bytes = kKgBlockCacheBytes;
  auto store = graph::GraphStore::Open(db_dir, options);
  if (!store.ok()) return store.status();
  auto loader = (*store)->NewBulkLoader("doc:compare");
  if (!loader.ok()) return loader.status();
  // The store's ids of the CSV's nodes, so edges name their ends by id.
  std::vector<uint64_t> ids(graph->node_count());
  absl::Status status;
  kg::v1::Node node;
  for (uint32_t id = 0; status.ok() && id < graph->node_count(); ++id) {
    node.set_key(graph->KeyOf(id));
    node.set_label(LabelName(graph->labels[id]));
    node.set_name(graph->NameOf(id));
    absl::StatusOr<uint64_t> added = (*loader)->AddNode(node);
    status = added.status();
    if (added.ok()) ids[id] = *added;
  }
  for (size_t i = 0; status.ok() && i < graph->edges.size(); ++i) {
    const GraphEdge& edge = graph->edges[i];
    status = (*loader)->AddEdgeBetween(ids[edge.src], EdgeTypeName(edge.type),
                                       ids[edge.dst]);
  }
  if (status.ok()) status = (*loader)->Finish().status();
  if (!status.ok()) return status;
  loader->reset();
  return Loaded<std::unique_ptr<graph::GraphStore>>{
      *std::move(store),
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count()};
}

std::unique_ptr<Client> NewKgInProcessClient(graph::GraphStore& store) {
  return std::make_unique<InProcessClient>(store);
}

std::unique_ptr<Client> NewKgGrpcClient(const std::string& address) {
  return std::make_unique<GrpcClient>(address);
}

}  // namespace kg::bench
