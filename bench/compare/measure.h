// Times a system's answers to a workload, checks them against another
// system's, and reports the figures as a table and as JSON.
#ifndef KG_BENCH_COMPARE_MEASURE_H_
#define KG_BENCH_COMPARE_MEASURE_H_

#include <array>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "workload.h"

namespace kg::bench {

struct QuestionStats {
  size_t asks = 0;
  double median_us = 0;
  double p99_us = 0;
  double per_second = 0;
};

// From the latency of every ask (any order) and the wall time they took.
QuestionStats StatsOf(std::vector<double> latencies_us, double wall_seconds);

struct SystemResult {
  std::string name;
  // Set when the system was not run; says why.
  std::string skipped;
  double load_seconds = 0;
  std::array<QuestionStats, kQuestionCount> stats;
  // Canonical answers, in the workload's order.
  std::array<std::vector<std::string>, kQuestionCount> answers;
};

// Runs every ask of `workload` on `clients`, one thread each, sharing the
// asks out in order; a first few asks of each question run untimed to warm
// caches. Fails with the first error a client returns.
absl::StatusOr<SystemResult> RunClients(
    const std::string& name, double load_seconds,
    const std::vector<std::unique_ptr<Client>>& clients,
    const Workload& workload);

// FailedPrecondition naming the question, the ask and both answers at the
// first answer of `other` that differs from `reference`'s.
absl::Status CheckSameAnswers(const SystemResult& reference,
                              const SystemResult& other,
                              const Workload& workload);

struct RunInfo {
  uint32_t nodes = 0;
  size_t edges = 0;
  std::string machine;
  std::string date;
};

// Load time and each question's median, p99 and throughput, with the
// ratio of each median to the first result's (kg in process).
void PrintTable(const RunInfo& info, const std::vector<SystemResult>& results,
                FILE* out);
std::string ResultsJson(const RunInfo& info,
                        const std::vector<SystemResult>& results);

}  // namespace kg::bench

#endif  // KG_BENCH_COMPARE_MEASURE_H_
