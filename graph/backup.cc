#include "kg/graph/backup.h"

#include <filesystem>
#include <memory>
#include <system_error>
#include <vector>

#include "absl/strings/str_cat.h"
#include "rocks_maintenance.h"
#include "rocksdb/env.h"
#include "rocksdb/utilities/backup_engine.h"

namespace kg::graph {
namespace {

absl::Status BackupError(const rocksdb::Status& s, absl::string_view what) {
  std::string message = absl::StrCat(what, ": ", s.ToString());
  if (s.IsCorruption()) return absl::DataLossError(message);
  if (s.IsNotFound()) return absl::NotFoundError(message);
  return absl::InternalError(message);
}

}  // namespace

absl::StatusOr<BackupInfo> BackupOpenDatabase(rocksdb::DB* db,
                                              const std::string& backup_dir) {
  rocksdb::BackupEngine* raw = nullptr;
  rocksdb::IOStatus s = rocksdb::BackupEngine::Open(
      rocksdb::Env::Default(), rocksdb::BackupEngineOptions(backup_dir), &raw);
  if (!s.ok()) return BackupError(s, absl::StrCat("opening ", backup_dir));
  std::unique_ptr<rocksdb::BackupEngine> engine(raw);
  // Flushing first makes the backup a set of table files: the write-ahead
  // log need not be copied.
  rocksdb::CreateBackupOptions options;
  options.flush_before_backup = true;
  rocksdb::BackupID id = 0;
  s = engine->CreateNewBackup(options, db, &id);
  if (!s.ok())
    return BackupError(s, absl::StrCat("backing up to ", backup_dir));
  rocksdb::BackupInfo info;
  rocksdb::Status read = engine->GetBackupInfo(id, &info);
  if (!read.ok()) return BackupError(read, "reading the new backup's info");
  return BackupInfo{info.backup_id, info.timestamp, info.size,
                    info.number_files};
}

absl::StatusOr<uint32_t> PruneBackups(const std::string& backup_dir,
                                      uint32_t keep) {
  if (keep == 0) {
    return absl::InvalidArgumentError(
        "keep: must be at least 1 (the latest backup is always kept)");
  }
  rocksdb::BackupEngine* raw = nullptr;
  rocksdb::IOStatus s = rocksdb::BackupEngine::Open(
      rocksdb::Env::Default(), rocksdb::BackupEngineOptions(backup_dir), &raw);
  if (!s.ok()) return BackupError(s, absl::StrCat("opening ", backup_dir));
  std::unique_ptr<rocksdb::BackupEngine> engine(raw);
  std::vector<rocksdb::BackupInfo> backups;
  engine->GetBackupInfo(&backups);
  if (backups.size() <= keep) return 0;
  s = engine->PurgeOldBackups(keep);
  if (!s.ok()) return BackupError(s, absl::StrCat("pruning ", backup_dir));
  return static_cast<uint32_t>(backups.size() - keep);
}

absl::Status RestoreBackup(const std::string& backup_dir,
                           const std::string& db_dir) {
  std::error_code error;
  if (std::filesystem::exists(db_dir, error) &&
      !std::filesystem::is_empty(db_dir, error)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "restore target ", db_dir, " is not empty; restore into a new folder"));
  }
  if (error) {
    return absl::FailedPreconditionError(
        absl::StrCat("restore target ", db_dir, ": ", error.message()));
  }
  rocksdb::BackupEngineReadOnly* raw = nullptr;
  rocksdb::IOStatus s = rocksdb::BackupEngineReadOnly::Open(
      rocksdb::Env::Default(), rocksdb::BackupEngineOptions(backup_dir), &raw);
  if (!s.ok()) return BackupError(s, absl::StrCat("opening ", backup_dir));
  std::unique_ptr<rocksdb::BackupEngineReadOnly> engine(raw);
  std::vector<rocksdb::BackupInfo> backups;
  engine->GetBackupInfo(&backups);
  if (backups.empty()) {
    return absl::NotFoundError(absl::StrCat("no backup in ", backup_dir));
  }
  s = engine->RestoreDBFromLatestBackup(db_dir, db_dir);
  if (!s.ok()) {
    return BackupError(
        s, absl::StrCat("restoring ", backup_dir, " into ", db_dir));
  }
  return absl::OkStatus();
}

}  // namespace kg::graph
