#include "diary/diary_json.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <set>

#include "diary/dates.h"
#include "model/diagnostics.h"
#include "text/escape.h"

namespace backplan {

namespace {

using nlohmann::ordered_json;

ordered_json optional_int(const std::optional<int>& v) {
  return v ? ordered_json(*v) : ordered_json(nullptr);
}

ordered_json profile_object(const std::string& profile) {
  if (profile.empty()) return ordered_json::object();
  try {
    return ordered_json::parse(profile);
  } catch (const nlohmann::json::exception&) {
    return ordered_json(profile);
  }
}

// ---- Reading ----------------------------------------------------------------------------------

class Reader {
 public:
  explicit Reader(std::string path) : path_(std::move(path)) {}

  [[noreturn]] void fail(const std::string& where, const std::string& what) const {
    throw Error::in_file({path_, 0, 0}, where.empty() ? what : fmt::format("{}: {}", where, what));
  }

  const ordered_json& member(const ordered_json& obj, const std::string& where,
                             const char* key) const {
    const auto it = obj.find(key);
    if (it == obj.end()) fail(where, fmt::format("'{}' is missing", key));
    return *it;
  }

  void only_keys(const ordered_json& obj, const std::string& where,
                 std::initializer_list<const char*> keys) const {
    if (!obj.is_object()) fail(where, "must be an object");
    for (const auto& item : obj.items()) {
      bool known = false;
      for (const char* k : keys) known = known || item.key() == k;
      if (!known) fail(where, fmt::format("unknown key '{}'", item.key()));
    }
  }

  std::string text(const ordered_json& obj, const std::string& where, const char* key,
                   std::size_t max = 10000) const {
    const ordered_json& v = member(obj, where, key);
    if (!v.is_string()) fail(where + "." + key, "must be a string");
    auto s = v.get<std::string>();
    if (s.size() > max) fail(where + "." + key, fmt::format("longer than {} bytes", max));
    return s;
  }

  std::string uid(const ordered_json& obj, const std::string& where) const {
    std::string u = text(obj, where, "uid", 64);
    if (u.empty()) fail(where + ".uid", "must not be empty");
    return u;
  }

  CivilDate date(const ordered_json& v, const std::string& where) const {
    if (!v.is_string()) fail(where, "must be a date written YYYY-MM-DD");
    const auto d = parse_iso_date(v.get<std::string>());
    if (!d)
      fail(where, fmt::format("must be a date written YYYY-MM-DD, not '{}'", v.get<std::string>()));
    return *d;
  }

  int whole(const ordered_json& v, const std::string& where, int lo, int hi) const {
    if (!v.is_number_integer() || v.get<long long>() < lo || v.get<long long>() > hi) {
      fail(where, fmt::format("must be a whole number from {} to {}", lo, hi));
    }
    return static_cast<int>(v.get<long long>());
  }

  std::optional<int> pain(const ordered_json& obj, const std::string& where,
                          const char* key) const {
    const ordered_json& v = member(obj, where, key);
    if (v.is_null()) return std::nullopt;
    return whole(v, where + "." + key, 0, 10);
  }

  std::vector<std::string> strings(const ordered_json& obj, const std::string& where,
                                   const char* key) const {
    const ordered_json& v = member(obj, where, key);
    if (!v.is_array()) fail(where + "." + key, "must be a list of strings");
    std::vector<std::string> out;
    for (const auto& item : v) {
      if (!item.is_string()) fail(where + "." + key, "must be a list of strings");
      out.push_back(item.get<std::string>());
    }
    return out;
  }

  const ordered_json& list(const ordered_json& doc, const char* key) const {
    const ordered_json& v = member(doc, "", key);
    if (!v.is_array()) fail(key, "must be a list");
    return v;
  }

  Level level(const ordered_json& v, const std::string& where) const {
    if (v.is_string()) {
      if (const auto l = kLevelNames.parse(v.get<std::string>())) return *l;
    }
    fail(where, "must be beginner, standard or advanced");
  }

