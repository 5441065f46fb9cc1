// Reading gold facts (../shared/gold) and the texts of their documents
// (../shared/corpus) for the scorer.
#ifndef KG_EVAL_GOLD_H_
#define KG_EVAL_GOLD_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "kg/eval/scorer.h"

namespace kg::eval {

// Every *.jsonl file of `gold_dir`, sorted by name, as the gold facts of
// the document doc:<file stem>, with the text of <stem>.txt or <stem>.md in
// `corpus_dir` when there is one. NotFound when `gold_dir` holds no gold
// file; a malformed file fails the whole read.
absl::StatusOr<std::vector<GoldDocument>> ReadGold(
    const std::string& gold_dir, const std::string& corpus_dir);

}  // namespace kg::eval

#endif  // KG_EVAL_GOLD_H_
