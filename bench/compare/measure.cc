#include "measure.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"

namespace kg::bench {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Untimed asks per question before the timed ones.
size_t WarmUpCount(size_t asks) { return std::min<size_t>(asks / 10, 200); }

constexpr const char* kQuestionNames[kQuestionCount] = {"Q1", "Q2", "Q3", "Q4",
                                                        "Q5"};

// "12.3 µs", "4.56 ms" or "7.89 s".
std::string Duration(double us) {
  if (us < 1000) return absl::StrFormat("%.3g µs", us);
  if (us < 1e6) return absl::StrFormat("%.3g ms", us / 1e3);
  return absl::StrFormat("%.3g s", us / 1e6);
}

std::string Ratio(double value, double reference) {
  if (reference <= 0 || value <= 0) return "-";
  double ratio = value / reference;
  return ratio < 10 ? absl::StrFormat("%.2gx", ratio)
                    : absl::StrFormat("%.0fx", ratio);
}

// The latencies and answers of one question on several threads.
class QuestionRun {
 public:
  QuestionRun(const std::vector<Ask>& asks) : asks_(asks) {
    latencies_.resize(asks.size());
    answers_.resize(asks.size());
  }

  // Asks the question's asks in [first, end) on every client.
  absl::Status Run(const std::vector<std::unique_ptr<Client>>& clients,
                   size_t first, bool timed) {
    next_ = first;
    std::vector<std::thread> threads;
    for (const auto& client : clients) {
      threads.emplace_back([this, &client, timed] { Work(*client, timed); });
    }
    for (std::thread& thread : threads) thread.join();
    return status_;
  }

  std::vector<double> latencies(size_t first) const {
    return {latencies_.begin() + first, latencies_.end()};
  }
  std::vector<std::string>& answers() { return answers_; }

 private:
  void Work(Client& client, bool timed) {
    size_t end = timed ? asks_.size() : WarmUpCount(asks_.size());
    for (size_t i = next_++; i < end; i = next_++) {
      Clock::time_point start = Clock::now();
      absl::StatusOr<Answer> answer = client.Query(asks_[i]);
      double us = SecondsSince(start) * 1e6;
      if (!answer.ok()) {
        std::lock_guard<std::mutex> lock(mu_);
        status_ = absl::Status(
            answer.status().code(),
            absl::StrCat(kQuestionNames[asks_[i].question], " ", asks_[i].a,
                         " ", asks_[i].b, ": ", answer.status().message()));
        next_ = asks_.size();
        return;
      }
      if (!timed) continue;
      latencies_[i] = us;
      answers_[i] = Canonical(*std::move(answer));
    }
  }

  const std::vector<Ask>& asks_;
  std::atomic<size_t> next_{0};
  std::vector<double> latencies_;
  std::vector<std::string> answers_;
  std::mutex mu_;
  absl::Status status_;
};

}  // namespace

QuestionStats StatsOf(std::vector<double> latencies_us, double wall_seconds) {
  QuestionStats stats;
  stats.asks = latencies_us.size();
  if (latencies_us.empty()) return stats;
  std::sort(latencies_us.begin(), latencies_us.end());
  stats.median_us = latencies_us[latencies_us.size() / 2];
  stats.p99_us = latencies_us[latencies_us.size() * 99 / 100];
  stats.per_second = wall_seconds > 0 ? latencies_us.size() / wall_seconds : 0;
  return stats;
}

absl::StatusOr<SystemResult> RunClients(
    const std::string& name, double load_seconds,
    const std::vector<std::unique_ptr<Client>>& clients,
    const Workload& workload) {
  SystemResult result;
  result.name = name;
  result.load_seconds = load_seconds;
  for (int q = 0; q < kQuestionCount; ++q) {
    QuestionRun run(workload[q]);
    absl::Status status = run.Run(clients, 0, /*timed=*/false);
    Clock::time_point start = Clock::now();
    if (status.ok()) status = run.Run(clients, 0, /*timed=*/true);
    double wall = SecondsSince(start);
    if (!status.ok()) return status;
    result.stats[q] = StatsOf(run.latencies(0), wall);
    result.answers[q] = std::move(run.answers());
  }
  return result;
}

