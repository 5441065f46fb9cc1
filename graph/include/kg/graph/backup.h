// Backups of a graph database with RocksDB's BackupEngine: a backup
// directory holds numbered backups that share unchanged files, each a
// consistent view of the store as of the moment it was taken.
//
// GraphStore::CreateBackup adds a backup of an open store; RestoreBackup
// makes a database directory from the latest one, offline; PruneBackups
// drops old ones.
#ifndef KG_GRAPH_BACKUP_H_
#define KG_GRAPH_BACKUP_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace kg::graph {

struct BackupInfo {
  uint32_t backup_id = 0;
  // Seconds since the Unix epoch.
  int64_t created_unix_seconds = 0;
  uint64_t size_bytes = 0;
  uint32_t file_count = 0;
};

// Restores the latest backup in `backup_dir` into `db_dir`, which must not
// exist or be an empty directory (FailedPrecondition otherwise: a restore
// never overwrites a database). NotFound when `backup_dir` holds no backup.
absl::Status RestoreBackup(const std::string& backup_dir,
                           const std::string& db_dir);

// Deletes all but the newest `keep` backups of `backup_dir` (and the files
// only they used); returns how many it deleted. InvalidArgument for a
// `keep` of 0 (a backup directory keeps at least its latest backup).
// Nothing may be adding a backup to the directory meanwhile.
absl::StatusOr<uint32_t> PruneBackups(const std::string& backup_dir,
                                      uint32_t keep);

}  // namespace kg::graph

#endif  // KG_GRAPH_BACKUP_H_
