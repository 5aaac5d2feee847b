#include "model/library.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace backplan {

std::string to_string(const When& w) {
  auto ids = [](const std::vector<Ref>& refs) {
    std::vector<std::string> out;
    for (const auto& r : refs) out.push_back(r.id);
    return out;
  };
  switch (w.kind) {
    case When::Kind::always:
      return "always";
    case When::Kind::age_at_least:
      if (w.age_below == 0) return fmt::format("at age {} and over", w.age);
      if (w.age == 0) return fmt::format("under age {}", w.age_below);
      return fmt::format("at age {} to {}", w.age, w.age_below - 1);
    case When::Kind::no_floor:
      return "without floor access (--no-floor)";
    case When::Kind::avoid_with:
      return fmt::format("with --avoid {} and {}", fmt::join(ids(w.regions), " or "),
                         fmt::join(ids(w.conditions), " or "));
    case When::Kind::with_all:
      return fmt::format("with {}", fmt::join(ids(w.conditions), " and "));
    case When::Kind::with_any:
      return fmt::format("with {}", fmt::join(ids(w.conditions), " or "));
    case When::Kind::without:
      return fmt::format("unless {} is listed", fmt::join(ids(w.conditions), " or "));
    case When::Kind::details: {
      std::vector<std::string> tests;
      for (const auto& t : w.details) {
        if (!t.any_of.empty()) {
          tests.push_back(fmt::format("{} {}", t.detail, fmt::join(t.any_of, " or ")));
        } else if (t.below) {
          tests.push_back(fmt::format("{} under {} (or not given)", t.detail, *t.below));
        } else if (t.at_least) {
          tests.push_back(fmt::format("{} {} or more (or not given)", t.detail, *t.at_least));
        }
      }
      return fmt::format("with {}: {}", fmt::join(ids(w.conditions), ""), fmt::join(tests, ", "));
    }
    case When::Kind::today: {
      std::string out = w.today == Today::flare ? "on a flare-up day (--flare)"
                                                : "within an hour of getting up (--morning)";
      if (!w.conditions.empty())
        out += fmt::format(" with {}", fmt::join(ids(w.conditions), " or "));
      return out;
    }
  }
  return "always";
}

std::string handout_text(const std::vector<HandoutWording>& wording, std::string text) {
  for (const auto& w : wording) {
    for (std::size_t at = text.find(w.terminal); at != std::string::npos;
         at = text.find(w.terminal, at + w.handout.size())) {
      text.replace(at, w.terminal.size(), w.handout);
    }
  }
  return text;
}

std::string flag_in(const std::string& text) {
  for (std::size_t at = text.find("--"); at != std::string::npos; at = text.find("--", at + 2)) {
    const bool starts = at == 0 || text[at - 1] == ' ' || text[at - 1] == '(';
    std::size_t end = at + 2;
    while (end < text.size() && ((text[end] >= 'a' && text[end] <= 'z') || text[end] == '-')) ++end;
    if (starts && end > at + 2) return text.substr(at, end - at);
  }
  return {};
}

std::string citation(const Source& s) {
  std::string out;
  if (!s.authors.empty()) out += s.authors + ". ";
  // A title that ends in its own punctuation ("… When You Stand?") takes no full stop.
  const char last = s.title.empty() ? '.' : s.title.back();
  out += s.title + (last == '.' || last == '?' || last == '!' ? "" : ".");
  if (!s.publisher.empty() && s.publisher != s.authors) {
    out += " " + s.publisher + (s.year ? "," : ".");
  }
  if (s.year) out += fmt::format(" {}.", *s.year);
  if (!s.doi.empty()) out += " doi:" + s.doi;
  if (!s.url.empty()) out += " " + s.url;
  return out;
}

namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  for (const auto& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}
}  // namespace

const Source* Library::find_source(std::string_view id) const {
  return find_by_id(sources, id);
}
const Region* Library::find_region(std::string_view id) const {
  return find_by_id(regions, id);
}
const Equipment* Library::find_equipment(std::string_view id) const {
  return find_by_id(equipment, id);
}
const Exercise* Library::find_exercise(std::string_view id) const {
  return find_by_id(exercises, id);
}
const Condition* Library::find_condition(std::string_view id) const {
  return find_by_id(conditions, id);
}
const Routine* Library::find_routine(std::string_view id) const {
  return find_by_id(routines, id);
}
const Detail* Condition::find_detail(std::string_view id) const {
  return find_by_id(details, id);
}

}  // namespace backplan

namespace backplan {

Dose staged_dose(const Exercise& x, int stage) {
  Dose out = x.dose;
  const auto& stages = x.progression.stages;
  if (stage <= 0 || stages.empty()) return out;
  const Stage& s =
      stages[std::min<std::size_t>(static_cast<std::size_t>(stage), stages.size()) - 1];
  if (!s.reps.empty()) out.reps = s.reps;
  if (s.hold_seconds) out.hold_seconds = s.hold_seconds;
  return out;
}

}  // namespace backplan
