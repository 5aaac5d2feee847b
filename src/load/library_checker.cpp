#include "load/library_reader.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "figure/figure.h"
#include "text/suggest.h"

namespace backplan {

namespace {

template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(item.id);
  return out;
}

// Checks every reference between entries once all layers are merged.
class Checker {
 public:
  Checker(const Library& lib, DiagnosticSink& sink) : lib_(lib), sink_(sink) {}

  void run(bool has_settings, const Location& first_file) {
    if (!has_settings) {
      sink_.error(first_file,
                  "the library has no 'settings' (default_routine, default_minutes, "
                  "default_equipment, assumed_equipment)");
    } else if (!lib_.settings.default_routine.id.empty()) {
      if (lib_.emergency_signs.empty()) {
        sink_.error(first_file,
                    "the library has no 'emergency_signs': every plan lists the signs that mean "
                    "stop and get help at once");
      }
      known(lib_.settings.default_routine, ids_of(lib_.routines), "routine");
      for (const auto& r : lib_.settings.default_equipment)
        known(r, ids_of(lib_.equipment), "equipment");
      for (const auto& r : lib_.settings.assumed_equipment)
        known(r, ids_of(lib_.equipment), "equipment");
    }
    const auto equipment = ids_of(lib_.equipment);
    const auto regions = ids_of(lib_.regions);
    const auto exercises = ids_of(lib_.exercises);
    for (const auto& e : lib_.equipment) {
      for (const auto& s : e.stand_ins) {
        if (known(s, equipment, "equipment") && s.id == e.id) {
          sink_.error(s.at, fmt::format("equipment '{}' lists itself as a stand-in", e.id));
        }
      }
    }
    for (const auto& x : lib_.exercises) {
      // Its figure: the joints within their ranges, the contacts met, the tools shown.
      if (x.figure && !lib_.figure_model.defined) {
        sink_.error(x.figure->at,
                    "a figure needs the library's 'figure_model' (body proportions "
                    "and joint limits)");
      } else if (x.figure) {
        for (auto& p : figure::check_figure(lib_.figure_model, *x.figure, x.equipment)) {
          sink_.error(p.at, std::move(p.message));
        }
      }
      for (const auto& r : x.equipment) known(r, equipment, "equipment");
      for (const auto& [level, r] : x.levels) {
        if (!known(r, exercises, "exercise")) continue;
        const Exercise& step = *lib_.find_exercise(r.id);
        if (step.id == x.id) {
          sink_.error(r.at, fmt::format("'{}' is the exercise itself; leave the level out", r.id));
        } else if (step.phase != x.phase) {
          sink_.error(r.at, fmt::format("level '{}' is a {} exercise, not {} like '{}'", r.id,
                                        to_string(step.phase), to_string(x.phase), x.id));
        } else if (!step.levels.empty()) {
          sink_.error(r.at,
                      fmt::format("'{}' has levels of its own; a ladder is one step deep", r.id));
        }
      }
      for (const auto& r : x.pressure_on) known(r, regions, "region");
      for (const auto& r : x.targets) known(r, regions, "region");
      for (const auto& a : x.alternatives) {
        if (!known(a, exercises, "exercise")) continue;
        const Exercise* alt = lib_.find_exercise(a.id);
        if (alt->phase != x.phase) {
          sink_.error(a.at, fmt::format("alternative '{}' is a {} exercise, but '{}' is {}", a.id,
                                        to_string(alt->phase), x.id, to_string(x.phase)));
        }
      }
    }
    check_alternative_loops();
    for (const auto& c : lib_.conditions) {
      for (const auto& rule : c.rules) {
        for (const auto& r : rule.ids) {
          switch (rule.kind) {
            case RuleKind::exclude_exercises:
              known(r, exercises, "exercise");
              break;
            case RuleKind::no_pressure_on:
              known(r, regions, "region");
              break;
            default:
              known(r, equipment, "equipment");
              break;
          }
        }
        for (const auto& r : rule.scope.exercises) known(r, exercises, "exercise");
        if (rule.kind == RuleKind::hold_back_phases && rule.lifted_by == Lift::cleared &&
            c.gate != Gate::clearance) {
          sink_.error(rule.at, fmt::format("condition '{}' holds work back until --cleared, so its "
                                           "gate must be 'clearance', not '{}'",
                                           c.id, to_string(c.gate)));
        }
      }
      if (c.when) check_when(c);
      for (std::size_t i = 0; i < c.details.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
          if (c.details[j].id == c.details[i].id)
            sink_.error(c.details[i].at,
                        fmt::format("condition '{}' asks '{}' twice", c.id, c.details[i].id));
        }
      }
      if (!c.details.empty() && c.when) {
        sink_.error(c.details.front().at,
                    fmt::format("'{}' applies by itself, so nobody can give its details", c.id));
      }
      for (const auto& variant : c.notice_with) {
        for (const auto& r : variant.equipment) known(r, equipment, "equipment");
      }
      const bool holds_back = std::any_of(c.rules.begin(), c.rules.end(), [](const Rule& r) {
        return r.kind == RuleKind::hold_back_phases;
      });
      if (!c.notice_lifted.empty() && !holds_back) {
        sink_.error(c.at, fmt::format("condition '{}' has a 'notice_lifted' but holds no work "
                                      "back (hold_back_phases)",
                                      c.id));
      }
      if (c.gate == Gate::stop && c.when) {
        sink_.error(c.at, fmt::format("red flag '{}' cannot be automatic ('when')", c.id));
      }
    }
    for (const auto& routine : lib_.routines) check_routine(routine);
    check_handout_words(first_file);
    check_synonyms();
    check_sources();
  }

