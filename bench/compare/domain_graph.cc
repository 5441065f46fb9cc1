#include "domain_graph.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace kg::bench {
namespace {

constexpr int kLabelCount = 7;
constexpr int kEdgeTypeCount = 6;
constexpr const char* kLabelNames[kLabelCount] = {
    "State",   "Organization", "Commitment", "Framework",
    "Mission", "Document",     "Person"};
constexpr const char* kKeyPrefixes[kLabelCount] = {
    "state", "org", "commitment", "framework", "mission", "doc", "person"};
constexpr const char* kEdgeTypeNames[kEdgeTypeCount] = {
    "PLEDGED", "UNDER", "TARGETS", "MENTIONS", "MEMBER_OF", "HOLDS_POSITION"};

// PLEDGED edges per node of the graph: with the other types, about 8.
constexpr double kPledgedPerNode = 5.5;
constexpr int kMentionsPerDocument = 5;
constexpr int kMembershipsPerActor = 2;

// Draws from one seeded stream the same way on every platform (the
// standard distributions may differ between libraries).
class Draw {
 public:
  explicit Draw(uint64_t seed) : rng_(seed) {}
  uint32_t Below(uint32_t n) { return static_cast<uint32_t>(rng_() % n); }
  double Unit() { return (rng_() >> 11) * (1.0 / 9007199254740992.0); }
  // An index below n where low indexes are much likelier: a power law
  // whose first few indexes are supernodes.
  uint32_t Skewed(uint32_t n) {
    double u = Unit();
    return std::min(n - 1, static_cast<uint32_t>(n * u * u * u));
  }
  std::mt19937_64& rng() { return rng_; }

 private:
  std::mt19937_64 rng_;
};

// Adds up to `count` edges from `src` to distinct ends drawn by `pick`,
// skipping loops.
template <typename Pick>
void AddDistinct(DomainGraph& graph, uint32_t src, EdgeType type, int count,
                 Pick pick) {
  uint32_t chosen[8];
  int have = 0;
  for (int attempt = 0; attempt < 4 * count && have < count; ++attempt) {
    uint32_t dst = pick();
    if (dst == src || std::find(chosen, chosen + have, dst) != chosen + have) {
      continue;
    }
    chosen[have++] = dst;
    graph.edges.push_back({src, dst, type});
  }
}

// Splits `line` at commas into `fields`, views into the line: no copy a
// field. Returns the number of fields, or N + 1 when there are more.
template <size_t N>
size_t SplitCsvLine(absl::string_view line, absl::string_view (&fields)[N]) {
  size_t count = 0;
  for (absl::string_view field : absl::StrSplit(line, ',')) {
    if (count == N) return N + 1;
    fields[count++] = field;
  }
  return count;
}

// Calls `parse` on the N fields of each row of `dir`/`file` after its
// header, read whole; InvalidArgument naming the file and line of a row
// with another number of fields or one `parse` returns false for.
template <size_t N, typename Parse>
absl::Status ForEachRow(const std::string& dir, const char* file, Parse parse) {
  const std::string path = absl::StrCat(dir, "/", file);
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return absl::NotFoundError(path + ": cannot open");
  // One read of the whole file: a character at a time costs as much as
  // parsing it.
  const std::streamoff size = in.tellg();
  if (size < 0) return absl::InternalError(path + ": cannot size");
  std::string contents(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(contents.data(), contents.size())) {
    return absl::InternalError(path + ": cannot read");
  }
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    if (++line_number == 1 || line.empty()) continue;
    absl::string_view fields[N];
    if (SplitCsvLine(line, fields) != N || !parse(fields)) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", line_number, ": malformed row"));
    }
  }
  return absl::OkStatus();
}

// The index of `name` among `names`, or -1.
template <size_t N>
int IndexOf(const char* const (&names)[N], absl::string_view name) {
  for (size_t i = 0; i < N; ++i) {
    if (name == names[i]) return i;
  }
  return -1;
}

}  // namespace

const char* LabelName(NodeLabel label) {
  return kLabelNames[static_cast<int>(label)];
}

const char* EdgeTypeName(EdgeType type) {
  return kEdgeTypeNames[static_cast<int>(type)];
}

std::string DomainGraph::KeyOf(uint32_t id) const {
  return absl::StrCat(kKeyPrefixes[static_cast<int>(labels[id])], ":", id);
}

std::string DomainGraph::NameOf(uint32_t id) const {
  return absl::StrCat(LabelName(labels[id]), " ", id);
}

bool DomainGraph::IsActor(uint32_t id) const {
  return labels[id] == NodeLabel::kState ||
         labels[id] == NodeLabel::kOrganization;
}

