#include "load/library_codegen.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

namespace backplan {

namespace {

// A C++ string literal for any bytes: printable ASCII as is, the rest as octal escapes.
std::string literal(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u >= 0x20 && u < 0x7f && c != '?') {
      out += c;
    } else {
      out += fmt::format("\\{:03o}", u);
    }
  }
  return out + "\"";
}

class Emitter {
 public:
  std::string run(const Library& lib) {
    out_ += "// Generated from routines/*.yaml by backplan_codegen. Do not edit.\n";
    out_ += "#include \"load/library_codegen.h\"\n\nnamespace backplan {\n\nnamespace {\n\n";
    part([&] { settings(lib); });
    part([&] {
      progression(lib.progression);
      figure_model(lib.figure_model);
    });
    for (const auto& x : lib.exercises) part([&] { exercise(x); });
    for (const auto& c : lib.conditions) part([&] { condition(c); });
    for (const auto& r : lib.routines) part([&] { routine(r); });
    for (std::size_t i = 0; i < lib.sources.size(); i += kSourcesPerPart) {
      part([&] {
        for (std::size_t j = i; j < std::min(lib.sources.size(), i + kSourcesPerPart); ++j)
          source(lib.sources[j]);
      });
    }
    out_ += functions_;
    out_ += "Library build() {\n  Library l;\n" + calls_ + "  return l;\n}\n\n}  // namespace\n\n";
    out_ +=
        "const Library& compiled_builtin_library() {\n  static const Library lib = build();\n"
        "  return lib;\n}\n\n}  // namespace backplan\n";
    return out_;
  }

 private:
  // The library is built by many small functions, one per exercise, condition and routine (and
  // a few for the rest), each kept out of line: one function of 6,000 statements took GCC four
  // minutes to optimise (and over twenty with AddressSanitizer); small ones take seconds.
  static constexpr std::size_t kSourcesPerPart = 16;

  template <class Emit>
  void part(Emit&& emit) {
    std::string outer = std::move(out_);
    out_.clear();
    emit();
    functions_ +=
        fmt::format("[[gnu::noinline]] void part_{}(Library& l) {{\n{}}}\n\n", parts_, out_);
    calls_ += fmt::format("  part_{}(l);\n", parts_);
    ++parts_;
    out_ = std::move(outer);
  }

  void settings(const Library& lib) {
    const Settings& s = lib.settings;
    line("l.settings.default_routine = " + ref(s.default_routine) + ";");
    line(fmt::format("l.settings.default_minutes = {};", s.default_minutes));
    line("l.settings.beginner_from_age = " + optional_int(s.beginner_from_age) + ";");
    line("l.settings.beginner_from_age_sources = " + refs(s.beginner_from_age_sources) + ";");
    line("l.settings.default_equipment = " + refs(s.default_equipment) + ";");
    line("l.settings.default_equipment_notice = " + literal(s.default_equipment_notice) + ";");
    line("l.settings.assumed_equipment = " + refs(s.assumed_equipment) + ";");
    for (const auto& w : s.handout_wording) {
      line("l.settings.handout_wording.push_back({" + literal(w.terminal) + ", " +
           literal(w.handout) + "});");
    }
    for (const auto& g : lib.general_rules) {
      line(fmt::format("l.general_rules.push_back({{{}, {}}});", literal(g.text), refs(g.sources)));
    }
    for (const auto& g : lib.emergency_signs) {
      line(fmt::format("l.emergency_signs.push_back({{{}, {}}});", literal(g.text),
                       refs(g.sources)));
    }
    for (const auto& r : lib.regions) {
      line(fmt::format("l.regions.push_back({{{}, {}, {}, {}}});", literal(r.id), literal(r.name),
                       location(r.at), refs(r.synonyms)));
    }
    for (const auto& e : lib.equipment) {
      line("{");
      line("  Equipment e;");
      line("  e.id = " + literal(e.id) + ";");
      line("  e.name = " + literal(e.name) + ";");
      if (e.firmness)
        line(fmt::format("  e.firmness = static_cast<Firmness>({});",
                         static_cast<int>(*e.firmness)));
      line("  e.stand_ins = " + refs(e.stand_ins) + ";");
      line("  e.synonyms = " + refs(e.synonyms) + ";");
      line("  e.at = " + location(e.at) + ";");
      line("  l.equipment.push_back(std::move(e));");
      line("}");
    }
  }

  void line(const std::string& text) { out_ += "  " + text + "\n"; }