 private:
  std::string path_;
};

DiarySession read_session(const Reader& r, const ordered_json& j, const std::string& where) {
  r.only_keys(j, where,
              {"uid", "date", "time", "routine", "level", "profile", "steps", "pain_before",
               "pain_during", "pain_morning", "note", "tags", "changes"});
  DiarySession s;
  s.uid = r.uid(j, where);
  s.date = r.date(r.member(j, where, "date"), where + ".date");
  const std::string time = r.text(j, where, "time", 5);
  const auto minute = parse_clock_time(time);
  if (!minute) r.fail(where + ".time", fmt::format("must be a time written HH:MM, not '{}'", time));
  s.minute = *minute;
  s.routine = r.text(j, where, "routine", 200);
  s.level = r.level(r.member(j, where, "level"), where + ".level");
  const ordered_json& profile = r.member(j, where, "profile");
  if (!profile.is_object()) r.fail(where + ".profile", "must be an object");
  s.profile = profile.dump();
  const ordered_json& steps = r.member(j, where, "steps");
  if (!steps.is_array()) r.fail(where + ".steps", "must be a list");
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::string at = fmt::format("{}.steps[{}]", where, i);
    const ordered_json& st = steps[i];
    r.only_keys(st, at, {"id", "slot", "level", "stage", "skipped"});
    DiaryStep step;
    step.id = r.text(st, at, "id", 200);
    step.slot = r.text(st, at, "slot", 200);
    const ordered_json& level = r.member(st, at, "level");
    if (!level.is_null()) step.level = r.level(level, at + ".level");
    step.stage = r.whole(r.member(st, at, "stage"), at + ".stage", 0, 1000);
    const ordered_json& skipped = r.member(st, at, "skipped");
    if (!skipped.is_boolean()) r.fail(at + ".skipped", "must be true or false");
    step.skipped = skipped.get<bool>();
    s.steps.push_back(std::move(step));
  }
  s.pain_before = r.pain(j, where, "pain_before");
  s.pain_during = r.pain(j, where, "pain_during");
  s.pain_morning = r.pain(j, where, "pain_morning");
  s.note = r.text(j, where, "note");
  s.tags = r.strings(j, where, "tags");
  s.changes = r.strings(j, where, "changes");
  return s;
}

// ---- CSV ----------------------------------------------------------------------------------------

std::string number(double v) {
  return fmt::format("{}", v);
}

std::string optional_number(const std::optional<int>& v) {
  return v ? std::to_string(*v) : std::string();
}

}  // namespace

std::string diary_to_json(const Diary& diary) {
  ordered_json doc;
  doc["format"] = kDiaryFormat;
  doc["sessions"] = ordered_json::array();
  for (const auto& s : diary.sessions) {
    ordered_json j;
    j["uid"] = s.uid;
    j["date"] = iso_date(s.date);
    j["time"] = clock_time(s.minute);
    j["routine"] = s.routine;
    j["level"] = std::string(to_string(s.level));
    j["profile"] = profile_object(s.profile);
    j["steps"] = ordered_json::array();
    for (const auto& st : s.steps) {
      ordered_json step;
      step["id"] = st.id;
      step["slot"] = st.slot;
      step["level"] = st.level ? ordered_json(std::string(to_string(*st.level))) : nullptr;
      step["stage"] = st.stage;
      step["skipped"] = st.skipped;
      j["steps"].push_back(step);
    }
    j["pain_before"] = optional_int(s.pain_before);
    j["pain_during"] = optional_int(s.pain_during);
    j["pain_morning"] = optional_int(s.pain_morning);
    j["note"] = s.note;
    j["tags"] = s.tags;
    j["changes"] = s.changes;
    doc["sessions"].push_back(j);
  }
  doc["measures"] = ordered_json::array();
  for (const auto& m : diary.measures) {
    doc["measures"].push_back(ordered_json{{"uid", m.uid},
                                           {"date", iso_date(m.date)},
                                           {"kind", std::string(to_string(m.kind))},
                                           {"value", m.value}});
  }
  doc["goals"] = ordered_json::array();
  for (const auto& g : diary.goals) {
    doc["goals"].push_back(
        ordered_json{{"uid", g.uid},
                     {"number", g.number},
                     {"activity", g.activity},
                     {"added", iso_date(g.added)},
                     {"dropped", g.dropped ? ordered_json(iso_date(*g.dropped)) : nullptr}});
  }
  doc["ratings"] = ordered_json::array();
  for (const auto& r : diary.ratings) {
    doc["ratings"].push_back(ordered_json{
        {"uid", r.uid}, {"goal", r.goal}, {"date", iso_date(r.date)}, {"score", r.score}});
  }
  return doc.dump(2) + "\n";
}

