#include "commands/pdf_output.h"

#include <array>
#include <string_view>

#include "io/terminal.h"
#include "model/diagnostics.h"
#include "text/suggest.h"

namespace backplan {

Paper paper_for_locale(const std::optional<std::string>& locale) {
  if (!locale) return Paper::a4;
  // "en_US.UTF-8@euro": the territory is between '_' and '.' or '@'.
  const std::size_t underscore = locale->find('_');
  if (underscore == std::string::npos) return Paper::a4;
  const std::size_t end = locale->find_first_of(".@", underscore);
  const std::string territory = locale->substr(
      underscore + 1, end == std::string::npos ? std::string::npos : end - underscore - 1);
  static constexpr std::array<std::string_view, 8> kLetter = {"US", "CA", "MX", "CL",
                                                              "CO", "VE", "PH", "PR"};
  for (const auto t : kLetter) {
    if (territory == t) return Paper::letter;
  }
  return Paper::a4;
}

Paper resolve_paper(const std::optional<std::string>& flag) {
  if (flag) {
    if (const auto paper = kPaperNames.parse(*flag)) return *paper;
    throw Error::flag("--paper", unknown_message("paper", *flag, kPaperNames.names()));
  }
  for (const char* name : {"LC_ALL", "LC_PAPER", "LANG"}) {
    const auto value = environment_variable(name);
    if (value && !value->empty()) return paper_for_locale(value);
  }
  return Paper::a4;
}

void refuse_pdf_to_terminal(const std::string& output) {
  if (output == "-" && stdout_is_terminal()) {
    throw Error::flag("--format",
                      "pdf is not written to a terminal: give -o FILE.pdf, or send "
                      "standard output to a file or a pipe");
  }
}

}  // namespace backplan
