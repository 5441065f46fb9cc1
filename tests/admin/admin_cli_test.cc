// kg check, kg backup and kg restore end to end: the real kg-server and kg
// binaries.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "subprocess.h"
#include "temp_dir.h"

namespace kg::testing {
namespace {

using ::testing::HasSubstr;
using tools::ChildProcess;
using tools::ProcessResult;
using tools::RunProcess;

ProcessResult Kg(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {KG_CLI_PATH};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProcess(argv);
}

// A facts file of one node; returns its path.
std::string WriteFacts(const TempDir& dir) {
  return dir.Write(
      "facts.jsonl",
      R"({"kind":"node","key":"state:GHA","label":"State","name":"Ghana"})"
      "\n");
}

TEST(AdminCliTest, CheckBackupAndRestore) {
  TempDir dir;
  const std::string db = (dir.path() / "db").string();
  const std::string backups = (dir.path() / "backups").string();
  const std::string restored = (dir.path() / "restored").string();
  const std::string facts = WriteFacts(dir);
  {
    std::unique_ptr<ChildProcess> server = StartKgServer(KG_SERVER_PATH, db);
    ASSERT_NE(server, nullptr);
    const std::string address = "--server=" + server->address();
    ProcessResult imported = Kg({address, "import", facts});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;

    ProcessResult checked = Kg({address, "check"});
    EXPECT_EQ(checked.exit_code, 0) << checked.err;
    EXPECT_THAT(checked.out, HasSubstr(": 0 faults"));

    ProcessResult backed_up = Kg({address, "backup", backups});
    EXPECT_EQ(backed_up.exit_code, 0) << backed_up.err;
    EXPECT_THAT(backed_up.out, HasSubstr("backup 1 in " + backups));
  }
  ProcessResult restore = Kg({"restore", backups, "--db", restored});
  EXPECT_EQ(restore.exit_code, 0) << restore.err;
  EXPECT_THAT(restore.out, HasSubstr("0 faults"));

  ProcessResult offline = Kg({"check", "--db", restored, "--json"});
  EXPECT_EQ(offline.exit_code, 0) << offline.err;
  EXPECT_THAT(offline.out, HasSubstr("\"nodes_checked\":\"2\""));

  // A restore never overwrites a database.
  ProcessResult again = Kg({"restore", backups, "--db", restored});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_THAT(again.err, HasSubstr("not empty"));
  ProcessResult no_db = Kg({"restore", backups});
  EXPECT_NE(no_db.exit_code, 0);
  EXPECT_THAT(no_db.err, HasSubstr("--db"));
}

TEST(AdminCliTest, BackupKeepsTheNewestAndWorksOnAStoppedStore) {
  TempDir dir;
  const std::string db = (dir.path() / "db").string();
  const std::string backups = (dir.path() / "backups").string();
  const std::string facts = WriteFacts(dir);
  {
    std::unique_ptr<ChildProcess> server = StartKgServer(KG_SERVER_PATH, db);
    ASSERT_NE(server, nullptr);
    const std::string address = "--server=" + server->address();
    ASSERT_EQ(Kg({address, "import", facts}).exit_code, 0);
    for (int i = 0; i < 2; ++i) {
      ProcessResult backed_up = Kg({address, "backup", backups});
      ASSERT_EQ(backed_up.exit_code, 0) << backed_up.err;
    }
    ProcessResult pruned = Kg({address, "backup", backups, "--keep", "2"});
    EXPECT_EQ(pruned.exit_code, 0) << pruned.err;
    EXPECT_THAT(pruned.out, HasSubstr("backup 3 in " + backups));
    EXPECT_THAT(pruned.out, HasSubstr("deleted 1 older backups"));

    ProcessResult stats = Kg({address, "store-stats", "--json"});
    EXPECT_EQ(stats.exit_code, 0) << stats.err;
    EXPECT_THAT(stats.out, HasSubstr("\"families\""));

    ProcessResult bad_keep = Kg({address, "backup", backups, "--keep", "x"});
    EXPECT_NE(bad_keep.exit_code, 0);
    EXPECT_THAT(bad_keep.err, HasSubstr("--keep"));
  }
  // The server has stopped: --db reads the database directly.
  ProcessResult offline =
      Kg({"backup", backups, "--db", db, "--keep", "1", "--json"});
  EXPECT_EQ(offline.exit_code, 0) << offline.err;
  EXPECT_THAT(offline.out, HasSubstr("\"backup_id\":4"));
  EXPECT_THAT(offline.out, HasSubstr("\"backups_deleted\":2"));
  ProcessResult stats = Kg({"store-stats", "--db", db});
  EXPECT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_THAT(stats.out, HasSubstr("nodes"));
  EXPECT_THAT(stats.out, HasSubstr("block_cache_hits"));
  ProcessResult missing =
      Kg({"store-stats", "--db", (dir.path() / "nothing").string()});
  EXPECT_NE(missing.exit_code, 0);
}

TEST(AdminCliTest, CallsAndCancel) {
  TempDir dir;
  std::unique_ptr<ChildProcess> server =
      StartKgServer(KG_SERVER_PATH, (dir.path() / "db").string());
  ASSERT_NE(server, nullptr);
  const std::string address = "--server=" + server->address();
  // Nothing runs while the server is idle: the header alone.
  ProcessResult calls = Kg({address, "calls"});
  EXPECT_EQ(calls.exit_code, 0) << calls.err;
  EXPECT_THAT(calls.out, HasSubstr("METHOD"));
  EXPECT_THAT(calls.out, ::testing::Not(HasSubstr("QueryService")));

  ProcessResult unknown = Kg({address, "cancel", "12345"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_THAT(unknown.err, HasSubstr("NOT_FOUND"));
  ProcessResult malformed = Kg({address, "cancel", "first"});
  EXPECT_EQ(malformed.exit_code, 2);
  EXPECT_THAT(malformed.err, HasSubstr("not a call id"));
}

}  // namespace
}  // namespace kg::testing
