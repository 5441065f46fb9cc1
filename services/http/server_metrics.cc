#include "kg/services/http/server_metrics.h"

#include <google/protobuf/message.h>
#include <grpcpp/support/interceptor.h>
#include <prometheus/gauge.h>
#include <prometheus/metric_family.h>
#include <prometheus/text_serializer.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "kg/services/http/slow_call_log.h"
#include "kg/services/logging.h"

namespace kg::services {
namespace {

// From half a millisecond (a point read) to ten seconds (a heavy query or
// a large import).
const prometheus::Histogram::BucketBoundaries& LatencyBuckets() {
  static const auto* const buckets =
      new prometheus::Histogram::BucketBoundaries{
          0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
          0.1,    0.25,  0.5,    1,     2.5,  5,     10};
  return *buckets;
}

// Codes that mean the server failed rather than the caller: worth an
// error in the log.
bool IsServerFault(grpc::StatusCode code) {
  return code == grpc::StatusCode::INTERNAL ||
         code == grpc::StatusCode::DATA_LOSS ||
         code == grpc::StatusCode::UNKNOWN;
}

// The rows a handler reported in its trailing metadata, if it did; the
// entry is removed, being meant for the log and not for the client.
std::optional<uint64_t> TakeRows(
    std::multimap<std::string, std::string>& trailers) {
  auto it = trailers.find(kRowsTrailer);
  if (it == trailers.end()) return std::nullopt;
  uint64_t rows = 0;
  const bool parsed = absl::SimpleAtoi(it->second, &rows);
  trailers.erase(it);
  if (!parsed) return std::nullopt;
  return rows;
}

// Times one call from its arrival to the status the server sends; with a
// finite slow-call threshold, also keeps a copy of its first request and
// counts its responses for the slow-call log, whose rows the handler
// reports in a trailer (kRowsTrailer).
class CallInterceptor : public grpc::experimental::Interceptor {
 public:
  CallInterceptor(ServerMetrics& metrics, const char* method,
                  absl::Duration slow_call_threshold)
      : metrics_(metrics),
        method_(method),
        slow_call_threshold_(slow_call_threshold),
        start_(absl::Now()) {}

  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    using grpc::experimental::InterceptionHookPoints;
    const bool logging = slow_call_threshold_ != absl::InfiniteDuration();
    if (logging && request_ == nullptr &&
        methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::POST_RECV_MESSAGE)) {
      // The services are protobuf services: every message is one.
      const auto* request = static_cast<const google::protobuf::Message*>(
          methods->GetRecvMessage());
      if (request != nullptr) {
        request_.reset(request->New());
        request_->CopyFrom(*request);
      }
    }
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_MESSAGE)) {
      ++responses_;
    }
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_STATUS)) {
      const grpc::Status status = methods->GetSendStatus();
      const grpc::StatusCode code = status.error_code();
      const absl::Duration elapsed = absl::Now() - start_;
      const std::optional<uint64_t> rows =
          TakeRows(*methods->GetSendTrailingMetadata());
      metrics_.RecordCall(method_, code, elapsed);
      if (IsServerFault(code)) {
        Log(LogLevel::kError, "call_failed",
            {{"method", method_},
             {"code",
              absl::StatusCodeToString(static_cast<absl::StatusCode>(code))},
             {"message", status.error_message()},
             {"seconds", elapsed}});
      }
      if (logging && elapsed >= slow_call_threshold_) {
        WriteLogLine(SlowCallLine(method_, request_.get(), responses_, rows,
                                  code, elapsed));
      }
    }
    methods->Proceed();
  }

 private:
  ServerMetrics& metrics_;
  const char* method_;
  const absl::Duration slow_call_threshold_;
  const absl::Time start_;
  std::unique_ptr<google::protobuf::Message> request_;
  int responses_ = 0;
};

class CallInterceptorFactory
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  CallInterceptorFactory(ServerMetrics& metrics,
                         absl::Duration slow_call_threshold)
      : metrics_(metrics), slow_call_threshold_(slow_call_threshold) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    return new CallInterceptor(metrics_, info->method(), slow_call_threshold_);
  }

 private:
  ServerMetrics& metrics_;
  const absl::Duration slow_call_threshold_;
};

