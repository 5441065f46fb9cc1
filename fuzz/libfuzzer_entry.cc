// The libFuzzer entry of the target named by KG_FUZZ_TARGET (one binary a
// target, see CMakeLists.txt).
#include <cstdlib>

#include "fuzz_targets.h"

namespace {

kg::fuzz::FuzzFunction TargetFunction() {
  for (const kg::fuzz::FuzzTarget& target : kg::fuzz::AllFuzzTargets()) {
    if (absl::string_view(target.name) == KG_FUZZ_TARGET) return target.run;
  }
  kg::fuzz::Require(false, "no fuzz target named " KG_FUZZ_TARGET);
  return nullptr;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kg::fuzz::FuzzFunction run = TargetFunction();
  return run(data, size);
}
