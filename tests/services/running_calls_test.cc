// AdminService ListRunningCalls and CancelCall over a real gRPC channel: a
// query that would run for minutes is listed while it runs, and ends with
// CANCELLED once an administrator cancels it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "kg/v1/admin_service.grpc.pb.h"
#include "test_server.h"

namespace kg::testing {
namespace {

using ::testing::HasSubstr;

// Nodes of the graph the slow query runs on.
constexpr int kNodes = 60;
// Each node pattern of the query multiplies its rows by kNodes: 60^5.
constexpr char kSlowQuery[] =
    "MATCH (a), (b), (c), (d), (e) RETURN count(*) AS n";

class RunningCallsTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (HasFatalFailure()) return;
    // Caps far beyond what the test waits for: only cancellation ends
    // the slow query.
    services::QueryLimits limits;
    limits.max_expansions = std::numeric_limits<uint64_t>::max();
    limits.max_rows = std::numeric_limits<uint64_t>::max();
    limits.max_time = absl::Hours(1);
    StartServer({}, limits);
    if (HasFatalFailure()) return;
    admin_ = kg::v1::AdminService::NewStub(channel_);
    std::vector<kg::v1::Node> nodes;
    for (int i = 0; i < kNodes; ++i) {
      nodes.push_back(MakeNode("state:S" + std::to_string(i), "State",
                               "State " + std::to_string(i)));
    }
    grpc::Status status = Import("doc:calls", nodes, {});
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  std::vector<kg::v1::RunningCall> List() {
    grpc::ClientContext context;
    kg::v1::ListRunningCallsResponse response;
    grpc::Status status = admin_->ListRunningCalls(
        &context, kg::v1::ListRunningCallsRequest(), &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return {response.calls().begin(), response.calls().end()};
  }

  // Polls the list until a call of `method` shows up (bounded, so a call
  // that never registers fails the test instead of hanging it).
  std::optional<kg::v1::RunningCall> AwaitCall(const std::string& method) {
    for (int attempt = 0; attempt < 2000; ++attempt) {
      for (const kg::v1::RunningCall& call : List()) {
        if (call.method() == method) return call;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return std::nullopt;
  }

  // Polls the list until no call has `call_id` (bounded, as AwaitCall).
  bool AwaitGone(uint64_t call_id) {
    for (int attempt = 0; attempt < 2000; ++attempt) {
      const std::vector<kg::v1::RunningCall> calls = List();
      if (std::none_of(calls.begin(), calls.end(),
                       [call_id](const kg::v1::RunningCall& call) {
                         return call.call_id() == call_id;
                       })) {
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
  }

  grpc::Status Cancel(uint64_t call_id) {
    kg::v1::CancelCallRequest request;
    request.set_call_id(call_id);
    kg::v1::CancelCallResponse response;
    grpc::ClientContext context;
    return admin_->CancelCall(&context, request, &response);
  }

  std::unique_ptr<kg::v1::AdminService::Stub> admin_;
};

TEST_F(RunningCallsTest, ListsAndCancelsARunningQuery) {
  grpc::Status query_status;
  std::thread query([&] {
    kg::v1::RunRequest request;
    request.set_query(kSlowQuery);
    grpc::ClientContext context;
    auto reader = query_->Run(&context, request);
    kg::v1::RunResponse response;
    while (reader->Read(&response)) {
    }
    query_status = reader->Finish();
  });

  std::optional<kg::v1::RunningCall> call =
      AwaitCall("/kg.v1.QueryService/Run");
  ASSERT_TRUE(call.has_value()) << "the query never showed up as running";
  EXPECT_GT(call->call_id(), 0u);
  EXPECT_THAT(call->request(), HasSubstr("MATCH (a), (b)"));
  EXPECT_THAT(call->peer(), HasSubstr("127.0.0.1"));
  EXPECT_GT(call->started_unix_micros(), 0);
  EXPECT_GE(call->elapsed_seconds(), 0.0);
  EXPECT_FALSE(call->cancelling());

  grpc::Status cancel = Cancel(call->call_id());
  EXPECT_TRUE(cancel.ok()) << cancel.error_message();
  query.join();
  EXPECT_EQ(query_status.error_code(), grpc::StatusCode::CANCELLED)
      << query_status.error_message();
  // The client hears CANCELLED at once; the call leaves the list once its
  // handler has stopped.
  EXPECT_TRUE(AwaitGone(call->call_id()));
}

TEST_F(RunningCallsTest, CancellingAnUnknownCallIsNotFound) {
  grpc::Status status = Cancel(987654);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("call_id"));
}

}  // namespace
}  // namespace kg::testing
