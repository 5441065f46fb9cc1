// kg eval --gold DIR: scores the facts in the graph against gold facts,
// per document by provenance (see kg/eval/scorer.h).
#include <filesystem>
#include <vector>

#include "commands/command.h"
#include "eval_report.h"
#include "kg/eval/gold.h"
#include "kg/eval/scorer.h"

namespace kg::cli {
namespace {

int Run(const ParsedArgs& args, CommandContext& context) {
  if (!args.Has("gold")) {
    ReportError(absl::InvalidArgumentError("--gold DIR is required"),
                context.err);
    return kExitUsage;
  }
  const std::string gold_dir = args.Value("gold");
  // The shared folder keeps the gold beside the corpus it was read from.
  const std::string corpus_dir = args.Value(
      "corpus", (std::filesystem::path(gold_dir) / ".." / "corpus").string());
  const absl::StatusOr<std::vector<eval::GoldDocument>> gold =
      eval::ReadGold(gold_dir, corpus_dir);
  if (!gold.ok()) return ReportError(gold.status(), context.err);
  std::vector<kg::v1::Node> nodes;
  absl::Status status = ForEachNode(
      context.connection,
      [&nodes](const kg::v1::Node& node) { nodes.push_back(node); });
  if (!status.ok()) return ReportError(status, context.err);
  std::vector<kg::v1::Edge> edges;
  status = ForEachEdge(context.connection, [&edges](const kg::v1::Edge& edge) {
    edges.push_back(edge);
  });
  if (!status.ok()) return ReportError(status, context.err);
  const eval::Score score = eval::ScoreFacts(*gold, nodes, edges);
  if (context.json) {
    context.out << ScoreJson(score) << "\n";
  } else {
    PrintScoreTables(score, context.out);
  }
  return kExitOk;
}

}  // namespace

Command EvalCommand() {
  return Command{
      "eval",
      "",
      "Score the graph's facts against gold facts (precision, recall, F1 per "
      "document, label, edge type, and in total).",
      {
          {"gold", "DIR", false,
           "Folder of gold facts, one .jsonl a document."},
          {"corpus", "DIR", false,
           "Folder of the documents' texts (default <gold>/../corpus); without "
           "them nodes match by key and name only."},
      },
      0,
      0,
      Run};
}

}  // namespace kg::cli
