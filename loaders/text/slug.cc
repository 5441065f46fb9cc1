#include "absl/strings/ascii.h"
#include "kg/graph/text_normalize.h"
#include "kg/text/mention.h"

namespace kg::text {

std::string Slugify(absl::string_view name) {
  std::string folded = graph::NormalizeName(name);
  std::string slug;
  bool dash = false;
  for (char c : folded) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      if (dash && !slug.empty()) slug.push_back('-');
      dash = false;
      slug.push_back(c);
    } else if (c == ' ' || c == '-' || c == '/' || c == '_') {
      dash = true;
    }
  }
  return slug;
}

}  // namespace kg::text
