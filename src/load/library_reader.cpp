#include "load/library_reader.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "load/yaml_reader.h"
#include "model/profile.h"
#include "text/suggest.h"

namespace backplan {

namespace {

class FileReader {
 public:
  FileReader(const std::string& path, DiagnosticSink& sink, Layer& layer,
             const std::vector<Exercise>& earlier)
      : r_(path, sink), layer_(layer), earlier_(earlier) {}

  void read(const YamlNode& root) {
    if (root.kind == YamlNode::Kind::null) {
      r_.error(root,
               "the file is empty; a routine library file holds a mapping such as "
               "'exercises:'");
      return;
    }
    if (!r_.is_mapping(root, "a routine library file")) return;
    Fields f(r_, root, "a routine library file",
             {"settings", "general_rules", "emergency_signs", "regions", "equipment", "exercises",
              "conditions", "routines", "sources", "progression", "figure_model"});
    if (auto* n = f.get("settings")) settings(*n);
    if (auto* n = f.get("figure_model")) figure_model(*n);
    if (auto* n = f.get("progression")) progression_policy(*n);
    if (auto* n = f.get("general_rules")) {
      texts(*n, "general_rules", "a general rule", layer_.general_rules, layer_.general_rules_at);
    }
    if (auto* n = f.get("emergency_signs")) {
      texts(*n, "emergency_signs", "an emergency sign", layer_.emergency_signs,
            layer_.emergency_signs_at);
    }
    if (auto* n = f.get("regions")) each(*n, "regions", [&](const YamlNode& e) { region(e); });
    if (auto* n = f.get("equipment"))
      each(*n, "equipment", [&](const YamlNode& e) { equipment(e); });
    if (auto* n = f.get("exercises"))
      each(*n, "exercises", [&](const YamlNode& e) { exercise(e); });
    if (auto* n = f.get("conditions"))
      each(*n, "conditions", [&](const YamlNode& e) { condition(e); });
    if (auto* n = f.get("routines")) each(*n, "routines", [&](const YamlNode& e) { routine(e); });
    if (auto* n = f.get("sources")) each(*n, "sources", [&](const YamlNode& e) { source(e); });
  }

 private:
  template <typename F>
  void each(const YamlNode& node, std::string_view field, F&& fn) {
    for (const YamlNode* item : r_.list(node, field)) fn(*item);
  }

  Ref ref(const YamlNode& node, std::string_view field, bool& ok) {
    auto value = r_.id(node, field);
    ok = ok && value.has_value();
    return {value.value_or(""), r_.at(node)};
  }

  std::vector<Ref> refs(const YamlNode* node, std::string_view field) {
    std::vector<Ref> out;
    if (!node) return out;
    for (const YamlNode* item : r_.list(*node, field)) {
      if (auto value = r_.id(*item, field)) out.push_back({*value, r_.at(*item)});
    }
    return out;
  }

  template <typename Enum, std::size_t N>
  std::vector<Enum> enums(const YamlNode* node, std::string_view field,
                          const NameTable<Enum, N>& names) {
    std::vector<Enum> out;
    if (!node) return out;
    for (const YamlNode* item : r_.list(*node, field)) {
      if (auto value = r_.choice(*item, field, names)) out.push_back(*value);
    }
    return out;
  }

  // `source:`: the ids of the sources an entry rests on, a list or a single id.
  std::vector<Ref> source_refs(const Fields& f, bool required) {
    const YamlNode* n = required ? f.required("source") : f.get("source");
    std::vector<Ref> out;
    if (!n) return out;
    for (const YamlNode* item : r_.list(*n, "source", true)) {
      if (auto value = r_.id(*item, "source")) out.push_back({*value, r_.at(*item)});
    }
    if (out.empty() && n->kind == YamlNode::Kind::sequence) {
      r_.error(*n, "'source' needs at least one source id (see 'sources')");
    }
    return out;
  }

  std::string text_or_empty(const Fields& f, std::string_view key, bool required) {
    const YamlNode* n = required ? f.required(key) : f.get(key);
    if (!n) return {};
    return r_.text(*n, key).value_or("");
  }

  void settings(const YamlNode& node) {
    if (layer_.settings_at) {
      r_.error(node, fmt::format("'settings' is given twice (first at {})",
                                 to_string(*layer_.settings_at)));
      return;
    }
    layer_.settings_at = r_.at(node);
    if (!r_.is_mapping(node, "settings")) return;
    Fields f(r_, node, "settings",
             {"default_routine", "default_minutes", "beginner_from_age", "default_equipment",
              "default_equipment_notice", "assumed_equipment", "handout_wording"});
    bool ok = true;
    if (auto* n = f.get("default_routine")) layer_.default_routine = ref(*n, "default_routine", ok);
    if (auto* n = f.get("default_minutes")) {
      layer_.default_minutes = r_.integer(*n, "default_minutes", kMinMinutes, kMaxMinutes);
    }
    if (auto* n = f.get("beginner_from_age")) {
      // beginner_from_age: {age: N, source: [ids]}, a clinical threshold with its sources.
      if (r_.is_mapping(*n, "'beginner_from_age'")) {
        Fields b(r_, *n, "'beginner_from_age'", {"age", "source"});
        if (auto* a = b.required("age")) {
          if (auto age = r_.integer(*a, "age", kMinAge, kMaxAge)) {
            layer_.beginner_from_age = {*age, source_refs(b, true)};
          }
        }
      }
    }
    if (auto* n = f.get("default_equipment"))
      layer_.default_equipment = refs(n, "default_equipment");
    if (f.has("default_equipment_notice")) {
      layer_.default_equipment_notice = text_or_empty(f, "default_equipment_notice", false);
    }
    if (auto* n = f.get("assumed_equipment"))
      layer_.assumed_equipment = refs(n, "assumed_equipment");
    if (auto* n = f.get("handout_wording")) {
      // handout_wording: [{terminal: "with --cleared", handout: "..."}], replaced as a whole.
      std::vector<HandoutWording> wording;
      each(*n, "handout_wording", [&](const YamlNode& item) {
        if (!r_.is_mapping(item, "a 'handout_wording' entry")) return;
        Fields w(r_, item, "a 'handout_wording' entry", {"terminal", "handout"});
        wording.push_back({text_or_empty(w, "terminal", true), text_or_empty(w, "handout", true)});
      });
      layer_.handout_wording = std::move(wording);
    }
  }

