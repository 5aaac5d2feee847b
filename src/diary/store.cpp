#include "diary/store.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <system_error>

#include "diary/dates.h"
#include "model/diagnostics.h"

namespace backplan {

namespace {

namespace fs = std::filesystem;

constexpr int kBusyTimeoutMs = 10000;

// ---- Schema ---------------------------------------------------------------------------------
// Step i takes a diary from version i to version i + 1, inside the migration's one transaction.
// Version 2 is one more entry here (and a test from a version-1 file).
using MigrationStep = std::function<void(SQLite::Database&)>;

const std::vector<MigrationStep>& migrations() {
  static const std::vector<MigrationStep> steps = {
      // 0 -> 1: the first schema.
      [](SQLite::Database& db) {
        db.exec(R"sql(
CREATE TABLE session (
  uid TEXT PRIMARY KEY NOT NULL,
  date TEXT NOT NULL,
  minute INTEGER NOT NULL,
  routine TEXT NOT NULL,
  level TEXT NOT NULL,
  profile TEXT NOT NULL,
  pain_before INTEGER,
  pain_during INTEGER,
  pain_morning INTEGER,
  note TEXT NOT NULL,
  tags TEXT NOT NULL,
  changes TEXT NOT NULL
);
CREATE INDEX session_by_date ON session (date, minute);
CREATE TABLE session_step (
  session TEXT NOT NULL REFERENCES session (uid) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  slot TEXT NOT NULL,
  level TEXT,
  stage INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  PRIMARY KEY (session, position)
) WITHOUT ROWID;
CREATE TABLE measure (
  uid TEXT PRIMARY KEY NOT NULL,
  date TEXT NOT NULL,
  kind TEXT NOT NULL,
  value REAL NOT NULL
);
CREATE TABLE goal (
  uid TEXT PRIMARY KEY NOT NULL,
  number INTEGER NOT NULL UNIQUE,
  activity TEXT NOT NULL,
  added TEXT NOT NULL,
  dropped TEXT
);
CREATE TABLE rating (
  uid TEXT PRIMARY KEY NOT NULL,
  goal INTEGER NOT NULL REFERENCES goal (number),
  date TEXT NOT NULL,
  score INTEGER NOT NULL
);
)sql");
        db.exec(fmt::format("PRAGMA application_id = {}", kDiaryApplicationId));
      },
  };
  return steps;
}

// ---- Errors ---------------------------------------------------------------------------------

std::string shown(const fs::path& path) {
  return path.string();
}

[[noreturn]] void throw_bad(const fs::path& path, const std::string& what) {
  throw Error(ExitCode::bad_diary, fmt::format("{}: {}", shown(path), what));
}

// An SQLite failure as the one-line error the user sees.
[[noreturn]] void throw_sqlite(const fs::path& path, const SQLite::Exception& e, bool writing) {
  const int code = e.getErrorCode();
  const std::string detail = e.what();
  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
    throw_bad(path, fmt::format("not a backplan diary, or a damaged one ({}); the file was left as "
                                "it is",
                                detail));
  }
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    throw Error(writing ? ExitCode::cannot_write : ExitCode::bad_diary,
                fmt::format("{}: the diary is kept busy by another program ({}); try again",
                            shown(path), detail));
  }
  if (writing) {
    throw Error(
        ExitCode::cannot_write,
        fmt::format("{}: cannot write the diary ({}); nothing was written", shown(path), detail));
  }
  throw_bad(path, fmt::format("cannot read the diary ({})", detail));
}

// ---- Opening --------------------------------------------------------------------------------

struct Header {
  int application_id = 0;
  int version = 0;
  int objects = 0;  // tables, indexes, views and triggers
};

Header read_header(SQLite::Database& db) {
  // One statement, so one snapshot: read one by one, another process creating the diary between
  // the reads would make it look foreign (tables, but no application id yet).
  SQLite::Statement q(db,
                      "SELECT (SELECT application_id FROM pragma_application_id), "
                      "(SELECT user_version FROM pragma_user_version), "
                      "(SELECT count(*) FROM sqlite_master)");
  q.executeStep();
  Header h;
  h.application_id = q.getColumn(0).getInt();
  h.version = q.getColumn(1).getInt();
  h.objects = q.getColumn(2).getInt();
  return h;
}

