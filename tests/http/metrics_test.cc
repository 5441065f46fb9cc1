// /metrics after known traffic: the exposition parses, and the call
// counts, error counts, latency histogram and graph gauges say what
// happened.
#include <gtest/gtest.h>

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "http_fixture.h"

namespace kg::testing {
namespace {

constexpr char kGetNode[] = "/kg.v1.GraphService/GetNode";

// Sample lines ("name{labels} value") by their series, as Prometheus reads
// them; a line that is neither a sample nor a comment fails the test.
absl::flat_hash_map<std::string, double> ParseExposition(
    const std::string& text) {
  absl::flat_hash_map<std::string, double> samples;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (line.empty() || line[0] == '#') continue;
    const size_t space = line.rfind(' ');
    double value = 0;
    EXPECT_TRUE(space != absl::string_view::npos &&
                absl::SimpleAtod(line.substr(space + 1), &value))
        << "not a sample: " << line;
    if (space == absl::string_view::npos) continue;
    samples[std::string(line.substr(0, space))] = value;
  }
  return samples;
}

using MetricsTest = HttpTest;

TEST_F(MetricsTest, CountsCallsErrorsAndGraphSize) {
  for (const char* key : {"state:DEU", "state:FRA", "state:XXX"}) {
    Post("get", std::string(R"({"key": ")") + key + R"("})");
  }
  httplib::Result result = http_->Get("/metrics");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  EXPECT_NE(result->body.find("# TYPE kg_grpc_call_seconds histogram"),
            std::string::npos);
  absl::flat_hash_map<std::string, double> samples =
      ParseExposition(result->body);
  const std::string method = std::string("method=\"") + kGetNode + "\"";

  EXPECT_EQ(samples["kg_grpc_calls_total{" + method + "}"], 3);
  EXPECT_EQ(samples["kg_grpc_errors_total{code=\"NOT_FOUND\"," + method + "}"],
            1);
  EXPECT_EQ(samples["kg_grpc_call_seconds_count{" + method + "}"], 3);
  EXPECT_EQ(samples["kg_grpc_call_seconds_bucket{" + method + ",le=\"+Inf\"}"],
            3);
  // The fixture's import went through gRPC, so it counts too.
  EXPECT_EQ(samples["kg_grpc_calls_total{method=\"/kg.v1.IngestService/"
                    "ImportFacts\"}"],
            1);

  EXPECT_EQ(samples["kg_graph_nodes_by_label{label=\"State\"}"], 3);
  EXPECT_EQ(samples["kg_graph_nodes_by_label{label=\"Network\"}"], 1);
  EXPECT_EQ(samples["kg_graph_edges_by_type{type=\"MEMBER_OF\"}"], 3);
  EXPECT_EQ(samples["kg_graph_documents"], 1);
  EXPECT_TRUE(samples.contains("kg_rocksdb_block_cache_bytes"));
  EXPECT_TRUE(samples.contains("kg_rocksdb_writes_stopped"));
  EXPECT_EQ(samples["kg_rocksdb_writes_stopped"], 0);
}

}  // namespace
}  // namespace kg::testing
