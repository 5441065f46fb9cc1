// The openCypher TCK runner: runs every expanded scenario of the feature
// files under a folder against a fresh in-memory graph through the Cypher
// engine, and prints pass counts per feature, per folder and in total
// (a scenario not run counts as failed).
//
//   kg_tck_runner FEATURES_DIR [--min-pass N] [--verbose] [--filter TEXT]
//
// Exit codes: 0 when at least N scenarios pass, 1 otherwise, 77 when the
// folder is absent (the TCK is not shipped with the project).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gherkin.h"
#include "kg/graph/cypher/engine.h"
#include "kg/graph/cypher/memory_graph.h"
#include "tck_values.h"

namespace kg::tck {
namespace {

namespace cypher = graph::cypher;

struct Outcome {
  bool ok = false;
  std::string columns_or_error;
  std::vector<std::string> rows;  // canonical, cells joined by " | "
  std::string error;              // when the query failed
};

class ScenarioRun {
 public:
  // Empty when the scenario passed, else why it failed.
  std::string Run(const Scenario& scenario);

 private:
  absl::StatusOr<cypher::QueryResult> Execute(const std::string& query) {
    graph::query::BudgetLimits limits;
    limits.max_rows = 10'000'000;
    limits.max_expansions = 100'000'000;
    graph::query::QueryBudget budget(limits);
    return cypher::RunQuery(query, parameters_, graph_, &graph_, budget);
  }
  std::string CheckTable(const Step& step, bool ordered, bool sort_lists);
  std::string CheckError(const Step& step);
  std::string CheckSideEffects(const Step& step, bool none);

