#include "load_generator.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <random>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "kg/v1/query_service.grpc.pb.h"

namespace kg::tools {
namespace {

enum Operation { kGetNode, kSearch, kTraverse, kImport, kOperationCount };
constexpr const char* kOperationNames[] = {"GetNode", "Search", "Traverse",
                                           "Import"};
constexpr size_t kErrorSamples = 5;

absl::Status ValidateOptions(const LoadOptions& options) {
  const std::string& address = options.server_address;
  if (!absl::StartsWith(address, "127.0.0.1:") &&
      !absl::StartsWith(address, "localhost:") &&
      !absl::StartsWith(address, "[::1]:")) {
    return absl::InvalidArgumentError(absl::StrCat(
        "server: '", address, "' is not a loopback address (127.0.0.1:PORT)"));
  }
  if (options.clients < 1 || options.clients > kMaxClients) {
    return absl::InvalidArgumentError(
        absl::StrCat("clients: from 1 to ", kMaxClients));
  }
  if (options.duration <= absl::ZeroDuration() ||
      options.duration > kMaxDuration) {
    return absl::InvalidArgumentError(
        absl::StrCat("duration: more than 0 and at most ",
                     absl::FormatDuration(kMaxDuration)));
  }
  if (options.max_requests < 1 || options.max_requests > kMaxRequests) {
    return absl::InvalidArgumentError(
        absl::StrCat("max_requests: from 1 to ", kMaxRequests));
  }
  if (options.import_percent < 0 || options.import_percent > 100) {
    return absl::InvalidArgumentError("import_percent: from 0 to 100");
  }
  return absl::OkStatus();
}

absl::Duration Percentile(std::vector<absl::Duration>& sorted, double p) {
  if (sorted.empty()) return absl::ZeroDuration();
  return sorted[std::min(sorted.size() - 1,
                         static_cast<size_t>(p * sorted.size()))];
}

// What every client shares.
struct Run {
  const LoadOptions& options;
  std::shared_ptr<grpc::Channel> channel;
  ImportLedger& ledger;
  absl::Time deadline;
  std::atomic<uint64_t> requests_left;
  absl::Mutex mu;
  std::vector<absl::Duration> latencies[kOperationCount] ABSL_GUARDED_BY(mu);
  uint64_t errors[kOperationCount] ABSL_GUARDED_BY(mu) = {};
  std::vector<std::string> error_samples ABSL_GUARDED_BY(mu);
};

class Client {
 public:
  Client(Run& run, uint32_t seed)
      : run_(run),
        random_(seed),
        graph_(kg::v1::GraphService::NewStub(run.channel)),
        ingest_(kg::v1::IngestService::NewStub(run.channel)),
        query_(kg::v1::QueryService::NewStub(run.channel)) {}

  void Loop() {
    std::vector<absl::Duration> latencies[kOperationCount];
    std::vector<std::pair<Operation, grpc::Status>> failures;
    while (absl::Now() < run_.deadline && TakeRequest()) {
      const Operation op = Pick();
      const absl::Time start = absl::Now();
      grpc::Status status = Call(op);
      latencies[op].push_back(absl::Now() - start);
      if (!status.ok()) failures.emplace_back(op, status);
    }
    absl::MutexLock lock(&run_.mu);
    for (int op = 0; op < kOperationCount; ++op) {
      run_.latencies[op].insert(run_.latencies[op].end(), latencies[op].begin(),
                                latencies[op].end());
    }
    for (const auto& [op, status] : failures) {
      ++run_.errors[op];
      if (run_.error_samples.size() < kErrorSamples) {
        run_.error_samples.push_back(absl::StrCat(kOperationNames[op], ": ",
                                                  status.error_code(), ": ",
                                                  status.error_message()));
      }
    }
  }

 private:
  bool TakeRequest() {
    uint64_t left = run_.requests_left.load();
    while (left > 0 &&
           !run_.requests_left.compare_exchange_weak(left, left - 1)) {
    }
    return left > 0;
  }

  Operation Pick() {
    if (Uniform(100) < static_cast<uint64_t>(run_.options.import_percent)) {
      return kImport;
    }
    return static_cast<Operation>(Uniform(3));
  }

  uint64_t Uniform(uint64_t n) {
    return std::uniform_int_distribution<uint64_t>(0, n - 1)(random_);
  }

  std::unique_ptr<grpc::ClientContext> NewContext() const {
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(
        absl::ToChronoTime(absl::Now() + run_.options.call_timeout));
    return context;
  }

  // A node this client's own imports, or the reference import, left.
  std::string KnownKey() {
    std::vector<std::string> keys = MarkedNodeKeys(0);
    return keys[Uniform(keys.size())];
  }

