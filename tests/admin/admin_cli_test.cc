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

ProcessResult Kg(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {KG_CLI_PATH};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProcess(argv);
}

TEST(AdminCliTest, CheckBackupAndRestore) {
  TempDir dir;
  const std::string db = (dir.path() / "db").string();
  const std::string backups = (dir.path() / "backups").string();
  const std::string restored = (dir.path() / "restored").string();
  const std::string facts = dir.Write(
      "facts.jsonl",
      R"({"kind":"node","key":"state:GHA","label":"State","name":"Ghana"})"
      "\n");
  {
    std::unique_ptr<ServerProcess> server =
        ServerProcess::Start(KG_SERVER_PATH, db);
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

}  // namespace
}  // namespace kg::testing
