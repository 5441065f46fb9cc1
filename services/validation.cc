#include "validation.h"

#include <string>
#include <vector>

#include "absl/strings/escaping.h"

namespace kg::services {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

std::string Join(absl::string_view path, absl::string_view name) {
  return path.empty() ? std::string(name) : absl::StrCat(path, ".", name);
}

// One value of `field` (element `index` when repeated): strings are
// measured, messages walked.
absl::Status CheckValue(const Message& message, const FieldDescriptor& field,
                        int index, const std::string& path) {
  const Reflection& reflection = *message.GetReflection();
  const bool repeated = field.is_repeated();
  if (field.cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
    std::string scratch;
    const std::string& value =
        repeated ? reflection.GetRepeatedStringReference(message, &field, index,
                                                         &scratch)
                 : reflection.GetStringReference(message, &field, &scratch);
    return CheckLength(path, value);
  }
  if (field.cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) {
    return absl::OkStatus();
  }
  const Message& child =
      repeated ? reflection.GetRepeatedMessage(message, &field, index)
               : reflection.GetMessage(message, &field);
  return CheckSizes(child, path);
}

// A map entry, named by its key when the key is a string of fair length:
// props["role"].
absl::Status CheckMapEntry(const Message& entry, const std::string& path,
                           int index) {
  const FieldDescriptor& key = *entry.GetDescriptor()->map_key();
  const FieldDescriptor& value = *entry.GetDescriptor()->map_value();
  std::string element = absl::StrCat(path, "[", index, "]");
  if (key.cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
    const std::string name = entry.GetReflection()->GetString(entry, &key);
    absl::Status valid = CheckLength(absl::StrCat(element, ".key"), name);
    if (!valid.ok()) return valid;
    element = absl::StrCat(path, "[\"", absl::CEscape(name), "\"]");
  }
  return CheckValue(entry, value, -1, element);
}

}  // namespace

absl::Status CheckLength(absl::string_view field, absl::string_view value) {
  if (value.size() <= kMaxStringBytes) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(field, ": ", value.size(), " bytes, over the limit of ",
                   kMaxStringBytes, " (max_string_bytes)"));
}

absl::Status CheckSizes(const Message& message, absl::string_view field) {
  const Reflection& reflection = *message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection.ListFields(message, &fields);
  for (const FieldDescriptor* child : fields) {
    const std::string path = Join(field, child->name());
    if (!child->is_repeated()) {
      absl::Status valid = CheckValue(message, *child, -1, path);
      if (!valid.ok()) return valid;
      continue;
    }
    const int size = reflection.FieldSize(message, child);
    if (size > kMaxRepeatedItems) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ": ", size, " items, over the limit of ",
                       kMaxRepeatedItems, " (max_repeated_items)"));
    }
    for (int i = 0; i < size; ++i) {
      absl::Status valid =
          child->is_map()
              ? CheckMapEntry(reflection.GetRepeatedMessage(message, child, i),
                              path, i)
              : CheckValue(message, *child, i, absl::StrCat(path, "[", i, "]"));
      if (!valid.ok()) return valid;
    }
  }
  return absl::OkStatus();
}

}  // namespace kg::services
