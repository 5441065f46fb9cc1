// kg's binaries run as child processes, as a deployment runs them, by the
// end-to-end tests and the comparison benchmark: kg-server in the
// background, read until it prints the address it listens on, and kg (or
// any program) to completion with its output captured.
#ifndef KG_TOOLS_CHILD_PROCESS_H_
#define KG_TOOLS_CHILD_PROCESS_H_

#include <sys/types.h>

#include <csignal>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace kg::tools {

struct ProcessResult {
  // The exit status, or 128 + the signal that ended the process; -1 when
  // it could not be started (`err` says why).
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] a path) to completion, with stdout and stderr
// captured.
ProcessResult RunProcess(const std::vector<std::string>& argv);

// A process running in the background, its stdout on a pipe the caller
// reads and its stderr the caller's.
class ChildProcess {
 public:
  // Starts `argv` (argv[0] a path); FailedPrecondition when it cannot be
  // run.
  static absl::StatusOr<std::unique_ptr<ChildProcess>> Spawn(
      const std::vector<std::string>& argv);

  // Starts kg-server with the command line `argv` (listening on a port of
  // its choice, as 127.0.0.1:0) and reads its first line, "kg-server
  // listening on ADDR"; Unavailable, quoting what came instead, when the
  // output ends or pauses for `timeout` before that line.
  static absl::StatusOr<std::unique_ptr<ChildProcess>> StartServer(
      const std::vector<std::string>& argv, absl::Duration timeout);

  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  // Stops the process (SIGTERM) if Stop() was not called.
  ~ChildProcess();

  // ADDR of a server started by StartServer; empty otherwise.
  const std::string& address() const { return address_; }

  // The next line the process writes to stdout, without its newline; what
  // was read when the stream ends or nothing comes for `timeout`.
  std::string ReadLine(absl::Duration timeout);

  // Sends `signal` (SIGTERM: a clean stop; SIGKILL: a crash; 0: none, for
  // a process that ends by itself) and waits; returns the exit code as
  // RunProcess does, or -1 when the process was already stopped. A server's
  // clients should hang up first: kg-server waits a few seconds for open
  // connections.
  int Stop(int signal = SIGTERM);

 private:
  ChildProcess(pid_t pid, int stdout_fd) : pid_(pid), stdout_fd_(stdout_fd) {}

  pid_t pid_;
  // Kept open until the process exits so it never writes to a closed pipe.
  int stdout_fd_;
  std::string address_;
};

}  // namespace kg::tools

#endif  // KG_TOOLS_CHILD_PROCESS_H_
