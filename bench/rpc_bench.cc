// kg_rpc_bench: every QueryService call and GraphService.GetNode on the
// synthetic graph of synthetic_graph.h, in process and over loopback gRPC,
// side by side: arg grpc:0 calls the service implementation directly (for
// the streaming Traverse, its plan), grpc:1 the same requests through a
// KgServer on 127.0.0.1 and one channel. The difference is what gRPC
// (serialization, HTTP/2, threads) adds to a call.
//
//   kg_rpc_bench --benchmark_repetitions=5 \
//       --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bench_main.h"
#include "kg/services/graph_service.h"
#include "kg/services/query_plans.h"
#include "kg/services/query_service.h"
#include "kg/services/server_builder.h"
#include "synthetic_graph.h"

namespace kg::services {
namespace {

using bench::BenchGraph;
using bench::Corpus;

// Caps no benchmark reaches, the same for both transports: what is
// measured is the work, not a refusal.
QueryLimits BenchLimits() {
  QueryLimits limits;
  limits.max_rows = 1'000'000;
  limits.max_expansions = 100'000'000;
  limits.max_time = absl::Minutes(1);
  return limits;
}

// The services in process, and the same services behind a loopback
// server, over the one synthetic graph.
class Services {
 public:
  static Services& Get() {
    if (instance_ == nullptr) instance_ = new Services();
    return *instance_;
  }

  // Stops the server, if one was started (a --benchmark_list_tests run
  // starts none), before the graph it reads goes.
  static void StopServer() {
    if (instance_ != nullptr) instance_->server->Shutdown(absl::ZeroDuration());
  }

  const QueryLimits limits = BenchLimits();
  GraphServiceImpl graph{BenchGraph::Get().store()};
  CallRegistry calls;
  QueryServiceImpl query{BenchGraph::Get().store(), limits, calls};
  std::unique_ptr<KgServer> server;
  std::unique_ptr<kg::v1::GraphService::Stub> graph_stub;
  std::unique_ptr<kg::v1::QueryService::Stub> query_stub;

 private:
  static inline Services* instance_ = nullptr;