  // A list of texts with their sources that a later layer replaces as a whole: the general
  // rules, the emergency signs.
  void texts(const YamlNode& node, std::string_view field, std::string_view what,
             std::optional<std::vector<GeneralRule>>& into, std::optional<Location>& at) {
    if (at) {
      r_.error(node, fmt::format("'{}' is given twice (first at {})", field, to_string(*at)));
      return;
    }
    at = r_.at(node);
    std::vector<GeneralRule> items;
    each(node, field, [&](const YamlNode& item) {
      if (!r_.is_mapping(item, what)) return;
      Fields f(r_, item, what, {"text", "source"});
      items.push_back({text_or_empty(f, "text", true), source_refs(f, true)});
    });
    into = std::move(items);
  }

  void source(const YamlNode& node) {
    if (!r_.is_mapping(node, "a source")) return;
    Fields f(r_, node, "a source", {"id", "authors", "title", "year", "publisher", "url", "doi"});
    Source out;
    out.at = r_.at(node);
    if (auto* n = f.required("id")) out.id = r_.id(*n, "id").value_or("");
    out.authors = text_or_empty(f, "authors", false);
    out.title = text_or_empty(f, "title", true);
    if (auto* n = f.get("year")) out.year = r_.integer(*n, "year", 1800, 2100);
    out.publisher = text_or_empty(f, "publisher", false);
    out.url = text_or_empty(f, "url", false);
    out.doi = text_or_empty(f, "doi", false);
    if (!out.url.empty() && out.url.rfind("https://", 0) != 0 && out.url.rfind("http://", 0) != 0) {
      r_.error(*f.get("url"), "'url' must start with https:// or http://");
    }
    if (!out.id.empty()) layer_.sources.push_back(std::move(out));
  }

  void region(const YamlNode& node) {
    if (!r_.is_mapping(node, "a region")) return;
    Fields f(r_, node, "a region", {"id", "name", "synonyms"});
    Region out;
    out.at = r_.at(node);
    if (auto* n = f.required("id")) out.id = r_.id(*n, "id").value_or("");
    out.name = text_or_empty(f, "name", true);
    out.synonyms = refs(f.get("synonyms"), "synonyms");
    if (!out.id.empty()) layer_.regions.push_back(std::move(out));
  }

  void equipment(const YamlNode& node) {
    if (!r_.is_mapping(node, "an equipment entry")) return;
    Fields f(r_, node, "an equipment entry", {"id", "name", "firmness", "stand_ins", "synonyms"});
    Equipment out;
    out.at = r_.at(node);
    if (auto* n = f.required("id")) out.id = r_.id(*n, "id").value_or("");
    out.name = text_or_empty(f, "name", true);
    if (auto* n = f.get("firmness")) {
      if (auto i = r_.choice(*n, "firmness", kFirmnessNames)) out.firmness = *i;
    }
    out.stand_ins = refs(f.get("stand_ins"), "stand_ins");
    out.synonyms = refs(f.get("synonyms"), "synonyms");
    if (!out.id.empty()) layer_.equipment.push_back(std::move(out));
  }

  Dose dose(const YamlNode& node) {
    Dose out;
    if (!r_.is_mapping(node, "a dose")) return out;
    Fields f(
        r_, node, "a dose",
        {"sets", "max_sets", "reps", "hold_seconds", "rep_seconds", "per_side", "rest_seconds"});
    if (auto* n = f.required("sets")) out.sets = r_.integer(*n, "sets", 1, 10).value_or(1);
    out.max_sets = out.sets;
    if (auto* n = f.get("max_sets")) {
      if (auto v = r_.integer(*n, "max_sets", 1, 10)) {
        out.max_sets = *v;
        if (*v < out.sets)
          r_.error(*n, fmt::format("'max_sets' ({}) is below 'sets' ({})", *v, out.sets));
      }
    }
    if (auto* n = f.get("reps")) {
      for (const YamlNode* item : r_.list(*n, "reps")) {
        if (auto v = r_.integer(*item, "reps", 1, 50)) out.reps.push_back(*v);
      }
      if (static_cast<int>(out.reps.size()) < out.max_sets) {
        r_.error(*n, fmt::format("'reps' gives {} set(s) but the dose allows up to {}; give one "
                                 "entry per set",
                                 out.reps.size(), out.max_sets));
      }
    }
    if (auto* n = f.get("hold_seconds")) out.hold_seconds = r_.integer(*n, "hold_seconds", 1, 600);
    if (auto* n = f.get("rep_seconds")) out.rep_seconds = r_.integer(*n, "rep_seconds", 1, 60);
    if (f.has("hold_seconds") == f.has("rep_seconds")) {
      r_.error(node, "a dose needs exactly one of 'hold_seconds' and 'rep_seconds'");
    } else if (f.has("rep_seconds") && !f.has("reps")) {
      r_.error(node, "'rep_seconds' needs 'reps'");
    }
    if (auto* n = f.get("per_side")) out.per_side = r_.boolean(*n, "per_side").value_or(false);
    if (auto* n = f.get("rest_seconds"))
      out.rest_seconds = r_.integer(*n, "rest_seconds", 0, 300).value_or(0);
    return out;
  }

