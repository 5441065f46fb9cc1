#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "kg/text/entity_recognizer.h"
#include "kg/text/tokenizer.h"

namespace kg::text {
namespace {

// Head nouns, normalized, and the label a name ending in them has. A name's
// head is its last word before "of", "for", "on", "in" ("Department of
// Peace Operations" -> "department") or its last word.
const absl::flat_hash_map<std::string, std::string>& HeadLabels() {
  static const auto* heads = new absl::flat_hash_map<std::string, std::string>{
      {"network", "Network"},
      {"group", "Network"},
      {"friends", "Network"},
      {"partnership", "Network"},
      {"conference", "Event"},
      {"summit", "Event"},
      {"meeting", "Event"},
      {"seminar", "Event"},
      {"debate", "Event"},
      {"workshop", "Event"},
      {"ministerial", "Event"},
      {"symposium", "Event"},
      {"dialogue", "Event"},
      {"retreat", "Event"},
      {"forum", "Event"},
      {"course", "Event"},
      {"exercise", "Event"},
      {"session", "Event"},
      {"agenda", "Framework"},
      {"initiative", "Framework"},
      {"strategy", "Framework"},
      {"plan", "Framework"},
      {"compact", "Framework"},
      {"framework", "Framework"},
      {"convention", "Framework"},
      {"policy", "Framework"},
      {"pact", "Framework"},
      {"declaration", "Framework"},
      {"indicators", "Framework"},
      {"principles", "Framework"},
      {"treaty", "Framework"},
      {"protocol", "Framework"},
      {"charter", "Framework"},
      {"action", "Framework"},
      {"system", "Framework"},
      {"programme", "Framework"},
      {"program", "Framework"},
      {"centre", "Organization"},
      {"center", "Organization"},
      {"institute", "Organization"},
      {"university", "Organization"},
      {"ministry", "Organization"},
      {"army", "Organization"},
      {"forces", "Organization"},
      {"council", "Organization"},
      {"association", "Organization"},
      {"organization", "Organization"},
      {"organisation", "Organization"},
      {"union", "Organization"},
      {"commission", "Organization"},
      {"committee", "Organization"},
      {"agency", "Organization"},
      {"bureau", "Organization"},
      {"department", "Organization"},
      {"office", "Organization"},
      {"unit", "Organization"},
      {"foundation", "Organization"},
      {"college", "Organization"},
      {"academy", "Organization"},
      {"school", "Organization"},
      {"navy", "Organization"},
      {"headquarters", "Organization"},
      {"secretariat", "Organization"},
      {"corps", "Organization"},
      {"service", "Organization"},
      {"division", "Organization"},
      {"section", "Organization"},
      {"team", "Organization"},
      {"mission", "Mission"},
      {"operation", "Mission"},
      {"force", "Mission"},
  };
  return *heads;
}

// Labels a UN name turns into UNBody ("UN Department ...").
const absl::flat_hash_set<std::string>& UnBodyHeads() {
  static const auto* heads = new absl::flat_hash_set<std::string>{
      "department", "office",     "division",  "service", "section",
      "unit",       "commission", "committee", "council", "secretariat",
      "programme",  "fund",       "agency",    "team"};
  return *heads;
}

}  // namespace

std::string LabelForName(absl::string_view name) {
  std::vector<Token> tokens = Tokenize(name);
  std::string head;
  bool un = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& norm = tokens[i].norm;
    // "UN and Global Affairs Unit" names a unit's subject, not its owner.
    bool subject = i + 1 < tokens.size() && tokens[i + 1].norm == "and";
    if ((norm == "un" && !subject) ||
        (norm == "united" && i + 1 < tokens.size() &&
         tokens[i + 1].norm == "nations")) {
      un = true;
    }
    if (norm == "of" || norm == "for" || norm == "on" || norm == "in") {
      if (!head.empty()) break;
      continue;
    }
    if (tokens[i].is_word) head = norm;
  }
  auto it = HeadLabels().find(head);
  if (it == HeadLabels().end()) return "";
  // A force or operation that is not the UN's is a national or regional
  // body ("Japan Ground Self-Defense Force"); a mission, a state's office.
  if (it->second == "Mission" && !un) {
    return head == "mission" ? "" : "Organization";
  }
  if (un && UnBodyHeads().contains(head)) return "UNBody";
  // An NGO group is a coalition of organizations, not a network of states.
  if (it->second == "Network" && !tokens.empty() &&
      (tokens[0].norm == "ngo" || tokens[0].norm == "ngos")) {
    return "Organization";
  }
  return it->second;
}

}  // namespace kg::text
