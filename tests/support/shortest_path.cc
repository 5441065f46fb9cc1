#include "shortest_path.h"

#include <set>

#include "absl/strings/str_join.h"

namespace kg::testing {

ShortestPathCall CallShortestPath(kg::v1::QueryService::Stub& query,
                                  const kg::v1::ShortestPathRequest& request) {
  grpc::ClientContext context;
  ShortestPathCall call;
  call.status = query.ShortestPath(&context, request, &call.response);
  return call;
}

ShortestPathCall CallShortestPath(kg::v1::QueryService::Stub& query,
                                  const std::string& from_key,
                                  const std::string& to_key) {
  kg::v1::ShortestPathRequest request;
  request.set_from_key(from_key);
  request.set_to_key(to_key);
  return CallShortestPath(query, request);
}

std::vector<std::string> PathKeys(const kg::v1::Path& path) {
  std::vector<std::string> keys;
  for (const kg::v1::Node& node : path.nodes()) keys.push_back(node.key());
  return keys;
}

::testing::AssertionResult FoundPathBetween(const ShortestPathCall& call,
                                            const std::string& from_key,
                                            const std::string& to_key) {
  if (!call.status.ok()) {
    return ::testing::AssertionFailure()
           << "ShortestPath failed: " << call.status.error_message();
  }
  if (!call.response.found()) {
    return ::testing::AssertionFailure()
           << "no path from " << from_key << " to " << to_key;
  }
  const kg::v1::Path& path = call.response.path();
  const std::vector<std::string> keys = PathKeys(path);
  if (keys.size() != static_cast<size_t>(path.edges_size()) + 1 ||
      keys.front() != from_key || keys.back() != to_key) {
    return ::testing::AssertionFailure()
           << path.edges_size() << " edges through "
           << absl::StrJoin(keys, " > ") << ", not " << from_key << " to "
           << to_key;
  }
  for (int i = 0; i < path.edges_size(); ++i) {
    const kg::v1::Edge& edge = path.edges(i);
    if (std::set<std::string>{edge.src_key(), edge.dst_key()} !=
        std::set<std::string>{keys[i], keys[i + 1]}) {
      return ::testing::AssertionFailure()
             << "edge " << i << " (" << edge.src_key() << " " << edge.type()
             << " " << edge.dst_key() << ") does not join " << keys[i]
             << " and " << keys[i + 1];
    }
  }
  return ::testing::AssertionSuccess();
}

}  // namespace kg::testing