  void exercise(const YamlNode& node) {
    if (!r_.is_mapping(node, "an exercise")) return;
    Fields f(r_, node, "an exercise", kExerciseKeys);
    Exercise out;
    out.at = r_.at(node);
    if (auto* n = f.required("id")) out.id = r_.id(*n, "id").value_or("");
    // A later layer may give only the fields it changes of an exercise an earlier layer has.
    const bool is_new = std::none_of(earlier_.begin(), earlier_.end(),
                                     [&](const Exercise& e) { return e.id == out.id; });
    auto field = [&](std::string_view key) { return is_new ? f.required(key) : f.get(key); };
    out.name = text_or_empty(f, "name", is_new);
    if (auto* n = field("phase")) {
      if (auto i = r_.choice(*n, "phase", kPhaseNames)) out.phase = *i;
    }
    if (auto* n = field("position")) {
      if (auto i = r_.choice(*n, "position", kPositionNames)) out.position = *i;
    }
    out.equipment = refs(f.get("equipment"), "equipment");
    out.pressure_on = refs(f.get("pressure_on"), "pressure_on");
    out.targets = refs(f.get("targets"), "targets");
    if (auto* n = f.get("tags")) out.tags = r_.id_list(*n, "tags");
    if (auto* n = field("dose")) out.dose = dose(*n);
    if (auto* n = field("cues")) {
      out.cues = r_.text_list(*n, "cues");
      if (out.cues.empty() && n->kind == YamlNode::Kind::sequence) r_.error(*n, "'cues' is empty");
    }
    if (auto* n = f.get("handout_cues")) {
      for (const YamlNode* item : r_.list(*n, "handout_cues")) {
        if (auto v = r_.integer(*item, "handout_cues", 1, 20)) out.handout_cues.push_back(*v);
      }
    }
    out.alternatives = refs(f.get("alternatives"), "alternatives");
    if (auto* n = f.get("levels"); n && r_.is_mapping(*n, "'levels'")) {
      for (const auto& [key, value] : n->entries) {
        const auto level = r_.choice(*key, "levels", kLevelNames);
        const auto id = r_.id(*value, "levels");
        if (level && id) out.levels[*level] = {*id, r_.at(*value)};
      }
    }
    if (auto* n = f.get("progression")) {
      // Checked against the dose it will have: this entry's, or the earlier layer's.
      const Exercise* before = nullptr;
      for (const auto& e : earlier_) {
        if (e.id == out.id) before = &e;
      }
      out.progression = progression(*n, f.has("dose") || !before ? out.dose : before->dose);
    }
    out.sources = source_refs(f, is_new);
    out.synonyms = refs(f.get("synonyms"), "synonyms");
    if (auto* n = f.get("figure")) out.figure = figure(*n);
    if (out.id.empty()) return;
    std::vector<std::string> given;
    for (const auto key : kExerciseKeys) {
      if (key != "id" && f.has(key)) given.emplace_back(key);
    }
    layer_.exercise_fields.emplace(out.id, std::move(given));
    layer_.exercises.push_back(std::move(out));
  }

  // An exercise's dose steps: `progression: {max_hold_seconds: 10, stages: [{reps: [6, 4, 2]},
  // ...]}`. Each stage must ask more than the one before (the exercise's own dose first) and
  // never less; holds never past max_hold_seconds.
  Progression progression(const YamlNode& node, const Dose& dose) {
    Progression out;
    out.at = r_.at(node);
    if (!r_.is_mapping(node, "'progression'")) return out;
    Fields f(r_, node, "'progression'", {"stages", "max_hold_seconds"});
    if (auto* n = f.get("max_hold_seconds")) {
      out.max_hold_seconds = r_.integer(*n, "max_hold_seconds", 1, 600);
      if (out.max_hold_seconds && dose.hold_seconds && *dose.hold_seconds > *out.max_hold_seconds)
        r_.error(*n, fmt::format("the exercise's own holds ({} s) are already longer than "
                                 "'max_hold_seconds' ({} s)",
                                 *dose.hold_seconds, *out.max_hold_seconds));
    }
    const YamlNode* list = f.required("stages");
    if (!list) return out;
    std::vector<int> reps = dose.reps;
    std::optional<int> hold = dose.hold_seconds;
    int number = 0;
    each(*list, "stages", [&](const YamlNode& item) {
      ++number;
      if (!r_.is_mapping(item, "a stage")) return;
      Fields sf(r_, item, "a stage", {"reps", "hold_seconds"});
      Stage stage;
      stage.at = r_.at(item);
      if (sf.present({"reps", "hold_seconds"}).empty()) {
        r_.error(item, "a stage needs 'reps' or 'hold_seconds'");
        return;
      }
      bool more = false;
      if (auto* n = sf.get("reps")) {
        for (const YamlNode* v : r_.list(*n, "reps")) {
          if (auto i = r_.integer(*v, "reps", 1, 50)) stage.reps.push_back(*i);
        }
        if (dose.reps.empty()) {
          r_.error(*n, "'reps' in a stage needs reps in the exercise's dose");
          return;
        }
        if (stage.reps.size() != dose.reps.size()) {
          r_.error(*n, fmt::format("a stage gives {} set(s) of reps; the dose has {}",
                                   stage.reps.size(), dose.reps.size()));
          return;
        }
        for (std::size_t i = 0; i < reps.size(); ++i) {
          if (stage.reps[i] < reps[i]) {
            r_.error(*n, fmt::format("stage {} goes down: set {} has {} reps, the step before {}",
                                     number, i + 1, stage.reps[i], reps[i]));
            return;
          }
          if (stage.reps[i] > reps[i]) more = true;
        }
        reps = stage.reps;
      }
      if (auto* n = sf.get("hold_seconds")) {
        stage.hold_seconds = r_.integer(*n, "hold_seconds", 1, 600);
        if (!stage.hold_seconds) return;
        if (!dose.hold_seconds) {
          r_.error(*n, "'hold_seconds' in a stage needs holds in the exercise's dose");
          return;
        }
        if (out.max_hold_seconds && *stage.hold_seconds > *out.max_hold_seconds) {
          r_.error(*n, fmt::format("stage {} holds {} s, longer than 'max_hold_seconds' ({} s)",
                                   number, *stage.hold_seconds, *out.max_hold_seconds));
          return;
        }
        if (*stage.hold_seconds < *hold) {
          r_.error(*n, fmt::format("stage {} goes down: holds of {} s, the step before {} s",
                                   number, *stage.hold_seconds, *hold));
          return;
        }
        if (*stage.hold_seconds > *hold) more = true;
        hold = stage.hold_seconds;
      }
      if (!more) {
        r_.error(item, fmt::format("stage {} asks no more than the step before it", number));
        return;
      }
      out.stages.push_back(std::move(stage));
    });
    return out;
  }

