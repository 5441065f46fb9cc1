// The load generator (tools/load_generator.h) briefly against a real
// kg-server: every call succeeds and no acknowledged import is lost.
#include <gtest/gtest.h>

#include <iostream>

#include "absl/strings/str_join.h"
#include "load_generator.h"
#include "subprocess.h"
#include "temp_dir.h"

namespace kg::tools {
namespace {

TEST(LoadTest, BriefMixedLoadLosesNothing) {
  testing::TempDir dir;
  std::unique_ptr<ChildProcess> server = testing::StartKgServer(
      KG_SERVER_PATH, (dir.path() / "db").string(), KG_REFERENCE_DIR);
  ASSERT_NE(server, nullptr);
  LoadOptions options;
  options.server_address = server->address();
  options.clients = 4;
  options.duration = absl::Seconds(2);
  options.max_requests = 2000;
  options.import_percent = 30;
  absl::StatusOr<LoadReport> report = RunLoad(options);
  ASSERT_TRUE(report.ok()) << report.status();
  std::cout << FormatLoadReport(*report);
  EXPECT_GT(report->calls, 0);
  EXPECT_EQ(report->errors, 0) << absl::StrJoin(report->error_samples, "\n");
  EXPECT_GT(report->imports.acknowledged, 0);
  EXPECT_EQ(report->imports.lost, 0);
  EXPECT_EQ(report->imports.partial, 0);
  for (const OperationStats& op : report->operations) {
    EXPECT_GT(op.calls, 0) << op.name;
  }
}

TEST(LoadTest, RefusesWhatIsNotLoopbackOrUnbounded) {
  LoadOptions options;
  options.server_address = "10.1.2.3:50051";
  EXPECT_EQ(RunLoad(options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options.server_address = "127.0.0.1:1";
  options.clients = kMaxClients + 1;
  EXPECT_EQ(RunLoad(options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options.clients = 1;
  options.duration = kMaxDuration + absl::Seconds(1);
  EXPECT_EQ(RunLoad(options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kg::tools
