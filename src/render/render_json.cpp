#include "render/render_json.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "render/view.h"

namespace backplan {

namespace {

using json = nlohmann::ordered_json;

json profile_json(const Profile& p) {
  // {"hip-replacement": {"approach": "posterior", "weeks": 6}}: numbers as numbers, null when
  // not given.
  json details = json::object();
  for (const auto& [id, values] : p.details) {
    json answers = json::object();
    for (const auto& v : values) {
      answers[v.detail] = v.value.empty() ? json(nullptr)
                          : v.number      ? json(std::stoi(v.value))
                                          : json(v.value);
    }
    details[id] = answers;
  }
  std::vector<std::string> today;
  for (Today t : p.today) today.emplace_back(to_string(t));
  json profile = {
      {"name", p.name ? json(*p.name) : json(nullptr)},
      {"age", p.age ? json(*p.age) : json(nullptr)},
      {"floor", p.floor},
      {"equipment", p.equipment},
      {"conditions", p.conditions},
      {"details", details},
      {"avoid", p.avoid},
      {"minutes", p.minutes},
      {"cleared", p.cleared},
      {"level", std::string(to_string(p.level))},
      {"today", today},
  };
  return profile;
}

json notices_json(const std::vector<Notice>& from) {
  json notices = json::array();
  for (const auto& n : from) {
    notices.push_back({{"level", std::string(to_string(n.level))}, {"text", n.text}});
  }
  return notices;
}

// A phase the routine does not have still gets a title: its id, capitalised.
std::string phase_title(const Plan& plan, Phase id) {
  if (const auto it = plan.phase_titles.find(id); it != plan.phase_titles.end()) return it->second;
  std::string title(to_string(id));
  if (!title.empty()) title[0] = static_cast<char>(title[0] - 'a' + 'A');
  return title;
}

json ladder_step_json(const LadderStep& step) {
  return {{"level", step.level ? json(std::string(to_string(*step.level))) : json(nullptr)},
          {"stage", step.stage}};
}

// The diary's reading: where each ladder stood and where it goes today, and why; null without a
// diary.
json progress_json(const std::optional<Progress>& progress) {
  if (!progress) return nullptr;
  json ladders = json::array();
  for (const auto& l : progress->ladders) {
    ladders.push_back({{"slot", l.slot},
                       {"exercise", l.exercise},
                       {"move", std::string(to_string(l.move))},
                       {"from", ladder_step_json(l.from)},
                       {"to", ladder_step_json(l.to)},
                       {"settled", l.settled},
                       {"reason", l.reason}});
  }
  const Adherence& a = progress->adherence;
  return {{"sessions", progress->sessions},
          {"flare", progress->flare},
          {"flare_advice", progress->flare ? json(progress->flare_advice) : json(nullptr)},
          {"adherence",
           {{"days", a.days}, {"window", a.window}, {"streak", a.streak}, {"text", a.text}}},
          {"ladders", ladders}};
}

}  // namespace

std::string render_json(const Plan& plan) {
  // Always the four phases, in order, so that .phases[0] is the release phase: one with no
  // steps (left out, or a plan on hold) has an empty `steps`.
  json phases = json::array();
  for (const Phase id : kPhaseOrder) {
    const PlanPhase* phase = nullptr;
    for (const auto& ph : plan.phases) {
      if (ph.id == id) phase = &ph;
    }
    json steps = json::array();
    for (const auto& s : phase ? phase->steps : std::vector<Step>{}) {
      std::vector<std::string> why = s.why;
      why.insert(why.end(), s.changes.begin(), s.changes.end());
      steps.push_back({
          {"id", s.id},
          {"name", s.name},
          {"position", std::string(to_string(s.position))},
          {"equipment", s.equipment},
          {"pressure_on", s.pressure_on},
          {"seconds", s.seconds},
          {"transition_seconds", s.transition_seconds},
          {"dose",
           {{"sets", s.dose.sets},
            {"reps", s.dose.reps},
            {"hold_seconds", s.dose.hold_seconds ? json(*s.dose.hold_seconds) : json(nullptr)},
            {"per_side", s.dose.per_side}}},
          {"cues", s.cues},
          {"replaces", s.replaces ? json(*s.replaces) : json(nullptr)},
          {"level", s.level ? json(std::string(to_string(*s.level))) : json(nullptr)},
          {"stage", s.stage},
          {"why", why},
      });
    }
    phases.push_back({{"id", std::string(to_string(id))},
                      {"title", phase ? phase->title : phase_title(plan, id)},
                      {"steps", steps}});
  }
  json omitted = json::array();
  for (const auto& o : plan.omitted) {
    omitted.push_back({{"id", o.id}, {"phase", std::string(to_string(o.phase))}, {"why", o.why}});
  }
  // Each reason once, with what it changed (the steps by id, the left-out slots by id).
  json changes = json::array();
  for (const auto& g : group_causes(plan)) {
    json steps = json::array();
    for (const Step* s : g.swapped) steps.push_back(s->id);
    json dosed = json::array();
    for (const auto& [s, what] : g.dosed) dosed.push_back({{"step", s->id}, {"change", what}});
    // Every slot it touched, in plan order; `stand_ins` those it left out only by ruling out
    // the versions that could have stood in for them.
    json left = json::array();
    json stand_ins = json::array();
    for (const auto& o : plan.omitted) {
      const auto in = [&o](const std::vector<const Omission*>& v) {
        return std::find(v.begin(), v.end(), &o) != v.end();
      };
      if (in(g.omitted) || in(g.stand_ins_out)) left.push_back(o.id);
      if (in(g.stand_ins_out)) stand_ins.push_back(o.id);
    }
    changes.push_back({{"cause", std::string(to_string(g.kind))},
                       {"id", g.id},
                       {"label", g.label},
                       {"reasons", g.texts},
                       {"steps", steps},
                       {"dose_changes", dosed},
                       {"omitted", left},
                       {"stand_ins", stand_ins}});
  }
  json suggestion = nullptr;
  if (plan.suggestion && !plan.suggestion->slots.empty()) {
    suggestion = {{"equipment", plan.suggestion->equipment},
                  {"brings_back", plan.suggestion->slots}};
  }
  const json doc = {
      {"format", kPlanFormat},
      {"status", plan.held() ? "held" : "ok"},
      {"routine", plan.routine},
      {"profile", profile_json(plan.profile)},
      {"phases", phases},
      {"omitted", omitted},
      {"changes", changes},
      {"suggestion", suggestion},
      {"progress", progress_json(plan.progress)},
      {"notices", notices_json(plan.notices)},
      {"stop_if", plan.stop_if},
      {"held_by", plan.held_by},
      {"total_seconds", plan.total_seconds},
      {"budget_seconds", plan.budget_seconds},
  };
  return doc.dump(2) + "\n";
}

std::string render_json_referral(const Profile& profile, const std::vector<Notice>& reasons,
                                 const std::vector<std::string>& stop_if) {
  const json doc = {
      {"format", kPlanFormat},
      {"status", "referred"},
      {"routine", profile.routine},
      {"profile", profile_json(profile)},
      {"notices", notices_json(reasons)},
      {"stop_if", stop_if},
  };
  return doc.dump(2) + "\n";
}

}  // namespace backplan
