// The openCypher TCK runner: runs every expanded scenario of the feature
// files under a folder against a fresh graph through the real gRPC service
// (a scratch graph of a kg server it starts, see tck_server.h), compares the
// typed values QueryService.Run returns, and prints pass counts per
// feature, per folder and in total (a scenario not run counts as failed).
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
#include "tck_server.h"
#include "tck_values.h"

namespace kg::tck {
namespace {

class ScenarioRun {
 public:
  // Runs on the scratch graph `graph` of `server`, dropped after.
  ScenarioRun(TckServer& server, std::string graph)
      : server_(server), graph_(std::move(graph)) {}

  // Empty when the scenario passed, else why it failed.
  std::string Run(const Scenario& scenario);

 private:
  std::string RunSteps(const Scenario& scenario);
  QueryOutcome Execute(const std::string& query) {
    used_ = true;
    return server_.Run(graph_, query, parameters_);
  }
  std::string CheckTable(const Step& step, bool ordered, bool sort_lists);
  std::string CheckError(const Step& step);
  std::string CheckSideEffects(const Step& step, bool none);

  TckServer& server_;
  const std::string graph_;
  bool used_ = false;
  Parameters parameters_;
  absl::StatusOr<GraphCounts> before_;
  std::optional<QueryOutcome> result_;
};

std::string ScenarioRun::CheckTable(const Step& step, bool ordered,
                                    bool sort_lists) {
  if (!result_->status.ok()) {
    return absl::StrCat("error: ", result_->status.error_message());
  }
  const QueryOutcome& result = *result_;
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
  for (const std::vector<kg::v1::CypherValue>& values : result.rows) {
    std::string row;
    for (const kg::v1::CypherValue& v : values) {
      absl::StatusOr<std::string> c = CanonicalValue(v, sort_lists);
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
  if (result_->status.ok()) {
    return absl::StrCat("expected ", type, " ", detail);
  }
  const std::string& message = result_->status.error_message();
  if (result_->status.error_code() != grpc::StatusCode::INVALID_ARGUMENT) {
    return absl::StrCat("expected INVALID_ARGUMENT, got ", message);
  }
  std::vector<std::string> parts = absl::StrSplit(message, ": ");
  std::string got_type = parts.empty() ? "" : parts[0];
  std::string got_detail = parts.size() > 1 ? parts[1] : "";
  bool type_ok = type == "Error" || type == got_type;
  bool detail_ok = detail == "*" || detail == got_detail;
  if (type_ok && detail_ok) return "";
  return absl::StrCat("expected ", type, " ", detail, ", got ", message);
}

std::string ScenarioRun::CheckSideEffects(const Step& step, bool none) {
  absl::StatusOr<GraphCounts> after = server_.Counts(graph_);
  if (!before_.ok())
    return absl::StrCat("counting: ", before_.status().message());
  if (!after.ok()) return absl::StrCat("counting: ", after.status().message());
  std::map<std::string, int64_t> expected;
  if (!none) {
    for (const std::vector<std::string>& row : step.table) {
      int64_t n = 0;
      if (row.size() == 2 && absl::SimpleAtoi(row[1], &n)) expected[row[0]] = n;
    }
  }
  std::map<std::string, int64_t> actual;
  auto record = [&](const std::string& what, int64_t change) {
    if (change > 0) actual["+" + what] = change;
    if (change < 0) actual["-" + what] = -change;
  };
  record("nodes", after->nodes - before_->nodes);
  record("relationships", after->relationships - before_->relationships);
  record("properties", after->properties - before_->properties);
  record("labels", after->labels - before_->labels);
  for (auto it = expected.begin(); it != expected.end();) {
    it = it->second == 0 ? expected.erase(it) : std::next(it);
  }
  return expected == actual ? "" : "side effects differ";
}

std::string ScenarioRun::Run(const Scenario& scenario) {
  std::string failure = RunSteps(scenario);
  if (!used_) return failure;
  absl::Status dropped = server_.Drop(graph_);
  if (!dropped.ok() && failure.empty()) {
    failure = absl::StrCat("dropping the graph: ", dropped.message());
  }
  return failure;
}

std::string ScenarioRun::RunSteps(const Scenario& scenario) {
  if (scenario.ignored) return "ignored";
  for (const Step& step : scenario.steps) {
    const std::string& t = step.text;
    std::string failure;
    if (t == "an empty graph" || t == "any graph") {
      continue;
    } else if (absl::EndsWith(t, " graph")) {
      return absl::StrCat("unsupported named graph: ", t);
    } else if (t == "having executed:") {
      QueryOutcome setup = Execute(step.doc_string);
      if (!setup.status.ok()) {
        return absl::StrCat("setup failed: ", setup.status.error_message());
      }
    } else if (t == "parameters are:") {
      for (const std::vector<std::string>& row : step.table) {
        if (row.size() != 2) return "bad parameter row";
        absl::StatusOr<kg::v1::CypherValue> v = ParameterValue(row[1]);
        if (!v.ok())
          return absl::StrCat("bad parameter: ", v.status().message());
        parameters_[row[0]] = *std::move(v);
      }
    } else if (t == "executing query:") {
      used_ = true;
      before_ = server_.Counts(graph_);
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
      if (!result_->status.ok()) {
        failure = absl::StrCat("error: ", result_->status.error_message());
      } else if (!result_->rows.empty()) {
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
  absl::StatusOr<std::unique_ptr<TckServer>> server = TckServer::Start();
  if (!server.ok()) {
    std::printf("FAIL: cannot start a kg server: %s\n",
                std::string(server.status().message()).c_str());
    return 1;
  }
  std::map<std::string, Tally> folders;
  Tally total;
  int scenarios_run = 0;
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
      ScenarioRun run(**server, absl::StrCat("tck-", ++scenarios_run));
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
