// Request checks shared by the services (internal to services/).
#ifndef KG_SERVICES_VALIDATION_H_
#define KG_SERVICES_VALIDATION_H_

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace kg::services {

// InvalidArgument "<field>: must not be empty" when `value` is empty.
inline absl::Status RequireNonEmpty(absl::string_view field,
                                    absl::string_view value) {
  if (!value.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(field, ": must not be empty"));
}

}  // namespace kg::services

#endif  // KG_SERVICES_VALIDATION_H_
