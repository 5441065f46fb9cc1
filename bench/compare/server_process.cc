#include "server_process.h"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "run_setup.h"

extern char** environ;

namespace kg::bench {
namespace {

constexpr char kListeningPrefix[] = "kg-server listening on ";
// Opening a large store builds its in-memory topology first.
constexpr int kStartTimeoutMs = 10 * 60 * 1000;

// kg-server's command line for UncappedServerOptions' query limits.
std::vector<std::string> ServerArgs(const std::string& binary,
                                    const std::string& db_dir,
                                    const std::string& log_file) {
  const services::QueryLimits limits = UncappedServerOptions().query_limits;
  return {binary,
          "--db=" + db_dir,
          "--listen=127.0.0.1:0",
          "--http_listen=",
          "--reference_dir=",
          "--log_file=" + log_file,
          absl::StrCat("--block_cache_mb=", kKgBlockCacheBytes >> 20),
          absl::StrCat("--query_max_depth=", limits.max_depth),
          absl::StrCat("--query_max_fan_out=", limits.max_fan_out),
          absl::StrCat("--query_max_rows=", limits.max_rows),
          absl::StrCat("--query_max_expansions=", limits.max_expansions),
          "--query_max_time=" + absl::FormatDuration(limits.max_time)};
}

// One line from `fd`, or what came before the deadline or end of file.
std::string ReadLine(int fd) {
  std::string line;
  char c;
  pollfd poll_fd{fd, POLLIN, 0};
  while (poll(&poll_fd, 1, kStartTimeoutMs) > 0 && read(fd, &c, 1) == 1 &&
         c != '\n') {
    line.push_back(c);
  }
  return line;
}

// The exit status, or 128 + the signal that ended the process.
int Wait(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
}

}  // namespace

absl::StatusOr<std::unique_ptr<ServerProcess>> ServerProcess::Start(
    const std::string& binary, const std::string& db_dir,
    const std::string& log_file) {
  std::vector<std::string> args = ServerArgs(binary, db_dir, log_file);
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  int out[2];
  if (pipe(out) != 0) return absl::InternalError("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  posix_spawn_file_actions_addclose(&actions, out[1]);
  pid_t pid = -1;
  const int error = posix_spawn(&pid, binary.c_str(), &actions, nullptr,
                                argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  if (error != 0) {
    close(out[0]);
    return absl::FailedPreconditionError(
        absl::StrCat("cannot run ", binary, ": ", strerror(error)));
  }
  std::unique_ptr<ServerProcess> server(new ServerProcess(pid, out[0]));
  const std::string line = ReadLine(server->stdout_fd_);
  if (!absl::StartsWith(line, kListeningPrefix)) {
    return absl::UnavailableError(
        absl::StrCat(binary, " did not start (",
                     line.empty() ? "no output" : line, "); see ", log_file));
  }
  server->address_ = line.substr(sizeof(kListeningPrefix) - 1);
  return server;
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Stop().IgnoreError();
}

absl::Status ServerProcess::Stop() {
  if (pid_ <= 0) return absl::OkStatus();
  kill(pid_, SIGTERM);
  const int exit_code = Wait(pid_);
  pid_ = -1;
  close(stdout_fd_);
  if (exit_code != 0) {
    return absl::InternalError(
        absl::StrCat("kg-server exited with status ", exit_code));
  }
  return absl::OkStatus();
}

}  // namespace kg::bench
