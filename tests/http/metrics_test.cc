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

TEST_F(MetricsTest, CountsImportsAndTheirFacts) {
  ASSERT_TRUE(Import("doc:second", {MakeNode("state:KEN", "State", "Kenya")},
                     {MakeEdge("state:KEN", "MEMBER_OF", kNetwork)})
                  .ok());
  // The same facts again change nothing.
  ASSERT_TRUE(Import("doc:second", {MakeNode("state:KEN", "State", "Kenya")},
                     {MakeEdge("state:KEN", "MEMBER_OF", kNetwork)})
                  .ok());
  httplib::Result result = http_->Get("/metrics");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  absl::flat_hash_map<std::string, double> samples =
      ParseExposition(result->body);
  EXPECT_EQ(
      samples["kg_imports_total{changed=\"true\",method=\"ImportFacts\"}"], 2);
  EXPECT_EQ(
      samples["kg_imports_total{changed=\"false\",method=\"ImportFacts\"}"], 1);
  // The fixture's three edges, then one twice.
  EXPECT_EQ(samples["kg_imported_facts_total{kind=\"edge\"}"], 5);
  // Four nodes, then one twice, plus each import's document node.
  EXPECT_GE(samples["kg_imported_facts_total{kind=\"node\"}"], 6);
  EXPECT_EQ(samples["kg_import_seconds_count{method=\"ImportFacts\"}"], 3);
}

TEST_F(MetricsTest, ReportsBlockCacheSstAndTopology) {
  // Reopening flushes the recovered writes into SST files, whose blocks
  // reads then look up in the block cache.
  server_.reset();
  store_.reset();
  auto store = graph::GraphStore::Open((dir_ / "db").string());
  ASSERT_TRUE(store.ok()) << store.status();
  store_ = *std::move(store);
  StartHttpServer({});
  ASSERT_FALSE(HasFatalFailure());
  for (int i = 0; i < 3; ++i) {
    httplib::Result got = Post("get", R"({"key": "state:DEU"})");
    ASSERT_TRUE(got);
    ASSERT_EQ(got->status, 200) << got->body;
  }

  httplib::Result result = http_->Get("/metrics");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200);
  absl::flat_hash_map<std::string, double> samples =
      ParseExposition(result->body);
  EXPECT_GT(samples["kg_rocksdb_block_cache_misses_total"], 0);
  EXPECT_GT(samples["kg_rocksdb_block_cache_hits_total"], 0);
  const double ratio = samples["kg_rocksdb_block_cache_hit_ratio"];
  EXPECT_GT(ratio, 0);
  EXPECT_LT(ratio, 1);
  EXPECT_GT(samples["kg_rocksdb_sst_bytes_total"], 0);
  EXPECT_TRUE(samples.contains("kg_rocksdb_memtable_bytes_total"));
  EXPECT_EQ(samples["kg_rocksdb_write_stall_seconds_total"], 0);
  EXPECT_GT(samples["kg_topology_bytes"], 0);
}

}  // namespace
}  // namespace kg::testing
