// The bulk loader's threads. BackgroundWriter runs writing tasks one at a
// time on a thread besides the loading one, in the order given, so table
// files are written while the caller keeps adding facts; the first failure
// stops the tasks after it and is returned from then on. RunInParallel runs
// independent tasks at once.
#ifndef KG_GRAPH_BULK_LOADER_BACKGROUND_H_
#define KG_GRAPH_BULK_LOADER_BACKGROUND_H_

#include <functional>
#include <thread>
#include <vector>

#include "absl/status/status.h"

namespace kg::graph {

class BackgroundWriter {
 public:
  BackgroundWriter() = default;
  BackgroundWriter(const BackgroundWriter&) = delete;
  BackgroundWriter& operator=(const BackgroundWriter&) = delete;
  // Waits for the running task.
  ~BackgroundWriter();

  // Waits for the running task, then starts `task` unless a task failed;
  // returns that failure, if any. At most one task runs at a time: a
  // caller that outpaces the writer waits here.
  absl::Status Run(std::function<absl::Status()> task);

  // Waits for the running task; the first failure of any task.
  absl::Status Wait();

 private:
  std::thread thread_;
  // Written by the running task, read only after joining it.
  absl::Status status_;
};

// Runs `tasks` on threads of their own (the first on the caller's) and
// returns the first failure.
absl::Status RunInParallel(std::vector<std::function<absl::Status()>> tasks);

}  // namespace kg::graph

#endif  // KG_GRAPH_BULK_LOADER_BACKGROUND_H_
