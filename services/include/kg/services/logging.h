// Structured logs of kg-server: every event is one JSON object on one
// line, e.g.
//
//   {"time":"2026-11-23T05:10:00.123Z","level":"info",
//    "event":"import_done","document":"doc:x","facts":12,"seconds":0.02}
//
// "time", "level" (info, warning, error) and "event" come first, then the
// event's own fields in the order given. Lines go to stderr unless
// SetLogFile names a file. Each line is written with one write, so lines
// of concurrent calls never interleave. Thread-safe.
#ifndef KG_SERVICES_LOGGING_H_
#define KG_SERVICES_LOGGING_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace kg::services {

enum class LogLevel { kInfo, kWarning, kError };

// One "key": value pair of a line; the value is kept as JSON text.
class LogField {
 public:
  LogField(absl::string_view key, absl::string_view value);
  LogField(absl::string_view key, const char* value)
      : LogField(key, absl::string_view(value)) {}
  LogField(absl::string_view key, const std::string& value)
      : LogField(key, absl::string_view(value)) {}
  LogField(absl::string_view key, int64_t value);
  LogField(absl::string_view key, uint64_t value);
  // null when absent.
  LogField(absl::string_view key, std::optional<uint64_t> value);
  LogField(absl::string_view key, int value)
      : LogField(key, static_cast<int64_t>(value)) {}
  LogField(absl::string_view key, double value);
  LogField(absl::string_view key, bool value);
  // Seconds, as a number.
  LogField(absl::string_view key, absl::Duration value);

  const std::string& key() const { return key_; }
  const std::string& json() const { return json_; }

 private:
  std::string key_;
  std::string json_;
};

// The line for an event at `time`, without its newline.
std::string LogLine(absl::Time time, LogLevel level, absl::string_view event,
                    std::initializer_list<LogField> fields);

// Writes a line made by LogLine, adding its newline.
void WriteLogLine(const std::string& line);

// Writes the event's line, stamped now.
void Log(LogLevel level, absl::string_view event,
         std::initializer_list<LogField> fields = {});

// Appends later lines to the file at `path` (created when missing) instead
// of stderr; an empty path goes back to stderr. InvalidArgument naming
// --log_file when the file cannot be opened.
absl::Status SetLogFile(const std::string& path);

}  // namespace kg::services

#endif  // KG_SERVICES_LOGGING_H_
