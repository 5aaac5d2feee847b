#include "commands/cmd_batch.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <streambuf>
#include <variant>

#include "batch/roster.h"
#include "batch/slug.h"
#include "commands/handout_figures.h"
#include "commands/pdf_output.h"
#include "io/output.h"
#include "load/library_loader.h"
#include "model/diagnostics.h"
#include "model/format.h"
#include "plan/planner.h"
#include "plan/suggest_equipment.h"
#include "render/batch_index.h"
#include "render/handout.h"
#include "render/render.h"
#include "resolve/profile.h"
#include "text/date.h"
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

// Makes `dir` ready: created when missing; refused when it holds anything and --force is not
// given; with --force, temporary files an interrupted run left behind are removed. With
// `dry_run`, only checked: nothing is created or removed.
void prepare_directory(const std::string& dir, bool force, bool dry_run) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::file_status status = fs::status(dir, error);
  if (status.type() == fs::file_type::not_found) {
    error.clear();
    if (dry_run) return;
    fs::create_directory(dir, error);
    if (!error) return;
  }
  if (error) {
    throw Error(ExitCode::cannot_write,
                fmt::format("cannot create directory '{}': {}", dir, error.message()));
  }
  if (!fs::is_directory(status)) {
    throw Error(ExitCode::cannot_write, fmt::format("'{}' exists and is not a directory", dir));
  }
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    entries.push_back(it->path());
  }
  if (error) {
    throw Error(ExitCode::cannot_write,
                fmt::format("cannot read directory '{}': {}", dir, error.message()));
  }
  if (entries.empty() || (dry_run && force)) return;
  if (!force) {
    throw Error(ExitCode::cannot_write,
                fmt::format("'{}' is not empty; use --force to write into it (files with the "
                            "same names are replaced)",
                            dir));
  }
  for (const auto& path : entries) {
    if (is_temp_name(path.filename().string()) &&
        fs::is_regular_file(fs::symlink_status(path, error))) {
      fs::remove(path, error);
    }
  }
}

// ---- ProgressBar-----------------------------------------------------------------------------

