#include "render/view.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>

#include "render/handout.h"

namespace backplan {

namespace {

std::string escaped_join(const std::vector<std::string>& items, Escape escape,
                         const char* separator) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const auto& item : items) out.push_back(escape(item));
  return fmt::format("{}", fmt::join(out, separator));
}

}  // namespace

std::string duration_in_words(int seconds) {
  const int m = seconds / 60;
  const int s = seconds % 60;
  if (m == 0) return fmt::format("{} s", s);
  if (s == 0) return fmt::format("{} min", m);
  return fmt::format("{} min {} s", m, s);
}

int rounded_seconds(int seconds) {
  if (seconds < 58) return std::max(5, (seconds + 2) / 5 * 5);
  return (seconds + 30) / 60 * 60;
}

std::string rounded_duration(int seconds) {
  return duration_in_words(rounded_seconds(seconds));
}

std::string about_minutes(int seconds) {
  const int m = std::max(1, (seconds + 30) / 60);
  return fmt::format("about {} minute{}", m, m == 1 ? "" : "s");
}

namespace {

const char* const kWords[] = {"zero", "one",   "two",   "three", "four", "five",
                              "six",  "seven", "eight", "nine",  "ten"};

// "ten-second", "30-second", "one-minute": a length as an adjective.
std::string seconds_adjective(int seconds) {
  if (seconds >= 60 && seconds % 60 == 0) {
    const int m = seconds / 60;
    return fmt::format("{}-minute", m <= 10 ? kWords[m] : std::to_string(m));
  }
  return fmt::format("{}-second",
                     seconds >= 0 && seconds <= 10 ? kWords[seconds] : std::to_string(seconds));
}

// "a ten-second", "an eight-second", "an 18-second".
std::string a_length(const std::string& adjective) {
  const bool an = adjective.rfind("eight", 0) == 0 || adjective.rfind("8", 0) == 0 ||
                  adjective.rfind("11-", 0) == 0 || adjective.rfind("18-", 0) == 0;
  return (an ? "an " : "a ") + adjective;
}

// "3 rounds of ", "" for one round.
std::string rounds_of(int sets) {
  return sets == 1 ? "" : fmt::format("{} rounds of ", sets);
}

}  // namespace

std::string dose_in_words(const StepDose& d, Phase phase) {
  std::string out;
  if (!d.reps.empty()) {
    std::vector<int> per_set;
    for (int set = 0; set < std::max(1, d.sets); ++set)
      per_set.push_back(
          d.reps[std::min<std::size_t>(static_cast<std::size_t>(set), d.reps.size() - 1)]);
    const bool same =
        std::all_of(per_set.begin(), per_set.end(), [&](int r) { return r == per_set.front(); });
    std::string counts;
    int last = per_set.back();
    if (same) {
      counts = rounds_of(d.sets) + std::to_string(per_set.front());
    } else {
      counts = fmt::format("{}", fmt::join(per_set, ", then "));
      last = 2;  // "5, then 3, then 1 holds": the list reads as many
    }
    const bool one = last == 1;
    if (d.hold_seconds) {
      out = counts == "1" ? a_length(seconds_adjective(*d.hold_seconds)) + " hold"
                          : fmt::format("{} {} {}", counts, seconds_adjective(*d.hold_seconds),
                                        one ? "hold" : "holds");
    } else {
      out = fmt::format("{} slow {}", counts, one ? "rep" : "reps");
    }
  } else {
    const bool pass = phase == Phase::release;
    const std::string length = seconds_adjective(d.hold_seconds.value_or(0));
    out = d.sets == 1
              ? fmt::format("{} {}", a_length(length), pass ? "pass" : "hold")
              : fmt::format("{} {} {}", d.sets <= 10 ? kWords[d.sets] : std::to_string(d.sets),
                            length, pass ? "passes" : "holds");
  }
  if (d.per_side) out += " on each side";
  if (d.sets > 1 && d.rest_seconds > 0)
    out += fmt::format(", resting {} s between rounds", d.rest_seconds);
  return out;
}