// Throws when the file is someone else's or from a newer backplan; returns the version.
int check_header(const fs::path& path, const Header& h) {
  const bool empty = h.application_id == 0 && h.version == 0 && h.objects == 0;
  if (!empty && h.application_id != kDiaryApplicationId) {
    throw_bad(path, "an SQLite file that is not a backplan diary; the file was left as it is");
  }
  if (h.version > kDiarySchemaVersion) {
    throw_bad(path, fmt::format("a diary from a newer backplan (schema version {}; this one reads "
                                "up to {}): update backplan; the file was left as it is",
                                h.version, kDiarySchemaVersion));
  }
  return h.version;
}

void migrate(SQLite::Database& db, const fs::path& path) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  // Read again under the write lock: another process may have migrated it meanwhile.
  int version = check_header(path, read_header(db));
  const auto& steps = migrations();
  for (; version < static_cast<int>(steps.size()); ++version) steps[version](db);
  db.exec(fmt::format("PRAGMA user_version = {}", version));
  tx.commit();
}

// The diary open for one write, created (with its directories) when missing, at the current
// schema version, in WAL mode.
SQLite::Database open_for_write(const fs::path& path) {
  std::error_code ec;
  const fs::path dir = path.parent_path();
  if (!dir.empty() && !fs::exists(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) {
      throw Error(ExitCode::cannot_write,
                  fmt::format("{}: cannot make the directory {} ({}); nothing was written",
                              shown(path), dir.string(), ec.message()));
    }
  }
  if (fs::is_directory(path, ec)) throw_bad(path, "a directory, not a diary file");
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, kBusyTimeoutMs);
  const int version = check_header(path, read_header(db));
  std::string mode = db.execAndGet("PRAGMA journal_mode").getString();
  if (mode != "wal") {
    mode = db.execAndGet("PRAGMA journal_mode = WAL").getString();
    if (mode != "wal") {
      throw Error(ExitCode::cannot_write,
                  fmt::format("{}: cannot write the diary (journal mode {} instead of wal); "
                              "nothing was written",
                              shown(path), mode));
    }
  }
  db.exec("PRAGMA synchronous = FULL");
  db.exec("PRAGMA foreign_keys = ON");
  if (version < kDiarySchemaVersion) migrate(db, path);
  return db;
}

// Runs `body` in one write transaction on the diary at `path`, mapping SQLite's errors.
template <typename Body>
auto write_transaction(const fs::path& path, Body body) {
  try {
    SQLite::Database db = open_for_write(path);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    auto result = body(db);
    tx.commit();
    return result;
  } catch (const SQLite::Exception& e) {
    throw_sqlite(path, e, true);
  }
}

// ---- Rows -----------------------------------------------------------------------------------

std::string json_list(const std::vector<std::string>& items) {
  return nlohmann::json(items).dump();
}

std::vector<std::string> list_from_json(const fs::path& path, const std::string& text) {
  try {
    return nlohmann::json::parse(text).get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception&) {
    throw_bad(path, "a damaged diary (a list that is not one); the file was left as it is");
  }
}

CivilDate date_column(const fs::path& path, const SQLite::Column& c) {
  const std::string text = c.getString();
  if (const auto d = parse_iso_date(text)) return *d;
  throw_bad(path, fmt::format("a damaged diary (a date '{}'); the file was left as it is", text));
}

template <typename T>
void bind_optional(SQLite::Statement& st, int index, const std::optional<T>& value) {
  if (value) {
    st.bind(index, *value);
  } else {
    st.bind(index);
  }
}

// A prepared statement on the raw API, for reading (SQLiteCpp keeps its handle private): a
// diary of ten years is tens of thousands of rows, read at every start. Errors are thrown as
// SQLite::Exception, as SQLiteCpp's are.
class Query {
 public:
  Query(SQLite::Database& db, const char* sql) : db_(db.getHandle()) {
    const int rc = sqlite3_prepare_v2(db_, sql, -1, &st_, nullptr);
    if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
  }
  ~Query() { sqlite3_finalize(st_); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  bool step() {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SQLite::Exception(db_, rc);
  }
  sqlite3_stmt* get() const { return st_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

// Raw column access
std::string text_at(sqlite3_stmt* st, int i) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st, i))) : std::string();
}

