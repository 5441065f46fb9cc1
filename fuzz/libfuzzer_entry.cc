// The libFuzzer entry of the target named by KG_FUZZ_TARGET (one binary a
// target, see CMakeLists.txt).
#include <cstdlib>

#include "fuzz_targets.h"

namespace {

const kg::fuzz::FuzzTarget& Target() {
  for (const kg::fuzz::FuzzTarget& target : kg::fuzz::AllFuzzTargets()) {
    if (absl::string_view(target.name) == KG_FUZZ_TARGET) return target;
  }
  kg::fuzz::Require(false, "no fuzz target named " KG_FUZZ_TARGET);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  if (Target().prepare != nullptr) Target().prepare();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const kg::fuzz::FuzzFunction run = Target().run;
  return run(data, size);
}
