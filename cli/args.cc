#include "args.h"

#include <algorithm>
#include <optional>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace kg::cli {
namespace {

constexpr absl::string_view kEndOfOptions = "--";

bool IsOption(absl::string_view arg) {
  return absl::StartsWith(arg, "-") && arg != "-";
}

struct OptionUse {
  const OptionSpec* spec;
  std::string value;
  size_t next;  // Index of the argument after the option and its value.
};

// Reads the option at args[i]: "--name", "--name=value" or "--name value".
absl::StatusOr<OptionUse> ReadOption(absl::Span<const std::string> args,
                                     size_t i,
                                     absl::Span<const OptionSpec> options) {
  absl::string_view arg = args[i];
  if (!absl::StartsWith(arg, "--")) {
    return absl::InvalidArgumentError(absl::StrCat("unknown option ", arg));
  }
  arg.remove_prefix(2);
  std::optional<std::string> inline_value;
  if (const size_t equals = arg.find('='); equals != arg.npos) {
    inline_value = std::string(arg.substr(equals + 1));
    arg = arg.substr(0, equals);
  }
  const auto spec = std::find_if(
      options.begin(), options.end(),
      [arg](const OptionSpec& option) { return option.name == arg; });
  if (spec == options.end()) {
    return absl::InvalidArgumentError(absl::StrCat("unknown option --", arg));
  }
  if (spec->value_name.empty()) {
    if (inline_value) {
      return absl::InvalidArgumentError(
          absl::StrCat("--", arg, " takes no value"));
    }
    return OptionUse{&*spec, "", i + 1};
  }
  if (inline_value) return OptionUse{&*spec, *std::move(inline_value), i + 1};
  if (i + 1 >= args.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", arg, " needs a value (", spec->value_name, ")"));
  }
  return OptionUse{&*spec, args[i + 1], i + 2};
}

}  // namespace

bool ParsedArgs::Has(absl::string_view name) const {
  return values_.find(name) != values_.end();
}

std::string ParsedArgs::Value(absl::string_view name,
                              absl::string_view fallback) const {
  const auto it = values_.find(name);
  return it == values_.end() ? std::string(fallback) : it->second.back();
}

std::vector<std::string> ParsedArgs::Values(absl::string_view name) const {
  const auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>() : it->second;
}

absl::StatusOr<ParsedArgs> ParseArgs(absl::Span<const std::string> args,
                                     absl::Span<const OptionSpec> options) {
  ParsedArgs parsed;
  size_t i = 0;
  while (i < args.size()) {
    if (args[i] == kEndOfOptions) {
      parsed.positional_.insert(parsed.positional_.end(), args.begin() + i + 1,
                                args.end());
      break;
    }
    if (!IsOption(args[i])) {
      parsed.positional_.push_back(args[i++]);
      continue;
    }
    absl::StatusOr<OptionUse> use = ReadOption(args, i, options);
    if (!use.ok()) return use.status();
    std::vector<std::string>& values = parsed.values_[use->spec->name];
    if (!values.empty() && !use->spec->repeated) {
      return absl::InvalidArgumentError(
          absl::StrCat("--", use->spec->name, " given twice"));
    }
    values.push_back(std::move(use->value));
    i = use->next;
  }
  return parsed;
}

absl::StatusOr<size_t> LocateCommand(
    absl::Span<const std::string> args,
    absl::Span<const OptionSpec> global_options) {
  size_t i = 0;
  while (i < args.size() && IsOption(args[i]) && args[i] != kEndOfOptions) {
    absl::StatusOr<OptionUse> use = ReadOption(args, i, global_options);
    if (!use.ok()) return use.status();
    i = use->next;
  }
  if (i < args.size() && args[i] == kEndOfOptions) ++i;
  return i;
}

std::string OptionsHelp(absl::Span<const OptionSpec> options) {
  std::string help;
  for (const OptionSpec& option : options) {
    std::string usage = absl::StrCat("--", option.name);
    if (!option.value_name.empty()) {
      absl::StrAppend(&usage, " ", option.value_name);
    }
    if (option.repeated) absl::StrAppend(&usage, " ...");
    absl::StrAppendFormat(&help, "  %-22s %s\n", usage, option.help);
  }
  return help;
}

}  // namespace kg::cli
