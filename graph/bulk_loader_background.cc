#include "bulk_loader_background.h"

#include <utility>
#include <vector>

namespace kg::graph {

BackgroundWriter::~BackgroundWriter() { Wait().IgnoreError(); }

absl::Status BackgroundWriter::Run(std::function<absl::Status()> task) {
  if (absl::Status s = Wait(); !s.ok()) return s;
  thread_ = std::thread([this, task = std::move(task)] { status_ = task(); });
  return absl::OkStatus();
}

absl::Status BackgroundWriter::Wait() {
  if (thread_.joinable()) thread_.join();
  return status_;
}

absl::Status RunInParallel(std::vector<std::function<absl::Status()>> tasks) {
  std::vector<absl::Status> results(tasks.size());
  std::vector<std::thread> threads;
  for (size_t i = 1; i < tasks.size(); ++i) {
    threads.emplace_back([&, i] { results[i] = tasks[i](); });
  }
  if (!tasks.empty()) results[0] = tasks[0]();
  for (std::thread& thread : threads) thread.join();
  for (absl::Status& result : results) {
    if (!result.ok()) return result;
  }
  return absl::OkStatus();
}

}  // namespace kg::graph
