// A QueryService.Run call read to its end: the header message's columns,
// then one row a message, then the call's status.
#ifndef KG_TESTS_SUPPORT_CYPHER_RUN_H_
#define KG_TESTS_SUPPORT_CYPHER_RUN_H_

#include <grpcpp/grpcpp.h>

#include <string>
#include <vector>

#include "kg/v1/query_service.grpc.pb.h"

namespace kg::testing {

struct CypherRun {
  grpc::Status status;
  std::vector<std::string> columns;
  std::vector<std::vector<kg::v1::CypherValue>> rows;
};

// Runs `request` through `query` and reads every message; on an error the
// rows read before it are kept.
CypherRun RunCypher(kg::v1::QueryService::Stub& query,
                    const kg::v1::RunRequest& request);

// The same for a query with no parameters, on the stored graph.
CypherRun RunCypher(kg::v1::QueryService::Stub& query,
                    const std::string& cypher);

}  // namespace kg::testing

#endif  // KG_TESTS_SUPPORT_CYPHER_RUN_H_
