#include "figure/figure.h"

#include "model/library.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace backplan::figure {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kStroke = 70;       // the body's line, mm of body
constexpr double kScale = 1.0 / 40;  // drawing mm per body mm
constexpr double kTolerance = 30;    // a contact this close to its support meets it
constexpr double kRollerRadius = 75;
constexpr double kBallRadius = 35;
constexpr double kStepHeight = 170;
constexpr double kMargin = 2;  // drawing mm around the picture

Point dir(double degrees) {
  const double r = degrees * kPi / 180;
  return {std::cos(r), std::sin(r)};
}
Point add(Point a, Point b, double k = 1) {
  return {a.x + b.x * k, a.y + b.y * k};
}
Point mid(Point a, Point b) {
  return {(a.x + b.x) / 2, (a.y + b.y) / 2};
}
Point rotate(Point p, double degrees) {
  const Point d = dir(degrees);
  return {p.x * d.x - p.y * d.y, p.x * d.y + p.y * d.x};
}

const char* const kSides[] = {"_near", "_far"};

// The angle of `joint` on one side: `hip_near` before `hip`; 0 when not given.
int angle(const Pose& pose, const std::string& joint, const char* side) {
  for (const auto& j : pose.joints) {
    if (j.joint == joint + side) return j.degrees;
  }
  for (const auto& j : pose.joints) {
    if (j.joint == joint) return j.degrees;
  }
  return 0;
}

double segment(const FigureModel& model, const char* name) {
  const auto it = model.segments.find(name);
  return (it == model.segments.end() ? 0 : it->second) * kBodyHeight / 1000;
}

// The body points of a pose in the body's own frame (pelvis at the origin).
Placed skeleton(const FigureModel& m, const Figure& fig, const Pose& pose) {
  Placed out;
  auto& p = out.points;
  const double b = pose.body;
  const bool front = fig.view == FigureView::front;
  p["pelvis"] = {0, 0};
  const double lumbar = b - angle(pose, "lumbar", "");
  p["lumbar"] = add(p["pelvis"], dir(lumbar), segment(m, "lumbar"));
  const double thoracic = lumbar - angle(pose, "thoracic", "");
  p["shoulders"] = add(p["lumbar"], dir(thoracic), segment(m, "thoracic"));
  const double neck = thoracic - angle(pose, "neck", "");
  p["neck"] = add(p["shoulders"], dir(neck), segment(m, "neck"));
  out.head_radius = segment(m, "head") * 0.42;
  p["head"] = add(p["neck"], dir(neck), out.head_radius * 1.05);
  p["lumbar_mid"] = mid(p["pelvis"], p["lumbar"]);
  p["thoracic_mid"] = mid(p["lumbar"], p["shoulders"]);
  for (int s = 0; s < 2; ++s) {
    const std::string side = kSides[s];
    const double sign = s == 0 ? 1 : -1;
    // Shoulder and hip joints: one point in the side view, apart by the widths in the front.
    Point shoulder = p["shoulders"];
    Point hip = p["pelvis"];
    if (front) {
      shoulder = add(shoulder, dir(thoracic - 90 * sign), segment(m, "shoulder_width") / 2);
      hip = add(hip, dir(b - 90 * sign), segment(m, "hip_width") / 2);
    }
    p["shoulder" + side] = shoulder;
    p["hip" + side] = hip;
    const double arm = thoracic + 180 + (front ? sign : 1) * angle(pose, "shoulder", kSides[s]);
    const int elbow = angle(pose, "elbow", kSides[s]);
    const int knee = angle(pose, "knee", kSides[s]);
    double forearm = arm + elbow;
    double forearm_len = segment(m, "forearm");
    double hand = forearm + angle(pose, "wrist", kSides[s]);
    double hand_len = segment(m, "hand") * 0.7;
    double upper_len = segment(m, "upper_arm");
    double thigh_len = segment(m, "thigh");
    if (!front) {
      // An arm or a leg turned out of the picture plane (out to the side) looks shorter.
      const double arm_out = std::cos(angle(pose, "shoulder_out", kSides[s]) * kPi / 180);
      upper_len *= arm_out;
      forearm_len *= arm_out;
      hand_len *= arm_out;
    }
    p["elbow" + side] = add(shoulder, dir(arm), upper_len);
    const double thigh = b + 180 + (front ? sign : 1) * angle(pose, "hip", kSides[s]);
    double shank = thigh - knee;
    double shank_len = segment(m, "shank");
    double foot = shank + 90 + angle(pose, "ankle", kSides[s]);
    double foot_len = segment(m, "foot") * 0.75;
    if (!front) {
      const double leg_out = std::cos(angle(pose, "hip_out", kSides[s]) * kPi / 180);
      thigh_len *= leg_out;
      shank_len *= leg_out;
      foot_len *= leg_out;
    }
    p["knee" + side] = add(hip, dir(thigh), thigh_len);
    if (front) {
      // Elbows and knees bend towards or away from the viewer: the segment looks shorter.
      forearm = arm;
      hand = arm;
      forearm_len *= std::cos(elbow * kPi / 180);
      hand_len *= std::cos(elbow * kPi / 180);
      shank = thigh;
      shank_len *= std::cos(knee * kPi / 180);
      foot = shank + 90 * sign;
      foot_len *= 0.35;
    }
    p["wrist" + side] = add(p["elbow" + side], dir(forearm), forearm_len);
    p["hand" + side] = add(p["wrist" + side], dir(hand), hand_len);
    p["ankle" + side] = add(p["knee" + side], dir(shank), shank_len);
    p["toe" + side] = add(p["ankle" + side], dir(foot), foot_len);
    p["upper_arm" + side] = mid(shoulder, p["elbow" + side]);
    p["forearm" + side] = mid(p["elbow" + side], p["wrist" + side]);
    p["thigh" + side] = mid(hip, p["knee" + side]);
    p["shank" + side] = mid(p["knee" + side], p["ankle" + side]);
    p["foot" + side] = mid(p["ankle" + side], p["toe" + side]);
  }
  return out;
}

