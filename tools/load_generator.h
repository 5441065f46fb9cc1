// A load generator for kg-server: clients on loopback that mix reads
// (GetNode, Search, Traverse) with marked imports (marked_imports.h), then
// check that every acknowledged import is wholly in the store.
//
// Bounded by design: a loopback address only, at most kMaxClients clients,
// kMaxDuration and kMaxRequests, so it cannot be turned on someone else's
// server or left running.
#ifndef KG_TOOLS_LOAD_GENERATOR_H_
#define KG_TOOLS_LOAD_GENERATOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "marked_imports.h"

namespace kg::tools {

inline constexpr int kMaxClients = 64;
inline constexpr absl::Duration kMaxDuration = absl::Minutes(10);
inline constexpr uint64_t kMaxRequests = 10'000'000;

struct LoadOptions {
  // host:port with host 127.0.0.1, localhost or [::1].
  std::string server_address;
  int clients = 8;
  // The run ends at whichever bound comes first.
  absl::Duration duration = absl::Seconds(10);
  uint64_t max_requests = kMaxRequests;
  // Share of requests that are imports, 0 to 100; a quarter of the imports
  // are text documents.
  int import_percent = 20;
  // Deadline of each call.
  absl::Duration call_timeout = absl::Seconds(30);
};

struct OperationStats {
  std::string name;
  uint64_t calls = 0;
  uint64_t errors = 0;
  absl::Duration p50;
  absl::Duration p99;
};

struct LoadReport {
  absl::Duration elapsed;
  uint64_t calls = 0;
  uint64_t errors = 0;
  double calls_per_second = 0;
  // Over every call.
  absl::Duration p50;
  absl::Duration p99;
  std::vector<OperationStats> operations;
  // The first few errors, "Operation: CODE: message".
  std::vector<std::string> error_samples;
  LedgerVerdict imports;
};

// InvalidArgument naming the option for an address that is not loopback
// or a bound exceeded; Unavailable when the server cannot be reached.
absl::StatusOr<LoadReport> RunLoad(const LoadOptions& options);

// The report as a few lines of text.
std::string FormatLoadReport(const LoadReport& report);

}  // namespace kg::tools

#endif  // KG_TOOLS_LOAD_GENERATOR_H_
