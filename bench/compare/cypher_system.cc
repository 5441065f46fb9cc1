#include "cypher_system.h"

#include <grpcpp/grpcpp.h>

#include <limits>
#include <vector>

#include "absl/strings/str_cat.h"
#include "kg/graph/cypher/domain_graph.h"
#include "kg/graph/cypher/engine.h"
#include "kg/graph/query/query_budget.h"
#include "kg/graph/query/query_context.h"
#include "kg/v1/query_service.grpc.pb.h"

namespace kg::bench {
namespace {

// Q1..Q4; every one returns a column `item` of strings.
constexpr const char* kQueries[] = {
    "MATCH (n {key: $a}) RETURN labels(n)[0] + '|' + n.name AS item",
    "MATCH (a {key: $a})-[:PLEDGED]->(c) RETURN c.key AS item",
    "MATCH (f {key: $a})<-[:UNDER]-(c)<-[:PLEDGED]-(actor) "
    "RETURN actor.key + '>' + c.key AS item",
    "MATCH (n {key: $a})-[*0..3]->(m) RETURN DISTINCT m.key AS item",
};

std::string PathQuery(int edges) {
  return absl::StrCat("MATCH (a {key: $a})-[*", edges, "..", edges,
                      "]-(b {key: $b}) RETURN 'found' AS item LIMIT 1");
}

// Asks through `Run`, which executes one query with parameters a and b.
class CypherClient : public Client {
 public:
  absl::StatusOr<Answer> Query(const Ask& ask) override {
    if (ask.question < 4) return Run(kQueries[ask.question], ask.a, ask.b);
    for (int edges = 1; edges <= kMaxPathEdges; ++edges) {
      absl::StatusOr<Answer> found = Run(PathQuery(edges), ask.a, ask.b);
      if (!found.ok()) return found.status();
      if (!found->empty()) return PathAnswer(edges);
    }
    return PathAnswer(-1);
  }

 protected:
  virtual absl::StatusOr<Answer> Run(const std::string& query,
                                     const std::string& a,
                                     const std::string& b) = 0;
};

class InProcessCypherClient : public CypherClient {
 public:
  explicit InProcessCypherClient(graph::GraphStore& store) : store_(store) {}

 private:
  absl::StatusOr<Answer> Run(const std::string& query, const std::string& a,
                             const std::string& b) override {
    // Caps no question reaches: what is measured is the work.
    graph::query::BudgetLimits limits;
    limits.max_rows = std::numeric_limits<uint64_t>::max();
    limits.max_expansions = std::numeric_limits<uint64_t>::max();
    limits.max_time = absl::Hours(1);
    graph::query::QueryBudget budget(limits);
    std::unique_ptr<graph::Snapshot> snapshot = store_.NewSnapshot();
    graph::query::QueryContext context(*snapshot, budget);
    graph::cypher::DomainGraph graph(context);
    absl::StatusOr<graph::cypher::QueryResult> result = graph::cypher::RunQuery(
        query, {{"a", graph::cypher::Value(a)}, {"b", graph::cypher::Value(b)}},
        graph, nullptr, budget);
    if (!result.ok()) return result.status();
    Answer answer;
    for (const std::vector<graph::cypher::Value>& row : result->rows) {
      answer.push_back(row[0].as_string());
    }
    return answer;
  }

  graph::GraphStore& store_;
};

class GrpcCypherClient : public CypherClient {
 public:
  explicit GrpcCypherClient(const std::string& address) {
    grpc::ChannelArguments args;
    // A connection of its own, as a separate client process would have.
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    query_ = kg::v1::QueryService::NewStub(grpc::CreateCustomChannel(
        address, grpc::InsecureChannelCredentials(), args));
  }

 private:
  absl::StatusOr<Answer> Run(const std::string& query, const std::string& a,
                             const std::string& b) override {
    kg::v1::RunRequest request;
    request.set_query(query);
    (*request.mutable_parameters())["a"].set_string_value(a);
    (*request.mutable_parameters())["b"].set_string_value(b);
    grpc::ClientContext context;
    auto reader = query_->Run(&context, request);
    Answer answer;
    kg::v1::RunResponse message;
    bool header = true;
    while (reader->Read(&message)) {
      if (!header) answer.push_back(message.values(0).string_value());
      header = false;
    }
    grpc::Status status = reader->Finish();
    if (!status.ok()) {
      return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                          status.error_message());
    }
    return answer;
  }

  std::unique_ptr<kg::v1::QueryService::Stub> query_;
};

}  // namespace

std::unique_ptr<Client> NewKgCypherInProcessClient(graph::GraphStore& store) {
  return std::make_unique<InProcessCypherClient>(store);
}

std::unique_ptr<Client> NewKgCypherGrpcClient(const std::string& address) {
  return std::make_unique<GrpcCypherClient>(address);
}

}  // namespace kg::bench