// The points a contact or prop name stands for.
std::vector<std::string> points_of(const std::string& name) {
  std::string base = name;
  std::vector<std::string> sides = {"_near", "_far"};
  for (const char* s : kSides) {
    const std::string suffix = s;
    if (name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      base = name.substr(0, name.size() - suffix.size());
      sides = {suffix};
    }
  }
  if (base == "head") return {"head"};
  if (base == "shoulders") return {"shoulders", "shoulder_near", "shoulder_far"};
  if (base == "back") return {"lumbar_mid", "thoracic_mid", "lumbar"};
  if (base == "thoracic") return {"thoracic_mid"};
  if (base == "lumbar") return {"lumbar_mid"};
  if (base == "pelvis") return {"pelvis", "hip_near", "hip_far"};
  std::vector<std::string> out;
  auto limb = [&](std::initializer_list<const char*> names) {
    for (const auto& side : sides) {
      for (const char* n : names) out.push_back(std::string(n) + side);
    }
  };
  if (base == "elbows") limb({"elbow"});
  if (base == "hands") limb({"wrist", "hand"});
  if (base == "knees") limb({"knee"});
  if (base == "feet") limb({"ankle", "toe"});
  if (base == "thigh") limb({"thigh"});
  if (base == "shank") limb({"shank"});
  if (base == "foot") limb({"foot"});
  if (base == "forearm") limb({"forearm"});
  if (base == "upper_arm") limb({"upper_arm"});
  return out;
}

// How far a point's outline reaches: the head's circle; the trunk as thick as the head (a body
// lying down rests on its back, not on its spine); the limbs the stroke.
double radius_of(const Placed& placed, const std::string& point) {
  for (const char* trunk :
       {"head", "pelvis", "lumbar", "lumbar_mid", "thoracic_mid", "shoulders", "neck"}) {
    if (point == trunk) return placed.head_radius;
  }
  return kStroke / 2;
}