namespace {

bool same_key(const CauseGroup& g, const Cause& c) {
  return g.kind == c.kind && g.id == c.id;
}

CauseGroup& group_for(std::vector<CauseGroup>& groups, const Cause& c) {
  for (auto& g : groups) {
    if (same_key(g, c)) {
      if (std::find(g.texts.begin(), g.texts.end(), c.text) == g.texts.end())
        g.texts.push_back(c.text);
      return g;
    }
  }
  groups.push_back({c.kind, c.id, c.label, {c.text}, {}, {}, {}, {}});
  return groups.back();
}

// "step 3", "steps 1 and 2", "steps 1, 2 and 5", "steps 1-4".
std::string steps_text(std::vector<int> numbers) {
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  if (numbers.size() == 1) return fmt::format("step {}", numbers[0]);
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < numbers.size();) {
    std::size_t j = i;
    while (j + 1 < numbers.size() && numbers[j + 1] == numbers[j] + 1) ++j;
    if (j >= i + 2) {
      parts.push_back(fmt::format("{}-{}", numbers[i], numbers[j]));
    } else {
      for (std::size_t k = i; k <= j; ++k) parts.push_back(std::to_string(numbers[k]));
    }
    i = j + 1;
  }
  if (parts.size() == 1) return "steps " + parts[0];
  const std::string last = parts.back();
  parts.pop_back();
  return fmt::format("steps {} and {}", fmt::join(parts, ", "), last);
}