  Services() {
    ServerOptions options;
    options.query_limits = limits;
    absl::StatusOr<std::unique_ptr<KgServer>> started =
        KgServer::Start(BenchGraph::Get().store(), options);
    if (!started.ok()) {
      fprintf(stderr, "kg_rpc_bench: %s\n",
              started.status().ToString().c_str());
      abort();
    }
    server = *std::move(started);
    grpc::ChannelArguments arguments;
    arguments.SetMaxReceiveMessageSize(-1);
    std::shared_ptr<grpc::Channel> channel = grpc::CreateCustomChannel(
        server->address(), grpc::InsecureChannelCredentials(), arguments);
    graph_stub = kg::v1::GraphService::NewStub(channel);
    query_stub = kg::v1::QueryService::NewStub(channel);
  }
};

bool OverGrpc(const benchmark::State& state) { return state.range(0) == 1; }

// One unary call, in process through `local` or over gRPC through
// `remote`; a failure ends the benchmark.
template <typename Service, typename Stub, typename Request, typename Response>
bool Unary(benchmark::State& state, Service& service,
           grpc::Status (Service::*local)(grpc::ServerContext*, const Request*,
                                          Response*),
           Stub& stub,
           grpc::Status (Stub::*remote)(grpc::ClientContext*, const Request&,
                                        Response*),
           const Request& request, Response* response) {
  grpc::Status status;
  if (OverGrpc(state)) {
    grpc::ClientContext context;
    status = (stub.*remote)(&context, request, response);
  } else {
    grpc::ServerContext context;
    status = (service.*local)(&context, &request, response);
  }
  if (!status.ok()) state.SkipWithError(status.error_message().c_str());
  return status.ok();
}

void PerCall(benchmark::State& state, const char* name, int64_t total) {
  state.counters[name] = benchmark::Counter(static_cast<double>(total),
                                            benchmark::Counter::kAvgIterations);
}

void BM_GetNode(benchmark::State& state) {
  Services& services = Services::Get();
  const std::vector<std::string>& keys = BenchGraph::Get().corpus().keys();
  std::mt19937_64 rng(21);
  for (auto _ : state) {
    kg::v1::GetNodeRequest request;
    request.set_key(keys[rng() % keys.size()]);
    kg::v1::Node node;
    if (!Unary(state, services.graph, &GraphServiceImpl::GetNode,
               *services.graph_stub, &kg::v1::GraphService::Stub::GetNode,
               request, &node)) {
      break;
    }
  }
}

// Two hops out of a random node, streamed.
void BM_Traverse(benchmark::State& state) {
  Services& services = Services::Get();
  const std::vector<std::string>& keys = BenchGraph::Get().corpus().keys();
  std::mt19937_64 rng(22);
  int64_t nodes = 0;
  for (auto _ : state) {
    kg::v1::TraverseRequest request;
    request.add_start_keys(keys[rng() % keys.size()]);
    request.set_direction(kg::v1::DIRECTION_OUT);
    request.set_max_depth(2);
    absl::Status status;
    if (OverGrpc(state)) {
      grpc::ClientContext context;
      auto reader = services.query_stub->Traverse(&context, request);
      kg::v1::TraverseResponse batch;
      while (reader->Read(&batch)) nodes += batch.nodes_size();
      const grpc::Status finished = reader->Finish();
      status =
          absl::Status(static_cast<absl::StatusCode>(finished.error_code()),
                       finished.error_message());
    } else {
      graph::query::QueryBudget budget(
          BudgetFor(services.limits, absl::InfiniteFuture(), nullptr));
      std::unique_ptr<graph::Snapshot> snapshot =
          BenchGraph::Get().store().NewSnapshot();
      status = RunTraverse(QueryEnv{*snapshot, budget, services.limits},
                           request, [&](const kg::v1::TraverseResponse& batch) {
                             nodes += batch.nodes_size();
                             return true;
                           });
    }
    if (!status.ok()) {
      state.SkipWithError(status.ToString().c_str());
      break;
    }
  }
  PerCall(state, "nodes/call", nodes);
}

// Between two random states or organizations.
void BM_ShortestPath(benchmark::State& state) {
  static const std::vector<std::string> actors =
      Corpus::KeysOf({"State", "Organization"});
  Services& services = Services::Get();
  std::mt19937_64 rng(23);
  int64_t found = 0;
  for (auto _ : state) {
    kg::v1::ShortestPathRequest request;
    request.set_from_key(actors[rng() % actors.size()]);
    request.set_to_key(actors[rng() % actors.size()]);
    kg::v1::ShortestPathResponse response;
    if (!Unary(state, services.query, &QueryServiceImpl::ShortestPath,
               *services.query_stub, &kg::v1::QueryService::Stub::ShortestPath,
               request, &response)) {
      break;
    }
    found += response.found();
  }
  PerCall(state, "found", found);
}

// Up to 100 simple paths of at most 3 edges between two random actors.
void BM_Paths(benchmark::State& state) {
  static const std::vector<std::string> actors =
      Corpus::KeysOf({"State", "Organization"});
  Services& services = Services::Get();
  std::mt19937_64 rng(24);
  int64_t paths = 0;
  for (auto _ : state) {
    kg::v1::PathsRequest request;
    request.set_from_key(actors[rng() % actors.size()]);
    request.set_to_key(actors[rng() % actors.size()]);
    request.set_max_depth(3);
    kg::v1::PathsResponse response;
    if (!Unary(state, services.query, &QueryServiceImpl::Paths,
               *services.query_stub, &kg::v1::QueryService::Stub::Paths,
               request, &response)) {
      break;
    }
    paths += response.paths_size();
  }
  PerCall(state, "paths/call", paths);
}

// The first page (100 rows) under a random framework.
void BM_Commitments(benchmark::State& state) {
  static const std::vector<std::string> frameworks =
      Corpus::KeysOf({"Framework"});
  Services& services = Services::Get();
  std::mt19937_64 rng(25);
  int64_t rows = 0;
  for (auto _ : state) {
    kg::v1::CommitmentsRequest request;
    request.set_framework_key(frameworks[rng() % frameworks.size()]);
    kg::v1::CommitmentsResponse response;
    if (!Unary(state, services.query, &QueryServiceImpl::Commitments,
               *services.query_stub, &kg::v1::QueryService::Stub::Commitments,
               request, &response)) {
      break;
    }
    rows += response.rows_size();
  }
  PerCall(state, "rows/call", rows);
}

// Autocomplete on an alias prefix: "N" and 1-3 digits.
void BM_Search(benchmark::State& state) {
  Services& services = Services::Get();
  std::mt19937_64 rng(26);
  int64_t hits = 0;
  for (auto _ : state) {
    kg::v1::SearchRequest request;
    request.set_query(absl::StrCat("N", rng() % 1000));
    kg::v1::SearchResponse response;
    if (!Unary(state, services.query, &QueryServiceImpl::Search,
               *services.query_stub, &kg::v1::QueryService::Stub::Search,
               request, &response)) {
      break;
    }
    hits += response.hits_size();
  }
  PerCall(state, "hits/call", hits);
}

// A random node with up to 20 neighbours per edge group.
void BM_Describe(benchmark::State& state) {
  Services& services = Services::Get();
  const std::vector<std::string>& keys = BenchGraph::Get().corpus().keys();
  std::mt19937_64 rng(27);
  int64_t groups = 0;
  for (auto _ : state) {
    kg::v1::DescribeRequest request;
    request.set_key(keys[rng() % keys.size()]);
    kg::v1::DescribeResponse response;
    if (!Unary(state, services.query, &QueryServiceImpl::Describe,
               *services.query_stub, &kg::v1::QueryService::Stub::Describe,
               request, &response)) {
      break;
    }
    groups += response.groups_size();
  }
  PerCall(state, "groups/call", groups);
}

#define KG_RPC_BENCHMARK(name)                            \
  BENCHMARK(name)->ArgName("grpc")->Arg(0)->Arg(1)->Unit( \
      benchmark::kMicrosecond)

KG_RPC_BENCHMARK(BM_GetNode);
KG_RPC_BENCHMARK(BM_Traverse);
KG_RPC_BENCHMARK(BM_ShortestPath);
KG_RPC_BENCHMARK(BM_Paths);
KG_RPC_BENCHMARK(BM_Commitments);
KG_RPC_BENCHMARK(BM_Search);
KG_RPC_BENCHMARK(BM_Describe);

}  // namespace
}  // namespace kg::services

int main(int argc, char** argv) {
  return kg::bench::RunBenchmarks(argc, argv,
                                  [] { kg::services::Services::StopServer(); });
}