bool is_feet(const std::string& name) {
  return name.rfind("feet", 0) == 0 || name.rfind("foot", 0) == 0;
}

// Where a contact must be: on a horizontal surface (`height` above the floor, `seat`: the
// chair's seat, found from the contacts) or against the wall, `offset` off it (a prop between).
struct Target {
  std::string name;
  enum class On { level, seat, wall } on = On::level;
  double height = 0;
  double offset = 0;
  Location at;
};

// A prop at a hand or an arm is held, not rested on.
bool is_held(const std::string& name) {
  return name.rfind("hand", 0) == 0 || name.rfind("elbow", 0) == 0 ||
         name.rfind("forearm", 0) == 0 || name.rfind("upper_arm", 0) == 0;
}

// The props the body rests on first, then the pose's contacts.
std::vector<Target> targets(const Figure& fig, const Pose& pose) {
  std::vector<Target> out;
  const double base = fig.support == FigureSupport::bed ? kBedTop : 0;
  for (const auto& prop : fig.props) {
    if (is_held(prop.at)) continue;
    double lift = 0;
    if (prop.shape == PropShape::roller) lift = 2 * kRollerRadius;
    if (prop.shape == PropShape::ball) lift = 2 * kBallRadius;
    if (prop.shape == PropShape::step) lift = kStepHeight;
    if (lift == 0) continue;
    Target t{prop.at, Target::On::level, base, lift, prop.location};
    if (!is_feet(prop.at) && fig.support == FigureSupport::chair) t.on = Target::On::seat;
    if (!is_feet(prop.at) && fig.support == FigureSupport::wall && prop.shape != PropShape::step)
      t.on = Target::On::wall;
    if (prop.shape == PropShape::step) t.height = 0;
    out.push_back(t);
  }
  for (const auto& c : pose.contacts) {
    Target t{c.id, Target::On::level, base, 0, c.at};
    if (fig.support == FigureSupport::chair && !is_feet(c.id)) t.on = Target::On::seat;
    if (fig.support == FigureSupport::wall && !is_feet(c.id)) t.on = Target::On::wall;
    out.push_back(t);
  }
  return out;
}

// Points on the back of the body: a wall they touch is behind it.
bool is_back(const std::string& name) {
  for (const char* n : {"head", "shoulders", "back", "thoracic", "lumbar", "pelvis"}) {
    if (name.rfind(n, 0) == 0) return true;
  }
  return false;
}

// The lowest point of a contact (its edge, not its centre), or the one nearest the wall.
std::pair<std::string, double> extreme(const Placed& placed, const std::string& name, bool wall,
                                       int side) {
  std::string best;
  double value =
      wall ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  for (const auto& id : points_of(name)) {
    const auto it = placed.points.find(id);
    if (it == placed.points.end()) continue;
    const double r = radius_of(placed, id);
    const double v = wall ? it->second.x * side + r : it->second.y - r;
    if (wall ? v > value : v < value) {
      value = v;
      best = id;
    }
  }
  return {best, value};
}

std::string plain(const std::string& name) {
  std::string out = name;
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string surface_name(const Figure& fig, const Target& t) {
  if (t.on == Target::On::seat) return "the chair seat";
  if (t.on == Target::On::wall) return "the wall";
  if (t.offset > 0) return "its prop";
  return fig.support == FigureSupport::bed ? "the bed" : "the floor";
}

}  // namespace

