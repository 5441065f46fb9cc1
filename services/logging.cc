#include "kg/services/logging.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <cmath>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"

namespace kg::services {
namespace {

// A JSON string literal of `text` (RFC 8259 escapes; bytes above 0x7f
// pass through, as the server's text is UTF-8).
std::string JsonString(absl::string_view text) {
  std::string json = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        json += "\\\"";
        break;
      case '\\':
        json += "\\\\";
        break;
      case '\n':
        json += "\\n";
        break;
      case '\r':
        json += "\\r";
        break;
      case '\t':
        json += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          absl::StrAppendFormat(&json, "\\u%04x", static_cast<int>(c));
        } else {
          json += c;
        }
    }
  }
  json += "\"";
  return json;
}

absl::string_view LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarning:
      return "warning";
    case LogLevel::kError:
      return "error";
  }
  return "error";
}

// Where lines go: stderr (2) or the --log_file descriptor.
class LogSink {
 public:
  absl::Status SetFile(const std::string& path) {
    int fd = STDERR_FILENO;
    if (!path.empty()) {
      fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
      if (fd < 0) {
        return absl::InvalidArgumentError(absl::StrCat(
            "--log_file: cannot open ", path, ": ", strerror(errno)));
      }
    }
    absl::MutexLock lock(&mu_);
    if (fd_ != STDERR_FILENO) close(fd_);
    fd_ = fd;
    return absl::OkStatus();
  }

  // O_APPEND and one write per line keep lines whole.
  void Write(const std::string& line) {
    absl::MutexLock lock(&mu_);
    for (size_t written = 0; written < line.size();) {
      const ssize_t n =
          write(fd_, line.data() + written, line.size() - written);
      if (n < 0 && errno == EINTR) continue;
      // Nowhere is left to report a failing log.
      if (n <= 0) return;
      written += n;
    }
  }

 private:
  absl::Mutex mu_;
  int fd_ ABSL_GUARDED_BY(mu_) = STDERR_FILENO;
};

LogSink& Sink() {
  static LogSink* const sink = new LogSink();
  return *sink;
}

}  // namespace

LogField::LogField(absl::string_view key, absl::string_view value)
    : key_(key), json_(JsonString(value)) {}
LogField::LogField(absl::string_view key, int64_t value)
    : key_(key), json_(absl::StrCat(value)) {}
LogField::LogField(absl::string_view key, uint64_t value)
    : key_(key), json_(absl::StrCat(value)) {}
LogField::LogField(absl::string_view key, std::optional<uint64_t> value)
    : key_(key), json_(value.has_value() ? absl::StrCat(*value) : "null") {}
// JSON has no NaN or infinities.
LogField::LogField(absl::string_view key, double value)
    : key_(key),
      json_(std::isfinite(value) ? absl::StrFormat("%.9g", value) : "null") {}
LogField::LogField(absl::string_view key, bool value)
    : key_(key), json_(value ? "true" : "false") {}
LogField::LogField(absl::string_view key, absl::Duration value)
    : LogField(key, absl::ToDoubleSeconds(value)) {}

std::string LogLine(absl::Time time, LogLevel level, absl::string_view event,
                    std::initializer_list<LogField> fields) {
  std::string line =
      absl::StrCat("{\"time\":",
                   JsonString(absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", time,
                                               absl::UTCTimeZone())),
                   ",\"level\":", JsonString(LevelName(level)),
                   ",\"event\":", JsonString(event));
  for (const LogField& field : fields) {
    absl::StrAppend(&line, ",", JsonString(field.key()), ":", field.json());
  }
  line += "}";
  return line;
}

void WriteLogLine(const std::string& line) { Sink().Write(line + "\n"); }

void Log(LogLevel level, absl::string_view event,
         std::initializer_list<LogField> fields) {
  WriteLogLine(LogLine(absl::Now(), level, event, fields));
}

absl::Status SetLogFile(const std::string& path) {
  return Sink().SetFile(path);
}

}  // namespace kg::services
