// kg-load: drives a kg-server on this machine with a mix of reads and
// imports and prints throughput, latency, errors and lost imports
// (load_generator.h). Exits 1 on any error or lost import.
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "load_generator.h"

ABSL_FLAG(std::string, server, "127.0.0.1:50051",
          "kg-server address; loopback only.");
ABSL_FLAG(int, clients, 8, "Concurrent clients (at most 64).");
ABSL_FLAG(absl::Duration, duration, absl::Seconds(10),
          "How long to run (at most 10m).");
ABSL_FLAG(uint64_t, max_requests, kg::tools::kMaxRequests,
          "Stop after this many calls.");
ABSL_FLAG(int, import_percent, 20, "Share of calls that are imports.");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Load for a local kg-server: reads and imports.\n"
      "Usage: kg-load [--server 127.0.0.1:PORT] [--clients N] "
      "[--duration 10s] [--max_requests N] [--import_percent P]");
  absl::ParseCommandLine(argc, argv);
  kg::tools::LoadOptions options;
  options.server_address = absl::GetFlag(FLAGS_server);
  options.clients = absl::GetFlag(FLAGS_clients);
  options.duration = absl::GetFlag(FLAGS_duration);
  options.max_requests = absl::GetFlag(FLAGS_max_requests);
  options.import_percent = absl::GetFlag(FLAGS_import_percent);
  absl::StatusOr<kg::tools::LoadReport> report = kg::tools::RunLoad(options);
  if (!report.ok()) {
    std::cerr << "kg-load: " << report.status() << std::endl;
    return 2;
  }
  std::cout << kg::tools::FormatLoadReport(*report);
  return report->errors == 0 && report->imports.ok() ? 0 : 1;
}