Placed place_pose(const FigureModel& model, const Figure& fig, std::size_t index,
                  std::vector<Problem>* problems) {
  const Pose& pose = fig.poses.at(index);
  Placed placed = skeleton(model, fig, pose);
  const auto goals = targets(fig, pose);
  std::vector<const Target*> level;
  for (const auto& t : goals) {
    if (t.on == Target::On::level) level.push_back(&t);
  }
  auto transform = [&](double turn, Point shift) {
    for (auto& [id, p] : placed.points) p = add(rotate(p, turn), shift);
  };
  // Turn the body so its first two resting contacts sit at their heights, then lift it so the
  // first one does: the placement comes from the contacts, not from the pose's `body`.
  if (level.size() >= 2) {
    for (int round = 0; round < 4; ++round) {
      const auto a = extreme(placed, level[0]->name, false, 1);
      const auto c = extreme(placed, level[1]->name, false, 1);
      if (a.first.empty() || c.first.empty() || a.first == c.first) break;
      const Point pa = placed.points[a.first];
      const Point pc = placed.points[c.first];
      const double dx = pc.x - pa.x;
      const double dy = pc.y - pa.y;
      const double len = std::hypot(dx, dy);
      const double want = (level[1]->height + level[1]->offset) -
                          (level[0]->height + level[0]->offset) +
                          (radius_of(placed, c.first) - radius_of(placed, a.first));
      if (std::abs(dx) < 250 || std::abs(want) >= len) break;
      const double now = std::atan2(dy, dx) * 180 / kPi;
      double goal = std::asin(want / len) * 180 / kPi;
      if (std::abs(now) > 90) goal = 180 - goal;
      double turn = goal - now;
      while (turn > 180) turn -= 360;
      while (turn < -180) turn += 360;
      if (std::abs(turn) < 0.01) break;
      transform(turn, {0, 0});
    }
  }
  // Rest on the first contact's surface; nothing may be lower than its surface allows.
  double lowest = std::numeric_limits<double>::infinity();
  for (const auto& [id, p] : placed.points) lowest = std::min(lowest, p.y - radius_of(placed, id));
  double lift = -lowest;
  if (!level.empty()) {
    const auto a = extreme(placed, level[0]->name, false, 1);
    if (!a.first.empty()) lift = level[0]->height + level[0]->offset - a.second;
  }
  transform(0, {0, lift});
  // The floor (or the bed) holds everything up.
  const double base = fig.support == FigureSupport::bed ? kBedTop : 0;
  double min_x = std::numeric_limits<double>::infinity();
  for (const auto& [id, p] : placed.points) min_x = std::min(min_x, p.x);
  transform(0, {-min_x, 0});
  auto report = [&](const Location& at, std::string message) {
    if (problems) {
      problems->push_back({at, fmt::format("pose {}: {}", index + 1, std::move(message))});
    }
  };
  for (const auto& [id, p] : placed.points) {
    const double depth = base - (p.y - radius_of(placed, id));
    if (depth > kTolerance) {
      report(pose.at, fmt::format("the {} goes {:.0f} mm through {}", plain(id), depth,
                                  base > 0 ? "the bed" : "the floor"));
      break;
    }
  }
  // The seat under the seat contacts, the wall against the first wall contact.
  bool seat_found = false;
  for (const auto& t : goals) {
    if (t.on != Target::On::seat) continue;
    const auto e = extreme(placed, t.name, false, 1);
    if (e.first.empty()) continue;
    const double h = e.second - t.offset;
    if (!seat_found || h < placed.seat) placed.seat = h;
    seat_found = true;
  }
  bool wall_found = false;
  for (const auto& t : goals) {
    if (t.on != Target::On::wall || wall_found) continue;
    const auto& ids = points_of(t.name);
    if (ids.empty() || !placed.points.count(ids[0])) continue;
    const int facing = placed.points["toe_near"].x >= placed.points["ankle_near"].x ? 1 : -1;
    const double dx = placed.points[ids[0]].x - placed.points["pelvis"].x;
    placed.wall_side = is_back(t.name) ? -facing : std::abs(dx) < 50 ? facing : dx > 0 ? 1 : -1;
    const auto e = extreme(placed, t.name, true, placed.wall_side);
    placed.wall = (e.second + t.offset) * placed.wall_side;
    wall_found = true;
  }
  for (const auto& t : goals) {
    double gap = 0;
    if (t.on == Target::On::level) {
      gap = extreme(placed, t.name, false, 1).second - (t.height + t.offset);
    } else if (t.on == Target::On::seat) {
      gap = extreme(placed, t.name, false, 1).second - t.offset - placed.seat;
    } else {
      gap = placed.wall * placed.wall_side -
            (extreme(placed, t.name, true, placed.wall_side).second + t.offset);
    }
    if (std::abs(gap) > kTolerance) {
      report(t.at, gap > 0 ? fmt::format("the {} do not reach {} ({:.0f} mm away)", plain(t.name),
                                         surface_name(fig, t), gap)
                           : fmt::format("the {} go {:.0f} mm into {}", plain(t.name), -gap,
                                         surface_name(fig, t)));
    }
  }
  if (fig.support == FigureSupport::chair) {
    if (!seat_found) {
      report(pose.at, "a figure on a chair rests on it: name a contact on the seat (pelvis)");
    } else if (placed.seat < 300 || placed.seat > 650) {
      report(pose.at, fmt::format("the chair seat would be {:.0f} mm high; a chair's is 300 to "
                                  "650 mm",
                                  placed.seat));
    }
  }
  if (wall_found) {
    for (const auto& [id, p] : placed.points) {
      const double past =
          (p.x * placed.wall_side + radius_of(placed, id)) - placed.wall * placed.wall_side;
      if (past > kTolerance) {
        report(pose.at, fmt::format("the {} goes {:.0f} mm through the wall", plain(id), past));
        break;
      }
    }
  } else if (fig.support == FigureSupport::wall) {
    report(pose.at, "a figure against a wall touches it: name a contact on the wall");
  }
  return placed;
}