  static std::string location(const Location& at) {
    return fmt::format("Location{{{}, {}, {}}}", literal(at.path), at.line, at.column);
  }
  static std::string ref(const Ref& r) {
    return fmt::format("Ref{{{}, {}}}", literal(r.id), location(r.at));
  }
  static std::string refs(const std::vector<Ref>& rs) {
    std::string out = "std::vector<Ref>{";
    for (const auto& r : rs) out += ref(r) + ", ";
    return out + "}";
  }
  static std::string texts(const std::vector<std::string>& ts) {
    std::string out = "std::vector<std::string>{";
    for (const auto& t : ts) out += literal(t) + ", ";
    return out + "}";
  }
  template <typename Enum>
  static std::string enums(const char* type, const std::vector<Enum>& values) {
    std::string out = fmt::format("std::vector<{}>{{", type);
    for (const auto v : values)
      out += fmt::format("static_cast<{}>({}), ", type, static_cast<int>(v));
    return out + "}";
  }
  static std::string ints(const std::vector<int>& values) {
    std::string out = "std::vector<int>{";
    for (int v : values) out += fmt::format("{}, ", v);
    return out + "}";
  }
  static std::string optional_int(const std::optional<int>& v) {
    return v ? fmt::format("std::optional<int>({})", *v) : "std::optional<int>()";
  }

  void exercise(const Exercise& x) {
    line("{");
    line("  Exercise x;");
    line("  x.id = " + literal(x.id) + ";");
    line("  x.name = " + literal(x.name) + ";");
    line(fmt::format("  x.phase = static_cast<Phase>({});", static_cast<int>(x.phase)));
    line(fmt::format("  x.position = static_cast<Position>({});", static_cast<int>(x.position)));
    line("  x.equipment = " + refs(x.equipment) + ";");
    line("  x.pressure_on = " + refs(x.pressure_on) + ";");
    line("  x.targets = " + refs(x.targets) + ";");
    line("  x.tags = " + texts(x.tags) + ";");
    line("  x.synonyms = " + refs(x.synonyms) + ";");
    const Dose& d = x.dose;
    line(fmt::format("  x.dose.sets = {};", d.sets));
    line(fmt::format("  x.dose.max_sets = {};", d.max_sets));
    std::string reps = "std::vector<int>{";
    for (int r : d.reps) reps += fmt::format("{}, ", r);
    line("  x.dose.reps = " + reps + "};");
    line("  x.dose.hold_seconds = " + optional_int(d.hold_seconds) + ";");
    line("  x.dose.rep_seconds = " + optional_int(d.rep_seconds) + ";");
    line(fmt::format("  x.dose.per_side = {};", d.per_side));
    line(fmt::format("  x.dose.rest_seconds = {};", d.rest_seconds));
    line("  x.cues = " + texts(x.cues) + ";");
    std::string handout_cues = "std::vector<int>{";
    for (int n : x.handout_cues) handout_cues += fmt::format("{}, ", n);
    line("  x.handout_cues = " + handout_cues + "};");
    line("  x.alternatives = " + refs(x.alternatives) + ";");
    for (const auto& [level, ref] : x.levels) {
      line(fmt::format("  x.levels[static_cast<Level>({})] = Ref{{{}, {}}};",
                       static_cast<int>(level), literal(ref.id), location(ref.at)));
    }
    line("  x.progression.max_hold_seconds = " + optional_int(x.progression.max_hold_seconds) +
         ";");
    line("  x.progression.at = " + location(x.progression.at) + ";");
    for (const auto& st : x.progression.stages) {
      line("  x.progression.stages.push_back(Stage{" + ints(st.reps) + ", " +
           optional_int(st.hold_seconds) + ", " + location(st.at) + "});");
    }
    line("  x.sources = " + refs(x.sources) + ";");
    if (x.figure) figure(*x.figure);
    line("  x.at = " + location(x.at) + ";");
    line("  l.exercises.push_back(std::move(x));");
    line("}");
  }

  void figure_model(const FigureModel& m) {
    for (const auto& [key, len] : m.segments) {
      line(fmt::format("l.figure_model.segments[{}] = {};", literal(key), len));
    }
    line("l.figure_model.segment_sources = " + refs(m.segment_sources) + ";");
    for (const auto& j : m.limits) {
      line(fmt::format(
          "l.figure_model.limits.push_back(JointLimit{{{}, static_cast<FigureView>({}), {}, {}, "
          "{}, {}}});",
          literal(j.joint), static_cast<int>(j.view), j.min, j.max, refs(j.sources),
          location(j.at)));
    }
    line("l.figure_model.at = " + location(m.at) + ";");
    line(fmt::format("l.figure_model.defined = {};", m.defined));
  }