std::optional<int> int_at(sqlite3_stmt* st, int i) {
  if (sqlite3_column_type(st, i) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int(st, i);
}

CivilDate date_at(const fs::path& path, sqlite3_stmt* st, int i) {
  const std::string text = text_at(st, i);
  if (const auto d = parse_iso_date(text)) return *d;
  throw_bad(path, fmt::format("a damaged diary (a date '{}'); the file was left as it is", text));
}

Level level_at(const fs::path& path, sqlite3_stmt* st, int i) {
  const auto level = kLevelNames.parse(text_at(st, i));
  if (!level) throw_bad(path, "a damaged diary (an unknown level); the file was left as it is");
  return *level;
}

// Which sessions a read loads: all of them, or the recent ones (read_recent_diary, and
// read_diary_from for a history).
struct SessionWindow {
  std::string since;  // YYYY-MM-DD; empty: every session
  int at_least = 0;
  // A history's read: also the last day with a session before `since` (a level change is told
  // against the session before), and the measures and ratings from `since` on, with every goal.
  bool for_history = false;
};

// The SQL condition a session `alias` meets to be loaded (true for every session without a
// window); ?1 is the first day loaded.
std::string window_sql(const SessionWindow& w, const char* alias) {
  if (w.since.empty()) return "1";
  return fmt::format("{}.date >= ?1", alias);
}

void bind_window(sqlite3_stmt* st, const SessionWindow& w) {
  if (!w.since.empty()) sqlite3_bind_text(st, 1, w.since.c_str(), -1, SQLITE_TRANSIENT);
}

Diary read_all(SQLite::Database& db, const fs::path& path, SessionWindow window = {}) {
  Diary diary;
  if (!window.since.empty() && window.at_least > 0) {
    // The day of the at_least-th latest session, when it is earlier: from there on, by the
    // date index (whole days, so a day is never split).
    Query q(db, "SELECT date FROM session ORDER BY date DESC, minute DESC LIMIT 1 OFFSET ?1");
    sqlite3_bind_int(q.get(), 1, window.at_least - 1);
    if (q.step()) {
      const std::string day = text_at(q.get(), 0);
      if (day < window.since) window.since = day;
    }
  }
  const std::string records_since = window.since;  // measures and ratings: from the day asked
  if (!window.since.empty() && window.for_history) {
    Query q(db, "SELECT date FROM session WHERE date < ?1 ORDER BY date DESC, minute DESC LIMIT 1");
    sqlite3_bind_text(q.get(), 1, window.since.c_str(), -1, SQLITE_TRANSIENT);
    if (q.step()) window.since = text_at(q.get(), 0);
  }
  {
    const std::string sql =
        "SELECT uid, date, minute, routine, level, profile, pain_before, pain_during, "
        "pain_morning, note, tags, changes FROM session AS s WHERE " +
        window_sql(window, "s") + " ORDER BY date, minute, rowid";
    Query q(db, sql.c_str());
    sqlite3_stmt* st = q.get();
    bind_window(st, window);
    while (q.step()) {
      DiarySession s;
      s.uid = text_at(st, 0);
      s.date = date_at(path, st, 1);
      s.minute = sqlite3_column_int(st, 2);
      s.routine = text_at(st, 3);
      s.level = level_at(path, st, 4);
      s.profile = text_at(st, 5);
      s.pain_before = int_at(st, 6);
      s.pain_during = int_at(st, 7);
      s.pain_morning = int_at(st, 8);
      s.note = text_at(st, 9);
      const std::string tags = text_at(st, 10);
      if (tags != "[]") s.tags = list_from_json(path, tags);
      const std::string changes = text_at(st, 11);
      if (changes != "[]") s.changes = list_from_json(path, changes);
      diary.sessions.push_back(std::move(s));
    }
  }
  {
    // In the sessions' order, so each step goes on the session being filled.
    const std::string sql =
        "SELECT s.uid, st.id, st.slot, st.level, st.stage, st.skipped FROM session AS s JOIN "
        "session_step AS st ON st.session = s.uid WHERE " +
        window_sql(window, "s") + " ORDER BY s.date, s.minute, s.rowid, st.position";
    Query q(db, sql.c_str());
    sqlite3_stmt* st = q.get();
    bind_window(st, window);
    std::size_t at = 0;
    while (q.step()) {
      const auto* uid = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
      while (at < diary.sessions.size() && diary.sessions[at].uid != uid) ++at;
      if (at == diary.sessions.size()) break;
      DiaryStep step;
      step.id = text_at(st, 1);
      step.slot = text_at(st, 2);
      if (sqlite3_column_type(st, 3) != SQLITE_NULL) step.level = level_at(path, st, 3);
      step.stage = sqlite3_column_int(st, 4);
      step.skipped = sqlite3_column_int(st, 5) != 0;
      diary.sessions[at].steps.push_back(std::move(step));
    }
  }
  if (!window.since.empty()) {
    const std::string sql = "SELECT routine, COUNT(*) FROM session AS s WHERE NOT " +
                            window_sql(window, "s") + " GROUP BY routine";
    Query q(db, sql.c_str());
    sqlite3_stmt* st = q.get();
    bind_window(st, window);
    while (q.step()) diary.sessions_left_out[text_at(st, 0)] = sqlite3_column_int(st, 1);
    if (!window.for_history) return diary;  // a plan needs no measures, goals or ratings
    if (!diary.sessions_left_out.empty()) {
      Query first(db, "SELECT MIN(date) FROM session");
      if (first.step()) diary.first_session = date_at(path, first.get(), 0);
    }
  }
  // ?1: the first day of the records a history asked for ('' with no window: all of them).
  auto bind_records = [&](sqlite3_stmt* st) {
    sqlite3_bind_text(st, 1, records_since.c_str(), -1, SQLITE_TRANSIENT);
  };
  {
    Query q(db, "SELECT uid, date, kind, value FROM measure WHERE date >= ?1 ORDER BY date, rowid");
    sqlite3_stmt* st = q.get();
    bind_records(st);
    while (q.step()) {
      DiaryMeasure m;
      m.uid = text_at(st, 0);
      m.date = date_at(path, st, 1);
      const auto kind = kMeasureKindNames.parse(text_at(st, 2));
      if (!kind) continue;  // a kind a later version added: not shown by this one
      m.kind = *kind;
      m.value = sqlite3_column_double(st, 3);
      diary.measures.push_back(m);
    }
  }
  {
    Query q(db, "SELECT uid, number, activity, added, dropped FROM goal ORDER BY number");
    sqlite3_stmt* st = q.get();
    while (q.step()) {
      DiaryGoal g;
      g.uid = text_at(st, 0);
      g.number = sqlite3_column_int(st, 1);
      g.activity = text_at(st, 2);
      g.added = date_at(path, st, 3);
      if (sqlite3_column_type(st, 4) != SQLITE_NULL) g.dropped = date_at(path, st, 4);
      diary.goals.push_back(std::move(g));
    }
  }
  {
    Query q(db, "SELECT uid, goal, date, score FROM rating WHERE date >= ?1 ORDER BY date, rowid");
    sqlite3_stmt* st = q.get();
    bind_records(st);
    while (q.step()) {
      DiaryRating r;
      r.uid = text_at(st, 0);
      r.goal = sqlite3_column_int(st, 1);
      r.date = date_at(path, st, 2);
      r.score = sqlite3_column_int(st, 3);
      diary.ratings.push_back(std::move(r));
    }
  }
  return diary;
}

bool has_uid(SQLite::Database& db, const char* table, const std::string& uid) {
  SQLite::Statement q(db, fmt::format("SELECT 1 FROM {} WHERE uid = ?", table));
  q.bind(1, uid);
  return q.executeStep();
}

void insert_session(SQLite::Database& db, const DiarySession& s) {
  SQLite::Statement q(db,
                      "INSERT INTO session (uid, date, minute, routine, level, profile, "
                      "pain_before, pain_during, pain_morning, note, tags, changes) VALUES "
                      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, s.uid);
  q.bind(2, iso_date(s.date));
  q.bind(3, s.minute);
  q.bind(4, s.routine);
  q.bind(5, std::string(to_string(s.level)));
  q.bind(6, s.profile);
  bind_optional(q, 7, s.pain_before);
  bind_optional(q, 8, s.pain_during);
  bind_optional(q, 9, s.pain_morning);
  q.bind(10, s.note);
  q.bind(11, json_list(s.tags));
  q.bind(12, json_list(s.changes));
  q.exec();
  SQLite::Statement step(db,
                         "INSERT INTO session_step (session, position, id, slot, level, stage, "
                         "skipped) VALUES (?, ?, ?, ?, ?, ?, ?)");
  int position = 0;
  for (const auto& st : s.steps) {
    step.reset();
    step.bind(1, s.uid);
    step.bind(2, position++);
    step.bind(3, st.id);
    step.bind(4, st.slot);
    if (st.level) {
      step.bind(5, std::string(to_string(*st.level)));
    } else {
      step.bind(5);
    }
    step.bind(6, st.stage);
    step.bind(7, st.skipped ? 1 : 0);
    step.exec();
  }
}

int active_goals(SQLite::Database& db) {
  return db.execAndGet("SELECT count(*) FROM goal WHERE dropped IS NULL").getInt();
}

bool goal_number_used(SQLite::Database& db, int number) {
  SQLite::Statement q(db, "SELECT 1 FROM goal WHERE number = ?");
  q.bind(1, number);
  return q.executeStep();
}

int next_goal_number(SQLite::Database& db) {
  return db.execAndGet("SELECT coalesce(max(number), 0) + 1 FROM goal").getInt();
}

DiaryGoal read_goal(SQLite::Database& db, const fs::path& path, int number) {
  SQLite::Statement q(db,
                      "SELECT uid, number, activity, added, dropped FROM goal WHERE number = ?");
  q.bind(1, number);
  DiaryGoal g;
  if (!q.executeStep()) return g;
  g.uid = q.getColumn(0).getString();
  g.number = q.getColumn(1).getInt();
  g.activity = q.getColumn(2).getString();
  g.added = date_column(path, q.getColumn(3));
  if (!q.getColumn(4).isNull()) g.dropped = date_column(path, q.getColumn(4));
  return g;
}

constexpr int kMaxActiveGoals = 5;

}  // namespace