 private:
  // A client's handout names no command-line flag: every notice reads without one once the
  // settings' handout_wording is applied, and the texts printed as they are (cues, reasons,
  // general rules, emergency signs) name none.
  void check_handout_words(const Location& first_file) {
    const Settings& s = lib_.settings;
    auto notice = [&](const Location& at, const std::string& what, const std::string& text) {
      const std::string flag = flag_in(handout_text(s.handout_wording, text));
      if (flag.empty()) return;
      sink_.error(at, fmt::format("{} names '{}', which a client's handout cannot print: add a "
                                  "'handout_wording' entry to 'settings' for its phrase",
                                  what, flag));
    };
    auto plain_text = [&](const Location& at, const std::string& what, const std::string& text) {
      const std::string flag = flag_in(text);
      if (flag.empty()) return;
      sink_.error(at, fmt::format("{} names '{}'; handouts print it as it is, so say it "
                                  "without the flag",
                                  what, flag));
    };
    for (const auto& c : lib_.conditions) {
      const std::string what = fmt::format("the notice of condition '{}'", c.id);
      notice(c.at, what, c.notice);
      notice(c.at, what, c.notice_lifted);
      for (const auto& v : c.notice_with) notice(v.at, what, v.notice);
      for (const auto& r : c.rules) {
        plain_text(r.at, fmt::format("a rule of condition '{}'", c.id), r.why);
        plain_text(r.at, fmt::format("a cue of condition '{}'", c.id), r.cue);
      }
    }
    notice(first_file, "'default_equipment_notice'", s.default_equipment_notice);
    for (const auto& x : lib_.exercises) {
      for (const auto& cue : x.cues) plain_text(x.at, fmt::format("a cue of '{}'", x.id), cue);
      // Checked on the merged entry: a later layer may change the cues and not the numbers.
      std::vector<int> seen;
      for (const int n : x.handout_cues) {
        if (n > static_cast<int>(x.cues.size())) {
          sink_.error(x.at, fmt::format("exercise '{}': 'handout_cues' names cue {}, but it has {} "
                                        "cue{}",
                                        x.id, n, x.cues.size(), x.cues.size() == 1 ? "" : "s"));
        } else if (std::find(seen.begin(), seen.end(), n) != seen.end()) {
          sink_.error(x.at,
                      fmt::format("exercise '{}': 'handout_cues' names cue {} twice", x.id, n));
        }
        seen.push_back(n);
      }
    }
    for (const auto& g : lib_.general_rules) plain_text(first_file, "a general rule", g.text);
    for (const auto& g : lib_.emergency_signs) plain_text(first_file, "an emergency sign", g.text);
  }

