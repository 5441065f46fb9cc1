// The server's structured log: each event one JSON object on one line,
// with its time, level, name and fields, to stderr or --log_file.
#include "kg/services/logging.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "test_server.h"

namespace kg::testing {
namespace {

using services::LogLevel;

google::protobuf::Struct ParseLine(const std::string& line) {
  google::protobuf::Struct parsed;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(line, &parsed).ok())
      << line;
  return parsed;
}

TEST(LogLineTest, IsOneJsonObjectWithTimeLevelEventAndFields) {
  const std::string line = services::LogLine(
      absl::FromUnixMillis(1'700'000'000'123), LogLevel::kWarning, "odd",
      {{"text", "a \"quoted\"\nline\x01"},
       {"count", uint64_t{42}},
       {"ok", true},
       {"seconds", absl::Milliseconds(1500)},
       {"ratio", 0.0 / 0.0}});
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(line.rfind("{\"time\":\"2023-11-14T22:13:20.123Z\","
                       "\"level\":\"warning\",\"event\":\"odd\",",
                       0),
            0u)
      << line;
  const google::protobuf::Struct parsed = ParseLine(line);
  const auto& fields = parsed.fields();
  EXPECT_EQ(fields.at("text").string_value(), "a \"quoted\"\nline\x01");
  EXPECT_EQ(fields.at("count").number_value(), 42);
  EXPECT_TRUE(fields.at("ok").bool_value());
  EXPECT_EQ(fields.at("seconds").number_value(), 1.5);
  // JSON has no NaN.
  EXPECT_TRUE(fields.at("ratio").has_null_value());
}

using LogFileTest = ServerTest;

TEST_F(LogFileTest, ImportsAreLoggedToTheLogFile) {
  // ServerTest logs to LogPath(); this test's file holds only its import.
  const std::string path = (dir_ / "import.log").string();
  ASSERT_TRUE(services::SetLogFile(path).ok());
  ASSERT_TRUE(
      Import("doc:logged", {MakeNode("state:GHA", "State", "Ghana")}, {}).ok());
  ASSERT_TRUE(services::SetLogFile(LogPath()).ok());

  std::ifstream file(path);
  std::string line;
  int imports = 0;
  while (std::getline(file, line)) {
    const google::protobuf::Struct parsed = ParseLine(line);
    const auto& fields = parsed.fields();
    if (fields.at("event").string_value() != "import_done") continue;
    ++imports;
    EXPECT_EQ(fields.at("level").string_value(), "info");
    EXPECT_EQ(fields.at("method").string_value(), "ImportFacts");
    EXPECT_EQ(fields.at("document").string_value(), "doc:logged");
    EXPECT_GE(fields.at("nodes").number_value(), 1);
    EXPECT_EQ(fields.at("edges").number_value(), 0);
    EXPECT_TRUE(fields.at("changed").bool_value());
    EXPECT_GE(fields.at("seconds").number_value(), 0);
  }
  EXPECT_EQ(imports, 1);
}

TEST(LogFileFlagTest, AnUnopenableFileNamesTheFlag) {
  absl::Status status = services::SetLogFile("/nonexistent-dir/x/server.log");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("--log_file"), absl::string_view::npos)
      << status;
}

}  // namespace
}  // namespace kg::testing
