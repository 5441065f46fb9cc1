#include "subprocess.h"

#include <fstream>
#include <sstream>

#include "gtest/gtest.h"

namespace kg::testing {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace

std::unique_ptr<tools::ChildProcess> SpawnProcess(
    const std::vector<std::string>& argv) {
  absl::StatusOr<std::unique_ptr<tools::ChildProcess>> process =
      tools::ChildProcess::Spawn(argv);
  if (!process.ok()) {
    ADD_FAILURE() << process.status();
    return nullptr;
  }
  return *std::move(process);
}

std::unique_ptr<tools::ChildProcess> StartKgServer(
    const std::string& binary, const std::string& db_dir,
    const std::string& reference_dir) {
  const std::string log_file = db_dir + ".log";
  absl::StatusOr<std::unique_ptr<tools::ChildProcess>> server =
      tools::ChildProcess::StartServer(
          {binary, "--db", db_dir, "--listen", "127.0.0.1:0", "--http_listen=",
           "--reference_dir=" + reference_dir, "--log_file=" + log_file},
          kReadTimeout);
  if (!server.ok()) {
    ADD_FAILURE() << server.status() << "\nits log (" << log_file << "):\n"
                  << ReadFile(log_file);
    return nullptr;
  }
  return *std::move(server);
}

}  // namespace kg::testing
