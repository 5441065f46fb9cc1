#include "subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "gtest/gtest.h"

extern char** environ;

namespace kg::testing {
namespace {

constexpr char kListeningPrefix[] = "kg-server listening on ";
constexpr int kReadTimeoutMs = 60'000;

// Spawns `argv` with fd 1 and 2 of the child set to `out_fd` and `err_fd`
// (-1: inherit). Returns the pid, or -1.
pid_t SpawnRedirected(const std::vector<std::string>& argv, int out_fd,
                      int err_fd) {
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
  EXPECT_EQ(error, 0) << "cannot run " << argv[0];
  return error == 0 ? pid : -1;
}

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

std::string ReadFile(const std::string& path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace

ProcessResult RunProcess(const std::vector<std::string>& argv) {
  ProcessResult result;
  std::FILE* out = std::tmpfile();
  std::FILE* err = std::tmpfile();
  const pid_t pid = SpawnRedirected(argv, fileno(out), fileno(err));
  if (pid > 0) result.exit_code = Wait(pid);
  result.out = ReadAll(out);
  result.err = ReadAll(err);
  std::fclose(out);
  std::fclose(err);
  return result;
}

std::unique_ptr<ServerProcess> ServerProcess::Spawn(
    const std::vector<std::string>& argv) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    ADD_FAILURE() << "pipe2 failed";
    return nullptr;
  }
  const pid_t pid = SpawnRedirected(argv, fds[1], -1);
  close(fds[1]);
  if (pid < 0) {
    close(fds[0]);
    return nullptr;
  }
  return std::unique_ptr<ServerProcess>(new ServerProcess(pid, fds[0]));
}

std::unique_ptr<ServerProcess> ServerProcess::Start(
    const std::string& binary, const std::string& db_dir,
    const std::string& reference_dir) {
  const std::string log_file = db_dir + ".log";
  std::unique_ptr<ServerProcess> server =
      Spawn({binary, "--db", db_dir, "--listen", "127.0.0.1:0",
             "--http_listen=", "--reference_dir=" + reference_dir,
             "--log_file=" + log_file});
  if (server == nullptr) return nullptr;
  const std::string line = server->ReadLine();
  if (!absl::StartsWith(line, kListeningPrefix)) {
    ADD_FAILURE() << "kg-server did not start; its first line: " << line
                  << "\nits log (" << log_file << "):\n"
                  << ReadFile(log_file);
    return nullptr;
  }
  server->address_ = line.substr(sizeof(kListeningPrefix) - 1);
  return server;
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Stop();
}

std::string ServerProcess::ReadLine() {
  std::string line;
  char c;
  pollfd poll_fd{stdout_fd_, POLLIN, 0};
  while (poll(&poll_fd, 1, kReadTimeoutMs) > 0 &&
         read(stdout_fd_, &c, 1) == 1 && c != '\n') {
    line.push_back(c);
  }
  return line;
}

int ServerProcess::Stop(int signal) {
  if (pid_ <= 0) return -1;
  if (signal != 0) kill(pid_, signal);
  const int code = Wait(pid_);
  pid_ = -1;
  close(stdout_fd_);
  return code;
}

}  // namespace kg::testing
