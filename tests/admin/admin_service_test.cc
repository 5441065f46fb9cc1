// AdminService over a real gRPC channel: Check, Backup and GetStoreStats on
// a served store.
#include "kg/services/admin_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "kg/graph/backup.h"
#include "kg/graph/consistency_check.h"
#include "kg/v1/admin_service.grpc.pb.h"
#include "test_server.h"

namespace kg::testing {
namespace {

using ::testing::Contains;
using ::testing::Property;

class AdminServiceTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    admin_ = kg::v1::AdminService::NewStub(channel_);
    ASSERT_TRUE(Import("doc:a",
                       {MakeNode("state:GHA", "State", "Ghana"),
                        MakeNode("network:fpn", "Network", "FPN")},
                       {MakeEdge("state:GHA", "MEMBER_OF", "network:fpn")})
                    .ok());
  }

  std::unique_ptr<kg::v1::AdminService::Stub> admin_;
};

TEST_F(AdminServiceTest, CheckReportsAConsistentStore) {
  grpc::ClientContext context;
  kg::v1::CheckResponse response;
  grpc::Status status =
      admin_->Check(&context, kg::v1::CheckRequest(), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.faults_size(), 0) << response.DebugString();
  // The two nodes and the document's own node.
  EXPECT_EQ(response.nodes_checked(), 3);
  EXPECT_EQ(response.edges_checked(), 1);
  EXPECT_GT(response.entries_checked(), 3);
}

TEST_F(AdminServiceTest, BackupMakesARestorableCopy) {
  const std::string backups = (dir_ / "backups").string();
  kg::v1::BackupRequest request;
  request.set_backup_dir(backups);
  kg::v1::BackupResponse response;
  grpc::ClientContext context;
  grpc::Status status = admin_->Backup(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.backup_id(), 1);
  EXPECT_GT(response.file_count(), 0);
  EXPECT_GT(response.size_bytes(), 0);

  const std::string restored = (dir_ / "restored").string();
  ASSERT_TRUE(graph::RestoreBackup(backups, restored).ok());
  absl::StatusOr<graph::ConsistencyReport> report =
      graph::CheckDatabase(restored);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(report->ok());
  EXPECT_EQ(report->nodes_checked, 3);
  EXPECT_EQ(report->edges_checked, 1);
}

TEST_F(AdminServiceTest, BackupNeedsAnAbsolutePath) {
  for (const char* dir : {"", "relative/backups"}) {
    kg::v1::BackupRequest request;
    request.set_backup_dir(dir);
    kg::v1::BackupResponse response;
    grpc::ClientContext context;
    grpc::Status status = admin_->Backup(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << dir;
    EXPECT_THAT(status.error_message(), ::testing::HasSubstr("backup_dir"));
  }
  EXPECT_FALSE(std::filesystem::exists("relative/backups"));
}

TEST_F(AdminServiceTest, StoreStatsNameEveryFamily) {
  grpc::ClientContext context;
  kg::v1::GetStoreStatsResponse stats;
  grpc::Status status =
      admin_->GetStoreStats(&context, kg::v1::GetStoreStatsRequest(), &stats);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(stats.families_size(), 10);
  EXPECT_THAT(stats.families(),
              Contains(Property(&kg::v1::ColumnFamilyStats::name, "nodes")));
  uint64_t keys = 0;
  for (const kg::v1::ColumnFamilyStats& family : stats.families()) {
    keys += family.estimated_keys();
  }
  EXPECT_GT(keys, 0);
  EXPECT_EQ(stats.background_errors(), 0);
  EXPECT_FALSE(stats.writes_stopped());
}

}  // namespace
}  // namespace kg::testing
