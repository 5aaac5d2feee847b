#include "commands/cmd_batch.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <istream>
#include <streambuf>
#include <variant>

#include "batch/roster.h"
#include "io/output.h"
#include "load/library_loader.h"
#include "model/diagnostics.h"
#include "model/format.h"
#include "plan/planner.h"
#include "render/handout.h"
#include "render/render_html.h"
#include "render/render_json.h"
#include "render/render_markdown.h"
#include "render/render_text.h"
#include "text/date.h"
#include "text/escape.h"
#include "text/suggest.h"
#include "text/utf8.h"

namespace backplan {

namespace {

volatile std::sig_atomic_t g_signal = 0;

extern "C" void on_signal(int signal) {
  g_signal = signal;
}

// Ctrl-C and kill stop the run between two clients (so no handout is cut short); the previous
// handlers come back when the run ends.
class SignalGuard {
 public:
  SignalGuard() {
    g_signal = 0;
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a read from a terminal returns at once
    ::sigaction(SIGINT, &action, &old_int_);
    ::sigaction(SIGTERM, &action, &old_term_);
  }
  ~SignalGuard() {
    ::sigaction(SIGINT, &old_int_, nullptr);
    ::sigaction(SIGTERM, &old_term_, nullptr);
  }
  SignalGuard(const SignalGuard&) = delete;
  SignalGuard& operator=(const SignalGuard&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

// Reads a file descriptor through a buffer; stops at a signal; remembers a read error.
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd) {}
  int error() const { return error_; }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    for (;;) {
      const ssize_t n = ::read(fd_, buffer_, sizeof buffer_);
      if (n > 0) {
        setg(buffer_, buffer_, buffer_ + n);
        return traits_type::to_int_type(*gptr());
      }
      if (n < 0 && errno == EINTR && g_signal == 0) continue;
      if (n < 0 && errno != EINTR) error_ = errno;
      return traits_type::eof();
    }
  }

