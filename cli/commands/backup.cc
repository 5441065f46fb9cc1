// kg backup DIR: the server adds a backup of its store to DIR (an admin
// call), a directory on the server's machine; with --db, a backup of the
// stopped database in that folder, read directly. --keep N then deletes
// all but the newest N backups of DIR.
#include "kg/graph/backup.h"

#include <filesystem>

#include "absl/strings/str_cat.h"
#include "commands/command.h"
#include "format.h"
#include "query_options.h"
#include "stopped_store.h"

namespace kg::cli {
namespace {

absl::StatusOr<kg::v1::BackupResponse> BackupServer(
    const kg::v1::BackupRequest& request, CommandContext& context) {
  kg::v1::BackupResponse response;
  const std::unique_ptr<grpc::ClientContext> call =
      context.connection.NewContext();
  const grpc::Status status =
      context.connection.admin().Backup(call.get(), request, &response);
  if (!status.ok()) return ToAbslStatus(status);
  return response;
}

// What the server does for the request, on the stopped database in `db`.
absl::StatusOr<kg::v1::BackupResponse> BackupDirectory(
    const std::string& db, const kg::v1::BackupRequest& request) {
  absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
      OpenStoppedStore(db);
  if (!store.ok()) return store.status();
  absl::StatusOr<graph::BackupInfo> info =
      (*store)->CreateBackup(request.backup_dir());
  if (!info.ok()) return info.status();
  kg::v1::BackupResponse response;
  response.set_backup_id(info->backup_id);
  response.set_created_unix_seconds(info->created_unix_seconds);
  response.set_size_bytes(info->size_bytes);
  response.set_file_count(info->file_count);
  if (request.keep() > 0) {
    absl::StatusOr<uint32_t> deleted =
        graph::PruneBackups(request.backup_dir(), request.keep());
    if (!deleted.ok()) return deleted.status();
    response.set_backups_deleted(*deleted);
  }
  return response;
}

int Run(const ParsedArgs& args, CommandContext& context) {
  kg::v1::BackupRequest request;
  // The server resolves nothing itself: a relative DIR means the client's
  // current directory, as for any other command-line path.
  request.set_backup_dir(
      std::filesystem::absolute(args.positional()[0]).lexically_normal());
  const absl::StatusOr<int32_t> keep = ParseCountOption(args, "keep", 0);
  if (!keep.ok()) return ReportUsageError(keep.status(), context.err);
  request.set_keep(*keep);
  const absl::StatusOr<kg::v1::BackupResponse> response =
      args.Has("db") ? BackupDirectory(args.Value("db"), request)
                     : BackupServer(request, context);
  if (!response.ok()) return ReportError(response.status(), context.err);
  if (context.json) {
    context.out << MessageJson(*response) << "\n";
  } else {
    context.out << absl::StrCat(
        "backup ", response->backup_id(), " in ", request.backup_dir(), ": ",
        response->file_count(), " files, ", response->size_bytes(), " bytes");
    if (response->backups_deleted() > 0) {
      context.out << absl::StrCat("; deleted ", response->backups_deleted(),
                                  " older backups");
    }
    context.out << "\n";
  }
  return kExitOk;
}

}  // namespace

Command BackupCommand() {
  return Command{
      "backup",
      "DIR",
      "Back the server's store up into DIR on the server's machine (created "
      "when missing; backups in one DIR share unchanged files). 'kg "
      "restore' makes a database from it.",
      {{"keep", "N", false,
        "Then delete all but the newest N backups in DIR (0: keep all)."},
       {"db", "DB_DIR", false,
        "Back up the stopped database in DB_DIR instead of the server's."}},
      1,
      1,
      Run};
}

}  // namespace kg::cli
