// The kg server the TCK runner talks to: a real KgServer on an empty store
// in a temporary directory, serving scratch graphs, and a QueryService
// client over a real gRPC channel on 127.0.0.1. Each scenario runs on its
// own scratch graph, created by its first query and dropped after it.
#ifndef KG_TESTS_TCK_TCK_SERVER_H_
#define KG_TESTS_TCK_TCK_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "cypher_run.h"
#include "kg/graph/graph_store.h"
#include "kg/services/server_builder.h"
#include "kg/v1/query_service.grpc.pb.h"

namespace kg::tck {

using Parameters = google::protobuf::Map<std::string, kg::v1::CypherValue>;

// What a query returned: its rows, or the server's error.
using QueryOutcome = kg::testing::CypherRun;

// What the TCK's side-effect steps count.
struct GraphCounts {
  int64_t nodes = 0;
  int64_t relationships = 0;
  // (entity, key) pairs holding a value.
  int64_t properties = 0;
  // Distinct labels in use.
  int64_t labels = 0;
};

class TckServer {
 public:
  static absl::StatusOr<std::unique_ptr<TckServer>> Start();
  // Stops the server and removes its directory.
  ~TckServer();

  // Runs `query` on the scratch graph `graph` through QueryService.Run.
  QueryOutcome Run(const std::string& graph, const std::string& query,
                   const Parameters& parameters);
  // Counts what `graph` holds, by reading all of it through Run.
  absl::StatusOr<GraphCounts> Counts(const std::string& graph);
  absl::Status Drop(const std::string& graph);

 private:
  TckServer() = default;

  std::filesystem::path dir_;
  std::unique_ptr<graph::GraphStore> store_;
  std::unique_ptr<services::KgServer> server_;
  std::unique_ptr<kg::v1::QueryService::Stub> query_;
};

}  // namespace kg::tck

#endif  // KG_TESTS_TCK_TCK_SERVER_H_