  // The policy: `progression: {sessions: 3, ..., wording: {up: "...", ...}, source: [...]}`.
  // figure_model: {segments: {head: 130, ...}, segment_source: [...], limits: [{joint, view,
  // min, max, source}]}: the body's proportions and the joints' normal ranges.
  void figure_model(const YamlNode& node) {
    if (layer_.figure_model) {
      r_.error(node, fmt::format("'figure_model' is given twice (first at {})",
                                 to_string(layer_.figure_model->at)));
      return;
    }
    if (!r_.is_mapping(node, "'figure_model'")) return;
    FigureModel out;
    out.at = r_.at(node);
    out.defined = true;
    Fields f(r_, node, "'figure_model'", {"segments", "source", "limits"});
    if (auto* n = f.required("segments"); n && r_.is_mapping(*n, "'segments'")) {
      std::vector<std::string_view> keys(std::begin(kFigureSegments), std::end(kFigureSegments));
      Fields seg(r_, *n, "'segments'", keys);
      for (const auto key : kFigureSegments) {
        if (auto* v = seg.required(key)) {
          if (auto len = r_.integer(*v, key, 1, 1000)) out.segments[std::string(key)] = *len;
        }
      }
    }
    out.segment_sources = source_refs(f, true);
    if (auto* n = f.required("limits")) {
      each(*n, "limits", [&](const YamlNode& item) {
        if (!r_.is_mapping(item, "a joint limit")) return;
        Fields l(r_, item, "a joint limit", {"joint", "view", "min", "max", "source"});
        JointLimit lim;
        lim.at = r_.at(item);
        if (auto* v = l.required("view")) {
          if (auto view = r_.choice(*v, "view", kFigureViewNames)) lim.view = *view;
        }
        if (auto* v = l.required("joint")) {
          if (auto id = r_.text(*v, "joint")) {
            lim.joint = *id;
            if (!known_joint(lim.view, *id, false)) {
              r_.error(*v, fmt::format("'{}' is not a joint of the {} view ({})", *id,
                                       view_name(lim.view), joints_of(lim.view)));
            }
          }
        }
        if (auto* v = l.required("min")) lim.min = r_.integer(*v, "min", -180, 180).value_or(0);
        if (auto* v = l.required("max")) lim.max = r_.integer(*v, "max", -180, 180).value_or(0);
        if (lim.min > lim.max) {
          r_.error(item, fmt::format("'min' ({}) is more than 'max' ({})", lim.min, lim.max));
        }
        lim.sources = source_refs(l, true);
        out.limits.push_back(std::move(lim));
      });
    }
    layer_.figure_model = std::move(out);
  }

  static std::string_view view_name(FigureView view) { return kFigureViewNames.name(view); }

  static std::string joints_of(FigureView view) {
    std::vector<std::string_view> names;
    if (view == FigureView::side) {
      names.assign(std::begin(kSideJoints), std::end(kSideJoints));
    } else {
      names.assign(std::begin(kFrontJoints), std::end(kFrontJoints));
    }
    return fmt::format("{}", fmt::join(names, ", "));
  }

  // Whether `name` is a joint of `view`; with `sided`, a limb's joint may carry _near / _far.
  static bool known_joint(FigureView view, std::string_view name, bool sided) {
    if (sided) {
      for (const auto suffix : {std::string_view("_near"), std::string_view("_far")}) {
        if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix) {
          const auto base = name.substr(0, name.size() - suffix.size());
          if (std::find(std::begin(kLimbJoints), std::end(kLimbJoints), base) ==
              std::end(kLimbJoints))
            return false;
          name = base;
        }
      }
    }
    if (view == FigureView::side) {
      return std::find(std::begin(kSideJoints), std::end(kSideJoints), name) !=
             std::end(kSideJoints);
    }
    return std::find(std::begin(kFrontJoints), std::end(kFrontJoints), name) !=
           std::end(kFrontJoints);
  }

  // A body point: one of `names`, optionally with _near / _far.
  bool known_point(std::string_view name, const std::string_view* begin,
                   const std::string_view* end) {
    for (const auto suffix : {std::string_view("_near"), std::string_view("_far")}) {
      if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix) {
        name = name.substr(0, name.size() - suffix.size());
        break;
      }
    }
    return std::find(begin, end, name) != end;
  }

  // An exercise's `figure:`: view, support, layout, poses, arrows, props, per_side.
  Figure figure(const YamlNode& node) {
    Figure out;
    out.at = r_.at(node);
    if (!r_.is_mapping(node, "'figure'")) return out;
    Fields f(r_, node, "'figure'",
             {"view", "support", "layout", "poses", "arrows", "props", "per_side"});
    if (auto* n = f.get("view")) {
      if (auto v = r_.choice(*n, "view", kFigureViewNames)) out.view = *v;
    }
    if (auto* n = f.get("support")) {
      if (auto v = r_.choice(*n, "support", kFigureSupportNames)) out.support = *v;
    }
    if (auto* n = f.get("layout")) {
      if (auto v = r_.choice(*n, "layout", kFigureLayoutNames)) out.layout = *v;
    }
    if (auto* n = f.get("per_side")) out.per_side = r_.boolean(*n, "per_side").value_or(false);
    if (auto* n = f.required("poses")) {
      const auto items = r_.list(*n, "poses");
      if (items.empty() || items.size() > 3) {
        r_.error(*n, fmt::format("a figure has 1 to 3 poses, not {}", items.size()));
      }
      for (const YamlNode* item : items) out.poses.push_back(pose(*item, out.view));
    }
    if (auto* n = f.get("arrows")) {
      each(*n, "arrows", [&](const YamlNode& item) {
        if (!r_.is_mapping(item, "an arrow")) return;
        Fields a(r_, item, "an arrow",
                 {"pose", "point", "to_pose", "direction", "length", "both_ways"});
        FigureArrow arrow;
        arrow.at = r_.at(item);
        const int poses = static_cast<int>(std::max<std::size_t>(out.poses.size(), 1));
        if (auto* v = a.get("pose")) arrow.pose = r_.integer(*v, "pose", 1, poses).value_or(1);
        if (auto* v = a.required("point")) {
          arrow.point = r_.text(*v, "point").value_or("");
          if (!arrow.point.empty() &&
              !known_point(arrow.point, std::begin(kPropPoints), std::end(kPropPoints))) {
            r_.error(*v, fmt::format("'{}' is not a body point ({})", arrow.point,
                                     fmt::join(kPropPoints, ", ")));
          }
        }
        if (auto* v = a.get("to_pose")) {
          arrow.to_pose = r_.integer(*v, "to_pose", 1, poses).value_or(0);
          if (arrow.to_pose == arrow.pose) r_.error(*v, "'to_pose' is the arrow's own pose");
        }
        if (auto* v = a.get("direction"))
          arrow.direction = r_.integer(*v, "direction", -360, 360).value_or(0);
        if (auto* v = a.get("length")) arrow.length = r_.integer(*v, "length", 1, 2000).value_or(0);
        if (a.has("to_pose") == a.has("length")) {
          r_.error(item, "an arrow needs either 'to_pose' or 'direction' and 'length'");
        }
        if (auto* v = a.get("both_ways"))
          arrow.both_ways = r_.boolean(*v, "both_ways").value_or(false);
        out.arrows.push_back(std::move(arrow));
      });
    }
    if (auto* n = f.get("props")) {
      each(*n, "props", [&](const YamlNode& item) {
        if (!r_.is_mapping(item, "a prop")) return;
        Fields p(r_, item, "a prop", {"shape", "equipment", "at", "to"});
        FigureProp prop;
        prop.location = r_.at(item);
        if (auto* v = p.required("shape")) {
          if (auto s = r_.choice(*v, "shape", kPropShapeNames)) prop.shape = *s;
        }
        if (auto* v = p.get("equipment")) {
          if (auto id = r_.id(*v, "equipment")) prop.equipment = Ref{*id, r_.at(*v)};
        }
        for (const auto key : {std::string_view("at"), std::string_view("to")}) {
          const YamlNode* v = key == "at" ? p.required(key) : p.get(key);
          if (!v) continue;
          auto text = r_.text(*v, key).value_or("");
          if (!text.empty() && !known_point(text, std::begin(kPropPoints), std::end(kPropPoints))) {
            r_.error(*v, fmt::format("'{}' is not a body point ({})", text,
                                     fmt::join(kPropPoints, ", ")));
          }
          (key == "at" ? prop.at : prop.to) = text;
        }
        if (prop.shape == PropShape::strap && prop.to.empty()) {
          r_.error(item, "a strap needs 'to', the body point its other end is at");
        }
        out.props.push_back(std::move(prop));
      });
    }
    return out;
  }

