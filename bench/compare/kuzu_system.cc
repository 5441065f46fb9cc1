// Kuzu, driven by node through run_kuzu.js: the workload goes to the
// script as a file and its timings and answers come back as one.
#include <cstdlib>
#include <fstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "systems.h"

namespace kg::bench {

absl::StatusOr<SystemResult> RunKuzu(const std::string& kuzu_dir,
                                     const std::string& csv_dir,
                                     const std::string& work_dir,
                                     const Workload& workload) {
  const std::string workload_file = work_dir + "/kuzu-workload.tsv";
  const std::string out_file = work_dir + "/kuzu-answers.tsv";
  {
    std::ofstream out(workload_file);
    for (int q = 0; q < kQuestionCount; ++q) {
      for (const Ask& ask : workload[q]) {
        out << 'Q' << q + 1 << '\t' << ask.a;
        if (!ask.b.empty()) out << '\t' << ask.b;
        out << '\n';
      }
    }
  }
  std::string command = absl::StrCat("node '", kuzu_dir, "/run_kuzu.js' '",
                                     csv_dir, "' '", work_dir, "/kuzu-db' '",
                                     workload_file, "' '", out_file, "'");
  if (int rc = std::system(command.c_str()); rc != 0) {
    return absl::InternalError(absl::StrCat(command, ": exit status ", rc));
  }

  SystemResult result;
  result.name = "Kuzu (node)";
  std::array<std::vector<double>, kQuestionCount> latencies;
  std::array<double, kQuestionCount> walls{};
  std::ifstream in(out_file);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> fields = absl::StrSplit(line, '\t');
    double number = 0;
    int q = 0;
    bool ok = fields.size() >= 2;
    if (ok && fields[0] == "LOAD") {
      ok = absl::SimpleAtod(fields[1], &result.load_seconds);
    } else if (ok && fields[0] == "WALL") {
      ok = fields.size() == 3 && absl::SimpleAtoi(fields[1].substr(1), &q) &&
           q >= 1 && q <= kQuestionCount &&
           absl::SimpleAtod(fields[2], &walls[q - 1]);
    } else {
      ok = ok && absl::SimpleAtoi(fields[0].substr(1), &q) && q >= 1 &&
           q <= kQuestionCount && absl::SimpleAtod(fields[1], &number);
      if (ok) {
        latencies[q - 1].push_back(number);
        result.answers[q - 1].push_back(
            Canonical(Answer(fields.begin() + 2, fields.end())));
      }
    }
    if (!ok) {
      return absl::InternalError(absl::StrCat(out_file, ": bad line: ", line));
    }
  }
  for (int q = 0; q < kQuestionCount; ++q) {
    if (result.answers[q].size() != workload[q].size()) {
      return absl::InternalError(absl::StrCat(
          out_file, ": ", result.answers[q].size(), " answers to Q", q + 1,
          " for ", workload[q].size(), " asks"));
    }
    result.stats[q] = StatsOf(std::move(latencies[q]), walls[q]);
  }
  return result;
}

}  // namespace kg::bench
