// RFC 4180 records: fields separated by commas, records by CRLF or LF;
// a field in double quotes may hold commas, line breaks and doubled
// quotes. Internal to kg_loaders (see kg/loaders/csv_facts.h).
#ifndef KG_LOADERS_CSV_RECORD_H_
#define KG_LOADERS_CSV_RECORD_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kg::loaders {

struct CsvRecord {
  // The line the record starts on, from 1.
  int line = 0;
  std::vector<std::string> fields;
};

class CsvRecordReader {
 public:
  // `text` must outlive the reader; a leading UTF-8 byte order mark is
  // skipped. Errors name `file_name` and the line.
  CsvRecordReader(absl::string_view text, absl::string_view file_name);

  // Reads the next record into `record`; false at the end of the text.
  // Blank lines are skipped. InvalidArgument for an unterminated quoted
  // field, a stray quote or a field that is not UTF-8.
  absl::StatusOr<bool> Next(CsvRecord* record);

 private:
  absl::Status Error(int line, absl::string_view problem) const;
  // Reads one field starting at pos_ into `field`.
  absl::Status ReadField(int record_line, std::string* field);
  // Consumes a line break at pos_, if there is one.
  bool ConsumeLineBreak();

  absl::string_view text_;
  std::string file_name_;
  size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace kg::loaders

#endif  // KG_LOADERS_CSV_RECORD_H_