  Pose pose(const YamlNode& node, FigureView view) {
    Pose out;
    out.at = r_.at(node);
    if (!r_.is_mapping(node, "a pose")) return out;
    Fields f(r_, node, "a pose", {"body", "joints", "contacts"});
    if (auto* n = f.get("body")) out.body = r_.integer(*n, "body", -360, 360).value_or(90);
    if (auto* n = f.get("joints"); n && r_.is_mapping(*n, "'joints'")) {
      for (const auto& [key, value] : n->entries) {
        if (!known_joint(view, key->value, true)) {
          r_.error(*key, fmt::format("'{}' is not a joint of the {} view ({}, and a limb's joint "
                                     "with _near or _far)",
                                     key->value, view_name(view), joints_of(view)));
          continue;
        }
        if (auto deg = r_.integer(*value, key->value, -180, 180)) {
          out.joints.push_back({key->value, *deg, r_.at(*value)});
        }
      }
    }
    if (auto* n = f.required("contacts")) {
      for (const YamlNode* item : r_.list(*n, "contacts")) {
        auto text = r_.text(*item, "contacts").value_or("");
        if (text.empty()) continue;
        if (!known_point(text, std::begin(kContactPoints), std::end(kContactPoints))) {
          r_.error(*item, fmt::format("'{}' is not a contact point ({}, with _near or _far)", text,
                                      fmt::join(kContactPoints, ", ")));
          continue;
        }
        out.contacts.push_back({text, r_.at(*item)});
      }
      if (out.contacts.empty()) r_.error(*n, "a pose rests on at least one contact");
    }
    return out;
  }

  void progression_policy(const YamlNode& node) {
    if (layer_.progression) {
      r_.error(node, fmt::format("'progression' is given twice (first at {})",
                                 to_string(layer_.progression->at)));
      return;
    }
    if (!r_.is_mapping(node, "'progression'")) return;
    ProgressionPolicy out;
    out.at = r_.at(node);
    out.defined = true;
    Fields f(r_, node, "'progression'",
             {"sessions", "max_pain_during", "back_pain_during", "back_morning_worse",
              "flare_after", "break_days", "adherence_days", "wording", "source"});
    auto number = [&](const char* key, int lo, int hi, int& into) {
      if (auto* n = f.required(key)) {
        if (auto v = r_.integer(*n, key, lo, hi)) into = *v;
      }
    };
    number("sessions", 1, 30, out.sessions);
    number("max_pain_during", 0, 10, out.max_pain_during);
    number("back_pain_during", 1, 10, out.back_pain_during);
    number("back_morning_worse", 1, 10, out.back_morning_worse);
    number("flare_after", 1, 30, out.flare_after);
    number("break_days", 1, 365, out.break_days);
    number("adherence_days", 1, 60, out.adherence_days);
    if (out.back_pain_during <= out.max_pain_during) {
      r_.error(*f.get("back_pain_during"),
               fmt::format("'back_pain_during' ({}) must be above 'max_pain_during' ({})",
                           out.back_pain_during, out.max_pain_during));
    }
    if (auto* n = f.required("wording"); n && r_.is_mapping(*n, "'wording'")) {
      std::vector<std::string> keys;
      for (const auto& w : kProgressionWording) keys.emplace_back(w.key);
      Fields wf(r_, *n, "'wording'", keys);
      for (const auto& w : kProgressionWording) {
        const YamlNode* t = wf.required(w.key);
        if (!t) continue;
        const auto text = r_.text(*t, w.key);
        if (!text) continue;
        // Every {name} must be one this sentence knows.
        const std::string allowed = " " + std::string(w.placeholders) + " ";
        for (std::size_t open = text->find('{'); open != std::string::npos;
             open = text->find('{', open + 1)) {
          const std::size_t close = text->find('}', open);
          const std::string name =
              close == std::string::npos ? "" : text->substr(open + 1, close - open - 1);
          if (name.empty() || allowed.find(" " + name + " ") == std::string::npos) {
            r_.error(*t, w.placeholders.empty()
                             ? fmt::format("'{}' takes no {{placeholders}}", w.key)
                             : fmt::format("'{}' may use {{{}}} only", w.key,
                                           fmt::join(split_words(w.placeholders), "}, {")));
            break;
          }
        }
        out.wording[std::string(w.key)] = *text;
      }
    }
    out.sources = source_refs(f, true);
    layer_.progression = std::move(out);
  }