// A one-line progress bar on stderr, only when stderr is a terminal.
class ProgressBar {
 public:
  explicit ProgressBar(std::uint64_t total_bytes)
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
      line = fmt::format("\rbatch: [{}{}] {:3}%  {} client{}\x1b[K", std::string(filled, '#'),
                         std::string(30 - filled, '-'), percent, clients, clients == 1 ? "" : "s");
    } else {
      line = fmt::format("\rbatch: {} client{}\x1b[K", clients, clients == 1 ? "" : "s");
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

// What a red-flag client's referral sheet says: each red flag they reported (as a handout words
// it) and the emergency signs. Red flags are never automatic, so they are among the conditions
// the profile names.
Referral referral_for(const Library& lib, const Profile& profile) {
  Referral r;
  r.person = profile.name;
  for (const auto& id : profile.conditions) {
    const Condition* c = lib.find_condition(id);
    if (c && c->gate == Gate::stop) {
      r.reported.push_back({c->name, handout_text(lib.settings.handout_wording, c->notice)});
    }
  }
  for (const auto& sign : lib.emergency_signs) r.stop_if.push_back(sign.text);
  return r;
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
  if (options.date) {
    if (const auto problem = iso_date_problem(*options.date)) throw Error::flag("--date", *problem);
  }
  if (options.out.empty() || options.out == "-") {
    throw Error::flag("--out", "needs a directory to write the handouts into");
  }
  if (options.roster.empty()) throw Error(ExitCode::usage, "needs a roster file, or '-'");
  const bool pdf = *format == Format::pdf;
  if (options.combine && !pdf) throw Error::flag("--combine", "needs --format pdf");
  if (options.combine && options.combine->empty()) {
    throw Error::flag("--combine", "needs a file name");
  }
  const Paper paper = pdf ? resolve_paper(options.paper) : Paper::a4;

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
  for (const auto& note : roster->take_notes()) {
    std::fputs(fmt::format("backplan: {}\n", one_line(note)).c_str(), stderr);
  }
  if (!have_row && g_signal == 0) throw Error::in_file({shown}, "the roster lists no clients");

  const std::string& dir = options.out;
  prepare_directory(dir, options.force, options.dry_run);
  const char* ext = file_extension(*format);
  const std::string index_path = join_path(dir, std::string("index") + ext);
  // The index's entries, kept on disk as they are made (never committed: the index is made
  // from them at the end). Referrals and skipped rows come first, so they are not missed.
  // --dry-run: every row is read and planned as in a real run, but nothing is written.
  std::optional<AtomicFile> first_body;
  std::optional<AtomicFile> body;
  // PDF: the index's entries are kept as text (a line or two each) and laid out at the end;
  // one font map serves every handout; --combine writes them all into one document.
  std::vector<std::string> pdf_first;
  std::vector<std::string> pdf_body;
  std::optional<PdfFonts> fonts;
  std::optional<AtomicFile> combined_file;
  std::optional<PdfDocument> combined;
  std::string combined_name;
  if (pdf) fonts.emplace();
  if (pdf && options.combine && !options.dry_run) {
    combined_file.emplace(*options.combine);
    combined_name = std::filesystem::path(*options.combine).filename().string();
    combined.emplace(
        *fonts,
        [&combined_file](const char* data, std::size_t n) {
          combined_file->put(std::string(data, n));
        },
        paper, PdfMeta{"Handouts", options.clinic.clinic, options.date});
  }
  // A client's sheet: its own file, or the next pages of the combined one (the index then
  // says which page).
  auto write_pdf = [&](std::string& file, const std::function<void(PdfDocument&)>& draw,
                       const std::string& title, const ClinicInfo& clinic) {
    if (combined) {
      combined->pad_to_odd_page();
      file = fmt::format("{}, page {}", combined_name, combined->pages() + 1);
      draw(*combined);
      return;
    }
    std::string bytes;
    PdfDocument doc(
        *fonts, [&bytes](const char* d, std::size_t n) { bytes.append(d, n); }, paper,
        PdfMeta{title, clinic.clinic, options.date});
    draw(doc);
    doc.finish();
    write_output(join_path(dir, file), bytes, Sync::deferred);
  };
  if (!options.dry_run && !pdf) {
    first_body.emplace(index_path);
    body.emplace(index_path);
  }

  RenderOptions render_options;  // text: no colour, 80 columns
  render_options.date = options.date;
  render_options.clinic = options.clinic;
  HandoutOptions handout_options;
  handout_options.date = options.date;
  handout_options.clinic = options.clinic;
  SlugRegistry slugs;
  SuggestionCache suggestions(lib);  // clients in the same circumstances share "What would help"
  HandoutFigures figures(lib);       // each exercise's figure drawn once, for every handout
  IndexTotals totals;
  ProgressBar progress(size);
  bool any_first = false;
  bool any = false;
  // Each notice is given in full once in the index, then named by the line that has it.
  std::map<std::string, int> first_line;
  auto add = [&](IndexEntry& entry) {
    for (auto& n : entry.notices) {
      const auto [at, fresh] = first_line.emplace(n.text, entry.line);
      if (!fresh)
        entry.same_as.push_back(at->second);
      else
        entry.same_as.push_back(0);
    }
    const bool up_front =
        entry.status == IndexStatus::referred || entry.status == IndexStatus::skipped;
    bool& started = up_front ? any_first : any;
    auto& into = up_front ? first_body : body;
    if (pdf) {
      if (!options.dry_run)
        (up_front ? pdf_first : pdf_body).push_back(index_entry(*format, entry, !started));
    } else if (into) {
      into->put(index_entry(*format, entry, !started));
    }
    started = true;
  };

  for (; have_row && g_signal == 0; have_row = roster->next(row)) {
    progress.update(totals.handouts + totals.held + totals.referred + totals.skipped,
                    roster->bytes_read());
    IndexEntry entry;
    entry.line = row.line;
    entry.name = row.name;
    if (!row.problems.empty()) {
      progress.clear();
      for (const auto& d : row.problems) {
        std::fputs((one_line(format_diagnostic(d)) + "\n").c_str(), stderr);
        entry.problems.push_back(one_line(d.message));
      }
      entry.status = IndexStatus::skipped;
      ++totals.skipped;
      add(entry);
      continue;
    }
    const Profile profile = resolve_profile(lib, row.input, ProfileInput{});
    const PlanResult result = make_plan(lib, profile);
    handout_options.clinic = merge_clinic(row.input.clinic, options.clinic);
    if (const auto* stop = std::get_if<RedFlagStop>(&result)) {
      entry.status = IndexStatus::referred;
      entry.notices = stop->reasons;
      ++totals.referred;
      // A one-page sheet for the client: what they reported and what to do (JSON: none, the
      // index has it all).
      if (*format != Format::json) {
        entry.file = slugs.claim(profile.name.value_or(""), row.line) + ext;
        if (!options.dry_run && pdf) {
          const Referral referral = referral_for(lib, profile);
          write_pdf(
              entry.file, [&](PdfDocument& doc) { doc.add_referral(referral, handout_options); },
              std::string(kReferralTitle) +
                  (referral.person ? ": " + *referral.person : std::string()),
              handout_options.clinic);
        } else if (!options.dry_run) {
          write_output(join_path(dir, entry.file),
                       render_referral(referral_for(lib, profile), *format, handout_options),
                       Sync::deferred);
        }
      }
      progress.clear();
      std::fputs(fmt::format("refer to a clinician: {} ({}:{})\n", entry.name.value_or(""), shown,
                             row.line)
                     .c_str(),
                 stdout);
      add(entry);
      continue;
    }
    // The client's own clinic fields (roster columns) over the batch's flags.
    render_options.clinic = merge_clinic(row.input.clinic, options.clinic);
    Plan plan = std::get<Plan>(result);
    // The same "What would help" as `plan` gives, so a client's handout is the same either way.
    plan.suggestion = suggestions.suggest(plan);
    entry.file = slugs.claim(plan.profile.name.value_or(""), row.line) + ext;
    // Atomic (temp file + rename) but not synced one by one: that took 70% of a run's time;
    // the file system is synced once before the index is written.
    if (!options.dry_run && pdf) {
      handout_options.clinic = render_options.clinic;
      write_pdf(
          entry.file, [&](PdfDocument& doc) { doc.add_plan(plan, handout_options); },
          plan.profile.name ? plan.routine_name + " for " + *plan.profile.name : plan.routine_name,
          render_options.clinic);
    } else if (!options.dry_run) {
      if (*format == Format::html) render_options.figures = &figures.for_plan(plan);
      write_output(join_path(dir, entry.file), render(plan, *format, render_options),
                   Sync::deferred);
    }
    for (const auto& n : plan.notices) {
      if (n.level == NoticeLevel::clearance || n.level == NoticeLevel::notice) {
        entry.notices.push_back(n);
      }
    }
    if (plan.held()) {
      // A sheet saying what needs clearing and by whom; like a referral, not an error.
      entry.status = IndexStatus::held;
      ++totals.held;
      progress.clear();
      std::fputs(fmt::format("on hold until cleared: {} ({}:{})\n", entry.name.value_or(""), shown,
                             row.line)
                     .c_str(),
                 stdout);
      add(entry);
      continue;
    }
    ++totals.handouts;
    add(entry);
  }
  check_read();
  progress.clear();
  std::fflush(stdout);

  if (g_signal != 0) {
    std::fputs(fmt::format("backplan: interrupted: {} written to {}; no index was written\n",
                           handouts_in_words(totals.handouts + totals.held), dir)
                   .c_str(),
               stderr);
    return 128 + static_cast<int>(g_signal);
  }

  const auto code = totals.skipped > 0 ? ExitCode::some_rows_failed : ExitCode::ok;
  if (options.dry_run) {
    std::fputs(
        fmt::format("batch --dry-run: {}; nothing was written\n", summary_text(totals)).c_str(),
        stdout);
    return static_cast<int>(code);
  }
  if (combined) {
    combined->finish();
    combined_file->commit(Sync::deferred);
  }
  // Every handout reaches the disk before the index that lists them appears.
  if (const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir_fd >= 0) {
    const int synced = ::syncfs(dir_fd);
    const int error = errno;
    ::close(dir_fd);
    if (synced != 0) {
      throw Error(ExitCode::cannot_write,
                  fmt::format("cannot write '{}': {}", index_path, std::strerror(error)));
    }
  }
  if (pdf) {
    std::vector<std::string> entries = std::move(pdf_first);
    entries.insert(entries.end(), pdf_body.begin(), pdf_body.end());
    std::string bytes;
    PdfDocument doc(
        *fonts, [&bytes](const char* d, std::size_t n) { bytes.append(d, n); }, paper,
        PdfMeta{"Handouts", options.clinic.clinic, options.date});
    doc.add_index(index_head(*format, {shown, options.date}, totals), entries);
    doc.finish();
    write_output(index_path, bytes, Sync::each);
    std::fputs(fmt::format("batch: {} → {}{}\n", summary_text(totals), index_path,
                           combined ? " and " + *options.combine : std::string())
                   .c_str(),
               stdout);
    return static_cast<int>(code);
  }
  // The index: its head (with the totals) and foot around the entries kept on disk.
  AtomicFile index(index_path);
  index.put(index_head(*format, {shown, options.date}, totals));
  index.append_contents_of(*first_body);
  // JSON: the second run of entries follows the first with a comma.
  if (*format == Format::json && any_first && any) index.put(",");
  index.append_contents_of(*body);
  index.put(index_foot(*format, any || any_first));
  index.commit(Sync::each);

  std::fputs(fmt::format("batch: {} → {}\n", summary_text(totals), index_path).c_str(), stdout);
  return static_cast<int>(code);
}

}  // namespace backplan
