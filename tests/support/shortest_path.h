// A QueryService.ShortestPath call and the checks the tests make of the
// path it finds.
#ifndef KG_TESTS_SUPPORT_SHORTEST_PATH_H_
#define KG_TESTS_SUPPORT_SHORTEST_PATH_H_

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kg/v1/query_service.grpc.pb.h"

namespace kg::testing {

struct ShortestPathCall {
  grpc::Status status;
  kg::v1::ShortestPathResponse response;
};

// Runs `request` through `query`.
ShortestPathCall CallShortestPath(kg::v1::QueryService::Stub& query,
                                  const kg::v1::ShortestPathRequest& request);

// The same from `from_key` to `to_key`, every other field its default.
ShortestPathCall CallShortestPath(kg::v1::QueryService::Stub& query,
                                  const std::string& from_key,
                                  const std::string& to_key);

// The keys of the nodes of `path`, in order.
std::vector<std::string> PathKeys(const kg::v1::Path& path);

// Success when `call` succeeded and found a path that starts at `from_key`,
// ends at `to_key`, and whose every edge joins its neighbours on the path
// (one way or the other); otherwise a failure that says which did not hold.
::testing::AssertionResult FoundPathBetween(const ShortestPathCall& call,
                                            const std::string& from_key,
                                            const std::string& to_key);

}  // namespace kg::testing

#endif  // KG_TESTS_SUPPORT_SHORTEST_PATH_H_