  static std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find(' ', start);
      if (end == std::string_view::npos) end = text.size();
      if (end > start) out.emplace_back(text.substr(start, end - start));
      start = end + 1;
    }
    return out;
  }

  std::optional<When> when(const YamlNode& node) {
    if (!r_.is_mapping(node, "'when'")) return std::nullopt;
    Fields f(r_, node, "'when'",
             {"always", "age_at_least", "age_below", "floor", "avoid_with", "with_all", "with_any",
              "without", "details", "today"});
    auto keys = f.present({"always", "age_at_least", "age_below", "floor", "avoid_with", "with_all",
                           "with_any", "without", "details", "today"});
    // An age band: age_at_least and age_below together count as one; so do a kind of day and
    // the conditions it goes with (today with with_any).
    if (f.get("age_at_least") && f.get("age_below"))
      keys.erase(std::find(keys.begin(), keys.end(), "age_below"));
    if (f.get("today") && f.get("with_any"))
      keys.erase(std::find(keys.begin(), keys.end(), "with_any"));
    if (keys.size() != 1) {
      r_.error(node,
               "'when' takes exactly one of: always, age_at_least (and/or age_below), floor, "
               "avoid_with, with_all, with_any, without, details, today (and/or with_any)");
      return std::nullopt;
    }
    When out;
    if (auto* n = f.get("always")) {
      const auto value = r_.boolean(*n, "always");
      if (!value) return std::nullopt;
      if (!*value) {
        r_.error(*n, "'always' can only be true");
        return std::nullopt;
      }
      out.kind = When::Kind::always;
    } else if (f.get("age_at_least") || f.get("age_below")) {
      out.kind = When::Kind::age_at_least;
      if (auto* n = f.get("age_at_least")) {
        auto age = r_.integer(*n, "age_at_least", kMinAge, kMaxAge);
        if (!age) return std::nullopt;
        out.age = *age;
      }
      if (auto* n = f.get("age_below")) {
        auto below = r_.integer(*n, "age_below", kMinAge + 1, kMaxAge);
        if (!below) return std::nullopt;
        if (*below <= out.age) {
          r_.error(*n, fmt::format("'age_below' must be more than 'age_at_least' ({})", out.age));
          return std::nullopt;
        }
        out.age_below = *below;
      }
    } else if (auto* n = f.get("floor")) {
      const auto value = r_.boolean(*n, "floor");
      if (!value) return std::nullopt;
      if (*value) {
        r_.error(*n, "'floor' can only be false (the condition applies without floor access)");
        return std::nullopt;
      }
      out.kind = When::Kind::no_floor;
    } else if (auto* n = f.get("today")) {
      const auto today = r_.choice(*n, "today", kTodayNames);
      if (!today) return std::nullopt;
      out.kind = When::Kind::today;
      out.today = *today;
      if (auto* list = f.get("with_any")) {
        out.conditions = refs(list, "with_any");
        if (out.conditions.empty()) {
          if (list->kind == YamlNode::Kind::sequence)
            r_.error(*list, "'with_any' needs at least one condition");
          return std::nullopt;
        }
      }
    } else if (auto* n = f.get("avoid_with")) {
      if (!r_.is_mapping(*n, "'avoid_with'")) return std::nullopt;
      Fields a(r_, *n, "'avoid_with'", {"regions", "conditions"});
      out.kind = When::Kind::avoid_with;
      out.regions = refs(a.required("regions"), "regions");
      out.conditions = refs(a.required("conditions"), "conditions");
      if (out.regions.empty() || out.conditions.empty()) {
        r_.error(*n, "'avoid_with' needs at least one region and one condition");
        return std::nullopt;
      }
    } else if (auto* n = f.get("details")) {
      // details: {condition: ID, DETAIL: [choices] | {below: N} | {at_least: N}, ...}
      if (!r_.is_mapping(*n, "'details'")) return std::nullopt;
      out.kind = When::Kind::details;
      bool has_condition = false;
      for (const auto& [key, value] : n->entries) {
        if (key->value == "condition") {
          has_condition = true;
          if (auto id = r_.id(*value, "condition")) out.conditions.push_back({*id, r_.at(*value)});
          continue;
        }
        DetailTest test;
        test.detail = key->value;
        test.at = r_.at(*key);
        if (value->kind == YamlNode::Kind::mapping) {
          Fields tf(r_, *value, "a number test", {"below", "at_least"});
          if (tf.present({"below", "at_least"}).size() != 1) {
            r_.error(*value, "a number test takes exactly one of: below, at_least");
            return std::nullopt;
          }
          if (auto* b = tf.get("below")) test.below = r_.integer(*b, "below", 0, 100000);
          if (auto* a = tf.get("at_least")) test.at_least = r_.integer(*a, "at_least", 0, 100000);
          if (!test.below && !test.at_least) return std::nullopt;
        } else {
          for (const auto& ref : refs(value.get(), key->value)) test.any_of.push_back(ref.id);
          if (test.any_of.empty()) {
            if (value->kind == YamlNode::Kind::sequence)
              r_.error(*value, fmt::format("'{}' needs at least one value", key->value));
            return std::nullopt;
          }
        }
        out.details.push_back(std::move(test));
      }
      if (!has_condition) {
        r_.error(*n, "'details' needs 'condition': the condition whose details it tests");
        return std::nullopt;
      }
      if (out.details.empty()) {
        r_.error(*n, "'details' needs at least one detail to test besides 'condition'");
        return std::nullopt;
      }
      if (out.conditions.empty()) return std::nullopt;
    } else {
      // with_all, with_any, without: a list of conditions the person lists.
      const std::string& key = keys.front();
      out.kind = key == "with_all"   ? When::Kind::with_all
                 : key == "with_any" ? When::Kind::with_any
                                     : When::Kind::without;
      const YamlNode& list = *f.get(key);
      out.conditions = refs(&list, key);
      if (out.conditions.empty()) {
        if (list.kind == YamlNode::Kind::sequence) {
          r_.error(list, fmt::format("'{}' needs at least one condition", key));
        }
        return std::nullopt;
      }
    }
    return out;
  }

  void rule(const YamlNode& node, std::vector<Rule>& into) {
    if (!r_.is_mapping(node, "a rule")) return;
    Fields f(r_, node, "a rule",
             {"exclude_positions",
              "exclude_tags",
              "exclude_exercises",
              "no_pressure_on",
              "exclude_equipment",
              "max_firmness",
              "hold_back_phases",
              "max_minutes",
              "dose",
              "cue",
              "max_level",
              "progression",
              "lifted_by",
              "phases",
              "tags",
              "exercises",
              "positions",
              "getting_up",
              "first_in_phase",
              "breath",
              "why",
              "source"});
    const auto effects =
        f.present({"exclude_positions", "exclude_tags", "exclude_exercises", "no_pressure_on",
                   "exclude_equipment", "max_firmness", "hold_back_phases", "max_minutes", "dose",
                   "cue", "max_level", "progression"});
    if (effects.size() != 1) {
      r_.error(node, effects.empty()
                         ? "a rule needs one effect: exclude_positions, exclude_tags, "
                           "exclude_exercises, no_pressure_on, exclude_equipment, max_firmness, "
                           "hold_back_phases, max_minutes, max_level, progression, dose or cue"
                         : fmt::format("a rule has one effect, this one has {}: {}", effects.size(),
                                       fmt::join(effects, ", ")));
      return;
    }
    Rule out;
    out.at = r_.at(node);
    const std::string& effect = effects.front();
    const YamlNode& value = *f.get(effect);
    if (effect == "exclude_positions") {
      out.kind = RuleKind::exclude_positions;
      out.positions = enums(&value, effect, kPositionNames);
    } else if (effect == "exclude_tags") {
      out.kind = RuleKind::exclude_tags;
      out.tags = r_.id_list(value, effect);
    } else if (effect == "exclude_exercises") {
      out.kind = RuleKind::exclude_exercises;
      out.ids = refs(&value, effect);
    } else if (effect == "no_pressure_on") {
      out.kind = RuleKind::no_pressure_on;
      out.ids = refs(&value, effect);
    } else if (effect == "exclude_equipment") {
      out.kind = RuleKind::exclude_equipment;
      out.ids = refs(&value, effect);
    } else if (effect == "max_firmness") {
      out.kind = RuleKind::max_firmness;
      if (auto i = r_.choice(value, effect, kFirmnessNames)) out.firmness = *i;
    } else if (effect == "hold_back_phases") {
      out.kind = RuleKind::hold_back_phases;
      out.phases = enums(&value, effect, kPhaseNames);
    } else if (effect == "max_minutes") {
      out.kind = RuleKind::max_minutes;
      out.minutes = r_.integer(value, effect, kMinMinutes, kMaxMinutes).value_or(kMaxMinutes);
    } else if (effect == "max_level") {
      out.kind = RuleKind::max_level;
      if (auto i = r_.choice(value, effect, kLevelNames)) out.level = *i;
    } else if (effect == "progression") {
      // progression: {up: false} (never moves up on its own), {max_stage: N} (no dose step
      // past N), or both.
      out.kind = RuleKind::progression;
      if (r_.is_mapping(value, "a progression rule")) {
        Fields p(r_, value, "a progression rule", {"up", "max_stage"});
        if (auto* n = p.get("up")) out.progress_up = r_.boolean(*n, "up").value_or(true);
        if (auto* n = p.get("max_stage")) out.max_stage = r_.integer(*n, "max_stage", 0, 20);
        if (p.present({"up", "max_stage"}).empty())
          r_.error(value, "a progression rule needs 'up: false' or 'max_stage'");
      }
    } else if (effect == "dose") {
      out.kind = RuleKind::dose;
      if (r_.is_mapping(value, "a dose rule")) {
        Fields d(r_, value, "a dose rule", {"max_hold_seconds", "min_hold_seconds", "max_sets"});
        if (auto* n = d.get("max_hold_seconds"))
          out.dose.max_hold_seconds = r_.integer(*n, "max_hold_seconds", 1, 600);
        if (auto* n = d.get("min_hold_seconds"))
          out.dose.min_hold_seconds = r_.integer(*n, "min_hold_seconds", 1, 600);
        if (auto* n = d.get("max_sets")) out.dose.max_sets = r_.integer(*n, "max_sets", 1, 10);
        if (d.present({"max_hold_seconds", "min_hold_seconds", "max_sets"}).empty()) {
          r_.error(value, "a dose rule needs max_hold_seconds, min_hold_seconds or max_sets");
        }
        if (out.dose.max_hold_seconds && out.dose.min_hold_seconds &&
            *out.dose.min_hold_seconds > *out.dose.max_hold_seconds) {
          r_.error(value, "'min_hold_seconds' is above 'max_hold_seconds'");
        }
      }
    } else {
      out.kind = RuleKind::cue;
      out.cue = r_.text(value, effect).value_or("");
    }
    if (auto* n = f.get("lifted_by")) {
      if (out.kind != RuleKind::hold_back_phases) {
        r_.error(*n, "'lifted_by' goes with 'hold_back_phases' only");
      } else if (auto i = r_.choice(*n, "lifted_by", kLiftNames)) {
        out.lifted_by = *i;
      }
    }
    const bool scoped = out.kind == RuleKind::dose || out.kind == RuleKind::cue;
    for (const char* key : {"phases", "tags", "exercises", "positions"}) {
      if (f.has(key) && !scoped) {
        r_.error(*f.get(key),
                 fmt::format("'{}' (a scope) goes with 'dose' and 'cue' rules only", key));
      }
    }
    if (scoped) {
      out.scope.phases = enums(f.get("phases"), "phases", kPhaseNames);
      if (auto* n = f.get("tags")) out.scope.tags = r_.id_list(*n, "tags");
      out.scope.exercises = refs(f.get("exercises"), "exercises");
      out.scope.positions = enums(f.get("positions"), "positions", kPositionNames);
    }
    if (auto* n = f.get("getting_up")) {
      // Decided on the finished plan, after the time is shared out, so it cannot change a dose.
      if (out.kind != RuleKind::cue) {
        r_.error(*n, "'getting_up' (a scope) goes with 'cue' rules only");
      } else if (auto i = r_.choice(*n, "getting_up", kGettingUpNames)) {
        out.scope.getting_up = *i;
      }
    }
    if (auto* n = f.get("first_in_phase")) {
      if (out.kind != RuleKind::cue) {
        r_.error(*n, "'first_in_phase' (a scope) goes with 'cue' rules only");
      } else if (auto v = r_.boolean(*n, "first_in_phase")) {
        out.scope.first_in_phase = *v;
      }
    }
    if (auto* n = f.get("breath")) {
      // Seconds in, pause, out: what a guided session's pacer draws.
      if (out.kind != RuleKind::cue) {
        r_.error(*n, "'breath' goes with 'cue' rules only");
      } else {
        const auto items = r_.list(*n, "breath");
        if (items.size() != 3) {
          r_.error(*n, "'breath' is three numbers of seconds: in, pause (0: none), out");
        } else {
          for (std::size_t i = 0; i < 3; ++i) {
            if (auto v = r_.integer(*items[i], "breath", i == 1 ? 0 : 1, 20))
              out.breath.push_back(*v);
          }
          if (out.breath.size() != 3) out.breath.clear();
        }
      }
    }
    out.why = text_or_empty(f, "why", out.kind != RuleKind::cue);
    out.sources = source_refs(f, true);
    into.push_back(std::move(out));
  }

  void condition(const YamlNode& node) {
    if (!r_.is_mapping(node, "a condition")) return;
    Fields f(r_, node, "a condition",
             {"id", "name", "gate", "when", "notice", "notice_lifted", "notice_with", "source",
              "rules", "details", "synonyms"});
    Condition out;
    out.at = r_.at(node);
    if (auto* n = f.required("id")) out.id = r_.id(*n, "id").value_or("");
    out.name = text_or_empty(f, "name", true);
    if (auto* n = f.required("gate")) {
      if (auto i = r_.choice(*n, "gate", kGateNames)) out.gate = *i;
    }
    if (auto* n = f.get("when")) out.when = when(*n);
    out.notice = text_or_empty(f, "notice", out.gate == Gate::stop);
    out.notice_lifted = text_or_empty(f, "notice_lifted", false);
    if (auto* n = f.get("notice_with")) {
      each(*n, "notice_with", [&](const YamlNode& item) {
        if (!r_.is_mapping(item, "a notice_with entry")) return;
        Fields nf(r_, item, "a notice_with entry", {"equipment", "notice"});
        EquipmentNotice variant;
        variant.at = r_.at(item);
        variant.equipment = refs(nf.required("equipment"), "equipment");
        variant.notice = text_or_empty(nf, "notice", true);
        if (variant.equipment.empty()) {
          if (nf.has("equipment")) r_.error(item, "a notice_with entry needs at least one tool");
          return;
        }
        out.notice_with.push_back(std::move(variant));
      });
      if (!f.has("notice")) r_.error(*n, "'notice_with' replaces a 'notice'; give one first");
    }
    out.sources = source_refs(f, f.has("notice"));
    if (auto* n = f.get("rules")) each(*n, "rules", [&](const YamlNode& e) { rule(e, out.rules); });
    if (auto* n = f.get("details")) {
      each(*n, "details", [&](const YamlNode& e) { detail(e, out.details); });
    }
    out.synonyms = refs(f.get("synonyms"), "synonyms");
    if (!out.id.empty()) layer_.conditions.push_back(std::move(out));
  }

  // A question a condition asks: `choices` with a `default`, or a whole `number: {min, max}`.
  void detail(const YamlNode& node, std::vector<Detail>& into) {
    if (!r_.is_mapping(node, "a detail")) return;
    Fields f(r_, node, "a detail", {"id", "name", "choices", "default", "number"});
    Detail out;
    out.at = r_.at(node);
    if (auto* n = f.required("id")) out.id = r_.id(*n, "id").value_or("");
    out.name = text_or_empty(f, "name", true);
    if (f.present({"choices", "number"}).size() != 1) {
      r_.error(node, "a detail takes exactly one of: choices (with a default), number");
      return;
    }
    if (auto* n = f.get("choices")) {
      for (const auto& ref : refs(n, "choices")) out.choices.push_back(ref.id);
      if (out.choices.size() < 2) {
        r_.error(*n, "'choices' needs at least two values");
        return;
      }
      if (auto* d = f.required("default")) {
        const auto value = r_.id(*d, "default");
        if (!value) return;
        if (std::find(out.choices.begin(), out.choices.end(), *value) == out.choices.end()) {
          r_.error(*d, fmt::format("'default' must be one of the choices: {}",
                                   fmt::join(out.choices, ", ")));
          return;
        }
        out.default_choice = *value;
      }
    } else {
      const YamlNode& number = *f.get("number");
      if (!r_.is_mapping(number, "'number'")) return;
      Fields nf(r_, number, "'number'", {"min", "max"});
      const YamlNode* lo = nf.required("min");
      const YamlNode* hi = nf.required("max");
      if (!lo || !hi) return;
      const auto min = r_.integer(*lo, "min", 0, 100000);
      const auto max = r_.integer(*hi, "max", 0, 100000);
      if (!min || !max) return;
      if (*max <= *min) {
        r_.error(*hi, fmt::format("'max' must be more than 'min' ({})", *min));
        return;
      }
      out.min = *min;
      out.max = *max;
      if (auto* d = f.get("default")) {
        r_.error(*d, "a number detail has no default: when it is not given it is unknown");
        return;
      }
    }
    if (!out.id.empty()) into.push_back(std::move(out));
  }

  void routine(const YamlNode& node) {
    if (!r_.is_mapping(node, "a routine")) return;
    Fields f(r_, node, "a routine", {"id", "name", "description", "phases"});
    Routine out;
    out.at = r_.at(node);
    if (auto* n = f.required("id")) out.id = r_.id(*n, "id").value_or("");
    out.name = text_or_empty(f, "name", true);
    out.description = text_or_empty(f, "description", false);
    if (auto* n = f.required("phases")) {
      each(*n, "phases", [&](const YamlNode& p) {
        if (!r_.is_mapping(p, "a routine phase")) return;
        Fields pf(r_, p, "a routine phase", {"id", "title", "ordered", "max_minutes", "slots"});
        RoutinePhase phase;
        phase.at = r_.at(p);
        if (auto* id = pf.required("id")) {
          if (auto i = r_.choice(*id, "id", kPhaseNames)) phase.id = *i;
        }
        phase.title = text_or_empty(pf, "title", true);
        if (auto* n = pf.get("ordered")) phase.ordered = r_.boolean(*n, "ordered").value_or(false);
        if (auto* n = pf.get("max_minutes"))
          phase.max_minutes = r_.integer(*n, "max_minutes", 1, kMaxMinutes);
        if (auto* slots = pf.required("slots")) {
          each(*slots, "slots", [&](const YamlNode& s) {
            if (!r_.is_mapping(s, "a slot")) return;
            Fields sf(r_, s, "a slot", {"exercise", "priority"});
            Slot slot;
            bool ok = true;
            if (auto* e = sf.required("exercise")) slot.exercise = ref(*e, "exercise", ok);
            if (auto* pr = sf.get("priority"))
              slot.priority = r_.integer(*pr, "priority", 1, 99).value_or(1);
            if (ok && sf.has("exercise")) phase.slots.push_back(std::move(slot));
          });
        }
        out.phases.push_back(std::move(phase));
      });
    }
    if (!out.id.empty()) layer_.routines.push_back(std::move(out));
  }

  YamlReader r_;
  Layer& layer_;
  const std::vector<Exercise>& earlier_;
};

}  // namespace

void read_library_file(const YamlNode& root, const std::string& path, DiagnosticSink& sink,
                       Layer& layer, const std::vector<Exercise>& earlier) {
  FileReader(path, sink, layer, earlier).read(root);
}

}  // namespace backplan
