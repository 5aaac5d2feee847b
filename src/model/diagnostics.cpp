#include "model/diagnostics.h"

#include <fmt/format.h>

namespace backplan {

std::string to_string(const Location& where) {
  if (where.line <= 0) return where.path;
  if (where.column <= 0) return fmt::format("{}:{}", where.path, where.line);
  return fmt::format("{}:{}:{}", where.path, where.line, where.column);
}

std::string format_diagnostic(const Diagnostic& d) {
  return fmt::format("{}: error: {}", to_string(d.where), d.message);
}

Error Error::in_file(const Location& where, const std::string& message) {
  Error error(ExitCode::bad_data, format_diagnostic({where, message}));
  error.diagnostic_ = Diagnostic{where, message};
  return error;
}

Error Error::flag(const std::string& flag, const std::string& message) {
  return Error(ExitCode::usage, fmt::format("{}: {}", flag, message));
}

void DiagnosticSink::throw_if_any() const {
  if (items_.empty()) return;
  throw Error::in_file(items_.front().where, items_.front().message);
}

}  // namespace backplan