std::vector<Problem> check_figure(const FigureModel& model, const Figure& fig,
                                  const std::vector<Ref>& equipment) {
  std::vector<Problem> out;
  for (std::size_t i = 0; i < fig.poses.size(); ++i) {
    for (const auto& j : fig.poses[i].joints) {
      std::string base = j.joint;
      for (const char* s : kSides) {
        const std::string suffix = s;
        if (base.size() > suffix.size() &&
            base.compare(base.size() - suffix.size(), suffix.size(), suffix) == 0)
          base.resize(base.size() - suffix.size());
      }
      for (const auto& lim : model.limits) {
        if (lim.joint != base || lim.view != fig.view) continue;
        if (j.degrees < lim.min || j.degrees > lim.max) {
          std::vector<std::string> ids;
          for (const auto& s : lim.sources) ids.push_back(s.id);
          out.push_back(
              {j.at, fmt::format("pose {}: '{}' is {} degrees, outside the {} range of {} to {} "
                                 "degrees ({}, from {})",
                                 i + 1, j.joint, j.degrees, base, lim.min, lim.max,
                                 kFigureViewNames.name(fig.view), fmt::join(ids, ", "))});
        }
      }
    }
    place_pose(model, fig, i, &out);
  }
  for (const auto& a : fig.arrows) {
    if (a.to_pose > 0 && fig.layout == FigureLayout::side_by_side) {
      out.push_back({a.at, "an arrow from pose to pose needs 'layout: overlay'"});
    }
  }
  // Every tool of the exercise shows, as a prop or as what the body rests on; no other does.
  for (const auto& e : equipment) {
    bool shown = (e.id == "chair" && fig.support == FigureSupport::chair) ||
                 (e.id == "bed" && fig.support == FigureSupport::bed) ||
                 (e.id == "wall" && fig.support == FigureSupport::wall);
    for (const auto& p : fig.props) shown = shown || (p.equipment && p.equipment->id == e.id);
    if (!shown) {
      out.push_back({fig.at, fmt::format("the exercise needs '{}' but its figure does not show "
                                         "it (as a prop or its support)",
                                         e.id)});
    }
  }
  for (const auto& p : fig.props) {
    if (p.equipment && !has_ref(equipment, p.equipment->id)) {
      out.push_back({p.equipment->at, fmt::format("the prop shows '{}', which the exercise's "
                                                  "'equipment' does not list",
                                                  p.equipment->id)});
    }
  }
  return out;
}