  cypher::MemoryGraph graph_;
  cypher::Value::Map parameters_;
  cypher::GraphCounts before_;
  std::optional<absl::StatusOr<cypher::QueryResult>> result_;
};

std::string ScenarioRun::CheckTable(const Step& step, bool ordered,
                                    bool sort_lists) {
  if (!result_->ok())
    return absl::StrCat("error: ", result_->status().message());
  const cypher::QueryResult& result = **result_;
  std::vector<std::string> expected;
  std::vector<std::string> actual;
  if (!step.table.empty()) {
    if (step.table[0] != result.columns) {
      std::string got;
      for (const std::string& c : result.columns) absl::StrAppend(&got, c, "|");
      return absl::StrCat("columns differ: got ", got);
    }
    for (size_t r = 1; r < step.table.size(); ++r) {
      std::string row;
      for (const std::string& cell : step.table[r]) {
        absl::StatusOr<std::string> c = CanonicalCell(cell, sort_lists);
        if (!c.ok())
          return absl::StrCat("bad expected cell: ", c.status().message());
        absl::StrAppend(&row, *c, " | ");
      }
      expected.push_back(row);
    }
  }
  for (const std::vector<cypher::Value>& values : result.rows) {
    std::string row;
    for (const cypher::Value& v : values) {
      absl::StatusOr<std::string> c = CanonicalValue(v, graph_, sort_lists);
      if (!c.ok()) return absl::StrCat("bad value: ", c.status().message());
      absl::StrAppend(&row, *c, " | ");
    }
    actual.push_back(row);
  }
  if (!ordered) {
    std::sort(expected.begin(), expected.end());
    std::sort(actual.begin(), actual.end());
  }
  if (expected == actual) return "";
  std::string diff = "rows differ; got:";
  for (size_t i = 0; i < actual.size() && i < 8; ++i) {
    absl::StrAppend(&diff, "\n      ", actual[i]);
  }
  absl::StrAppend(&diff, "\n    expected:");
  for (size_t i = 0; i < expected.size() && i < 8; ++i) {
    absl::StrAppend(&diff, "\n      ", expected[i]);
  }
  return diff;
}

std::string ScenarioRun::CheckError(const Step& step) {
  static const std::regex kError(
      R"(^an? (.+) should be raised at (.+): (.+)$)");
  std::smatch m;
  std::regex_search(step.text, m, kError);
  std::string type = m[1];
  std::string detail = m[3];
  if (result_->ok()) return absl::StrCat("expected ", type, " ", detail);
  std::string message(result_->status().message());
  std::vector<std::string> parts = absl::StrSplit(message, ": ");
  std::string got_type = parts.empty() ? "" : parts[0];
  std::string got_detail = parts.size() > 1 ? parts[1] : "";
  bool type_ok = type == "Error" || type == got_type;
  bool detail_ok = detail == "*" || detail == got_detail;
  if (type_ok && detail_ok) return "";
  return absl::StrCat("expected ", type, " ", detail, ", got ", message);
}

std::string ScenarioRun::CheckSideEffects(const Step& step, bool none) {
  cypher::GraphCounts after = graph_.Counts();
  std::map<std::string, int64_t> expected;
  if (!none) {
    for (const std::vector<std::string>& row : step.table) {
      int64_t n = 0;
      if (row.size() == 2 && absl::SimpleAtoi(row[1], &n)) expected[row[0]] = n;
    }
  }
  auto diff = [](uint64_t a, uint64_t b) {
    return static_cast<int64_t>(b) - static_cast<int64_t>(a);
  };
  std::map<std::string, int64_t> actual;
  auto record = [&](const std::string& what, int64_t change) {
    if (change > 0) actual["+" + what] = change;
    if (change < 0) actual["-" + what] = -change;
  };
  record("nodes", diff(before_.nodes, after.nodes));
  record("relationships", diff(before_.relationships, after.relationships));
  record("properties", diff(before_.properties, after.properties));
  record("labels", diff(before_.labels, after.labels));
  for (auto it = expected.begin(); it != expected.end();) {
    it = it->second == 0 ? expected.erase(it) : std::next(it);
  }
  return expected == actual ? "" : "side effects differ";
}

std::string ScenarioRun::Run(const Scenario& scenario) {
  if (scenario.ignored) return "ignored";
  for (const Step& step : scenario.steps) {
    const std::string& t = step.text;
    std::string failure;
    if (t == "an empty graph" || t == "any graph") {
      continue;
    } else if (absl::EndsWith(t, " graph")) {
      return absl::StrCat("unsupported named graph: ", t);
    } else if (t == "having executed:") {
      absl::StatusOr<cypher::QueryResult> setup = Execute(step.doc_string);
      if (!setup.ok()) {
        return absl::StrCat("setup failed: ", setup.status().message());
      }
    } else if (t == "parameters are:") {
      for (const std::vector<std::string>& row : step.table) {
        if (row.size() != 2) return "bad parameter row";
        absl::StatusOr<cypher::Value> v = ParameterValue(row[1]);
        if (!v.ok())
          return absl::StrCat("bad parameter: ", v.status().message());
        parameters_[row[0]] = *std::move(v);
      }
    } else if (t == "executing query:") {
      before_ = graph_.Counts();
      result_ = Execute(step.doc_string);
    } else if (!result_.has_value()) {
      return absl::StrCat("unsupported step: ", t);
    } else if (t == "the result should be, in any order:") {
      failure = CheckTable(step, false, false);
    } else if (t == "the result should be, in order:") {
      failure = CheckTable(step, true, false);
    } else if (t ==
               "the result should be (ignoring element order for lists):") {
      failure = CheckTable(step, false, true);
    } else if (t ==
               "the result should be, in order (ignoring element order for "
               "lists):") {
      failure = CheckTable(step, true, true);
    } else if (t == "the result should be empty") {
      if (!result_->ok()) {
        failure = absl::StrCat("error: ", result_->status().message());
      } else if (!(*result_)->rows.empty()) {
        failure = "expected no rows";
      }
    } else if (absl::StrContains(t, " should be raised at ")) {
      failure = CheckError(step);
    } else if (t == "no side effects") {
      failure = CheckSideEffects(step, true);
    } else if (t == "the side effects should be:") {
      failure = CheckSideEffects(step, false);
    } else {
      return absl::StrCat("unsupported step: ", t);
    }
    if (!failure.empty()) return failure;
  }
  return "";
}

struct Tally {
  int passed = 0;
  int total = 0;
};

int Main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: kg_tck_runner FEATURES_DIR [--min-pass N] "
                 "[--verbose] [--filter TEXT]\n");
    return 2;
  }
  std::filesystem::path root = argv[1];
  int min_pass = 0;
  bool verbose = false;
  std::string filter;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--min-pass" && i + 1 < argc) {
      min_pass = std::atoi(argv[++i]);
    } else if (arg == "--verbose") {
      verbose = true;
    } else if (arg == "--filter" && i + 1 < argc) {
      filter = argv[++i];
    }
  }
  if (!std::filesystem::is_directory(root)) {
    std::printf("SKIP: no TCK features at %s\n", root.c_str());
    return 77;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(root)) {
    if (entry.path().extension() == ".feature") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::map<std::string, Tally> folders;
  Tally total;
  for (const std::filesystem::path& file : files) {
    std::string relative = std::filesystem::relative(file, root).string();
    if (!filter.empty() && !absl::StrContains(relative, filter)) continue;
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    absl::StatusOr<Feature> feature = ParseFeature(text.str());
    if (!feature.ok()) {
      std::printf("%s: unreadable: %s\n", relative.c_str(),
                  std::string(feature.status().message()).c_str());
      continue;
    }
    Tally tally;
    for (const Scenario& scenario : feature->scenarios) {
      ScenarioRun run;
      std::string failure = run.Run(scenario);
      ++tally.total;
      if (failure.empty()) {
        ++tally.passed;
      } else if (verbose) {
        std::printf("FAIL %s %s\n    %s\n", relative.c_str(),
                    scenario.name.c_str(), failure.c_str());
      }
    }
    std::printf("%-55s %4d / %4d\n", relative.c_str(), tally.passed,
                tally.total);
    std::string folder =
        std::filesystem::relative(file.parent_path(), root).string();
    folders[folder].passed += tally.passed;
    folders[folder].total += tally.total;
    total.passed += tally.passed;
    total.total += tally.total;
  }
  std::printf("\nBy folder:\n");
  for (const auto& [folder, tally] : folders) {
    std::printf("%-40s %4d / %4d  (%.1f%%)\n", folder.c_str(), tally.passed,
                tally.total, 100.0 * tally.passed / std::max(1, tally.total));
  }
  std::printf("\nTOTAL %d / %d scenarios passed (%.1f%%)\n", total.passed,
              total.total, 100.0 * total.passed / std::max(1, total.total));
  if (total.passed < min_pass) {
    std::printf("FAIL: %d passed, below the floor of %d\n", total.passed,
                min_pass);
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace kg::tck

int main(int argc, char** argv) { return kg::tck::Main(argc, argv); }
