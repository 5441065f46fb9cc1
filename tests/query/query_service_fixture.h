// The fixture of the QueryService tests (query_*_test.cc): a server over
// the test graph (test_graph.h) and helpers that run a call to its end.
#ifndef KG_TESTS_QUERY_QUERY_SERVICE_FIXTURE_H_
#define KG_TESTS_QUERY_QUERY_SERVICE_FIXTURE_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "shortest_path.h"
#include "test_graph_server.h"
#include "test_util.h"

namespace kg::testing {

using graph::test::MakeDate;

// A whole Traverse stream.
struct Traversal {
  grpc::Status status;
  std::vector<std::string> nodes;  // "key@depth"
  std::vector<std::string> edges;  // "src TYPE dst"
  std::vector<std::string> paths;  // "a>b>c"
  std::vector<std::string> truncated_by;
  int messages = 0;
  bool sources = false;
};

class QueryServiceTest : public TestGraphServerTest {
 protected:
  Traversal Traverse(const kg::v1::TraverseRequest& request) {
    grpc::ClientContext context;
    auto reader = query_->Traverse(&context, request);
    Traversal out;
    kg::v1::TraverseResponse batch;
    while (reader->Read(&batch)) {
      ++out.messages;
      for (const kg::v1::TraversedNode& node : batch.nodes()) {
        out.nodes.push_back(absl::StrCat(node.node().key(), "@", node.depth()));
        out.sources = out.sources || node.node().sources_size() > 0;
      }
      for (const kg::v1::Edge& edge : batch.edges()) {
        out.edges.push_back(absl::StrCat(edge.src_key(), " ", edge.type(), " ",
                                         edge.dst_key()));
      }
      for (const kg::v1::Path& path : batch.paths()) {
        out.paths.push_back(absl::StrJoin(PathKeys(path), ">"));
      }
      out.truncated_by.assign(batch.truncated_by().begin(),
                              batch.truncated_by().end());
    }
    out.status = reader->Finish();
    return out;
  }

  static kg::v1::TraverseRequest Around(const std::string& key,
                                        kg::v1::Direction direction,
                                        std::vector<std::string> types) {
    kg::v1::TraverseRequest request;
    request.add_start_keys(key);
    request.set_direction(direction);
    for (const std::string& type : types) request.add_edge_types(type);
    return request;
  }

  grpc::Status Commitments(const kg::v1::CommitmentsRequest& request,
                           kg::v1::CommitmentsResponse* response) {
    grpc::ClientContext context;
    return query_->Commitments(&context, request, response);
  }

  // "actor RELATION commitment" of every row of every page.
  std::vector<std::string> AllCommitmentRows(kg::v1::CommitmentsRequest request,
                                             int* pages = nullptr) {
    std::vector<std::string> rows;
    int count = 0;
    do {
      kg::v1::CommitmentsResponse response;
      grpc::Status status = Commitments(request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      ++count;
      for (const kg::v1::CommitmentRow& row : response.rows()) {
        rows.push_back(
            absl::StrCat(row.actor().key(), " ",
                         kg::v1::CommitmentRelation_Name(row.relation()), " ",
                         row.commitment_key()));
      }
      request.set_page_token(response.next_page_token());
    } while (!request.page_token().empty());
    if (pages != nullptr) *pages = count;
    return rows;
  }

  std::vector<std::string> SearchKeys(const kg::v1::SearchRequest& request) {
    grpc::ClientContext context;
    kg::v1::SearchResponse response;
    grpc::Status status = query_->Search(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    std::vector<std::string> keys;
    for (const kg::v1::SearchHit& hit : response.hits()) {
      keys.push_back(hit.node().key());
    }
    return keys;
  }
};

MATCHER_P2(IsStatus, code, text, "") {
  return arg.error_code() == code &&
         arg.error_message().find(text) != std::string::npos;
}

}  // namespace kg::testing

#endif  // KG_TESTS_QUERY_QUERY_SERVICE_FIXTURE_H_