namespace {

struct Canvas {
  std::vector<Primitive> items;
  void stroke(Tone tone, double width, std::vector<Point> pts) {
    items.push_back({Primitive::Kind::stroke, tone, width, 0, std::move(pts)});
  }
  void disc(Tone tone, Point c, double r) {
    items.push_back({Primitive::Kind::disc, tone, 0, r, {c}});
  }
  void circle(Tone tone, double width, Point c, double r) {
    items.push_back({Primitive::Kind::circle, tone, width, r, {c}});
  }
  void polygon(Tone tone, std::vector<Point> pts) {
    items.push_back({Primitive::Kind::polygon, tone, 0, 0, std::move(pts)});
  }
};

void draw_limbs(Canvas& c, const Placed& p, const char* side, Tone tone) {
  const std::string s = side;
  auto at = [&](const std::string& id) { return p.points.at(id + s); };
  c.stroke(tone, kStroke, {at("hip"), at("knee"), at("ankle"), at("toe")});
  c.stroke(tone, kStroke, {at("shoulder"), at("elbow"), at("wrist"), at("hand")});
}

void draw_body(Canvas& c, const Placed& p, bool faded, bool front) {
  const Tone near = faded ? Tone::faded_near : Tone::near;
  const Tone far = faded ? Tone::faded_far : Tone::far;
  draw_limbs(c, p, "_far", front ? near : far);
  const auto& pt = p.points;
  c.stroke(near, kStroke, {pt.at("pelvis"), pt.at("lumbar"), pt.at("shoulders"), pt.at("neck")});
  if (front) {
    c.stroke(near, kStroke, {pt.at("hip_near"), pt.at("hip_far")});
    c.stroke(near, kStroke, {pt.at("shoulder_near"), pt.at("shoulder_far")});
  }
  draw_limbs(c, p, "_near", near);
  c.disc(near, pt.at("head"), p.head_radius);
}

Point point_of(const Placed& p, const std::string& name) {
  const auto ids = points_of(name);
  for (const auto& id : ids) {
    if (p.points.count(id)) {
      // A limb's segment name is its midpoint; the rest name a joint.
      return p.points.at(id);
    }
  }
  return p.points.at("pelvis");
}

void draw_arrow(Canvas& c, Point from, Point to, bool both_ways, double bend) {
  const double dx = to.x - from.x;
  const double dy = to.y - from.y;
  const double len = std::hypot(dx, dy);
  if (len < 1) return;
  const Point normal = {-dy / len, dx / len};
  const Point control = add(mid(from, to), normal, bend * len);
  std::vector<Point> pts;
  for (int i = 0; i <= 12; ++i) {
    const double t = i / 12.0;
    const double u = 1 - t;
    pts.push_back({u * u * from.x + 2 * u * t * control.x + t * t * to.x,
                   u * u * from.y + 2 * u * t * control.y + t * t * to.y});
  }
  const double head = 70;
  auto tip = [&](Point end, Point before) {
    const double ex = end.x - before.x;
    const double ey = end.y - before.y;
    const double el = std::hypot(ex, ey);
    const Point d = {ex / el, ey / el};
    const Point n = {-d.y, d.x};
    const Point base = add(end, d, -head * 1.3);
    c.polygon(Tone::accent, {end, add(base, n, head * 0.75), add(base, n, -head * 0.75)});
    return base;
  };
  const Point end_base = tip(pts.back(), pts[pts.size() - 2]);
  pts.back() = end_base;
  if (both_ways) pts.front() = tip(pts.front(), pts[1]);
  c.stroke(Tone::accent, 30, pts);
}

}  // namespace

Drawing draw_exercise(const Library& lib, const std::string& id) {
  const Exercise* x = lib.find_exercise(id);
  if (!x || !x->figure || !lib.figure_model.defined) return {};
  return draw_figure(lib.figure_model, *x->figure);
}

