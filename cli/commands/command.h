// The subcommands of `kg`. Each lives in its own file and returns the
// process's exit status.
#ifndef KG_CLI_COMMANDS_COMMAND_H_
#define KG_CLI_COMMANDS_COMMAND_H_

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "args.h"
#include "connection.h"

namespace kg::cli {

struct CommandContext {
  Connection& connection;
  // --json: one JSON object a line instead of a table.
  bool json;
  std::ostream& out;
  std::ostream& err;
};

struct Command {
  std::string name;
  // Positional arguments as the help shows them: "KEY", "FILE...".
  std::string arguments;
  std::string summary;
  std::vector<OptionSpec> options;
  size_t min_positional = 0;
  // SIZE_MAX: any number.
  size_t max_positional = 0;
  std::function<int(const ParsedArgs&, CommandContext&)> run;
};

Command GetCommand();
Command FindCommand();
Command NeighborsCommand();
Command ImportCommand();
Command RemoveDocCommand();
Command StatsCommand();
Command DumpCommand();
Command EvalCommand();
Command CheckCommand();
Command BackupCommand();
Command RestoreCommand();
Command TraverseCommand();
Command PathCommand();
Command CommitmentsCommand();
Command SearchCommand();
Command DescribeCommand();
Command ExportCommand();
Command QueryCommand();
Command CallsCommand();
Command CancelCommand();
Command StoreStatsCommand();

}  // namespace kg::cli

#endif  // KG_CLI_COMMANDS_COMMAND_H_