std::string lower_first(std::string s) {
  if (s.size() > 1 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
    s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

// "A tennis ball", "An exercise band".
std::string a_tool(const std::string& name) {
  const std::string lower = lower_first(name);
  const bool vowel = !lower.empty() && std::string("aeiou").find(lower[0]) != std::string::npos;
  return (vowel ? "An " : "A ") + lower;
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string with_stop(const std::string& s) {
  if (s.empty() || s.back() == '.' || s.back() == '!' || s.back() == '?') return s;
  return s + ".";
}

std::string phases_text(const std::vector<Phase>& phases) {
  std::vector<std::string> names;
  for (Phase p : phases) names.emplace_back(to_string(p));
  if (names.size() == 1) return names[0] + " ";
  return "";
}

}  // namespace

std::vector<CauseGroup> group_causes(const Plan& plan) {
  std::vector<CauseGroup> groups;
  for (const auto& phase : plan.phases) {
    for (const auto& s : phase.steps) {
      for (const auto& c : s.replaced_because) {
        auto& g = group_for(groups, c);
        if (std::find(g.swapped.begin(), g.swapped.end(), &s) == g.swapped.end())
          g.swapped.push_back(&s);
      }
      for (const auto& d : s.dose_changes) group_for(groups, d.cause).dosed.push_back({&s, d.what});
    }
  }
  for (const auto& o : plan.omitted) {
    for (std::size_t i = 0; i < o.causes.size(); ++i) {
      auto& g = group_for(groups, o.causes[i]);
      if (std::find(g.omitted.begin(), g.omitted.end(), &o) == g.omitted.end())
        g.omitted.push_back(&o);
    }
  }
  // A slot none of whose own causes is this reason: the reason only ruled out its stand-ins.
  for (auto& g : groups) {
    std::vector<const Omission*> own;
    for (const Omission* o : g.omitted) {
      bool is_own = false;
      for (std::size_t i = 0; i < std::min(o->own_causes, o->causes.size()); ++i)
        is_own = is_own || same_key(g, o->causes[i]);
      (is_own ? own : g.stand_ins_out).push_back(o);
    }
    g.omitted = std::move(own);
  }
  return groups;
}

HandoutView make_view(const Plan& plan) {
  HandoutView view;
  view.routine = plan.routine_name;
  view.person = plan.profile.name;
  view.summary = profile_summary(plan);
  if (!plan.held()) {
    const int minutes = std::max(1, (plan.total_seconds + 30) / 60);
    const int budget = std::max(1, (plan.budget_seconds + 30) / 60);
    std::vector<std::string> caps;  // "fibromyalgia", as the middle of a sentence has it
    for (std::string name : plan.capped_by) {
      if (name.size() > 1 && name[0] >= 'A' && name[0] <= 'Z' &&
          !(name[1] >= 'A' && name[1] <= 'Z'))
        name[0] = static_cast<char>(name[0] - 'A' + 'a');
      caps.push_back(std::move(name));
    }
    if (!caps.empty()) {
      view.about =
          fmt::format("About {} of the {} {} allow{} (you have {}), moving between steps included.",
                      std::min(minutes, budget), about_minutes(plan.budget_seconds).substr(6),
                      fmt::join(caps, " and "), caps.size() == 1 ? "s" : "",
                      about_minutes(plan.profile.minutes * 60).substr(6));
    } else {
      view.about = minutes >= budget
                       ? fmt::format("About {}, moving between steps included.",
                                     about_minutes(plan.total_seconds).substr(6))
                       : fmt::format("About {} of your {}, moving between steps included.", minutes,
                                     about_minutes(plan.budget_seconds).substr(6));
    }
  }
  if (plan.progress && !plan.held()) view.practice = plan.progress->adherence.text;
  view.stop_if = plan.stop_if;
  for (const auto& n : plan.notices)
    view.notices.push_back(
        {n.level, notice_label(n.level), n.text, handout_text(plan.handout_wording, n.text)});
  const std::vector<CauseGroup> groups = group_causes(plan);
  auto label_of = [&](const Cause& c) {
    for (const auto& g : groups) {
      if (same_key(g, c)) return g.label;
    }
    return c.label;
  };
  std::map<const Step*, int> numbers;
  int number = 0;
  for (const auto& phase : plan.phases) {
    PhaseView p;
    p.id = phase.id;
    p.title = phase.title;
    int shown = 0;  // the sum of the steps' rounded times
    for (const auto& s : phase.steps) {
      shown += rounded_seconds(s.seconds);
      StepView step;
      step.number = ++number;
      numbers[&s] = number;
      step.id = s.id;
      step.name = s.name;
      step.time = rounded_duration(s.seconds);
      step.dose = dose_in_words(s.dose, s.phase);
      for (const auto& id : s.equipment) step.tools.push_back(plan.name_of(id));
      step.cues = s.cues;
      step.own_cues = s.own_cues;
      step.handout_cues = s.handout_cues;
      if (s.replaces) step.replaces = plan.name_of(*s.replaces);
      for (const auto& c : s.replaced_because) {
        const std::string label = label_of(c);
        if (std::find(step.why.begin(), step.why.end(), label) == step.why.end())
          step.why.push_back(label);
      }
      for (const auto& d : s.dose_changes) {
        step.changes.push_back(d.what);
        step.change_why.push_back(label_of(d.cause));
      }
      p.steps.push_back(std::move(step));
    }
    // What the step lines add up to, so a phase never disagrees with its own steps.
    p.time = duration_in_words(shown);
    view.phases.push_back(std::move(p));
  }
  if (plan.held()) {
    std::vector<std::string> names;
    for (const auto& id : plan.held_by) names.push_back(plan.name_of(id));
    view.held = fmt::format(
        "Waiting for clearance: {}. Every step of this routine waits for a clinician's go-ahead; "
        "the notice above says whom to ask. Once they agree, make the plan again and it will "
        "include the exercises.",
        fmt::join(names, "; "));
  } else {
    for (const auto& g : groups) {
      std::vector<std::string> effects;
      std::vector<int> swapped;
      for (const Step* s : g.swapped) swapped.push_back(numbers[s]);
      if (!swapped.empty())
        effects.push_back(steps_text(swapped) + (swapped.size() == 1 ? " is" : " are") +
                          " done another way");
      // "holds shortened to 30 s in steps 1 and 2", one clause per kind of change
      std::vector<std::pair<std::string, std::vector<int>>> dosed;
      for (const auto& [s, what] : g.dosed) {
        auto it = std::find_if(dosed.begin(), dosed.end(),
                               [&, &what = what](const auto& d) { return d.first == what; });
        if (it == dosed.end()) {
          dosed.push_back({what, {numbers[s]}});
        } else {
          it->second.push_back(numbers[s]);
        }
      }
      for (const auto& [what, steps] : dosed) effects.push_back(what + " in " + steps_text(steps));
      if (!g.omitted.empty())
        effects.push_back(
            fmt::format("{} left out", g.omitted.size() == 1
                                           ? std::string("1 exercise is")
                                           : fmt::format("{} exercises are", g.omitted.size())));
      if (!g.stand_ins_out.empty()) {
        const std::size_t n = g.stand_ins_out.size();
        effects.push_back(fmt::format("{} the stand-ins for {} {} left out for other reasons",
                                      g.omitted.empty() ? "it rules out" : "it also rules out", n,
                                      n == 1 ? "exercise" : "exercises"));
      }
      const std::string said = fmt::format("{}", fmt::join(effects, "; "));
      view.changes.push_back({g.kind, swapped.empty() && dosed.empty(), g.label,
                              with_stop(fmt::format("{}", fmt::join(g.texts, "; "))),
                              with_stop(capitalised(said))});
      if (g.kind == CauseKind::time && !g.omitted.empty()) {
        OmittedView o{g.kind, g.label, {}, {}, {}, {}};
        for (const Omission* om : g.omitted) {
          o.names.push_back(om->name);
          o.phases.push_back(om->phase);
        }
        view.omitted.push_back(std::move(o));
      }
    }
    // The exercises ruled out for safety, one line each in the plan's order, before those the
    // time left out.
    std::vector<OmittedView> safety;
    for (const auto& om : plan.omitted) {
      if (std::all_of(om.causes.begin(), om.causes.end(),
                      [](const Cause& c) { return c.kind == CauseKind::time; }))
        continue;
      OmittedView o{om.causes.empty() ? CauseKind::condition : om.causes[0].kind,
                    om.name,
                    {},
                    {om.phase},
                    {},
                    {}};
      if (o.kind == CauseKind::time) o.kind = CauseKind::condition;
      for (std::size_t i = 0; i < om.causes.size(); ++i) {
        const std::string label = label_of(om.causes[i]);
        if (std::find(o.see.begin(), o.see.end(), label) != o.see.end()) continue;
        if (i < om.own_causes) {
          o.also.erase(std::remove(o.also.begin(), o.also.end(), label), o.also.end());
          o.see.push_back(label);
        } else if (std::find(o.also.begin(), o.also.end(), label) == o.also.end()) {
          o.also.push_back(label);
        }
      }
      safety.push_back(std::move(o));
    }
    view.omitted.insert(view.omitted.begin(), safety.begin(), safety.end());
    if (plan.suggestion && !plan.suggestion->slots.empty()) {
      const auto& sg = *plan.suggestion;
      std::vector<std::string> tools;
      for (const auto& name : sg.names) tools.push_back(name);
      const int n = static_cast<int>(sg.slots.size());
      std::string what = a_tool(tools[0]);  // "A firm bed or bench and a tennis ball"
      for (std::size_t i = 1; i < tools.size(); ++i)
        what += " and " + lower_first(a_tool(tools[i]));
      view.help = fmt::format("{} would bring back {} {}{}.", what,
                              n == 1 ? std::string("one") : std::to_string(n),
                              phases_text(sg.phases), n == 1 ? "step" : "steps");
    }
  }
  view.total = fmt::format("Total: {}", about_minutes(plan.total_seconds));
  return view;
}

std::string plain(const std::string& text) {
  return text;
}

std::vector<std::string> printed_cues(const StepView& s, bool brief) {
  std::vector<std::string> cues;
  if (!brief) {
    if (s.handout_cues.empty()) {
      for (std::size_t i = 0; i < std::min<std::size_t>(2, s.own_cues); ++i)
        cues.push_back(s.cues[i]);
    }
    for (const std::size_t i : s.handout_cues) cues.push_back(s.cues[i]);
  }
  for (std::size_t i = s.own_cues; i < s.cues.size(); ++i) cues.push_back(s.cues[i]);
  return cues;
}

std::string title_line(const HandoutView& view, Escape escape) {
  return view.person ? escape(view.routine) + " for " + escape(*view.person) : escape(view.routine);
}

std::string dose_line(const StepView& step, Escape escape) {
  if (step.tools.empty()) return step.dose;
  return step.dose + " · " + escaped_join(step.tools, escape, ", ");
}

std::string instead_line(const StepView& step, Escape escape, const std::string& open,
                         const std::string& close) {
  if (!step.replaces) return {};
  if (step.why.empty())
    return fmt::format("{}Instead of {}{}", open, escape(*step.replaces), close);
  return fmt::format("{}Instead of {}{} — see {}", open, escape(*step.replaces), close,
                     escaped_join(step.why, escape, ", "));
}

std::string changed_line(const StepView& step, Escape escape, const std::string& open,
                         const std::string& close) {
  if (step.changes.empty()) return {};
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < step.changes.size(); ++i) {
    const std::string what = escape(capitalised(step.changes[i]));
    parts.push_back(i == 0 ? open + what + close : what);
    if (i < step.change_why.size()) parts.back() += " — see " + escape(step.change_why[i]);
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::string left_out_line(const OmittedView& omitted, Escape escape) {
  if (omitted.kind == CauseKind::time)
    return fmt::format("{}: {}", escape(omitted.label), escaped_join(omitted.names, escape, ", "));
  std::string line = escape(omitted.label);
  if (!omitted.see.empty()) line += " — see " + escaped_join(omitted.see, escape, "; ");
  if (!omitted.also.empty())
    line += fmt::format(" ({} its stand-ins: {})", omitted.see.empty() ? "for" : "and for",
                        escaped_join(omitted.also, escape, "; "));
  return line;
}

std::string left_out_count_line(const OmittedView& omitted, Escape escape) {
  std::vector<Phase> phases;
  for (Phase p : omitted.phases) {
    if (std::find(phases.begin(), phases.end(), p) == phases.end()) phases.push_back(p);
  }
  const std::size_t n = omitted.names.size();
  return fmt::format("{}: {} {}{}", escape(omitted.label), n, phases_text(phases),
                     n == 1 ? "step" : "steps");
}

std::string change_line(const ChangeView& change, Escape escape, const std::string& open,
                        const std::string& close) {
  return fmt::format("{}{}:{} {} {}", open, escape(change.label), close, escape(change.text),
                     escape(change.effects));
}

}  // namespace backplan
