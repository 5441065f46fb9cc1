// Random documents for the consistency test, from a seed.
#ifndef KG_TESTS_GRAPH_RANDOM_DOCUMENTS_H_
#define KG_TESTS_GRAPH_RANDOM_DOCUMENTS_H_

#include <cstdint>
#include <iterator>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "kg/graph/document_facts.h"
#include "kg/graph/values.h"
#include "test_util.h"

namespace kg::graph::test {

// How many node keys and documents the random operations draw from.
constexpr int kKeys = 30;
constexpr int kDocuments = 8;

// Random documents over a small pool of keys, names, properties and edge
// types, so that facts overlap across documents all the time.
class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed) {}

  static std::string Key(int i) {
    return absl::StrCat(kPrefixes[i % 5], ":k", i);
  }
  static std::string Label(int i) { return kLabels[i % 5]; }
  static std::string Document(int i) { return absl::StrCat("doc:d", i); }

  size_t Uniform(size_t n) { return rng_() % n; }
  bool Chance(int percent) {
    return Uniform(100) < static_cast<size_t>(percent);
  }

  kg::v1::Value RandomValue(bool allow_list = true) {
    switch (Uniform(allow_list ? 7 : 6)) {
      case 0:
        return StringValue(kNames[Uniform(std::size(kNames))]);
      case 1:
        return IntValue(static_cast<int64_t>(Uniform(5)) - 2);
      case 2:
        return DoubleValue(Chance(20) ? -0.0 : Uniform(4) * 0.5 - 1);
      case 3:
        return BoolValue(Chance(50));
      case 4:
        return Chance(50) ? test::DateValue(2000 + Uniform(3))
                          : test::DateValue(2000 + Uniform(3), 1 + Uniform(2),
                                            Uniform(2));
      case 5:
        return StringValue(Chance(50) ? "" : std::string("a\xc3\xbf"));
      default: {
        std::vector<kg::v1::Value> items;
        for (size_t i = Uniform(3); i > 0; --i)
          items.push_back(RandomValue(false));
        return test::ListValue(items);
      }
    }
  }

  std::map<std::string, kg::v1::Value> RandomProps() {
    std::map<std::string, kg::v1::Value> props;
    for (size_t i = Uniform(4); i > 0; --i) {
      props[kProps[Uniform(std::size(kProps))]] = RandomValue();
    }
    return props;
  }

  std::vector<kg::v1::Source> RandomSources() {
    std::vector<kg::v1::Source> sources;
    for (size_t i = Uniform(3); i > 0; --i) {
      uint64_t start = Uniform(3) * 10;
      sources.push_back(test::MakeSource(
          start, start + 5, Chance(50) ? "ner" : "rule", Uniform(3) * 0.5));
    }
    return sources;
  }

  kg::v1::Node RandomNode(int i) {
    std::vector<std::string> aliases;
    for (size_t k = Uniform(3); k > 0; --k) {
      aliases.push_back(kNames[Uniform(std::size(kNames))]);
    }
    std::string name = Chance(10) ? "" : kNames[Uniform(std::size(kNames))];
    return MakeNode(Key(i), Label(i), name, aliases, RandomProps(),
                    RandomSources());
  }

  // A document of a few nodes (repeats allowed) and edges mostly among
  // them; some edges name other pool keys, which may not exist.
  DocumentFacts RandomDocument(const std::string& doc) {
    DocumentFacts facts;
    facts.document_key = doc;
    std::vector<int> ids;
    for (size_t n = Uniform(7); n > 0; --n) {
      int i = static_cast<int>(Uniform(kKeys));
      ids.push_back(i);
      facts.nodes.push_back(RandomNode(i));
      if (Chance(15)) facts.nodes.push_back(RandomNode(i));  // Said twice.
    }
    for (size_t n = Uniform(7); n > 0; --n) {
      auto end = [&] {
        if (!ids.empty() && Chance(90)) return Key(ids[Uniform(ids.size())]);
        return Key(static_cast<int>(Uniform(kKeys)));
      };
      std::string src = end(), dst = end();
      std::map<std::string, kg::v1::Value> props;
      if (Chance(50)) props = RandomProps();
      kg::v1::Edge edge = MakeEdge(src, kTypes[Uniform(std::size(kTypes))], dst,
                                   props, RandomSources());
      facts.edges.push_back(edge);
      if (Chance(10)) facts.edges.push_back(edge);
    }
    return facts;
  }

  static constexpr const char* kPrefixes[] = {"state", "org", "event",
                                              "framework", "topic"};
  static constexpr const char* kLabels[] = {"State", "Organization", "Event",
                                            "Framework", "Topic"};
  static constexpr const char* kNames[] = {"Côte d'Ivoire",
                                           "cote d’ivoire",
                                           "Korea",
                                           "Republic of Korea",
                                           "South Korea",
                                           "UN",
                                           "UN Women",
                                           "United Nations",
                                           "Alpha",
                                           "alpha beta",
                                           "ALPHA  beta",
                                           "Ünïcode",
                                           "x",
                                           "São Tomé",
                                           "sao tome"};
  static constexpr const char* kProps[] = {"kind",   "year",  "score",
                                           "active", "since", "tags"};
  static constexpr const char* kTypes[] = {"MEMBER_OF", "PART_OF", "ABOUT",
                                           "SIGNED", "HOSTED"};

 private:
  std::mt19937_64 rng_;
};

}  // namespace kg::graph::test

#endif  // KG_TESTS_GRAPH_RANDOM_DOCUMENTS_H_
