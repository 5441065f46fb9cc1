#include "child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

extern char** environ;

namespace kg::tools {
namespace {

constexpr char kListeningPrefix[] = "kg-server listening on ";

// Spawns `argv` with fd 1 and 2 of the child set to `out_fd` and `err_fd`
// (-1: inherited); the pid, or FailedPrecondition.
absl::StatusOr<pid_t> SpawnRedirected(const std::vector<std::string>& argv,
                                      int out_fd, int err_fd) {
  if (argv.empty()) return absl::InvalidArgumentError("argv: empty");
  std::vector<char*> pointers;
  for (const std::string& arg : argv) {
    pointers.push_back(const_cast<char*>(arg.c_str()));
  }
  pointers.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (out_fd >= 0) posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  if (err_fd >= 0) posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  pid_t pid = -1;
  const int error = posix_spawn(&pid, pointers[0], &actions, nullptr,
                                pointers.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot run ", argv[0], ": ", strerror(error)));
  }
  return pid;
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

std::string ReadAll(std::FILE* file) {
  std::rewind(file);
  std::string text;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), file)) > 0) {
    text.append(buffer, n);
  }
  return text;
}

}  // namespace

ProcessResult RunProcess(const std::vector<std::string>& argv) {
  ProcessResult result;
  std::FILE* out = std::tmpfile();
  std::FILE* err = std::tmpfile();
  if (out == nullptr || err == nullptr) {
    result.err = "cannot make a temporary file for the output";
  } else if (absl::StatusOr<pid_t> pid =
                 SpawnRedirected(argv, fileno(out), fileno(err));
             !pid.ok()) {
    result.err = std::string(pid.status().message());
  } else {
    result.exit_code = Wait(*pid);
    result.out = ReadAll(out);
    result.err = ReadAll(err);
  }
  if (out != nullptr) std::fclose(out);
  if (err != nullptr) std::fclose(err);
  return result;
}

absl::StatusOr<std::unique_ptr<ChildProcess>> ChildProcess::Spawn(
    const std::vector<std::string>& argv) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    return absl::InternalError(absl::StrCat("pipe2: ", strerror(errno)));
  }
  absl::StatusOr<pid_t> pid = SpawnRedirected(argv, fds[1], -1);
  close(fds[1]);
  if (!pid.ok()) {
    close(fds[0]);
    return pid.status();
  }
  return std::unique_ptr<ChildProcess>(new ChildProcess(*pid, fds[0]));
}

absl::StatusOr<std::unique_ptr<ChildProcess>> ChildProcess::StartServer(
    const std::vector<std::string>& argv, absl::Duration timeout) {
  absl::StatusOr<std::unique_ptr<ChildProcess>> server = Spawn(argv);
  if (!server.ok()) return server.status();
  const std::string line = (*server)->ReadLine(timeout);
  if (!absl::StartsWith(line, kListeningPrefix)) {
    return absl::UnavailableError(absl::StrCat(
        argv[0],
        " did not start; its first line: ", line.empty() ? "(none)" : line));
  }
  (*server)->address_ = line.substr(sizeof(kListeningPrefix) - 1);
  return server;
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0) Stop();
}

std::string ChildProcess::ReadLine(absl::Duration timeout) {
  const int timeout_ms = absl::ToInt64Milliseconds(timeout);
  std::string line;
  char c;
  pollfd poll_fd{stdout_fd_, POLLIN, 0};
  while (poll(&poll_fd, 1, timeout_ms) > 0 && read(stdout_fd_, &c, 1) == 1 &&
         c != '\n') {
    line.push_back(c);
  }
  return line;
}

int ChildProcess::Stop(int signal) {
  if (pid_ <= 0) return -1;
  if (signal != 0) kill(pid_, signal);
  const int code = Wait(pid_);
  pid_ = -1;
  close(stdout_fd_);
  return code;
}

}  // namespace kg::tools