std::optional<fs::path> default_diary_path(const std::optional<std::string>& xdg_data_home,
                                           const std::optional<std::string>& home) {
  auto trimmed = [](std::string p) {
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    return p == "/" ? std::string() : p;
  };
  if (xdg_data_home && !xdg_data_home->empty() && (*xdg_data_home)[0] == '/') {
    return fs::path(trimmed(*xdg_data_home) + "/backplan/diary.sqlite");
  }
  if (home && !home->empty()) {
    return fs::path(trimmed(*home) + "/.local/share/backplan/diary.sqlite");
  }
  return std::nullopt;
}

static Diary read_file(const fs::path& path, bool immutable, const SessionWindow& window);

static Diary read_window(const fs::path& path, const SessionWindow& window) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found) return {};
  if (ec) throw_bad(path, fmt::format("cannot read the diary ({})", ec.message()));
  if (status.type() == fs::file_type::directory) throw_bad(path, "a directory, not a diary file");
  try {
    return read_file(path, false, window);
  } catch (const SQLite::Exception& e) {
    // A diary in WAL mode needs its -shm file to be read; in a directory this user cannot write,
    // read the file as it is on disk instead (no other writer can change it there either).
    // So is a diary on a full disk (SQLite cannot make the -shm file): a plan can still be
    // made, and a write then fails with its own message.
    const int code = e.getErrorCode() & 0xff;
    if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN && code != SQLITE_IOERR)
      throw_sqlite(path, e, false);
  }
  try {
    return read_file(path, true, window);
  } catch (const SQLite::Exception& e) {
    throw_sqlite(path, e, false);
  }
}

