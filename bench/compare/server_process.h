// The kg-server binary in a process of its own, as a deployment runs it,
// so that the benchmark's gRPC clients share no threads or pollers with
// the server they measure.
#ifndef KG_BENCH_COMPARE_SERVER_PROCESS_H_
#define KG_BENCH_COMPARE_SERVER_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace kg::bench {

class ServerProcess {
 public:
  // Runs `binary` on the database `db_dir` (which no other process may
  // hold open) on a free 127.0.0.1 port, with the query limits of
  // UncappedServerOptions, kKgBlockCacheBytes of block cache, no HTTP
  // listener and no reference data, its log
  // appended to `log_file`; returns once it prints that it accepts calls.
  static absl::StatusOr<std::unique_ptr<ServerProcess>> Start(
      const std::string& binary, const std::string& db_dir,
      const std::string& log_file);

  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  // Stops the server if Stop() was not called.
  ~ServerProcess();

  const std::string& address() const { return address_; }

  // Asks the server to stop (SIGTERM) and waits for it; Internal unless it
  // exits with status 0. Clients should hang up first: the server waits a
  // few seconds for open connections.
  absl::Status Stop();

 private:
  ServerProcess(pid_t pid, int stdout_fd) : pid_(pid), stdout_fd_(stdout_fd) {}

  pid_t pid_;
  // Kept open until the server exits so it never writes to a closed pipe.
  int stdout_fd_;
  std::string address_;
};

}  // namespace kg::bench

#endif  // KG_BENCH_COMPARE_SERVER_PROCESS_H_