DomainGraph GenerateDomainGraph(uint32_t nodes, uint64_t seed) {
  Draw draw(seed);
  DomainGraph graph;
  auto share = [&](double fraction) {
    return std::max<uint32_t>(1, static_cast<uint32_t>(nodes * fraction));
  };
  const uint32_t counts[kLabelCount - 1] = {share(0.01),  share(0.01),
                                            share(0.60),  share(0.001),
                                            share(0.001), share(0.10)};
  for (int label = 0; label < kLabelCount - 1; ++label) {
    graph.labels.insert(graph.labels.end(), counts[label],
                        static_cast<NodeLabel>(label));
  }
  graph.labels.resize(std::max<size_t>(nodes, graph.labels.size()),
                      NodeLabel::kPerson);
  std::shuffle(graph.labels.begin(), graph.labels.end(), draw.rng());

  std::vector<uint32_t> by_label[kLabelCount];
  for (uint32_t id = 0; id < graph.node_count(); ++id) {
    by_label[static_cast<int>(graph.labels[id])].push_back(id);
  }
  // Actors in the order of their popularity: the first are supernodes.
  std::vector<uint32_t> actors = by_label[static_cast<int>(NodeLabel::kState)];
  for (uint32_t id : by_label[static_cast<int>(NodeLabel::kOrganization)]) {
    actors.push_back(id);
  }
  std::shuffle(actors.begin(), actors.end(), draw.rng());
  const auto& commitments = by_label[static_cast<int>(NodeLabel::kCommitment)];
  const auto& frameworks = by_label[static_cast<int>(NodeLabel::kFramework)];
  const auto& missions = by_label[static_cast<int>(NodeLabel::kMission)];
  auto pick_from = [&](const std::vector<uint32_t>& ids) {
    return [&] { return ids[draw.Below(ids.size())]; };
  };
  auto popular_actor = [&] { return actors[draw.Skewed(actors.size())]; };

  const uint64_t pledged = static_cast<uint64_t>(kPledgedPerNode * nodes);
  absl::flat_hash_set<uint64_t> pledges;
  for (uint64_t attempt = 0; attempt < 2 * pledged && pledges.size() < pledged;
       ++attempt) {
    uint32_t actor = popular_actor();
    uint32_t commitment = commitments[draw.Below(commitments.size())];
    if (pledges.insert(uint64_t{actor} << 32 | commitment).second) {
      graph.edges.push_back({actor, commitment, EdgeType::kPledged});
    }
  }
  for (uint32_t commitment : commitments) {
    AddDistinct(graph, commitment, EdgeType::kUnder, 1 + draw.Below(2),
                pick_from(frameworks));
    AddDistinct(graph, commitment, EdgeType::kTargets, 1, pick_from(missions));
  }
  for (uint32_t doc : by_label[static_cast<int>(NodeLabel::kDocument)]) {
    AddDistinct(graph, doc, EdgeType::kMentions, kMentionsPerDocument,
                [&] { return draw.Below(nodes); });
  }
  for (uint32_t actor : actors) {
    AddDistinct(graph, actor, EdgeType::kMemberOf, kMembershipsPerActor,
                pick_from(actors));
  }
  for (uint32_t person : by_label[static_cast<int>(NodeLabel::kPerson)]) {
    AddDistinct(graph, person, EdgeType::kHoldsPosition, 1, popular_actor);
  }
  return graph;
}

absl::Status WriteCsv(const DomainGraph& graph, const std::string& dir) {
  std::ofstream nodes(dir + "/nodes.csv");
  nodes << "id,key,label,name\n";
  for (uint32_t id = 0; id < graph.node_count(); ++id) {
    nodes << id << ',' << graph.KeyOf(id) << ',' << LabelName(graph.labels[id])
          << ',' << graph.NameOf(id) << '\n';
  }
  std::ofstream edges(dir + "/edges.csv");
  edges << "src,dst,type\n";
  for (const GraphEdge& edge : graph.edges) {
    edges << edge.src << ',' << edge.dst << ',' << EdgeTypeName(edge.type)
          << '\n';
  }
  nodes.close();
  edges.close();
  if (!nodes || !edges) {
    return absl::InternalError(absl::StrCat("cannot write CSV to ", dir));
  }
  return absl::OkStatus();
}

absl::StatusOr<DomainGraph> ReadCsv(const std::string& dir) {
  DomainGraph graph;
  absl::Status status =
      ForEachRow<4>(dir, "nodes.csv", [&](const absl::string_view* fields) {
        uint32_t id = 0;
        int label = IndexOf(kLabelNames, fields[2]);
        if (label < 0 || !absl::SimpleAtoi(fields[0], &id) ||
            id != graph.labels.size()) {
          return false;
        }
        graph.labels.push_back(static_cast<NodeLabel>(label));
        return true;
      });
  if (!status.ok()) return status;
  status =
      ForEachRow<3>(dir, "edges.csv", [&](const absl::string_view* fields) {
        GraphEdge edge;
        int type = IndexOf(kEdgeTypeNames, fields[2]);
        if (type < 0 || !absl::SimpleAtoi(fields[0], &edge.src) ||
            !absl::SimpleAtoi(fields[1], &edge.dst) ||
            edge.src >= graph.node_count() || edge.dst >= graph.node_count()) {
          return false;
        }
        edge.type = static_cast<EdgeType>(type);
        graph.edges.push_back(edge);
        return true;
      });
  if (!status.ok()) return status;
  return graph;
}

}  // namespace kg::bench