Diary read_diary(const fs::path& path) {
  return read_window(path, {});
}

Diary read_recent_diary(const fs::path& path, const CivilDate& since, int at_least) {
  return read_window(path, {iso_date(since), at_least});
}

Diary read_diary_from(const fs::path& path, const CivilDate& since) {
  return read_window(path, {iso_date(since), 0, true});
}

namespace {

// "file:" URI of a path, with what URIs reserve escaped.
std::string file_uri(const fs::path& path) {
  std::string out = "file:";
  for (const char c : fs::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#') {
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

static Diary read_file(const fs::path& path, bool immutable, const SessionWindow& window) {
  {
    SQLite::Database db(
        immutable ? file_uri(path) + "?immutable=1" : path.string(),
        SQLite::OPEN_READONLY | SQLITE_OPEN_NOMUTEX | (immutable ? SQLITE_OPEN_URI : 0),
        kBusyTimeoutMs);
    SQLite::Transaction read(db);  // one snapshot of every table
    const int version = check_header(path, read_header(db));
    if (version == 0) return {};  // an empty file: no diary yet
    if (version < kDiarySchemaVersion) {
      // An older diary is read through a migrated copy in memory; the file changes only when
      // this version next writes it.
      SQLite::Database memory(":memory:", SQLite::OPEN_READWRITE);
      SQLite::Backup(memory, db).executeStep();
      migrate(memory, path);
      return read_all(memory, path, window);
    }
    return read_all(db, path, window);
  }
}

MergeResult merge_into_diary(const fs::path& path, const Diary& entries) {
  // Checked before the file is opened: a bad entry writes nothing.
  std::set<int> file_goals;
  for (const auto& g : entries.goals) file_goals.insert(g.number);
  return write_transaction(path, [&](SQLite::Database& db) {
    MergeResult result;
    for (const auto& s : entries.sessions) {
      if (has_uid(db, "session", s.uid)) {
        ++result.present.sessions;
        continue;
      }
      insert_session(db, s);
      ++result.added.sessions;
    }
    for (const auto& m : entries.measures) {
      if (has_uid(db, "measure", m.uid)) {
        ++result.present.measures;
        continue;
      }
      SQLite::Statement q(db, "INSERT INTO measure (uid, date, kind, value) VALUES (?, ?, ?, ?)");
      q.bind(1, m.uid);
      q.bind(2, iso_date(m.date));
      q.bind(3, std::string(to_string(m.kind)));
      q.bind(4, m.value);
      q.exec();
      ++result.added.measures;
    }
    // entries' goal numbers -> the diary's.
    std::map<int, int> number_of;
    for (const auto& g : entries.goals) {
      SQLite::Statement find(db, "SELECT number, dropped FROM goal WHERE uid = ?");
      find.bind(1, g.uid);
      if (find.executeStep()) {
        number_of[g.number] = find.getColumn(0).getInt();
        if (g.dropped && find.getColumn(1).isNull()) {
          SQLite::Statement drop(db, "UPDATE goal SET dropped = ? WHERE uid = ?");
          drop.bind(1, iso_date(*g.dropped));
          drop.bind(2, g.uid);
          drop.exec();
        }
        ++result.present.goals;
        continue;
      }
      const int number =
          goal_number_used(db, g.number) || g.number < 1 ? next_goal_number(db) : g.number;
      SQLite::Statement q(
          db, "INSERT INTO goal (uid, number, activity, added, dropped) VALUES (?, ?, ?, ?, ?)");
      q.bind(1, g.uid);
      q.bind(2, number);
      q.bind(3, g.activity);
      q.bind(4, iso_date(g.added));
      if (g.dropped) {
        q.bind(5, iso_date(*g.dropped));
      } else {
        q.bind(5);
      }
      q.exec();
      number_of[g.number] = number;
      ++result.added.goals;
    }
    if (result.added.goals > 0 && active_goals(db) > kMaxActiveGoals) {
      throw Error(ExitCode::bad_data,
                  fmt::format("{}: this would make {} goals active, and at most {} can be; drop "
                              "some first ('backplan goals drop N'); nothing was written",
                              shown(path), active_goals(db), kMaxActiveGoals));
    }
    for (const auto& r : entries.ratings) {
      if (has_uid(db, "rating", r.uid)) {
        ++result.present.ratings;
        continue;
      }
      const auto mapped = number_of.find(r.goal);
      const int goal = mapped != number_of.end() ? mapped->second : r.goal;
      if (mapped == number_of.end() && (file_goals.count(r.goal) || !goal_number_used(db, goal))) {
        throw Error(ExitCode::bad_data,
                    fmt::format("{}: there is no goal {}; see 'backplan goals list'; nothing was "
                                "written",
                                shown(path), r.goal));
      }
      SQLite::Statement q(db, "INSERT INTO rating (uid, goal, date, score) VALUES (?, ?, ?, ?)");
      q.bind(1, r.uid);
      q.bind(2, goal);
      q.bind(3, iso_date(r.date));
      q.bind(4, r.score);
      q.exec();
      ++result.added.ratings;
    }
    return result;
  });
}

DiarySession set_morning_pain(const fs::path& path, const CivilDate& morning, int pain) {
  if (!fs::exists(path)) {
    throw Error(ExitCode::bad_data,
                fmt::format("{}: no session before {} to add the morning to; log one first "
                            "('backplan log --pain-before N --pain-during N')",
                            shown(path), iso_date(morning)));
  }
  return write_transaction(path, [&](SQLite::Database& db) {
    SQLite::Statement q(db,
                        "SELECT uid FROM session WHERE date < ? ORDER BY date DESC, minute DESC, "
                        "rowid DESC LIMIT 1");
    q.bind(1, iso_date(morning));
    if (!q.executeStep()) {
      throw Error(ExitCode::bad_data,
                  fmt::format("{}: no session before {} to add the morning to; log one first "
                              "('backplan log --pain-before N --pain-during N')",
                              shown(path), iso_date(morning)));
    }
    const std::string uid = q.getColumn(0).getString();
    SQLite::Statement set(db, "UPDATE session SET pain_morning = ? WHERE uid = ?");
    set.bind(1, pain);
    set.bind(2, uid);
    set.exec();
    for (auto& s : read_all(db, path).sessions) {
      if (s.uid == uid) return s;
    }
    return DiarySession{};
  });
}

DiaryGoal add_goal(const fs::path& path, const std::string& activity, const CivilDate& added) {
  return write_transaction(path, [&](SQLite::Database& db) {
    if (active_goals(db) >= kMaxActiveGoals) {
      throw Error(ExitCode::bad_data,
                  fmt::format("{}: {} goals are active already, the most there can be; drop one "
                              "first ('backplan goals drop N')",
                              shown(path), kMaxActiveGoals));
    }
    DiaryGoal g;
    g.uid = new_diary_uid();
    g.number = next_goal_number(db);
    g.activity = activity;
    g.added = added;
    SQLite::Statement q(db, "INSERT INTO goal (uid, number, activity, added) VALUES (?, ?, ?, ?)");
    q.bind(1, g.uid);
    q.bind(2, g.number);
    q.bind(3, g.activity);
    q.bind(4, iso_date(g.added));
    q.exec();
    return g;
  });
}

DiaryGoal drop_goal(const fs::path& path, int number, const CivilDate& date) {
  auto no_goal = [&]() {
    return Error(ExitCode::bad_data, fmt::format("{}: there is no active goal {}; see 'backplan "
                                                 "goals list'",
                                                 shown(path), number));
  };
  if (!fs::exists(path)) throw no_goal();
  return write_transaction(path, [&](SQLite::Database& db) {
    SQLite::Statement q(db, "UPDATE goal SET dropped = ? WHERE number = ? AND dropped IS NULL");
    q.bind(1, iso_date(date));
    q.bind(2, number);
    if (q.exec() != 1) throw no_goal();
    return read_goal(db, path, number);
  });
}

std::string new_diary_uid() {
  static std::random_device device;
  static std::mt19937_64 engine((static_cast<std::uint64_t>(device()) << 32) ^ device());
  return fmt::format("{:016x}{:016x}", engine(), engine());
}

int diary_migration_count() {
  return static_cast<int>(migrations().size());
}

}  // namespace backplan
