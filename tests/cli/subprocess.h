// Running the real binaries from tests: kg-server in the background, kg to
// completion.
#ifndef KG_TESTS_CLI_SUBPROCESS_H_
#define KG_TESTS_CLI_SUBPROCESS_H_

#include <sys/types.h>

#include <csignal>
#include <memory>
#include <string>
#include <vector>

namespace kg::testing {

struct ProcessResult {
  // The exit status, or 128 + the signal that ended the process.
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] an absolute path) to completion, with stdout and
// stderr captured.
ProcessResult RunProcess(const std::vector<std::string>& argv);

// A server process whose stdout the test reads: kg-server on a free
// 127.0.0.1 port.
class ServerProcess {
 public:
  // Starts `argv` (argv[0] an absolute path) with its stdout on a pipe that
  // ReadLine() reads; its stderr is the test's. Null (with a test failure)
  // when it cannot be started.
  static std::unique_ptr<ServerProcess> Spawn(
      const std::vector<std::string>& argv);

  // Starts `binary` on the database folder `db_dir`, loading the reference
  // data of `reference_dir` (none when empty), and waits for its
  // "kg-server listening on ADDR" line. Null (with a test failure that
  // quotes the log) when the server does not come up. The server's
  // structured log goes to the file `db_dir`.log rather than the test's
  // output.
  static std::unique_ptr<ServerProcess> Start(
      const std::string& binary, const std::string& db_dir,
      const std::string& reference_dir = "");

  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  // Stops the server if Stop() was not called.
  ~ServerProcess();

  const std::string& address() const { return address_; }

  // The next line the process writes to stdout, without its newline; what
  // was read when the stream ends or nothing comes for 60 s.
  std::string ReadLine();

  // Sends `signal` (SIGTERM: a clean stop; SIGKILL: a crash; 0: none, for a
  // process that ends by itself) and waits; returns the exit code as
  // RunProcess does, or -1 when the process was already stopped.
  int Stop(int signal = SIGTERM);

 private:
  ServerProcess(pid_t pid, int stdout_fd) : pid_(pid), stdout_fd_(stdout_fd) {}

  pid_t pid_;
  // Kept open so that the server never writes to a closed pipe.
  int stdout_fd_;
  std::string address_;
};

}  // namespace kg::testing

#endif  // KG_TESTS_CLI_SUBPROCESS_H_
