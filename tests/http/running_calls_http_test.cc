// Listing and cancelling running queries over HTTP: a query posted to
// /api/v1/query that would run for minutes shows up in /api/v1/calls, and
// /api/v1/cancel_call ends it with CANCELLED (HTTP 499).
#include <google/protobuf/struct.pb.h>
#include <gtest/gtest.h>

#include <chrono>
#include <limits>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "http_fixture.h"
#include "kg/v1/admin_service.pb.h"

namespace kg::testing {
namespace {

constexpr char kRun[] = "/kg.v1.QueryService/Run";

class RunningCallsHttpTest : public HttpTest {
 protected:
  void SetUp() override {
    HttpTest::SetUp();
    if (HasFatalFailure()) return;
    // Caps far beyond what the test waits for: only cancellation ends
    // the slow query.
    services::ServerOptions options;
    options.query_limits.max_expansions = std::numeric_limits<uint64_t>::max();
    options.query_limits.max_rows = std::numeric_limits<uint64_t>::max();
    options.query_limits.max_time = absl::Hours(1);
    StartHttpServer(options);
    if (HasFatalFailure()) return;
    std::vector<kg::v1::Node> nodes;
    for (int i = 0; i < 60; ++i) {
      nodes.push_back(MakeNode("state:S" + std::to_string(i), "State",
                               "State " + std::to_string(i)));
    }
    grpc::Status status = Import("doc:calls", nodes, {});
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  std::vector<kg::v1::RunningCall> Calls() {
    httplib::Result result = Post("calls", "{}");
    if (!result) return {};
    EXPECT_EQ(result->status, 200) << result->body;
    kg::v1::ListRunningCallsResponse response;
    ParseJson(result->body, response);
    return {response.calls().begin(), response.calls().end()};
  }

  // Polls the list until a call of `method` shows up, or gives up (so a
  // call that never registers fails the test instead of hanging it).
  std::optional<kg::v1::RunningCall> AwaitCall(const std::string& method) {
    for (int attempt = 0; attempt < 2000; ++attempt) {
      for (const kg::v1::RunningCall& call : Calls()) {
        if (call.method() == method) return call;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return std::nullopt;
  }

  // Polls the list until it is empty, or gives up.
  bool AwaitNoCalls() {
    for (int attempt = 0; attempt < 2000; ++attempt) {
      if (Calls().empty()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
  }
};

TEST_F(RunningCallsHttpTest, AnAdministratorCancelsARunningQuery) {
  // The query's answer: its HTTP status (0: none) and body.
  int query_status = 0;
  std::string query_body;
  std::thread query([&] {
    // A client of its own: httplib clients are not shared across threads.
    httplib::Client client("http://" + server_->http_address());
    client.set_read_timeout(std::chrono::seconds(120));
    httplib::Result result = client.Post(
        "/api/v1/query",
        R"({"query": "MATCH (a), (b), (c), (d), (e) RETURN count(*) AS n"})",
        "application/json");
    if (!result) return;
    query_status = result->status;
    query_body = result->body;
  });

  std::optional<kg::v1::RunningCall> call = AwaitCall(kRun);
  if (!call.has_value()) {
    // Not running, so the thread is done or about to be.
    query.join();
    FAIL() << "the query never showed up as running";
  }
  EXPECT_NE(call->request().find("MATCH (a), (b)"), std::string::npos)
      << call->request();
  EXPECT_FALSE(call->cancelling());

  httplib::Result cancel =
      Post("cancel_call",
           R"({"callId": ")" + std::to_string(call->call_id()) + R"("})");
  // Without a cancellation the client gives up after its read timeout.
  query.join();
  ASSERT_TRUE(cancel);
  EXPECT_EQ(cancel->status, 200) << cancel->body;
  EXPECT_EQ(query_status, 499) << query_body;
  google::protobuf::Struct error;
  ParseJson(query_body, error);
  EXPECT_EQ(error.fields().at("code").string_value(), "CANCELLED");
  EXPECT_TRUE(AwaitNoCalls());
}

}  // namespace
}  // namespace kg::testing
