// Command lines of the form `kg [global options] COMMAND [args] [options]`:
// options are `--name`, `--name VALUE` or `--name=VALUE`, anywhere after
// the program name; `--` ends options.
#ifndef KG_CLI_ARGS_H_
#define KG_CLI_ARGS_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace kg::cli {

struct OptionSpec {
  std::string name;  // Without the leading "--".
  // Empty for a flag; else how the help names the value ("ADDR").
  std::string value_name;
  bool repeated = false;
  std::string help;
};

class ParsedArgs {
 public:
  const std::vector<std::string>& positional() const { return positional_; }
  bool Has(absl::string_view name) const;
  // The option's value, or `fallback` when it was not given.
  std::string Value(absl::string_view name,
                    absl::string_view fallback = "") const;
  // Every value of a repeated option, in order.
  std::vector<std::string> Values(absl::string_view name) const;

 private:
  friend absl::StatusOr<ParsedArgs> ParseArgs(
      absl::Span<const std::string> args, absl::Span<const OptionSpec> options);

  std::vector<std::string> positional_;
  std::map<std::string, std::vector<std::string>, std::less<>> values_;
};

// InvalidArgument for an unknown option, a missing value, a value given to
// a flag, or a non-repeated option given twice.
absl::StatusOr<ParsedArgs> ParseArgs(absl::Span<const std::string> args,
                                     absl::Span<const OptionSpec> options);

// The index in `args` of the command: the first argument that is neither a
// global option nor its value. args.size() when there is none.
absl::StatusOr<size_t> LocateCommand(
    absl::Span<const std::string> args,
    absl::Span<const OptionSpec> global_options);

// "  --label L     Only nodes with this label." lines for a help text.
std::string OptionsHelp(absl::Span<const OptionSpec> options);

}  // namespace kg::cli

#endif  // KG_CLI_ARGS_H_
