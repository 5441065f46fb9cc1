// kg: the command-line client of kg-server.
#include <iostream>
#include <string>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "args.h"
#include "commands/command.h"
#include "connection.h"

namespace kg::cli {
namespace {

constexpr char kDefaultServer[] = "127.0.0.1:50051";
constexpr double kDefaultTimeoutSeconds = 120;

std::vector<OptionSpec> GlobalOptions() {
  return {
      {"server", "ADDR", false,
       absl::StrCat("kg-server address (default ", kDefaultServer, ").")},
      {"json", "", false, "Print one JSON object a line instead of tables."},
      {"timeout", "SECONDS", false,
       absl::StrCat("Deadline of each call (default ", kDefaultTimeoutSeconds,
                    ").")},
      {"token", "TOKEN", false,
       "Bearer token sent with every call (default: $KG_TOKEN)."},
      {"tls", "", false, "Connect with TLS, trusting the system's roots."},
      {"tls_ca", "PEM", false,
       "Connect with TLS, trusting the roots in this file."},
      {"tls_cert", "PEM", false,
       "Client certificate for TLS (with --tls_key)."},
      {"tls_key", "PEM", false, "Private key of --tls_cert."},
      {"help", "", false, "Show help."},
  };
}

std::vector<Command> Commands() {
  return {GetCommand(),      FindCommand(),        NeighborsCommand(),
          ImportCommand(),   RemoveDocCommand(),   StatsCommand(),
          DumpCommand(),     EvalCommand(),        CheckCommand(),
          BackupCommand(),   RestoreCommand(),     TraverseCommand(),
          PathCommand(),     CommitmentsCommand(), SearchCommand(),
          DescribeCommand(), ExportCommand(),      QueryCommand(),
          CallsCommand(),    CancelCommand(),      StoreStatsCommand()};
}

std::string CommandUsage(const Command& command) {
  std::string usage = absl::StrCat("kg [options] ", command.name);
  if (!command.arguments.empty())
    absl::StrAppend(&usage, " ", command.arguments);
  if (!command.options.empty()) absl::StrAppend(&usage, " [command options]");
  return usage;
}

void PrintHelp(const std::vector<Command>& commands, std::ostream& out) {
  out << "Usage: kg [options] COMMAND [arguments]\n\nCommands:\n";
  for (const Command& command : commands) {
    out << "  " << command.name << " " << command.arguments << "\n      "
        << command.summary << "\n";
  }
  out << "\nOptions:\n"
      << OptionsHelp(GlobalOptions())
      << "\n'kg COMMAND --help' shows a command's options.\n";
}

void PrintCommandHelp(const Command& command, std::ostream& out) {
  out << "Usage: " << CommandUsage(command) << "\n\n"
      << command.summary << "\n";
  if (!command.options.empty()) {
    out << "\nCommand options:\n" << OptionsHelp(command.options);
  }
  out << "\nOptions:\n" << OptionsHelp(GlobalOptions());
}

int UsageError(absl::string_view message, std::ostream& err) {
  err << "kg: " << message << "\n(kg --help shows usage)\n";
  return kExitUsage;
}

int Main(const std::vector<std::string>& args) {
  const std::vector<Command> commands = Commands();
  const absl::StatusOr<size_t> index = LocateCommand(args, GlobalOptions());
  if (!index.ok()) return UsageError(index.status().message(), std::cerr);
  if (*index == args.size()) {
    if (!absl::c_linear_search(args, "--help")) {
      return UsageError("missing command", std::cerr);
    }
    PrintHelp(commands, std::cout);
    return kExitOk;
  }
  const auto command =
      std::find_if(commands.begin(), commands.end(),
                   [&](const Command& c) { return c.name == args[*index]; });
  if (command == commands.end()) {
    return UsageError(absl::StrCat("unknown command \"", args[*index], "\""),
                      std::cerr);
  }
  std::vector<OptionSpec> options = GlobalOptions();
  options.insert(options.end(), command->options.begin(),
                 command->options.end());
  std::vector<std::string> rest = args;
  rest.erase(rest.begin() + *index);
  const absl::StatusOr<ParsedArgs> parsed = ParseArgs(rest, options);
  if (!parsed.ok()) return UsageError(parsed.status().message(), std::cerr);
  if (parsed->Has("help")) {
    PrintCommandHelp(*command, std::cout);
    return kExitOk;
  }
  const size_t count = parsed->positional().size();
  if (count < command->min_positional || count > command->max_positional) {
    return UsageError(absl::StrCat("usage: ", CommandUsage(*command)),
                      std::cerr);
  }
  double timeout = kDefaultTimeoutSeconds;
  if (parsed->Has("timeout") &&
      (!absl::SimpleAtod(parsed->Value("timeout"), &timeout) ||
       !(timeout > 0))) {
    return UsageError("--timeout: expected a positive number of seconds",
                      std::cerr);
  }
  const absl::StatusOr<ChannelSecurity> security = ChannelSecurityFrom(*parsed);
  if (!security.ok()) return UsageError(security.status().message(), std::cerr);
  Connection connection(parsed->Value("server", kDefaultServer),
                        absl::Seconds(timeout), *security);
  CommandContext context{connection, parsed->Has("json"), std::cout, std::cerr};
  return command->run(*parsed, context);
}

}  // namespace
}  // namespace kg::cli

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return kg::cli::Main(std::vector<std::string>(argv + 1, argv + argc));
}