Drawing draw_figure(const FigureModel& model, const Figure& fig) {
  std::vector<Placed> poses;
  for (std::size_t i = 0; i < fig.poses.size(); ++i) poses.push_back(place_pose(model, fig, i));
  if (poses.empty()) return {};
  // Side by side: each pose right of the one before. Overlaid: the first contacts line up.
  double offset = 0;
  for (std::size_t i = 0; i < poses.size(); ++i) {
    double shift = 0;
    if (fig.layout == FigureLayout::side_by_side) {
      shift = offset;
    } else if (i > 0 && !fig.poses[i].contacts.empty() && !fig.poses[0].contacts.empty()) {
      const auto ids = points_of(fig.poses[0].contacts[0].id);
      if (!ids.empty() && poses[0].points.count(ids[0]))
        shift = poses[0].points[ids[0]].x - poses[i].points[ids[0]].x;
      if (fig.support == FigureSupport::wall) shift = poses[0].wall - poses[i].wall;
    }
    double max_x = 0;
    for (auto& [id, p] : poses[i].points) {
      p.x += shift;
      max_x = std::max(max_x, p.x);
    }
    poses[i].wall += shift;
    offset = max_x + 350;
  }
  Canvas c;
  const bool front = fig.view == FigureView::front;
  // Extent of the bodies, for the floor and the frame.
  double lo = std::numeric_limits<double>::infinity();
  double hi = -lo;
  double top = 0;
  for (const auto& p : poses) {
    for (const auto& [id, q] : p.points) {
      lo = std::min(lo, q.x - radius_of(p, id));
      hi = std::max(hi, q.x + radius_of(p, id));
      top = std::max(top, q.y + radius_of(p, id));
    }
  }
  // Supports and props first, under the body.
  const double base = fig.support == FigureSupport::bed ? kBedTop : 0;
  for (std::size_t i = 0; i < poses.size(); ++i) {
    const Placed& p = poses[i];
    if (fig.support == FigureSupport::chair &&
        (i == 0 || fig.layout == FigureLayout::side_by_side)) {
      const Point pelvis = p.points.at("pelvis");
      const int facing = p.points.at("knee_near").x >= pelvis.x ? 1 : -1;
      const double back_x = pelvis.x - facing * 170;
      const double front_x = pelvis.x + facing * 250;
      c.stroke(Tone::prop, 40, {{back_x, p.seat + 450}, {back_x, 0}});
      c.stroke(Tone::prop, 40, {{back_x, p.seat}, {front_x, p.seat}, {front_x, 0}});
      lo = std::min(lo, std::min(back_x, front_x) - 20);
      hi = std::max(hi, std::max(back_x, front_x) + 20);
      top = std::max(top, p.seat + 450);
    }
    if (fig.support == FigureSupport::wall &&
        (i == 0 || fig.layout == FigureLayout::side_by_side)) {
      c.stroke(Tone::prop, 40,
               {{p.wall + p.wall_side * 20, 0}, {p.wall + p.wall_side * 20, top + 100}});
      lo = std::min(lo, p.wall - 40);
      hi = std::max(hi, p.wall + 40);
    }
    for (const auto& prop : fig.props) {
      const Point at = point_of(p, prop.at);
      const double r = radius_of(p, prop.at);
      switch (prop.shape) {
        case PropShape::roller:
        case PropShape::ball: {
          const double R = prop.shape == PropShape::roller ? kRollerRadius : kBallRadius;
          Point centre = {at.x, at.y - r - R};
          if (is_held(prop.at)) {
            centre = {at.x, at.y - r - R * 0.6};
          } else if (fig.support == FigureSupport::wall && !is_feet(prop.at))
            centre = {at.x + p.wall_side * (r + R), at.y};
          c.disc(Tone::prop, centre, R);
          break;
        }
        case PropShape::stick: {
          // Along the named segment: from its upper joint's end to its lower, a little off it.
          std::vector<std::string> ids = points_of(prop.at);
          Point a = at;
          Point b = at;
          const std::string side = ids.empty() ? "_near" : ids[0].substr(ids[0].find('_'));
          if (prop.at.rfind("shank", 0) == 0) {
            a = p.points.at("knee" + side);
            b = p.points.at("ankle" + side);
          } else if (prop.at.rfind("thigh", 0) == 0) {
            a = p.points.at("hip" + side);
            b = p.points.at("knee" + side);
          }
          const double dx = b.x - a.x;
          const double dy = b.y - a.y;
          const double l = std::hypot(dx, dy);
          const Point n = {-dy / l * 75, dx / l * 75};
          c.stroke(Tone::prop, 45, {add(add(a, n), {dx, dy}, 0.1), add(add(a, n), {dx, dy}, 0.9)});
          break;
        }
        case PropShape::strap:
          c.stroke(Tone::prop, 25, {at, point_of(p, prop.to)});
          break;
        case PropShape::chair: {
          // A chair's back, its top at the hand, the chair standing on the floor away from the
          // body.
          const int away = at.x >= p.points.at("pelvis").x ? 1 : -1;
          const double y = at.y - r;
          c.stroke(Tone::prop, 40, {{at.x, y}, {at.x, 0}});
          c.stroke(Tone::prop, 40,
                   {{at.x, y * 0.55}, {at.x + away * 400, y * 0.55}, {at.x + away * 400, 0}});
          lo = std::min(lo, at.x + away * 400 - 20);
          hi = std::max(hi, at.x + away * 400 + 20);
          break;
        }
        case PropShape::step: {
          const double y = at.y - r;
          c.polygon(Tone::prop,
                    {{at.x - 180, 0}, {at.x - 180, y}, {at.x + 180, y}, {at.x + 180, 0}});
          lo = std::min(lo, at.x - 180);
          hi = std::max(hi, at.x + 180);
          break;
        }
      }
    }
  }
  if (fig.support == FigureSupport::bed) {
    c.polygon(Tone::prop,
              {{lo - 60, base}, {hi + 60, base}, {hi + 60, base - 120}, {lo - 60, base - 120}});
    c.stroke(Tone::prop, 40, {{lo - 20, base - 120}, {lo - 20, 0}});
    c.stroke(Tone::prop, 40, {{hi + 20, base - 120}, {hi + 20, 0}});
  }
  lo -= 100;
  hi += 100;
  c.stroke(Tone::prop, 40, {{lo, -20}, {hi, -20}});
  for (std::size_t i = 0; i < poses.size(); ++i) {
    const bool faded = fig.layout == FigureLayout::overlay && i + 1 < poses.size();
    draw_body(c, poses[i], faded, front);
  }
  for (const auto& a : fig.arrows) {
    const Placed& p = poses.at(static_cast<std::size_t>(a.pose - 1));
    const Point from = point_of(p, a.point);
    Point to;
    if (a.to_pose > 0) {
      to = point_of(poses.at(static_cast<std::size_t>(a.to_pose - 1)), a.point);
    } else {
      to = add(from, dir(a.direction), a.length);
    }
    // Off the body a little, on the outside of the bend.
    draw_arrow(c, from, to, a.both_ways, a.to_pose > 0 ? 0.25 : 0);
  }
  if (fig.per_side) {
    // "Both sides": two small triangles pointing away from a bar, top right.
    const double x = hi - 160;
    const double y = top + 200;
    c.stroke(Tone::near, 25, {{x, y - 90}, {x, y + 90}});
    c.polygon(Tone::near, {{x - 50, y + 70}, {x - 50, y - 70}, {x - 150, y}});
    c.polygon(Tone::near, {{x + 50, y + 70}, {x + 50, y - 70}, {x + 150, y}});
    top += 300;
  }
  for (const auto& item : c.items) {
    for (const auto& q : item.points) top = std::max(top, q.y + item.radius + item.width / 2);
  }
  top += 40;
  const double bottom = -60;
  Drawing out;
  out.width = (hi - lo) * kScale + 2 * kMargin;
  out.height = (top - bottom) * kScale + 2 * kMargin;
  for (auto item : c.items) {
    for (auto& q : item.points) q = {(q.x - lo) * kScale + kMargin, (top - q.y) * kScale + kMargin};
    item.width *= kScale;
    item.radius *= kScale;
    out.items.push_back(std::move(item));
  }
  return out;
}

}  // namespace backplan::figure
