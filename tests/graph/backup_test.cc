// Backups (kg/graph/backup.h): a restored database holds exactly the facts
// of the moment the backup was taken and passes the consistency check.
#include "kg/graph/backup.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "kg/graph/graph_store.h"
#include "test_util.h"

namespace kg::graph {
namespace {

DocumentFacts Document(const std::string& doc, const std::string& state) {
  return test::MakeDocument(
      doc,
      {test::MakeNode(state, "State", state, {}, {{"m49", IntValue(276)}}),
       test::MakeNode("network:fpn", "Network", "FPN")},
      {test::MakeEdge(state, "MEMBER_OF", "network:fpn")});
}

TEST(BackupTest, RestoredDatabaseHoldsTheBackedUpFacts) {
  test::TempDir dir;
  const std::string backups = dir.Sub("backups");
  absl::StatusOr<std::unique_ptr<GraphStore>> store =
      GraphStore::Open(dir.Sub("db"));
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_TRUE((*store)->CommitDocument(Document("doc:a", "state:DEU")).ok());
  ASSERT_TRUE((*store)->CommitDocument(Document("doc:b", "state:FRA")).ok());

  absl::StatusOr<BackupInfo> first = (*store)->CreateBackup(backups);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_GT(first->file_count, 0);
  absl::StatusOr<test::DbDump> backed_up = test::DumpDatabase(dir.Sub("db"));
  ASSERT_TRUE(backed_up.ok()) << backed_up.status();

  // A second backup of a changed store is the one restored.
  ASSERT_TRUE((*store)->CommitDocument(Document("doc:c", "state:ITA")).ok());
  absl::StatusOr<BackupInfo> second = (*store)->CreateBackup(backups);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_GT(second->backup_id, first->backup_id);
  absl::StatusOr<test::DbDump> latest = test::DumpDatabase(dir.Sub("db"));
  ASSERT_TRUE(latest.ok()) << latest.status();
  ASSERT_TRUE((*store)->CommitDocument(Document("doc:d", "state:ESP")).ok());
  store->reset();

  ASSERT_TRUE(RestoreBackup(backups, dir.Sub("restored")).ok());
  EXPECT_TRUE(test::IsConsistent(dir.Sub("restored")));
  absl::StatusOr<test::DbDump> restored =
      test::DumpDatabase(dir.Sub("restored"));
  ASSERT_TRUE(restored.ok()) << restored.status();
  EXPECT_EQ(restored->families, latest->families);
  EXPECT_NE(restored->families, backed_up->families);

  absl::StatusOr<std::unique_ptr<GraphStore>> reopened =
      GraphStore::Open(dir.Sub("restored"));
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  std::unique_ptr<Snapshot> snapshot = (*reopened)->NewSnapshot();
  EXPECT_TRUE(snapshot->GetNode("state:ITA").ok());
  EXPECT_EQ(snapshot->GetNode("state:ESP").status().code(),
            absl::StatusCode::kNotFound);
}

TEST(BackupTest, RestoreRefusesANonEmptyTarget) {
  test::TempDir dir;
  {
    absl::StatusOr<std::unique_ptr<GraphStore>> store =
        GraphStore::Open(dir.Sub("db"));
    ASSERT_TRUE(store.ok()) << store.status();
    ASSERT_TRUE((*store)->CommitDocument(Document("doc:a", "state:DEU")).ok());
    ASSERT_TRUE((*store)->CreateBackup(dir.Sub("backups")).ok());
  }
  std::filesystem::create_directory(dir.Sub("target"));
  std::ofstream(dir.Sub("target/keep")) << "data";
  absl::Status status = RestoreBackup(dir.Sub("backups"), dir.Sub("target"));
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition) << status;
  EXPECT_TRUE(std::filesystem::exists(dir.Sub("target/keep")));
  // The existing database is not a target either.
  status = RestoreBackup(dir.Sub("backups"), dir.Sub("db"));
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition) << status;
}

TEST(BackupTest, RestoreFromAnEmptyFolderIsNotFound) {
  test::TempDir dir;
  std::filesystem::create_directory(dir.Sub("backups"));
  absl::Status status = RestoreBackup(dir.Sub("backups"), dir.Sub("target"));
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound) << status;
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("target/CURRENT")));
}

}  // namespace
}  // namespace kg::graph