// Gauges of one scrape, in a registry of their own so that labels gone
// from the graph leave no stale series behind.
void AddSnapshotGauges(const kg::v1::GetStatsResponse& graph,
                       const kg::v1::GetStoreStatsResponse& store,
                       prometheus::Registry& registry) {
  auto gauge = [&registry](const std::string& name, const std::string& help)
      -> prometheus::Family<prometheus::Gauge>& {
    return prometheus::BuildGauge().Name(name).Help(help).Register(registry);
  };
  gauge("kg_graph_nodes", "Nodes in the graph.")
      .Add({})
      .Set(graph.node_count());
  gauge("kg_graph_edges", "Edges in the graph.")
      .Add({})
      .Set(graph.edge_count());
  gauge("kg_graph_documents", "Source documents in the graph.")
      .Add({})
      .Set(graph.document_count());
  auto& by_label = gauge("kg_graph_nodes_by_label", "Nodes of each label.");
  for (const auto& [label, count] : graph.nodes_by_label()) {
    by_label.Add({{"label", label}}).Set(count);
  }
  auto& by_type = gauge("kg_graph_edges_by_type", "Edges of each type.");
  for (const auto& [type, count] : graph.edges_by_type()) {
    by_type.Add({{"type", type}}).Set(count);
  }

  auto& keys = gauge("kg_rocksdb_estimated_keys",
                     "Estimated keys of each column family.");
  auto& sst = gauge("kg_rocksdb_sst_bytes", "SST file bytes per family.");
  auto& memtable =
      gauge("kg_rocksdb_memtable_bytes", "Memtable bytes per family.");
  auto& level0 = gauge("kg_rocksdb_level0_files",
                       "Level-0 files per family; many mean compaction lags.");
  for (const kg::v1::ColumnFamilyStats& family : store.families()) {
    const prometheus::Labels labels = {{"family", family.name()}};
    keys.Add(labels).Set(family.estimated_keys());
    sst.Add(labels).Set(family.sst_bytes());
    memtable.Add(labels).Set(family.memtable_bytes());
    level0.Add(labels).Set(family.level0_files());
  }
  const std::pair<const char*, uint64_t> store_figures[] = {
      {"kg_rocksdb_pending_compaction_bytes", store.pending_compaction_bytes()},
      {"kg_rocksdb_running_compactions", store.running_compactions()},
      {"kg_rocksdb_running_flushes", store.running_flushes()},
      {"kg_rocksdb_background_errors", store.background_errors()},
      {"kg_rocksdb_block_cache_bytes", store.block_cache_bytes()},
      {"kg_rocksdb_delayed_write_rate", store.delayed_write_rate()},
      {"kg_rocksdb_writes_stopped", store.writes_stopped() ? 1u : 0u},
      {"kg_rocksdb_live_snapshots", store.live_snapshots()},
  };
  for (const auto& [name, value] : store_figures) {
    gauge(name, "RocksDB statistic (see GetStoreStats).").Add({}).Set(value);
  }

  auto counter = [&registry](const std::string& name, const std::string& help)
      -> prometheus::Family<prometheus::Counter>& {
    return prometheus::BuildCounter().Name(name).Help(help).Register(registry);
  };
  counter("kg_rocksdb_block_cache_hits_total",
          "Block cache lookups that hit, since the store opened.")
      .Add({})
      .Increment(store.block_cache_hits());
  counter("kg_rocksdb_block_cache_misses_total",
          "Block cache lookups that missed, since the store opened.")
      .Add({})
      .Increment(store.block_cache_misses());
  const uint64_t lookups =
      store.block_cache_hits() + store.block_cache_misses();
  gauge("kg_rocksdb_block_cache_hit_ratio",
        "Share of block cache lookups that hit since the store opened; 0 "
        "before the first.")
      .Add({})
      .Set(lookups == 0 ? 0.0
                        : static_cast<double>(store.block_cache_hits()) /
                              static_cast<double>(lookups));
  counter("kg_rocksdb_write_stall_seconds_total",
          "Time writes spent stalled by RocksDB, since the store opened.")
      .Add({})
      .Increment(store.write_stall_micros() / 1e6);
  uint64_t memtable_total = 0;
  uint64_t sst_total = 0;
  for (const kg::v1::ColumnFamilyStats& family : store.families()) {
    memtable_total += family.memtable_bytes();
    sst_total += family.sst_bytes();
  }
  gauge("kg_rocksdb_memtable_bytes_total", "Memtable bytes of all families.")
      .Add({})
      .Set(memtable_total);
  gauge("kg_rocksdb_sst_bytes_total", "SST file bytes of all families.")
      .Add({})
      .Set(sst_total);
  gauge("kg_topology_bytes",
        "Memory of the in-memory topology; 0 when it is off.")
      .Add({})
      .Set(store.topology_bytes());
}

}  // namespace

