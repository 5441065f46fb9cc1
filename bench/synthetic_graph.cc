#include "synthetic_graph.h"

#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "kg/graph/values.h"

namespace kg::bench {
namespace {

constexpr const char* kCommitmentKinds[] = {"pledge", "commitment",
                                            "recommendation", "call_to_action"};
constexpr const char* kThemes[] = {"women peacekeepers", "protection",
                                   "training", "gender parity",
                                   "sexual violence"};

using graph::IntValue;
using graph::StringValue;

}  // namespace

Corpus::Corpus() : rng_(42) {
  for (int i = 0; i < kNodes; ++i) keys_.push_back(KeyOf(i));
}

const Kind& Corpus::KindOf(int i) {
  int slot = i % 100;
  for (const Kind& kind : kKinds) {
    if (slot < kind.weight) return kind;
    slot -= kind.weight;
  }
  return kKinds[0];
}

std::string Corpus::KeyOf(int i) {
  return absl::StrCat(KindOf(i).prefix, ":n", i);
}

std::vector<std::string> Corpus::KeysOf(
    std::initializer_list<std::string> labels) {
  std::vector<std::string> keys;
  for (int i = 0; i < kNodes; ++i) {
    for (const std::string& label : labels) {
      if (label == KindOf(i).label) keys.push_back(KeyOf(i));
    }
  }
  return keys;
}

kg::v1::Node Corpus::NodeOf(int i, const std::string& key) {
  const Kind& kind = KindOf(i);
  kg::v1::Node node;
  node.set_key(key);
  node.set_label(kind.label);
  node.set_name(absl::StrCat(kind.label, " number ", i));
  node.add_aliases(absl::StrCat("N", i));
  auto& props = *node.mutable_props();
  props["year"] = IntValue(2000 + i % 25);
  props["kind"] = StringValue(kind.prefix);
  if (std::string(kind.label) == "Commitment") {
    props["kind"] = StringValue(kCommitmentKinds[i % 4]);
    props["text"] = StringValue(absl::StrCat("Commitment ", i, " to advance ",
                                             kThemes[i % std::size(kThemes)],
                                             " in peace operations"));
  }
  kg::v1::Source* source = node.add_sources();
  source->set_start(i % 1000);
  source->set_end(i % 1000 + 20);
  source->set_extractor("bench");
  source->set_confidence(0.9);
  return node;
}

int Corpus::RandomEnd(int known) {
  std::uniform_real_distribution<double> u(0, 1);
  double x = u(rng_);
  return std::min(known - 1, static_cast<int>(known * x * x * x));
}

kg::v1::Edge Corpus::EdgeOf(const std::string& src, const std::string& dst) {
  kg::v1::Edge edge;
  edge.set_src_key(src);
  edge.set_type(kEdgeTypes[rng_() % kEdgeTypeCount]);
  edge.set_dst_key(dst);
  kg::v1::Source* source = edge.add_sources();
  source->set_start(rng_() % 1000);
  source->set_end(source->start() + 30);
  source->set_extractor("bench");
  source->set_confidence(0.8);
  return edge;
}

graph::DocumentFacts Corpus::Document(const std::string& doc_key, int first,
                                      int n) {
  graph::DocumentFacts facts;
  facts.document_key = doc_key;
  for (int i = first; i < first + n; ++i) {
    facts.nodes.push_back(NodeOf(i, keys_[i]));
  }
  for (int i = first; i < first + n; ++i) {
    for (int e = 0; e < kOutEdgesPerNode; ++e) {
      facts.edges.push_back(EdgeOf(keys_[i], keys_[RandomEnd(first + n)]));
    }
  }
  return facts;
}

graph::DocumentFacts Corpus::NewDocument(int serial) {
  graph::DocumentFacts facts;
  facts.document_key = absl::StrCat("doc:bench-new-", serial);
  std::vector<std::string> fresh;
  for (int k = 0; k < kNodesPerDocument; ++k) {
    int i = kNodes + serial * kNodesPerDocument + k;
    fresh.push_back(KeyOf(i));
    facts.nodes.push_back(NodeOf(i, fresh.back()));
  }
  for (const std::string& src : fresh) {
    for (int e = 0; e < kOutEdgesPerNode; ++e) {
      const std::string& dst =
          e % 4 == 0 ? fresh[rng_() % fresh.size()] : keys_[RandomEnd(kNodes)];
      facts.edges.push_back(EdgeOf(src, dst));
    }
  }
  return facts;
}

BenchGraph& BenchGraph::Get() {
  static BenchGraph* graph = new BenchGraph();
  return *graph;
}

void BenchGraph::Destroy() {
  if (built_) Get().Close();
}

BenchGraph::BenchGraph() {
  std::string tmpl =
      (std::filesystem::temp_directory_path() / "kg-bench-XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) abort();
  dir_ = tmpl;
  built_ = true;
  auto start = std::chrono::steady_clock::now();
  // Build without syncing each commit, then reopen as a server would.
  graph::StoreOptions fast;
  fast.sync_writes = false;
  store_ = Open(fast);
  int documents = 0;
  for (int first = 0; first < kNodes; first += kNodesPerDocument) {
    int n = std::min(kNodesPerDocument, kNodes - first);
    auto summary = store_->CommitDocument(
        corpus_.Document(absl::StrCat("doc:bench-", first), first, n));
    if (!summary.ok()) {
      fprintf(stderr, "build: %s\n", summary.status().ToString().c_str());
      abort();
    }
    ++documents;
  }
  store_.reset();
  store_ = Open(graph::StoreOptions());
  graph::GraphStats stats = *store_->NewSnapshot()->Stats();
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  fprintf(stderr,
          "graph: %llu nodes, %llu edges, %d documents, built in %.1f s (%s)\n",
          static_cast<unsigned long long>(stats.node_count),
          static_cast<unsigned long long>(stats.edge_count), documents, seconds,
          dir_.c_str());
}

std::unique_ptr<graph::GraphStore> BenchGraph::Open(
    const graph::StoreOptions& options) {
  auto store = graph::GraphStore::Open(dir_ + "/db", options);
  if (!store.ok()) {
    fprintf(stderr, "open: %s\n", store.status().ToString().c_str());
    abort();
  }
  return *std::move(store);
}

void BenchGraph::Close() {
  store_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

}  // namespace kg::bench
