// ServerMetrics: what kg-server reports on /metrics, in Prometheus text
// format. Per gRPC method: calls, failed calls by status code and a latency
// histogram, recorded by a server interceptor on every call, whichever
// listener it came through (imports are calls of IngestService, so their
// counts and durations are here too, besides the imports' own counts of
// facts, by RecordImport). Graph and store figures are not kept
// here: they are read afresh for each scrape and passed to Render.
// The same interceptor writes the slow-call log (slow_call_log.h).
#ifndef KG_SERVICES_HTTP_SERVER_METRICS_H_
#define KG_SERVICES_HTTP_SERVER_METRICS_H_

#include <grpcpp/support/server_interceptor.h>
#include <grpcpp/support/status.h>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "kg/v1/admin_service.pb.h"
#include "kg/v1/graph_service.pb.h"
#include "kg/v1/ingest_service.pb.h"

namespace kg::services {

class ServerMetrics {
 public:
  ServerMetrics();
  ServerMetrics(const ServerMetrics&) = delete;
  ServerMetrics& operator=(const ServerMetrics&) = delete;

  // Counts one finished call of `method` ("/kg.v1.GraphService/GetNode").
  // Thread-safe.
  void RecordCall(absl::string_view method, grpc::StatusCode code,
                  absl::Duration elapsed);

  // Counts one import committed by `method` ("ImportFacts"): its facts,
  // whether it changed the store, and its duration. Thread-safe.
  void RecordImport(absl::string_view method,
                    const kg::v1::CommitSummary& summary,
                    absl::Duration elapsed);

  // An interceptor factory that calls RecordCall for every call the server
  // answers, and logs those that took `slow_call_threshold` or longer
  // (infinite: none); `this` must outlive the server it is installed on.
  std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
  NewInterceptorFactory(absl::Duration slow_call_threshold);

  // The Prometheus text exposition of the call metrics plus gauges of
  // `graph` (sizes by label and edge type) and `store` (RocksDB).
  std::string Render(const kg::v1::GetStatsResponse& graph,
                     const kg::v1::GetStoreStatsResponse& store) const;

 private:
  // One method's call counter and latency histogram.
  struct MethodSeries {
    prometheus::Counter* calls = nullptr;
    prometheus::Histogram* latency = nullptr;
  };
  // Found by label once per method, not on every call (Family::Add builds
  // a label map and copies the buckets under the family's lock).
  MethodSeries SeriesOf(absl::string_view method);

  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& calls_;
  prometheus::Family<prometheus::Counter>& errors_;
  prometheus::Family<prometheus::Histogram>& latency_;
  prometheus::Family<prometheus::Counter>& imports_;
  prometheus::Family<prometheus::Counter>& imported_facts_;
  prometheus::Family<prometheus::Histogram>& import_latency_;
  absl::Mutex series_mutex_;
  absl::flat_hash_map<std::string, MethodSeries> series_
      ABSL_GUARDED_BY(series_mutex_);
};

}  // namespace kg::services

#endif  // KG_SERVICES_HTTP_SERVER_METRICS_H_
