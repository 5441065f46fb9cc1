// Aligned columns of text for people.
#ifndef KG_CLI_TABLE_H_
#define KG_CLI_TABLE_H_

#include <ostream>
#include <string>
#include <vector>

namespace kg::cli {

class Table {
 public:
  // An empty header prints no header line.
  explicit Table(std::vector<std::string> header = {});

  // Line breaks and tabs in cells print as spaces, to keep one row a line.
  void AddRow(std::vector<std::string> cells);

  // Columns are padded to their widest cell, counted in characters (UTF-8
  // code points); the last column is not padded.
  void Print(std::ostream& out) const;

 private:
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace kg::cli

#endif  // KG_CLI_TABLE_H_