ServerMetrics::ServerMetrics()
    : registry_(std::make_shared<prometheus::Registry>()),
      calls_(prometheus::BuildCounter()
                 .Name("kg_grpc_calls_total")
                 .Help("Calls answered, by method.")
                 .Register(*registry_)),
      errors_(prometheus::BuildCounter()
                  .Name("kg_grpc_errors_total")
                  .Help("Calls that failed, by method and status code.")
                  .Register(*registry_)),
      latency_(prometheus::BuildHistogram()
                   .Name("kg_grpc_call_seconds")
                   .Help("Time from a call's arrival to its status.")
                   .Register(*registry_)),
      imports_(prometheus::BuildCounter()
                   .Name("kg_imports_total")
                   .Help("Documents imported, by method and whether the "
                         "import changed the store.")
                   .Register(*registry_)),
      imported_facts_(prometheus::BuildCounter()
                          .Name("kg_imported_facts_total")
                          .Help("Nodes and edges asserted by imports.")
                          .Register(*registry_)),
      import_latency_(prometheus::BuildHistogram()
                          .Name("kg_import_seconds")
                          .Help("Time from an import's arrival to its "
                                "durable commit, by method.")
                          .Register(*registry_)) {}

void ServerMetrics::RecordImport(absl::string_view method,
                                 const kg::v1::CommitSummary& summary,
                                 absl::Duration elapsed) {
  const std::string name(method);
  imports_
      .Add(
          {{"method", name}, {"changed", summary.changed() ? "true" : "false"}})
      .Increment();
  imported_facts_.Add({{"kind", "node"}}).Increment(summary.nodes_asserted());
  imported_facts_.Add({{"kind", "edge"}}).Increment(summary.edges_asserted());
  import_latency_.Add({{"method", name}}, LatencyBuckets())
      .Observe(absl::ToDoubleSeconds(elapsed));
}

ServerMetrics::MethodSeries ServerMetrics::SeriesOf(absl::string_view method) {
  {
    absl::ReaderMutexLock lock(&series_mutex_);
    auto it = series_.find(method);
    if (it != series_.end()) return it->second;
  }
  absl::MutexLock lock(&series_mutex_);
  const std::string name(method);
  MethodSeries series{&calls_.Add({{"method", name}}),
                      &latency_.Add({{"method", name}}, LatencyBuckets())};
  return series_.try_emplace(name, series).first->second;
}

void ServerMetrics::RecordCall(absl::string_view method, grpc::StatusCode code,
                               absl::Duration elapsed) {
  const MethodSeries series = SeriesOf(method);
  series.calls->Increment();
  if (code != grpc::StatusCode::OK) {
    errors_
        .Add({{"method", std::string(method)},
              {"code",
               absl::StatusCodeToString(static_cast<absl::StatusCode>(code))}})
        .Increment();
  }
  series.latency->Observe(absl::ToDoubleSeconds(elapsed));
}

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
ServerMetrics::NewInterceptorFactory(absl::Duration slow_call_threshold) {
  return std::make_unique<CallInterceptorFactory>(*this, slow_call_threshold);
}

std::string ServerMetrics::Render(
    const kg::v1::GetStatsResponse& graph,
    const kg::v1::GetStoreStatsResponse& store) const {
  prometheus::Registry snapshot;
  AddSnapshotGauges(graph, store, snapshot);
  std::vector<prometheus::MetricFamily> families = registry_->Collect();
  for (prometheus::MetricFamily& family : snapshot.Collect()) {
    families.push_back(std::move(family));
  }
  return prometheus::TextSerializer().Serialize(families);
}

}  // namespace kg::services
