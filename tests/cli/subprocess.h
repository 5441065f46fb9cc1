// The tests' way of running the real binaries (tools/child_process.h):
// kg-server with the tests' flags, failures reported as test failures.
#ifndef KG_TESTS_CLI_SUBPROCESS_H_
#define KG_TESTS_CLI_SUBPROCESS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "child_process.h"

namespace kg::testing {

// How long a test waits for the next line of a server's output.
constexpr absl::Duration kReadTimeout = absl::Seconds(60);

// Starts `argv` (argv[0] an absolute path) with its stdout on a pipe that
// ReadLine() reads; its stderr is the test's. Null (with a test failure)
// when it cannot be started.
std::unique_ptr<tools::ChildProcess> SpawnProcess(
    const std::vector<std::string>& argv);

// Starts `binary` on the database folder `db_dir` on a free 127.0.0.1
// port, loading the reference data of `reference_dir` (none when empty),
// with no HTTP listener. Null (with a test failure that quotes the log)
// when the server does not come up. The server's structured log goes to
// the file `db_dir`.log rather than the test's output.
std::unique_ptr<tools::ChildProcess> StartKgServer(
    const std::string& binary, const std::string& db_dir,
    const std::string& reference_dir = "");

}  // namespace kg::testing

#endif  // KG_TESTS_CLI_SUBPROCESS_H_