  // A synonym is read as its entry's id wherever people type ids, and `show` takes any kind of
  // id, so it must not be any entry's id (of any kind) nor another entry's synonym.
  void check_synonyms() {
    std::map<std::string, std::string> ids;  // id -> "region 'calves'"
    auto add_ids = [&](const auto& items, std::string_view kind) {
      for (const auto& item : items) ids.emplace(item.id, fmt::format("{} '{}'", kind, item.id));
    };
    add_ids(lib_.equipment, "equipment");
    add_ids(lib_.regions, "region");
    add_ids(lib_.exercises, "exercise");
    add_ids(lib_.conditions, "condition");
    std::map<std::string, std::string> seen;  // synonym -> "region 'calves'"
    auto check = [&](const auto& items, std::string_view kind) {
      for (const auto& item : items) {
        const std::string owner = fmt::format("{} '{}'", kind, item.id);
        for (const Ref& word : item.synonyms) {
          if (auto id = ids.find(word.id); id != ids.end()) {
            sink_.error(word.at, fmt::format("synonym '{}' of {} is the id of {}", word.id, owner,
                                             id->second));
          } else if (auto other = seen.find(word.id); other != seen.end()) {
            sink_.error(word.at,
                        other->second == owner
                            ? fmt::format("synonym '{}' of {} is given twice", word.id, owner)
                            : fmt::format("synonym '{}' of {} is already a synonym of {}", word.id,
                                          owner, other->second));
          } else {
            seen.emplace(word.id, owner);
          }
        }
      }
    };
    check(lib_.equipment, "equipment");
    check(lib_.regions, "region");
    check(lib_.exercises, "exercise");
    check(lib_.conditions, "condition");
  }

  // Every `source:` names a source the library has (last, so that the first problem in a file
  // stays the one about its structure).
  void check_sources() {
    const auto sources = ids_of(lib_.sources);
    // The list is long: a typo gets "did you mean", anything else a pointer to where the list is.
    auto check = [&](const std::vector<Ref>& refs) {
      for (const auto& r : refs) {
        if (std::find(sources.begin(), sources.end(), r.id) != sources.end()) continue;
        const auto near = closest(r.id, sources);
        sink_.error(r.at, near
                              ? fmt::format("unknown source '{}' (did you mean '{}'?)", r.id, *near)
                              : fmt::format("unknown source '{}'; define it under 'sources' (with "
                                            "a title, and a url or doi), or see 'backplan list "
                                            "sources'",
                                            r.id));
      }
    };
    for (const auto& g : lib_.general_rules) check(g.sources);
    for (const auto& g : lib_.emergency_signs) check(g.sources);
    check(lib_.settings.beginner_from_age_sources);
    check(lib_.progression.sources);
    for (const auto& x : lib_.exercises) check(x.sources);
    check(lib_.figure_model.segment_sources);
    for (const auto& l : lib_.figure_model.limits) check(l.sources);
    for (const auto& c : lib_.conditions) {
      check(c.sources);
      for (const auto& rule : c.rules) check(rule.sources);
    }
  }

  // The conditions an automatic condition's `when` names: known, and each one a person lists,
  // so whether a condition is in force never hangs on another automatic one (or on itself).
  void check_when(const Condition& c) {
    const When& w = *c.when;
    for (const auto& r : w.regions) known(r, ids_of(lib_.regions), "region");
    const char* key = w.kind == When::Kind::avoid_with ? "avoid_with"
                      : w.kind == When::Kind::with_all ? "with_all"
                      : w.kind == When::Kind::with_any ? "with_any"
                      : w.kind == When::Kind::details  ? "details"
                      : w.kind == When::Kind::today    ? "with_any"
                                                       : "without";
    for (const auto& r : w.conditions) {
      if (r.id == c.id) {
        sink_.error(
            r.at, fmt::format("condition '{}' cannot depend on itself ('{}' names it)", c.id, key));
        continue;
      }
      if (!known(r, ids_of(lib_.conditions), "condition")) continue;
      const Condition* named = lib_.find_condition(r.id);
      if (named->when) {
        sink_.error(r.at, fmt::format("'{}' applies by itself; '{}' names conditions a person "
                                      "lists",
                                      r.id, key));
      } else if (w.kind == When::Kind::details) {
        check_detail_tests(*named, w.details);
      }
    }
  }

