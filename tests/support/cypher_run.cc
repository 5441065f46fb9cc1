#include "cypher_run.h"

#include <memory>
#include <string>

namespace kg::testing {

CypherRun RunCypher(kg::v1::QueryService::Stub& query,
                    const kg::v1::RunRequest& request) {
  grpc::ClientContext context;
  std::unique_ptr<grpc::ClientReader<kg::v1::RunResponse>> reader =
      query.Run(&context, request);
  CypherRun run;
  kg::v1::RunResponse message;
  bool header = true;
  while (reader->Read(&message)) {
    if (header) {
      run.columns.assign(message.columns().begin(), message.columns().end());
      header = false;
    } else {
      run.rows.emplace_back(message.values().begin(), message.values().end());
    }
  }
  run.status = reader->Finish();
  return run;
}

CypherRun RunCypher(kg::v1::QueryService::Stub& query,
                    const std::string& cypher) {
  kg::v1::RunRequest request;
  request.set_query(cypher);
  return RunCypher(query, request);
}

}  // namespace kg::testing