absl::Status CheckSameAnswers(const SystemResult& reference,
                              const SystemResult& other,
                              const Workload& workload) {
  for (int q = 0; q < kQuestionCount; ++q) {
    for (size_t i = 0; i < workload[q].size(); ++i) {
      const std::string& want = reference.answers[q][i];
      const std::string& got = other.answers[q][i];
      if (want == got) continue;
      auto clip = [](const std::string& s) {
        return s.size() <= 300 ? s : absl::StrCat(s.substr(0, 300), "...");
      };
      return absl::FailedPreconditionError(absl::StrCat(
          other.name, " answers ", kQuestionNames[q], " ", workload[q][i].a,
          " ", workload[q][i].b, " with [", clip(got), "] (", got.size(),
          " bytes) but ", reference.name, " with [", clip(want), "] (",
          want.size(), " bytes)"));
    }
  }
  return absl::OkStatus();
}

void PrintTable(const RunInfo& info, const std::vector<SystemResult>& results,
                FILE* out) {
  absl::FPrintF(out, "N = %d nodes, %d edges; %s; %s\n\n", info.nodes,
                info.edges, info.machine, info.date);
  const SystemResult& kg = results.front();
  // One markdown table of medians (with the ratio to kg in process) and
  // one of p99 latencies and throughputs.
  for (bool medians : {true, false}) {
    absl::FPrintF(out, "| %s | load s (edges/s) |",
                  medians ? "median (x kg in process)" : "p99, asks/s");
    for (const char* q : kQuestionNames) absl::FPrintF(out, " %s |", q);
    absl::FPrintF(out, "\n|---|---|---|---|---|---|---|\n");
    for (const SystemResult& result : results) {
      if (!result.skipped.empty()) {
        absl::FPrintF(out, "| %s | skipped: %s |||||\n", result.name,
                      result.skipped);
        continue;
      }
      absl::FPrintF(out, "| %s | %.3g (%.3gM) |", result.name,
                    result.load_seconds,
                    info.edges / std::max(result.load_seconds, 1e-9) / 1e6);
      for (int q = 0; q < kQuestionCount; ++q) {
        const QuestionStats& s = result.stats[q];
        absl::FPrintF(
            out, " %s |",
            medians
                ? absl::StrCat(Duration(s.median_us), " (",
                               Ratio(s.median_us, kg.stats[q].median_us), ")")
                : absl::StrCat(Duration(s.p99_us), ", ",
                               absl::StrFormat("%.0f", s.per_second)));
      }
      absl::FPrintF(out, "\n");
    }
    absl::FPrintF(out, "\n");
  }
}

std::string ResultsJson(const RunInfo& info,
                        const std::vector<SystemResult>& results) {
  std::vector<std::string> systems;
  for (const SystemResult& result : results) {
    if (!result.skipped.empty()) {
      systems.push_back(absl::StrFormat(
          "    {\"system\": \"%s\", \"skipped\": \"%s\"}", result.name,
          absl::StrReplaceAll(result.skipped, {{"\"", "'"}, {"\\", "/"}})));
      continue;
    }
    std::vector<std::string> questions;
    for (int q = 0; q < kQuestionCount; ++q) {
      const QuestionStats& s = result.stats[q];
      questions.push_back(absl::StrFormat(
          "\"%s\": {\"asks\": %d, \"median_us\": %.3f, \"p99_us\": %.3f, "
          "\"per_second\": %.1f}",
          kQuestionNames[q], s.asks, s.median_us, s.p99_us, s.per_second));
    }
    systems.push_back(absl::StrFormat(
        "    {\"system\": \"%s\", \"load_seconds\": %.3f,\n      %s}",
        result.name, result.load_seconds,
        absl::StrJoin(questions, ",\n      ")));
  }
  return absl::StrFormat(
      "{\n  \"nodes\": %d,\n  \"edges\": %d,\n  \"machine\": \"%s\",\n"
      "  \"date\": \"%s\",\n  \"systems\": [\n%s\n  ]\n}\n",
      info.nodes, info.edges, info.machine, info.date,
      absl::StrJoin(systems, ",\n"));
}

}  // namespace kg::bench