 private:
  int fd_;
  int error_ = 0;
  char buffer_[65536];
};

// A temporary file in the output directory, named like write_output's (".backplan-XXXXXX"), so
// that a later run with --force clears it away if this run is killed. Removed unless renamed.
class TempFile {
 public:
  explicit TempFile(const std::string& dir) {
    std::string pattern = dir + "/.backplan-XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0) {
      throw Error(ExitCode::cannot_write,
                  fmt::format("cannot write in '{}': {}", dir, std::strerror(errno)));
    }
    path_ = name.data();
    file_ = ::fdopen(fd, "w+");
    if (!file_) {
      ::close(fd);
      ::unlink(path_.c_str());
      throw Error(ExitCode::cannot_write,
                  fmt::format("cannot write in '{}': {}", dir, std::strerror(errno)));
    }
  }
  ~TempFile() {
    if (file_) std::fclose(file_);
    if (!renamed_) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  std::FILE* file() { return file_; }
  bool put(const std::string& text) {
    return std::fwrite(text.data(), 1, text.size(), file_) == text.size();
  }

  // Flushes to disk and renames over `target`; false (errno set) on failure.
  bool commit(const std::string& target) {
    if (std::fflush(file_) != 0 || ::fsync(::fileno(file_)) != 0) return false;
    ::fchmod(::fileno(file_), static_cast<mode_t>(new_file_mode()));
    const int closed = std::fclose(file_);
    file_ = nullptr;
    if (closed != 0) return false;
    if (::rename(path_.c_str(), target.c_str()) != 0) return false;
    renamed_ = true;
    return true;
  }

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
  bool renamed_ = false;
};

[[noreturn]] void cannot_write(const std::string& path, int error) {
  throw Error(ExitCode::cannot_write,
              fmt::format("cannot write '{}': {}", path, std::strerror(error)));
}

// ".backplan-" and six characters from mkstemp: a temporary file of write_output or TempFile.
bool is_temp_name(const std::string& name) {
  if (name.size() != 16 || name.compare(0, 10, ".backplan-") != 0) return false;
  for (std::size_t i = 10; i < 16; ++i) {
    const char c = name[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      return false;
    }
  }
  return true;
}

// Makes `dir` ready: created when missing; refused when it holds anything and --force is not
// given; with --force, temporary files an interrupted run left behind are removed.
void prepare_directory(const std::string& dir, bool force) {
  struct stat info {};
  if (::stat(dir.c_str(), &info) != 0) {
    if (errno != ENOENT || ::mkdir(dir.c_str(), 0777) != 0) {
      throw Error(ExitCode::cannot_write,
                  fmt::format("cannot create directory '{}': {}", dir, std::strerror(errno)));
    }
    return;
  }
  if (!S_ISDIR(info.st_mode)) {
    throw Error(ExitCode::cannot_write, fmt::format("'{}' exists and is not a directory", dir));
  }
  DIR* handle = ::opendir(dir.c_str());
  if (!handle) {
    throw Error(ExitCode::cannot_write,
                fmt::format("cannot read directory '{}': {}", dir, std::strerror(errno)));
  }
  std::vector<std::string> entries;
  while (const dirent* entry = ::readdir(handle)) {
    const std::string name = entry->d_name;
    if (name != "." && name != "..") entries.push_back(name);
  }
  ::closedir(handle);
  if (entries.empty()) return;
  if (!force) {
    throw Error(ExitCode::cannot_write,
                fmt::format("'{}' is not empty; use --force to write into it (files with the "
                            "same names are replaced)",
                            dir));
  }
  for (const auto& name : entries) {
    if (!is_temp_name(name)) continue;
    const std::string path = dir + "/" + name;
    struct stat entry {};
    if (::lstat(path.c_str(), &entry) == 0 && S_ISREG(entry.st_mode)) ::unlink(path.c_str());
  }
}

// ---- The index -------------------------------------------------------------------------------

enum class Status { handout, referred, skipped };

struct Entry {
  int line = 0;
  std::optional<std::string> name;
  Status status = Status::handout;
  std::string file;                   // the handout's file name
  std::vector<Notice> notices;        // handouts: clearance and check-first notices; referrals:
                                      // the red flags
  std::vector<std::string> problems;  // skipped rows: what is wrong
};

struct Totals {
  long handouts = 0;
  long referred = 0;
  long skipped = 0;
};

std::string plural(long n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string summary_text(const Totals& t) {
  return fmt::format("{}, {} referred to a clinician, {}",
                     plural(t.handouts, "handout", "handouts"), t.referred,
                     plural(t.skipped, "row skipped", "rows skipped"));
}

const char* extension(Format format) {
  switch (format) {
    case Format::html:
      return ".html";
    case Format::markdown:
      return ".md";
    case Format::text:
      return ".txt";
    case Format::json:
      return ".json";
  }
  return ".txt";
}

struct IndexInfo {
  std::string roster;
  std::optional<std::string> date;
};

std::string index_head(Format format, const IndexInfo& info, const Totals& totals) {
  const std::string source =
      info.date ? fmt::format("{} · {}", info.roster, *info.date) : info.roster;
  switch (format) {
    case Format::html:
      return fmt::format(
          "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<title>Handouts</title>\n<style>\n"
          "body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem "
          "auto;padding:0 1rem;color:#222;line-height:1.4}}\n"
          "table{{border-collapse:collapse;width:100%}}\n"
          "th,td{{text-align:left;vertical-align:top;padding:.4rem .6rem;border-bottom:1px "
          "solid #ccc}}\n"
          "ul{{margin:0;padding-left:1.1rem}}\n.refer td{{background:#fde8e8}}\n"
          ".refer strong{{color:#900}}\n.skipped td{{color:#555}}\n"
          "@media print{{a{{color:inherit}}}}\n</style>\n</head>\n<body>\n<h1>Handouts</h1>\n"
          "<p>{}</p>\n<p>{}.</p>\n<table>\n"
          "<thead><tr><th>Line</th><th>Client</th><th>Handout</th><th>Notes</th></tr></thead>\n"
          "<tbody>\n",
          html_escape(source), html_escape(summary_text(totals)));
    case Format::markdown:
      return fmt::format("# Handouts\n\nRoster: {}\n\nIn all: {}.\n\n", markdown_escape(source),
                         markdown_escape(summary_text(totals)));
    case Format::text:
      return fmt::format("Handouts\n{}\n{}.\n", source, summary_text(totals));
    case Format::json: {
      nlohmann::ordered_json head = {
          {"format", "backplan-batch-1"},
          {"roster", info.roster},
          {"date", info.date ? nlohmann::ordered_json(*info.date) : nlohmann::ordered_json()},
          {"handouts", totals.handouts},
          {"referred", totals.referred},
          {"skipped", totals.skipped}};
      std::string text = head.dump(2);
      text.resize(text.size() - 2);  // drop "\n}": the clients follow
      return text + ",\n  \"clients\": [";
    }
  }
  return {};
}

std::string index_foot(Format format, bool any) {
  switch (format) {
    case Format::html:
      return "</tbody>\n</table>\n</body>\n</html>\n";
    case Format::markdown:
    case Format::text:
      return {};
    case Format::json:
      return any ? "\n  ]\n}\n" : "]\n}\n";
  }
  return {};
}

std::string index_entry(Format format, const Entry& e, bool first) {
  const std::string name = e.name.value_or("");
  switch (format) {
    case Format::html: {
      std::string notes;
      if (e.status == Status::referred) {
        notes += "<strong>No handout: refer to a clinician.</strong>";
      } else if (e.status == Status::skipped) {
        notes += "Row skipped.";
      }
      if (!e.notices.empty() || !e.problems.empty()) {
        notes += "<ul>";
        for (const auto& n : e.notices) {
          notes += fmt::format("<li>{}: {}</li>", notice_label(n.level), html_escape(n.text));
        }
        for (const auto& p : e.problems) notes += fmt::format("<li>{}</li>", html_escape(p));
        notes += "</ul>";
      }
      const std::string link =
          e.status == Status::handout ? fmt::format("<a href=\"{0}\">{0}</a>", e.file) : "—";
      const char* row_class = e.status == Status::referred  ? " class=\"refer\""
                              : e.status == Status::skipped ? " class=\"skipped\""
                                                            : "";
      return fmt::format("<tr{}><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", row_class,
                         e.line, html_escape(name), link, notes);
    }
    case Format::markdown: {
      std::string out = fmt::format("- Line {}: ", e.line);
      if (!name.empty()) out += fmt::format("**{}** — ", markdown_escape(name));
      if (e.status == Status::handout) {
        out += fmt::format("[{0}]({0})\n", e.file);
      } else if (e.status == Status::referred) {
        out += "no handout: **refer to a clinician**\n";
      } else {
        out += "row skipped\n";
      }
      for (const auto& n : e.notices) {
        out += fmt::format("  - {}: {}\n", notice_label(n.level), markdown_escape(n.text));
      }
      for (const auto& p : e.problems) out += fmt::format("  - {}\n", markdown_escape(p));
      return out;
    }
    case Format::text: {
      std::string out = fmt::format("\nline {}: {}\n", e.line, name.empty() ? "(no name)" : name);
      const std::string indent = "    ";
      if (e.status == Status::handout) {
        out += indent + e.file + "\n";
      } else if (e.status == Status::referred) {
        out += indent + "NO HANDOUT: refer to a clinician.\n";
      } else {
        out += indent + "Row skipped.\n";
      }
      for (const auto& n : e.notices) {
        out +=
            wrap(fmt::format("{}: {}", notice_label(n.level), n.text), 80, indent, indent + "  ") +
            "\n";
      }
      for (const auto& p : e.problems) out += wrap(p, 80, indent, indent + "  ") + "\n";
      return out;
    }
    case Format::json: {
      using json = nlohmann::ordered_json;
      json notices = json::array();
      for (const auto& n : e.notices) {
        notices.push_back({{"level", std::string(to_string(n.level))}, {"text", n.text}});
      }
      const char* status = e.status == Status::handout    ? "handout"
                           : e.status == Status::referred ? "referred"
                                                          : "skipped";
      const json entry = {
          {"line", e.line},     {"name", e.name ? json(*e.name) : json()},
          {"status", status},   {"file", e.status == Status::handout ? json(e.file) : json()},
          {"notices", notices}, {"problems", e.problems}};
      return (first ? "\n    " : ",\n    ") + entry.dump();
    }
  }
  return {};
}

// ---- Progress --------------------------------------------------------------------------------

// A one-line progress bar on stderr, only when stderr is a terminal.
class Progress {
 public:
  explicit Progress(std::uint64_t total_bytes)
      : on_(::isatty(STDERR_FILENO) == 1), total_(total_bytes) {}

  void update(long clients, std::uint64_t bytes) {
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    shown_ = true;
    std::string line;
    if (total_ > 0) {
      const int percent = static_cast<int>(std::min<std::uint64_t>(100, bytes * 100 / total_));
      const int filled = percent * 30 / 100;
      line = fmt::format("\rbatch: [{}{}] {:3}%  {} clients\x1b[K", std::string(filled, '#'),
                         std::string(30 - filled, '-'), percent, clients);
    } else {
      line = fmt::format("\rbatch: {} clients\x1b[K", clients);
    }
    std::fputs(line.c_str(), stderr);
  }

  // Clears the bar (before another line is printed, and at the end).
  void clear() {
    if (!on_ || !shown_) return;
    std::fputs("\r\x1b[K", stderr);
    shown_ = false;
  }

 private:
  bool on_;
  std::uint64_t total_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_;
};

std::string join_path(const std::string& dir, const std::string& name) {
  return !dir.empty() && dir.back() == '/' ? dir + name : dir + "/" + name;
}

}  // namespace

int run_batch(const BatchOptions& options) {
  const auto format = kFormatNames.parse(options.format);
  if (!format) {
    throw Error::flag("--format", unknown_message("format", options.format, kFormatNames.names()));
  }
  std::optional<RosterFormat> roster_format;
  if (options.roster_format) {
    roster_format = kRosterFormatNames.parse(*options.roster_format);
    if (!roster_format) {
      throw Error::flag("--roster-format", unknown_message("roster format", *options.roster_format,
                                                           kRosterFormatNames.names()));
    }
  } else if (options.roster == "-") {
    throw Error::flag("--roster-format",
                      "is needed to read a roster from standard input: csv or yaml");
  } else {
    roster_format = roster_format_from_path(options.roster);
    if (!roster_format) {
      throw Error::flag("--roster-format",
                        fmt::format("cannot tell the format of '{}' from its name (.csv, .yaml or "
                                    ".yml); give csv or yaml",
                                    options.roster));
    }
  }
  if (options.date && !is_iso_date(*options.date)) {
    throw Error::flag("--date",
                      fmt::format("must be a date written YYYY-MM-DD, not '{}'", *options.date));
  }
  if (options.out.empty() || options.out == "-") {
    throw Error::flag("--out", "needs a directory to write the handouts into");
  }
  if (options.roster.empty()) throw Error(ExitCode::usage, "needs a roster file, or '-'");

  const Library lib = load_library_or_throw(options.routines);

  // The roster.
  const bool from_stdin = options.roster == "-";
  const std::string shown = from_stdin ? "<stdin>" : options.roster;
  int fd = STDIN_FILENO;
  if (!from_stdin) {
    fd = ::open(options.roster.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error::in_file({shown}, fmt::format("cannot read: {}", std::strerror(errno)));
  }
  struct FdCloser {
    int fd;
    bool own;
    ~FdCloser() {
      if (own) ::close(fd);
    }
  } closer{fd, !from_stdin};
  struct stat info {};
  std::uint64_t size = 0;
  if (::fstat(fd, &info) == 0) {
    if (S_ISDIR(info.st_mode)) throw Error::in_file({shown}, "is a directory, not a file");
    if (S_ISREG(info.st_mode)) size = static_cast<std::uint64_t>(info.st_size);
  }
  SignalGuard signals;
  FdBuffer buffer(fd);
  std::istream in(&buffer);
  const auto roster = *roster_format == RosterFormat::csv ? csv_roster(in, shown, lib)
                                                          : yaml_roster(in, shown, lib);
  auto check_read = [&] {
    if (buffer.error() != 0) {
      throw Error::in_file({shown}, fmt::format("cannot read: {}", std::strerror(buffer.error())));
    }
  };

  // The first client is read before the directory is touched, so that a roster that cannot be
  // read at all leaves nothing behind.
  RosterRow row;
  bool have_row = roster->next(row);
  check_read();
  if (!have_row && g_signal == 0) throw Error::in_file({shown}, "the roster lists no clients");

  const std::string& dir = options.out;
  prepare_directory(dir, options.force);
  TempFile body(dir);

  const char* ext = extension(*format);
  const std::string index_name = std::string("index") + ext;
  const HandoutOptions handout{options.date};
  SlugRegistry slugs;
  Totals totals;
  Progress progress(size);
  bool any = false;
  auto add = [&](const Entry& entry) {
    if (!body.put(index_entry(*format, entry, !any))) {
      throw Error(ExitCode::cannot_write,
                  fmt::format("cannot write in '{}': {}", dir, std::strerror(errno)));
    }
    any = true;
  };

  for (; have_row && g_signal == 0; have_row = roster->next(row)) {
    progress.update(totals.handouts + totals.referred + totals.skipped, roster->bytes_read());
    Entry entry;
    entry.line = row.line;
    entry.name = row.name;
    if (!row.problems.empty()) {
      progress.clear();
      for (const auto& d : row.problems) {
        std::fputs((one_line(format_diagnostic(d)) + "\n").c_str(), stderr);
        entry.problems.push_back(one_line(d.message));
      }
      entry.status = Status::skipped;
      ++totals.skipped;
      add(entry);
      continue;
    }
    const Profile profile = resolve_profile(lib, row.input, ProfileInput{});
    const PlanResult result = make_plan(lib, profile);
    if (const auto* stop = std::get_if<RedFlagStop>(&result)) {
      entry.status = Status::referred;
      entry.notices = stop->reasons;
      ++totals.referred;
      progress.clear();
      std::fputs(fmt::format("refer to a clinician: {} ({}:{})\n", entry.name.value_or(""), shown,
                             row.line)
                     .c_str(),
                 stdout);
      add(entry);
      continue;
    }
    const Plan& plan = std::get<Plan>(result);
    std::string content;
    switch (*format) {
      case Format::html:
        content = render_html(plan, handout);
        break;
      case Format::markdown:
        content = render_markdown(plan, handout);
        break;
      case Format::text:
        content = render_text(plan, TextOptions{});
        break;
      case Format::json:
        content = render_json(plan);
        break;
    }
    entry.file = slugs.claim(plan.profile.name.value_or(""), row.line) + ext;
    // Atomic (temp file + rename) but not synced one by one: that took 70% of a run's time;
    // the file system is synced once before the index is written.
    write_output(join_path(dir, entry.file), content, Sync::deferred);
    for (const auto& n : plan.notices) {
      if (n.level == NoticeLevel::clearance || n.level == NoticeLevel::notice) {
        entry.notices.push_back(n);
      }
    }
    ++totals.handouts;
    add(entry);
  }
  check_read();
  progress.clear();
  std::fflush(stdout);

  if (g_signal != 0) {
    std::fputs(fmt::format("backplan: interrupted: {} written to {}; no index was written\n",
                           plural(totals.handouts, "handout", "handouts"), dir)
                   .c_str(),
               stderr);
    return 128 + static_cast<int>(g_signal);
  }

  // Every handout reaches the disk before the index that lists them appears.
  const std::string index_path = join_path(dir, index_name);
  if (const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir_fd >= 0) {
    const int synced = ::syncfs(dir_fd);
    const int error = errno;
    ::close(dir_fd);
    if (synced != 0) cannot_write(index_path, error);
  }
  // The index: its head (with the totals) and foot around the entries kept on disk.
  auto fail_index = [&] {
    throw Error(ExitCode::cannot_write,
                fmt::format("cannot write '{}': {}", index_path, std::strerror(errno)));
  };
  TempFile index(dir);
  if (!index.put(index_head(*format, {shown, options.date}, totals))) fail_index();
  if (std::fflush(body.file()) != 0) fail_index();
  std::rewind(body.file());
  char chunk[65536];
  for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, body.file())) > 0;) {
    if (std::fwrite(chunk, 1, n, index.file()) != n) fail_index();
  }
  if (std::ferror(body.file())) fail_index();
  if (!index.put(index_foot(*format, any)) || !index.commit(index_path)) fail_index();

  std::fputs(fmt::format("batch: {} → {}\n", summary_text(totals), index_path).c_str(), stdout);
  return static_cast<int>(totals.skipped > 0 ? ExitCode::some_rows_failed : ExitCode::ok);
}

}  // namespace backplan
