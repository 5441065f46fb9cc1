// The scores of `kg eval`, as tables for people and as one JSON object.
#ifndef KG_CLI_EVAL_REPORT_H_
#define KG_CLI_EVAL_REPORT_H_

#include <ostream>
#include <string>

#include "kg/eval/scorer.h"

namespace kg::cli {

// Four tables: per document (nodes, MENTIONS, other edges), per label, per
// edge type, and the micro-averaged totals; each row with the gold,
// produced and matched counts, precision, recall and F1.
void PrintScoreTables(const eval::Score& score, std::ostream& out);

// {"documents":[{"document":KEY,"nodes":C,"mentions":C,"edges":C},...],
//  "labels":{LABEL:C,...},"edge_types":{TYPE:C,...},
//  "totals":{"nodes":C,"mentions":C,"edges":C}}
// where C is {"gold":N,"produced":N,"matched":N,"precision":X,
// "recall":X,"f1":X}.
std::string ScoreJson(const eval::Score& score);

}  // namespace kg::cli

#endif  // KG_CLI_EVAL_REPORT_H_
