// kg restore BACKUP_DIR --db DIR: makes a database from the latest backup,
// offline, then checks it.
#include "absl/strings/str_cat.h"
#include "commands/command.h"
#include "kg/graph/backup.h"
#include "kg/graph/consistency_check.h"

namespace kg::cli {
namespace {

int Run(const ParsedArgs& args, CommandContext& context) {
  if (!args.Has("db")) {
    return ReportError(
        absl::InvalidArgumentError("--db: the folder to restore into"),
        context.err);
  }
  const std::string db = args.Value("db");
  const absl::Status restored = graph::RestoreBackup(args.positional()[0], db);
  if (!restored.ok()) return ReportError(restored, context.err);
  const absl::StatusOr<graph::ConsistencyReport> report =
      graph::CheckDatabase(db);
  if (!report.ok()) return ReportError(report.status(), context.err, db);
  context.out << absl::StrCat("restored ", db, ": ", report->nodes_checked,
                              " nodes, ", report->edges_checked, " edges, ",
                              report->faults.size(), " faults")
              << "\n";
  return report->ok() ? kExitOk : kExitFailure;
}

}  // namespace

Command RestoreCommand() {
  return Command{
      "restore",
      "BACKUP_DIR",
      "Restore the latest backup in BACKUP_DIR into --db DIR, which must be "
      "new or empty (a restore never overwrites a database), then check it.",
      {{"db", "DIR", false, "The new database folder (required)."}},
      1,
      1,
      Run};
}

}  // namespace kg::cli