  grpc::Status Call(Operation op) {
    switch (op) {
      case kGetNode: {
        kg::v1::GetNodeRequest request;
        request.set_key(KnownKey());
        kg::v1::Node node;
        return graph_->GetNode(NewContext().get(), request, &node);
      }
      case kSearch: {
        kg::v1::SearchRequest request;
        request.set_query("marked topic");
        request.set_limit(10);
        kg::v1::SearchResponse response;
        return query_->Search(NewContext().get(), request, &response);
      }
      case kTraverse: {
        kg::v1::TraverseRequest request;
        request.add_start_keys(KnownKey());
        request.set_max_depth(3);
        std::unique_ptr<grpc::ClientContext> context = NewContext();
        auto reader = query_->Traverse(context.get(), request);
        kg::v1::TraverseResponse response;
        while (reader->Read(&response)) {
        }
        return reader->Finish();
      }
      case kImport:
        return run_.ledger.Send(
            *ingest_, Uniform(4) == 0 ? ImportKind::kText : ImportKind::kFacts,
            run_.options.call_timeout);
      case kOperationCount:
        break;
    }
    return grpc::Status(grpc::StatusCode::INTERNAL, "no such operation");
  }

  Run& run_;
  std::mt19937_64 random_;
  std::unique_ptr<kg::v1::GraphService::Stub> graph_;
  std::unique_ptr<kg::v1::IngestService::Stub> ingest_;
  std::unique_ptr<kg::v1::QueryService::Stub> query_;
};

}  // namespace

absl::StatusOr<LoadReport> RunLoad(const LoadOptions& options) {
  if (absl::Status valid = ValidateOptions(options); !valid.ok()) return valid;
  std::shared_ptr<grpc::Channel> channel = grpc::CreateChannel(
      options.server_address, grpc::InsecureChannelCredentials());
  auto graph = kg::v1::GraphService::NewStub(channel);
  auto ingest = kg::v1::IngestService::NewStub(channel);
  ImportLedger ledger;
  absl::Status calibrated =
      ledger.Calibrate(*ingest, *graph, options.call_timeout);
  if (!calibrated.ok()) return calibrated;

  const absl::Time start = absl::Now();
  Run run{options, channel, ledger, start + options.duration,
          options.max_requests};
  std::vector<std::thread> threads;
  for (int i = 0; i < options.clients; ++i) {
    threads.emplace_back([&run, i] { Client(run, 1 + i).Loop(); });
  }
  for (std::thread& thread : threads) thread.join();

  LoadReport report;
  report.elapsed = absl::Now() - start;
  std::vector<absl::Duration> all;
  absl::MutexLock lock(&run.mu);
  for (int op = 0; op < kOperationCount; ++op) {
    std::vector<absl::Duration>& latencies = run.latencies[op];
    std::sort(latencies.begin(), latencies.end());
    report.operations.push_back({kOperationNames[op], latencies.size(),
                                 run.errors[op], Percentile(latencies, 0.5),
                                 Percentile(latencies, 0.99)});
    report.calls += latencies.size();
    report.errors += run.errors[op];
    all.insert(all.end(), latencies.begin(), latencies.end());
  }
  std::sort(all.begin(), all.end());
  report.p50 = Percentile(all, 0.5);
  report.p99 = Percentile(all, 0.99);
  report.calls_per_second =
      report.calls / std::max(absl::ToDoubleSeconds(report.elapsed), 1e-9);
  report.error_samples = run.error_samples;
  absl::StatusOr<LedgerVerdict> verdict =
      ledger.VerifyServer(*graph, options.call_timeout);
  if (!verdict.ok()) return verdict.status();
  report.imports = *std::move(verdict);
  return report;
}

std::string FormatLoadReport(const LoadReport& report) {
  auto ms = [](absl::Duration d) {
    return absl::StrCat(absl::ToDoubleMilliseconds(d), " ms");
  };
  std::string text = absl::StrCat(
      "calls ", report.calls, " in ", absl::FormatDuration(report.elapsed),
      ": ", static_cast<uint64_t>(report.calls_per_second), " calls/s, p50 ",
      ms(report.p50), ", p99 ", ms(report.p99), ", errors ", report.errors,
      "\n");
  for (const OperationStats& op : report.operations) {
    absl::StrAppend(&text, "  ", op.name, ": ", op.calls, " calls, p50 ",
                    ms(op.p50), ", p99 ", ms(op.p99), ", errors ", op.errors,
                    "\n");
  }
  for (const std::string& sample : report.error_samples) {
    absl::StrAppend(&text, "  error: ", sample, "\n");
  }
  absl::StrAppend(&text, "imports acknowledged ", report.imports.acknowledged,
                  ", present ", report.imports.present, ", lost ",
                  report.imports.lost, ", partial ", report.imports.partial,
                  "\n");
  for (const std::string& problem : report.imports.problems) {
    absl::StrAppend(&text, "  ", problem, "\n");
  }
  return text;
}

}  // namespace kg::tools
