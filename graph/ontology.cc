#include "kg/graph/ontology.h"

#include "absl/container/flat_hash_map.h"

namespace kg::graph {

std::string KeyPrefixForLabel(absl::string_view label) {
  static const auto* prefixes =
      new absl::flat_hash_map<std::string, std::string>{
          {"State", "state"},
          {"UNBody", "unbody"},
          {"Network", "network"},
          {"Organization", "org"},
          {"Person", "person"},
          {"Resolution", "resolution"},
          {"Mission", "mission"},
          {"Framework", "framework"},
          {"Commitment", "commitment"},
          {"Event", "event"},
          {"Document", "doc"},
          {"Topic", "topic"},
          {"Place", "place"}};
  auto it = prefixes->find(label);
  return it == prefixes->end() ? "" : it->second;
}

}  // namespace kg::graph
