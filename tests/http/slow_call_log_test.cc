// The slow-call log: with a zero threshold every call is logged as one
// JSON line naming its method, request, status, responses and rows.
#include "kg/services/http/slow_call_log.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "test_server.h"

namespace kg::testing {
namespace {

TEST(SlowCallLineTest, IsOneJsonObjectWithTheCallsFacts) {
  kg::v1::GetNodeRequest request;
  request.set_key("state:\"DEU\"");
  const std::string line = services::SlowCallLine(
      "/kg.v1.GraphService/GetNode", &request, 0, 7,
      grpc::StatusCode::NOT_FOUND, absl::Milliseconds(1500));
  EXPECT_EQ(line.find('\n'), std::string::npos);
  google::protobuf::Struct parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(line, &parsed).ok())
      << line;
  const auto& fields = parsed.fields();
  EXPECT_EQ(fields.at("event").string_value(), "slow_call");
  EXPECT_EQ(fields.at("method").string_value(), "/kg.v1.GraphService/GetNode");
  EXPECT_EQ(fields.at("code").string_value(), "NOT_FOUND");
  EXPECT_DOUBLE_EQ(fields.at("seconds").number_value(), 1.5);
  EXPECT_EQ(fields.at("responses").number_value(), 0);
  EXPECT_EQ(fields.at("rows").number_value(), 7);
  kg::v1::GetNodeRequest logged;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(
                  fields.at("request").string_value(), &logged)
                  .ok());
  EXPECT_EQ(logged.key(), "state:\"DEU\"");
}

class SlowCallLogTest : public ServerTest {};

TEST_F(SlowCallLogTest, LogsEveryCallAtAZeroThreshold) {
  services::ServerOptions options;
  options.slow_call_threshold = absl::ZeroDuration();
  StartServer(options);
  ASSERT_FALSE(HasFatalFailure());
  Stats();
  const std::string logged = Logged();
  int lines = 0;
  for (absl::string_view line : absl::StrSplit(logged, '\n')) {
    if (line.empty()) continue;
    ++lines;
    google::protobuf::Struct parsed;
    ASSERT_TRUE(
        google::protobuf::util::JsonStringToMessage(std::string(line), &parsed)
            .ok())
        << line;
    EXPECT_EQ(parsed.fields().at("method").string_value(),
              "/kg.v1.GraphService/GetStats");
    EXPECT_EQ(parsed.fields().at("code").string_value(), "OK");
    EXPECT_EQ(parsed.fields().at("responses").number_value(), 1);
    // GetStats runs no query.
    EXPECT_EQ(parsed.fields().at("rows").kind_case(),
              google::protobuf::Value::kNullValue);
  }
  EXPECT_EQ(lines, 1) << logged;
}

TEST_F(SlowCallLogTest, LogsTheRowsAQueryReturned) {
  ASSERT_TRUE(Import("doc:rows",
                     {MakeNode("state:DEU", "State", "Germany"),
                      MakeNode("state:GHA", "State", "Ghana")},
                     {})
                  .ok());
  services::ServerOptions options;
  options.slow_call_threshold = absl::ZeroDuration();
  StartServer(options);
  ASSERT_FALSE(HasFatalFailure());
  kg::v1::RunRequest request;
  request.set_query("MATCH (s:State) RETURN s.name AS name");
  grpc::ClientContext context;
  auto reader = query_->Run(&context, request);
  kg::v1::RunResponse response;
  int messages = 0;
  while (reader->Read(&response)) ++messages;
  ASSERT_TRUE(reader->Finish().ok());
  // The rows reach the log, not the client.
  EXPECT_EQ(context.GetServerTrailingMetadata().count(services::kRowsTrailer),
            0u);

  std::vector<google::protobuf::Struct> runs;
  for (absl::string_view line : absl::StrSplit(Logged(), '\n')) {
    google::protobuf::Struct parsed;
    if (google::protobuf::util::JsonStringToMessage(std::string(line), &parsed)
            .ok() &&
        parsed.fields().at("method").string_value() ==
            "/kg.v1.QueryService/Run") {
      runs.push_back(parsed);
    }
  }
  ASSERT_EQ(runs.size(), 1u) << Logged();
  EXPECT_EQ(runs[0].fields().at("responses").number_value(), messages);
  EXPECT_EQ(runs[0].fields().at("rows").number_value(), 2);
  EXPECT_NE(runs[0].fields().at("request").string_value().find("MATCH"),
            std::string::npos);
}

TEST_F(SlowCallLogTest, LogsNothingByDefault) {
  Stats();
  EXPECT_EQ(Logged(), "");
}

}  // namespace
}  // namespace kg::testing