  void figure(const Figure& g) {
    line("  {");
    line("    Figure g;");
    line(fmt::format("    g.view = static_cast<FigureView>({});", static_cast<int>(g.view)));
    line(fmt::format("    g.support = static_cast<FigureSupport>({});",
                     static_cast<int>(g.support)));
    line(fmt::format("    g.layout = static_cast<FigureLayout>({});", static_cast<int>(g.layout)));
    line(fmt::format("    g.per_side = {};", g.per_side));
    for (const auto& p : g.poses) {
      line("    {");
      line("      Pose p;");
      line(fmt::format("      p.body = {};", p.body));
      for (const auto& j : p.joints) {
        line(fmt::format("      p.joints.push_back(JointAngle{{{}, {}, {}}});", literal(j.joint),
                         j.degrees, location(j.at)));
      }
      line("      p.contacts = " + refs(p.contacts) + ";");
      line("      p.at = " + location(p.at) + ";");
      line("      g.poses.push_back(std::move(p));");
      line("    }");
    }
    for (const auto& a : g.arrows) {
      line(fmt::format("    g.arrows.push_back(FigureArrow{{{}, {}, {}, {}, {}, {}, {}}});", a.pose,
                       literal(a.point), a.to_pose, a.direction, a.length, a.both_ways,
                       location(a.at)));
    }
    for (const auto& p : g.props) {
      const std::string equipment =
          p.equipment ? "std::optional<Ref>(" + ref(*p.equipment) + ")" : "std::optional<Ref>()";
      line(
          fmt::format("    g.props.push_back(FigureProp{{static_cast<PropShape>({}), {}, {}, {}, "
                      "{}}});",
                      static_cast<int>(p.shape), equipment, literal(p.at), literal(p.to),
                      location(p.location)));
    }
    line("    g.at = " + location(g.at) + ";");
    line("    x.figure = std::move(g);");
    line("  }");
  }

  void progression(const ProgressionPolicy& p) {
    line(fmt::format("l.progression.sessions = {};", p.sessions));
    line(fmt::format("l.progression.max_pain_during = {};", p.max_pain_during));
    line(fmt::format("l.progression.back_pain_during = {};", p.back_pain_during));
    line(fmt::format("l.progression.back_morning_worse = {};", p.back_morning_worse));
    line(fmt::format("l.progression.flare_after = {};", p.flare_after));
    line(fmt::format("l.progression.break_days = {};", p.break_days));
    line(fmt::format("l.progression.adherence_days = {};", p.adherence_days));
    for (const auto& [key, text] : p.wording) {
      line("l.progression.wording[" + literal(key) + "] = " + literal(text) + ";");
    }
    line("l.progression.sources = " + refs(p.sources) + ";");
    line("l.progression.at = " + location(p.at) + ";");
    line(fmt::format("l.progression.defined = {};", p.defined));
  }