Diary diary_from_json(const std::string& text, const std::string& path) {
  const Reader r(path);
  ordered_json doc;
  try {
    doc = ordered_json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // "byte N": nlohmann's position; the rest of its message is its own wording.
    r.fail("", fmt::format("not JSON (at byte {})", e.byte));
  } catch (const nlohmann::json::exception&) {
    r.fail("", "not JSON that can be read (a number too large?)");
  }
  r.only_keys(doc, "", {"format", "sessions", "measures", "goals", "ratings"});
  const ordered_json& format = r.member(doc, "", "format");
  if (!format.is_string() || format.get<std::string>() != kDiaryFormat) {
    r.fail("format", fmt::format("must be \"{}\" (a diary written by 'backplan diary export')",
                                 kDiaryFormat));
  }
  Diary diary;
  std::set<std::string> uids;
  auto unique = [&](const std::string& uid, const std::string& where) {
    if (!uids.insert(uid).second) r.fail(where + ".uid", fmt::format("'{}' appears twice", uid));
  };
  const ordered_json& sessions = r.list(doc, "sessions");
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    const std::string where = fmt::format("sessions[{}]", i);
    diary.sessions.push_back(read_session(r, sessions[i], where));
    unique(diary.sessions.back().uid, where);
  }
  const ordered_json& measures = r.list(doc, "measures");
  for (std::size_t i = 0; i < measures.size(); ++i) {
    const std::string where = fmt::format("measures[{}]", i);
    const ordered_json& j = measures[i];
    r.only_keys(j, where, {"uid", "date", "kind", "value"});
    DiaryMeasure m;
    m.uid = r.uid(j, where);
    unique(m.uid, where);
    m.date = r.date(r.member(j, where, "date"), where + ".date");
    const std::string kind = r.text(j, where, "kind", 100);
    const auto k = kMeasureKindNames.parse(kind);
    if (!k) {
      r.fail(where + ".kind", fmt::format("must be one of {}, not '{}'",
                                          fmt::join(kMeasureKindNames.names(), ", "), kind));
    }
    m.kind = *k;
    const ordered_json& value = r.member(j, where, "value");
    if (!value.is_number() || !std::isfinite(value.get<double>()) ||
        std::abs(value.get<double>()) > 1e6) {
      r.fail(where + ".value", "must be a number");
    }
    m.value = value.get<double>();
    diary.measures.push_back(m);
  }
  std::set<int> numbers;
  const ordered_json& goals = r.list(doc, "goals");
  for (std::size_t i = 0; i < goals.size(); ++i) {
    const std::string where = fmt::format("goals[{}]", i);
    const ordered_json& j = goals[i];
    r.only_keys(j, where, {"uid", "number", "activity", "added", "dropped"});
    DiaryGoal g;
    g.uid = r.uid(j, where);
    unique(g.uid, where);
    g.number = r.whole(r.member(j, where, "number"), where + ".number", 1, 1000000);
    if (!numbers.insert(g.number).second) {
      r.fail(where + ".number", fmt::format("{} appears twice", g.number));
    }
    g.activity = r.text(j, where, "activity", 500);
    g.added = r.date(r.member(j, where, "added"), where + ".added");
    const ordered_json& dropped = r.member(j, where, "dropped");
    if (!dropped.is_null()) g.dropped = r.date(dropped, where + ".dropped");
    diary.goals.push_back(std::move(g));
  }
  const ordered_json& ratings = r.list(doc, "ratings");
  for (std::size_t i = 0; i < ratings.size(); ++i) {
    const std::string where = fmt::format("ratings[{}]", i);
    const ordered_json& j = ratings[i];
    r.only_keys(j, where, {"uid", "goal", "date", "score"});
    DiaryRating rating;
    rating.uid = r.uid(j, where);
    unique(rating.uid, where);
    rating.goal = r.whole(r.member(j, where, "goal"), where + ".goal", 1, 1000000);
    if (!numbers.count(rating.goal)) {
      r.fail(where + ".goal", fmt::format("there is no goal {} in 'goals'", rating.goal));
    }
    rating.date = r.date(r.member(j, where, "date"), where + ".date");
    rating.score = r.whole(r.member(j, where, "score"), where + ".score", 0, 10);
    diary.ratings.push_back(rating);
  }
  return diary;
}

std::string diary_to_csv(const Diary& diary) {
  std::string out =
      "record,uid,date,time,routine,level,pain_before,pain_during,pain_morning,steps_done,"
      "skipped,note,tags,changes,measure,value,goal,activity,score\r\n";
  auto row = [&out](const std::vector<std::string>& cells) {
    out += fmt::format("{}\r\n", fmt::join(cells, ","));
  };
  for (const auto& s : diary.sessions) {
    int done = 0;
    std::vector<std::string> skipped;
    for (const auto& st : s.steps) {
      if (st.skipped) {
        skipped.push_back(st.id);
      } else {
        ++done;
      }
    }
    row({"session", s.uid, iso_date(s.date), clock_time(s.minute), csv_escape(s.routine),
         std::string(to_string(s.level)), optional_number(s.pain_before),
         optional_number(s.pain_during), optional_number(s.pain_morning), std::to_string(done),
         csv_escape(fmt::format("{}", fmt::join(skipped, "; "))), csv_escape(s.note),
         csv_escape(fmt::format("{}", fmt::join(s.tags, "; "))),
         csv_escape(fmt::format("{}", fmt::join(s.changes, "; "))), "", "", "", "", ""});
  }
  for (const auto& m : diary.measures) {
    row({"measure", m.uid, iso_date(m.date), "", "", "", "", "", "", "", "", "", "", "",
         std::string(to_string(m.kind)), number(m.value), "", "", ""});
  }
  for (const auto& g : diary.goals) {
    row({"goal", g.uid, iso_date(g.added), "", "", "", "", "", "", "", "",
         g.dropped ? "dropped " + iso_date(*g.dropped) : "", "", "", "", "",
         std::to_string(g.number), csv_escape(g.activity), ""});
  }
  for (const auto& r : diary.ratings) {
    row({"rating", r.uid, iso_date(r.date), "", "", "", "", "", "", "", "", "", "", "", "", "",
         std::to_string(r.goal), "", std::to_string(r.score)});
  }
  return out;
}

}  // namespace backplan
