// kg backup DIR: the server adds a backup of its store to DIR (an admin
// call), a directory on the server's machine.
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "commands/command.h"
#include "format.h"

namespace kg::cli {
namespace {

int Run(const ParsedArgs& args, CommandContext& context) {
  kg::v1::BackupRequest request;
  // The server resolves nothing itself: a relative DIR means the client's
  // current directory, as for any other command-line path.
  request.set_backup_dir(
      std::filesystem::absolute(args.positional()[0]).lexically_normal());
  kg::v1::BackupResponse response;
  const std::unique_ptr<grpc::ClientContext> call =
      context.connection.NewContext();
  const grpc::Status status =
      context.connection.admin().Backup(call.get(), request, &response);
  if (!status.ok()) return ReportError(ToAbslStatus(status), context.err);
  if (context.json) {
    context.out << MessageJson(response) << "\n";
  } else {
    context.out << absl::StrCat("backup ", response.backup_id(), " in ",
                                request.backup_dir(), ": ",
                                response.file_count(), " files, ",
                                response.size_bytes(), " bytes")
                << "\n";
  }
  return kExitOk;
}

}  // namespace

Command BackupCommand() {
  return Command{"backup",
                 "DIR",
                 "Back the server's store up into DIR on the server's "
                 "machine (created when missing; backups in one DIR share "
                 "unchanged files). 'kg restore' makes a database from it.",
                 {},
                 1,
                 1,
                 Run};
}

}  // namespace kg::cli
