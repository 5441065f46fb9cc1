// The five questions of the comparison, their sampled inputs, and the
// interface every system answers them through.
//
//   Q1 a node by key: "<label>|<name>".
//   Q2 an actor's commitments (1 hop out along PLEDGED): their keys.
//   Q3 who pledged what under framework F (2 hops, for every framework):
//      "<actor key>><commitment key>" for actor-PLEDGED->c-UNDER->F.
//   Q4 the nodes within 3 hops out of a node, the node included: keys.
//   Q5 the length of a shortest undirected path between two actors of at
//      most 6 edges: "<edges>", or "none".
//
// Answers compare as canonical strings: items sorted, repeats dropped.
#ifndef KG_BENCH_COMPARE_WORKLOAD_H_
#define KG_BENCH_COMPARE_WORKLOAD_H_

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "domain_graph.h"

namespace kg::bench {

inline constexpr int kQuestionCount = 5;
inline constexpr int kMaxPathEdges = 6;
inline constexpr int kReachHops = 3;

// One question to ask: `a` is the node key asked about; Q5 also has `b`.
struct Ask {
  int question = 0;  // 0..4 for Q1..Q5.
  std::string a;
  std::string b;
};

struct WorkloadSizes {
  int q1 = 10000;
  int q2 = 1000;
  int q4 = 200;
  int q5 = 50;
};

// Asks per question: Q1 random keys, Q2 random actors, Q3 every
// framework, Q4 random nodes, Q5 random pairs of distinct actors.
using Workload = std::array<std::vector<Ask>, kQuestionCount>;

Workload MakeWorkload(const DomainGraph& graph, const WorkloadSizes& sizes,
                      uint64_t seed);

// The items of one answer, as a system returns them (any order, repeats
// allowed), and its canonical form.
using Answer = std::vector<std::string>;
std::string Canonical(Answer answer);

// One connection to one system; used by one thread at a time.
class Client {
 public:
  virtual ~Client() = default;
  virtual absl::StatusOr<Answer> Query(const Ask& ask) = 0;
};

// The shortest undirected path's length from `from` to `to`, by a
// bidirectional breadth-first search that calls `expand` once a level on
// the smaller frontier: what Q5 does on systems with no path search of
// their own. -1 when none has at most `max_edges` edges.
using ExpandFrontier = std::function<absl::Status(
    const std::vector<int64_t>& frontier, std::vector<int64_t>* neighbours)>;
absl::StatusOr<int> BidirectionalDistance(int64_t from, int64_t to,
                                          int max_edges,
                                          const ExpandFrontier& expand);

// Q5's answer for a distance BidirectionalDistance returned.
Answer PathAnswer(int edges);

// The node id in a key "<prefix>:<id>".
absl::StatusOr<int64_t> IdOfKey(const std::string& key);

}  // namespace kg::bench

#endif  // KG_BENCH_COMPARE_WORKLOAD_H_