  // Each test names a detail the condition asks, with values it can take.
  void check_detail_tests(const Condition& c, const std::vector<DetailTest>& tests) {
    std::vector<std::string> ids;
    for (const auto& d : c.details) ids.push_back(d.id);
    for (const auto& t : tests) {
      const Detail* d = c.find_detail(t.detail);
      if (!d) {
        sink_.error(t.at, ids.empty()
                              ? fmt::format("condition '{}' asks no details", c.id)
                              : unknown_message(fmt::format("{} detail", c.id), t.detail, ids));
        continue;
      }
      if (d->choices.empty() != t.any_of.empty()) {
        sink_.error(t.at,
                    d->choices.empty()
                        ? fmt::format("'{}' is a number: test it with below or at_least", t.detail)
                        : fmt::format("'{}' is a choice: test it with a list of its "
                                      "choices ({})",
                                      t.detail, fmt::join(d->choices, ", ")));
        continue;
      }
      for (const auto& v : t.any_of) {
        if (std::find(d->choices.begin(), d->choices.end(), v) == d->choices.end())
          sink_.error(t.at, unknown_message(fmt::format("{} {}", c.id, t.detail), v, d->choices));
      }
    }
  }

  bool known(const Ref& ref, const std::vector<std::string>& ids, std::string_view kind) {
    if (std::find(ids.begin(), ids.end(), ref.id) != ids.end()) return true;
    sink_.error(ref.at, unknown_message(kind, ref.id, ids));
    return false;
  }

  void check_alternative_loops() {
    // 0 = unvisited, 1 = on the current path, 2 = done.
    std::map<std::string, int> state;
    std::vector<std::string> path;
    std::function<void(const Exercise&)> visit = [&](const Exercise& x) {
      state[x.id] = 1;
      path.push_back(x.id);
      for (const auto& a : x.alternatives) {
        const Exercise* alt = lib_.find_exercise(a.id);
        if (!alt) continue;
        if (state[alt->id] == 1) {
          auto start = std::find(path.begin(), path.end(), alt->id);
          std::vector<std::string> loop(start, path.end());
          loop.push_back(alt->id);
          sink_.error(a.at, fmt::format("alternatives loop: {}", fmt::join(loop, " -> ")));
        } else if (state[alt->id] == 0) {
          visit(*alt);
        }
      }
      path.pop_back();
      state[x.id] = 2;
    };
    for (const auto& x : lib_.exercises) {
      if (state[x.id] == 0) visit(x);
    }
  }

  void check_routine(const Routine& routine) {
    int last = -1;
    std::set<int> seen;
    for (const auto& phase : routine.phases) {
      const int index = static_cast<int>(phase.id);
      if (!seen.insert(index).second) {
        sink_.error(phase.at, fmt::format("routine '{}' has phase '{}' twice", routine.id,
                                          to_string(phase.id)));
      } else if (index < last) {
        sink_.error(phase.at, fmt::format("routine '{}': phase '{}' is out of order; phases go "
                                          "release, mobility, core, stretch",
                                          routine.id, to_string(phase.id)));
      }
      last = std::max(last, index);
      for (const auto& slot : phase.slots) {
        if (!known(slot.exercise, ids_of(lib_.exercises), "exercise")) continue;
        const Exercise* x = lib_.find_exercise(slot.exercise.id);
        if (x->phase != phase.id) {
          sink_.error(slot.exercise.at, fmt::format("'{}' is a {} exercise, not {}", x->id,
                                                    to_string(x->phase), to_string(phase.id)));
        }
      }
    }
  }

  const Library& lib_;
  DiagnosticSink& sink_;
};

}  // namespace

void check_library(const Library& lib, bool has_settings, const Location& first_file,
                   DiagnosticSink& sink) {
  Checker(lib, sink).run(has_settings, first_file);
}

}  // namespace backplan
