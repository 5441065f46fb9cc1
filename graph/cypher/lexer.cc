#include "lexer.h"

#include <cctype>

#include "absl/strings/str_cat.h"

namespace kg::graph::cypher {
namespace {

bool IsIdentStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool IsIdentPart(char c) {
  return IsIdentStart(c) || std::isdigit(static_cast<unsigned char>(c));
}

absl::Status Error(absl::string_view what, size_t at) {
  return absl::InvalidArgumentError(
      absl::StrCat("SyntaxError: ", what, " at offset ", at));
}

// Longest first, so `<=` wins over `<`.
constexpr const char* kSymbols[] = {
    "..", "<>", "!=", "<=", ">=", "=~", "(", ")", "[", "]", "{", "}", ",",
    ".",  ":",  "|",  "+",  "-",  "*",  "/", "%", "^", "=", "<", ">", ";"};

// Appends the character an escape sequence stands for; false if unknown.
bool Unescape(char c, std::string* out) {
  switch (c) {
    case '\\':
    case '\'':
    case '"':
      out->push_back(c);
      return true;
    case 'n':
      out->push_back('\n');
      return true;
    case 't':
      out->push_back('\t');
      return true;
    case 'r':
      out->push_back('\r');
      return true;
    case 'b':
      out->push_back('\b');
      return true;
    case 'f':
      out->push_back('\f');
      return true;
    default:
      return false;
  }
}

}  // namespace

absl::StatusOr<std::vector<Token>> Tokenize(absl::string_view q) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (true) {
    while (i < q.size()) {
      if (std::isspace(static_cast<unsigned char>(q[i]))) {
        ++i;
      } else if (q.substr(i, 2) == "//") {
        while (i < q.size() && q[i] != '\n') ++i;
      } else if (q.substr(i, 2) == "/*") {
        size_t close = q.find("*/", i + 2);
        if (close == absl::string_view::npos) {
          return Error("unterminated comment", i);
        }
        i = close + 2;
      } else {
        break;
      }
    }
    Token token;
    token.begin = i;
    if (i >= q.size()) {
      token.end = i;
      tokens.push_back(token);
      return tokens;
    }
    char c = q[i];
    if (IsIdentStart(c)) {
      while (i < q.size() && IsIdentPart(q[i])) ++i;
      token.kind = TokenKind::kIdent;
      token.text = std::string(q.substr(token.begin, i - token.begin));
    } else if (c == '`') {
      size_t close = q.find('`', i + 1);
      if (close == absl::string_view::npos) {
        return Error("unterminated quoted name", i);
      }
      token.kind = TokenKind::kIdent;
      token.quoted = true;
      token.text = std::string(q.substr(i + 1, close - i - 1));
      i = close + 1;
    } else if (c == '$') {
      ++i;
      while (i < q.size() && IsIdentPart(q[i])) ++i;
      if (i == token.begin + 1) return Error("parameter without a name", i);
      token.kind = TokenKind::kParam;
      token.text = std::string(q.substr(token.begin + 1, i - token.begin - 1));
    } else if (std::isdigit(static_cast<unsigned char>(c)) ||
               (c == '.' && i + 1 < q.size() &&
                std::isdigit(static_cast<unsigned char>(q[i + 1])))) {
      token.kind = TokenKind::kInt;
      if (c == '0' && i + 1 < q.size() &&
          (q[i + 1] == 'x' || q[i + 1] == 'o')) {
        i += 2;
        while (i < q.size() && std::isalnum(static_cast<unsigned char>(q[i]))) {
          ++i;
        }
      } else {
        while (i < q.size() && std::isdigit(static_cast<unsigned char>(q[i]))) {
          ++i;
        }
        if (i + 1 < q.size() && q[i] == '.' &&
            std::isdigit(static_cast<unsigned char>(q[i + 1]))) {
          token.kind = TokenKind::kFloat;
          ++i;
          while (i < q.size() &&
                 std::isdigit(static_cast<unsigned char>(q[i]))) {
            ++i;
          }
        }
        if (i < q.size() && (q[i] == 'e' || q[i] == 'E')) {
          size_t j = i + 1;
          if (j < q.size() && (q[j] == '-' || q[j] == '+')) ++j;
          if (j < q.size() && std::isdigit(static_cast<unsigned char>(q[j]))) {
            token.kind = TokenKind::kFloat;
            i = j;
            while (i < q.size() &&
                   std::isdigit(static_cast<unsigned char>(q[i]))) {
              ++i;
            }
          }
        }
        if (i < q.size() && IsIdentStart(q[i])) {
          return Error("invalid number literal", token.begin);
        }
      }
      token.text = std::string(q.substr(token.begin, i - token.begin));
    } else if (c == '\'' || c == '"') {
      token.kind = TokenKind::kString;
      ++i;
      while (true) {
        if (i >= q.size()) return Error("unterminated string", token.begin);
        if (q[i] == c) break;
        if (q[i] == '\\' && i + 1 < q.size()) {
          if (!Unescape(q[i + 1], &token.text)) {
            token.text.push_back(q[i]);
            token.text.push_back(q[i + 1]);
          }
          i += 2;
          continue;
        }
        token.text.push_back(q[i++]);
      }
      ++i;
    } else {
      token.kind = TokenKind::kSymbol;
      for (const char* symbol : kSymbols) {
        if (q.substr(i, std::char_traits<char>::length(symbol)) == symbol) {
          token.text = symbol;
          break;
        }
      }
      if (token.text.empty()) {
        return Error(
            absl::StrCat("unexpected character '", std::string(1, c), "'"), i);
      }
      i += token.text.size();
    }
    token.end = i;
    tokens.push_back(std::move(token));
  }
}

}  // namespace kg::graph::cypher
