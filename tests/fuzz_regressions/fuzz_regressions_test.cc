// Every committed input of every fuzz target (fuzz/corpus/<name>/ and
// fuzz/crashes/<name>/) runs through the target's entry function. A target
// aborts on a broken contract, so a regression fails this test by death;
// the test also insists each target has a seed corpus to replay.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_targets.h"
#include "gtest/gtest.h"

namespace kg::fuzz {
namespace {

namespace fs = std::filesystem;

// The files of fuzz/<kind>/<target>/, sorted; none if it does not exist.
std::vector<fs::path> InputsOf(const std::string& kind,
                               const std::string& target) {
  std::vector<fs::path> inputs;
  fs::path dir = fs::path(KG_FUZZ_DIR) / kind / target;
  if (!fs::is_directory(dir)) return inputs;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file()) inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

std::string Contents(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class FuzzRegressionTest : public testing::TestWithParam<FuzzTarget> {};

TEST_P(FuzzRegressionTest, ReplaysSeedsAndCrashes) {
  const FuzzTarget& target = GetParam();
  std::vector<fs::path> seeds = InputsOf("corpus", target.name);
  EXPECT_GE(seeds.size(), 3u)
      << "fuzz/corpus/" << target.name << " needs a seed corpus";
  std::vector<fs::path> inputs = InputsOf("crashes", target.name);
  inputs.insert(inputs.end(), seeds.begin(), seeds.end());
  for (const fs::path& input : inputs) {
    SCOPED_TRACE(input.string());
    std::string bytes = Contents(input);
    EXPECT_EQ(target.run(reinterpret_cast<const uint8_t*>(bytes.data()),
                         bytes.size()),
              0);
  }
}

INSTANTIATE_TEST_SUITE_P(AllTargets, FuzzRegressionTest,
                         testing::ValuesIn(AllFuzzTargets()),
                         [](const testing::TestParamInfo<FuzzTarget>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace kg::fuzz