  void condition(const Condition& c) {
    line("{");
    line("  Condition c;");
    line("  c.id = " + literal(c.id) + ";");
    line("  c.name = " + literal(c.name) + ";");
    line("  c.synonyms = " + refs(c.synonyms) + ";");
    line(fmt::format("  c.gate = static_cast<Gate>({});", static_cast<int>(c.gate)));
    if (c.when) {
      line(fmt::format(
          "  c.when = When{{static_cast<When::Kind>({}), {}, {}, {}, {}, {{}}, "
          "static_cast<Today>({})}};",
          static_cast<int>(c.when->kind), c.when->age, refs(c.when->regions),
          refs(c.when->conditions), c.when->age_below, static_cast<int>(c.when->today)));
      for (const auto& t : c.when->details) {
        line(fmt::format("  c.when->details.push_back(DetailTest{{{}, {}, {}, {}, {}}});",
                         literal(t.detail), texts(t.any_of), optional_int(t.below),
                         optional_int(t.at_least), location(t.at)));
      }
    }
    for (const auto& d : c.details) {
      line(fmt::format("  c.details.push_back(Detail{{{}, {}, {}, {}, {}, {}, {}}});",
                       literal(d.id), literal(d.name), texts(d.choices), literal(d.default_choice),
                       d.min, d.max, location(d.at)));
    }
    line("  c.notice = " + literal(c.notice) + ";");
    line("  c.notice_lifted = " + literal(c.notice_lifted) + ";");
    for (const auto& v : c.notice_with) {
      line("  c.notice_with.push_back(EquipmentNotice{" + refs(v.equipment) + ", " +
           literal(v.notice) + ", " + location(v.at) + "});");
    }
    line("  c.sources = " + refs(c.sources) + ";");
    for (const auto& r : c.rules) {
      line("  {");
      line("    Rule r;");
      line(fmt::format("    r.kind = static_cast<RuleKind>({});", static_cast<int>(r.kind)));
      line("    r.positions = " + enums("Position", r.positions) + ";");
      line("    r.tags = " + texts(r.tags) + ";");
      line("    r.ids = " + refs(r.ids) + ";");
      line("    r.phases = " + enums("Phase", r.phases) + ";");
      line(fmt::format("    r.lifted_by = static_cast<Lift>({});", static_cast<int>(r.lifted_by)));
      line(
          fmt::format("    r.firmness = static_cast<Firmness>({});", static_cast<int>(r.firmness)));
      line(fmt::format("    r.minutes = {};", r.minutes));
      line(fmt::format("    r.level = static_cast<Level>({});", static_cast<int>(r.level)));
      if (!r.progress_up) line("    r.progress_up = false;");
      line("    r.max_stage = " + optional_int(r.max_stage) + ";");
      line("    r.dose.max_hold_seconds = " + optional_int(r.dose.max_hold_seconds) + ";");
      line("    r.dose.min_hold_seconds = " + optional_int(r.dose.min_hold_seconds) + ";");
      line("    r.dose.max_sets = " + optional_int(r.dose.max_sets) + ";");
      line("    r.cue = " + literal(r.cue) + ";");
      if (!r.breath.empty()) line("    r.breath = " + ints(r.breath) + ";");
      line("    r.scope.phases = " + enums("Phase", r.scope.phases) + ";");
      line("    r.scope.tags = " + texts(r.scope.tags) + ";");
      line("    r.scope.exercises = " + refs(r.scope.exercises) + ";");
      line("    r.scope.positions = " + enums("Position", r.scope.positions) + ";");
      if (r.scope.first_in_phase) line("    r.scope.first_in_phase = true;");
      if (r.scope.getting_up) {
        line(fmt::format("    r.scope.getting_up = static_cast<GettingUp>({});",
                         static_cast<int>(*r.scope.getting_up)));
      }
      line("    r.why = " + literal(r.why) + ";");
      line("    r.sources = " + refs(r.sources) + ";");
      line("    r.at = " + location(r.at) + ";");
      line("    c.rules.push_back(std::move(r));");
      line("  }");
    }
    line("  c.at = " + location(c.at) + ";");
    line("  l.conditions.push_back(std::move(c));");
    line("}");
  }

  void routine(const Routine& r) {
    line("{");
    line("  Routine r;");
    line("  r.id = " + literal(r.id) + ";");
    line("  r.name = " + literal(r.name) + ";");
    line("  r.description = " + literal(r.description) + ";");
    for (const auto& p : r.phases) {
      line("  {");
      line("    RoutinePhase p;");
      line(fmt::format("    p.id = static_cast<Phase>({});", static_cast<int>(p.id)));
      line("    p.title = " + literal(p.title) + ";");
      if (p.ordered) line("    p.ordered = true;");
      if (p.max_minutes) line(fmt::format("    p.max_minutes = {};", *p.max_minutes));
      for (const auto& s : p.slots) {
        line(fmt::format("    p.slots.push_back(Slot{{{}, {}}});", ref(s.exercise), s.priority));
      }
      line("    p.at = " + location(p.at) + ";");
      line("    r.phases.push_back(std::move(p));");
      line("  }");
    }
    line("  r.at = " + location(r.at) + ";");
    line("  l.routines.push_back(std::move(r));");
    line("}");
  }

  void source(const Source& src) {
    line("{");
    line("  Source s;");
    line("  s.id = " + literal(src.id) + ";");
    line("  s.authors = " + literal(src.authors) + ";");
    line("  s.title = " + literal(src.title) + ";");
    line("  s.year = " + optional_int(src.year) + ";");
    line("  s.publisher = " + literal(src.publisher) + ";");
    line("  s.url = " + literal(src.url) + ";");
    line("  s.doi = " + literal(src.doi) + ";");
    line("  s.at = " + location(src.at) + ";");
    line("  l.sources.push_back(std::move(s));");
    line("}");
  }

  std::string out_;
  std::string functions_;  // the part functions, in order
  std::string calls_;      // build()'s calls of them
  int parts_ = 0;
};

}  // namespace

std::string library_to_cpp(const Library& lib) {
  return Emitter().run(lib);
}

}  // namespace backplan
