// The figure geometry: a joint angle moves the drawing as it should, contacts are met, and a
// joint past its limit gives the exact message `validate` prints.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "figure/braille.h"
#include "figure/figure.h"
#include "figure/svg.h"
#include "load/library_loader.h"
#include "model/library.h"
#include "text/utf8.h"

using namespace backplan;
using namespace backplan::figure;

namespace {

FigureModel model() {
  FigureModel m;
  m.defined = true;
  m.segments = {{"head", 130},           {"neck", 52},       {"lumbar", 115},    {"thoracic", 173},
                {"shoulder_width", 259}, {"hip_width", 191}, {"upper_arm", 186}, {"forearm", 146},
                {"hand", 108},           {"thigh", 245},     {"shank", 246},     {"foot", 152}};
  m.limits.push_back(
      {"hip", FigureView::side, -30, 120, {{"norkin-white-joint-motion-2016", {}}}, {}});
  m.limits.push_back(
      {"knee", FigureView::side, 0, 135, {{"norkin-white-joint-motion-2016", {}}}, {}});
  return m;
}

Pose pose(int body, std::vector<JointAngle> joints, std::vector<std::string> contacts) {
  Pose p;
  p.body = body;
  p.joints = std::move(joints);
  for (auto& c : contacts) p.contacts.push_back({c, {"f.yaml", 9, 9}});
  p.at = {"f.yaml", 3, 11};
  return p;
}

Figure standing(std::vector<JointAngle> joints) {
  Figure f;
  f.poses.push_back(pose(90, std::move(joints), {"feet"}));
  return f;
}

}  // namespace

TEST_CASE("a standing figure rests on its feet, its head at the top") {
  const Figure f = standing({});
  std::vector<Problem> problems;
  const Placed p = place_pose(model(), f, 0, &problems);
  CHECK(problems.empty());
  CHECK(std::abs(p.points.at("ankle_near").y - 35) < 1);  // the stroke's edge on the floor
  CHECK(p.points.at("head").y > 1500);
  CHECK(std::abs(p.points.at("head").x - p.points.at("pelvis").x) < 1);
}

TEST_CASE("bending the hip moves the knee forward and up by the thigh's length") {
  const Placed straight = place_pose(model(), standing({}), 0);
  const Placed bent =
      place_pose(model(), standing({{"hip_near", 90, {}}, {"knee_near", 90, {}}}), 0);
  // The far leg still stands; the near thigh points forward, level with the hip.
  const Point hip = bent.points.at("pelvis");
  const Point knee = bent.points.at("knee_near");
  CHECK(std::abs(knee.y - hip.y) < 1);
  CHECK(std::abs(knee.x - hip.x - 0.245 * 1700) < 1);
  CHECK(straight.points.at("knee_near").x == doctest::Approx(straight.points.at("pelvis").x));
}

TEST_CASE("hands and knees: the placement turns the body until both touch the floor") {
  Figure f;
  f.poses.push_back(pose(0,
                         {{"hip", 90, {}},
                          {"knee", 125, {}},
                          {"ankle", -50, {}},
                          {"shoulder", 105, {}},
                          {"wrist", 70, {}}},
                         {"hands", "knees"}));
  std::vector<Problem> problems;
  const Placed p = place_pose(model(), f, 0, &problems);
  CHECK(problems.empty());
  CHECK(std::abs(p.points.at("knee_near").y - 35) < 1);
  const double hand = std::min(p.points.at("wrist_near").y, p.points.at("hand_near").y);
  CHECK(std::abs(hand - 35) < 1);
}

TEST_CASE("a contact that cannot reach its support is reported with its place") {
  Figure f;
  // Standing, arms down: the hands cannot reach the floor.
  f.poses.push_back(pose(90, {}, {"feet"}));
  f.poses[0].contacts.push_back({"hands", {"f.yaml", 4, 20}});
  std::vector<Problem> problems;
  place_pose(model(), f, 0, &problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].at.line == 4);
  CHECK(problems[0].message.rfind("pose 1: the hands do not reach the floor (", 0) == 0);
}

TEST_CASE("a joint past its limit: the exact validate message") {
  Figure f = standing({{"hip_near", 130, {"f.yaml", 5, 24}}});
  const auto problems = check_figure(model(), f, {});
  REQUIRE(!problems.empty());
  CHECK(problems[0].at.line == 5);
  CHECK(problems[0].message ==
        "pose 1: 'hip_near' is 130 degrees, outside the hip range of -30 to 120 degrees (side, "
        "from norkin-white-joint-motion-2016)");
}

TEST_CASE("a figure shows the exercise's tools, and only those") {
  Figure f = standing({});
  f.at = {"f.yaml", 2, 5};
  const auto missing = check_figure(model(), f, {{"foam-roller-medium", {}}});
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].message ==
        "the exercise needs 'foam-roller-medium' but its figure does not show it (as a prop or "
        "its support)");
  f.props.push_back({PropShape::ball, Ref{"tennis-ball", {"f.yaml", 7, 30}}, "hands_near", "", {}});
  const auto extra = check_figure(model(), f, {});
  REQUIRE(extra.size() == 1);
  CHECK(extra[0].message ==
        "the prop shows 'tennis-ball', which the exercise's 'equipment' does not list");
}

TEST_CASE("the SVG: deterministic, no text, rounded strokes, a filled head") {
  const Drawing d = draw_figure(model(), standing({}));
  const std::string svg = to_svg(d);
  CHECK(svg == to_svg(draw_figure(model(), standing({}))));
  CHECK(svg.find("<text") == std::string::npos);
  CHECK(svg.find("stroke-linecap=\"round\"") != std::string::npos);
  CHECK(svg.find("<circle") != std::string::npos);
  CHECK(svg.rfind("<?xml", 0) == 0);
  CHECK(to_svg(d, false).rfind("<svg", 0) == 0);
}

// --- The terminal's braille back end --------------------------------------------------------

namespace {

backplan::figure::Drawing one_item(backplan::figure::Primitive item, double w, double h) {
  backplan::figure::Drawing d;
  d.width = w;
  d.height = h;
  d.items.push_back(std::move(item));
  return d;
}

}  // namespace

TEST_CASE("braille: a line one dot thick, cell by cell; the far tone with every other dot") {
  using namespace backplan::figure;
  // 10 x 2 mm into 5 x 1 cells: one dot per mm, the line at y = 1 mm between the 1st and 2nd
  // rows of dots, so both rows are on.
  const Primitive line{Primitive::Kind::stroke, Tone::near, 0, 0, {{0, 1}, {10, 1}}};
  CHECK(to_braille(one_item(line, 10, 2), 5, 1) == std::vector<std::string>{"⠛⠛⠛⠛⠛"});
  Primitive far = line;
  far.tone = Tone::far;
  CHECK(to_braille(one_item(far, 10, 2), 5, 1) == std::vector<std::string>{"⠑⠑⠑⠑⠑"});
  // Twice the room: two dots per mm, the line between the 2nd and 3rd rows of dots.
  CHECK(to_braille(one_item(line, 10, 2), 10, 1) == std::vector<std::string>{"⠶⠶⠶⠶⠶⠶⠶⠶⠶⠶"});
}

TEST_CASE("braille: the figure fits the room it is given and keeps its proportions") {
  using namespace backplan::figure;
  const Primitive dot{Primitive::Kind::disc, Tone::near, 0, 3, {{10, 10}}};
  // 20 x 20 mm into at most 40 x 5 cells: 5 rows of 4 dots are 20 dots, so 20 dots across, 10
  // cells.
  const auto rows = to_braille(one_item(dot, 20, 20), 40, 5);
  REQUIRE(rows.size() == 5);
  for (const auto& r : rows) CHECK(backplan::columns(r) == 10);
  CHECK(to_braille(Drawing{}, 40, 5).empty());
  CHECK(to_braille(one_item(dot, 20, 20), 0, 5).empty());
}

TEST_CASE("braille: a prop is an outline, so the body on it stays apart; the body is filled") {
  using namespace backplan::figure;
  // A disc of 4 mm radius at the middle of 10 x 10 mm, one dot per mm (5 x 3 cells): the cell at
  // its centre is full for the body and empty for a prop.
  const Primitive body{Primitive::Kind::disc, Tone::near, 0, 4, {{5, 5}}};
  Primitive prop = body;
  prop.tone = Tone::prop;
  const auto filled = to_braille(one_item(body, 10, 10), 5, 3);
  const auto ring = to_braille(one_item(prop, 10, 10), 5, 3);
  REQUIRE(filled.size() == 3);
  REQUIRE(ring.size() == 3);
  CHECK(filled[1] == "⠸⣿⣿⣿⠇");
  CHECK(ring[1] == "⢸⡀ ⢀⡇");
}

TEST_CASE("braille: every built-in figure fits a 40 x 12 box, and none is blank") {
  const backplan::Library lib = backplan::load_library_or_throw({});
  for (const auto& x : lib.exercises) {
    if (!x.figure) continue;
    INFO(x.id);
    const auto rows = backplan::figure::to_braille(
        backplan::figure::draw_figure(lib.figure_model, *x.figure), 40, 12);
    REQUIRE(!rows.empty());
    CHECK(rows.size() <= 12);
    bool any = false;
    for (const auto& r : rows) {
      CHECK(backplan::columns(r) <= 40);
      any = any || r.find_first_not_of(' ') != std::string::npos;
    }
    CHECK(any);
  }
}

TEST_CASE("draw_exercise: the exercise's own figure, or none") {
  Library lib = load_library_or_throw({});
  CHECK(!draw_exercise(lib, "curl-up").items.empty());
  CHECK(draw_exercise(lib, "no-such-exercise").items.empty());
  for (auto& x : lib.exercises) {
    if (x.id == "bird-dog") x.figure.reset();
  }
  CHECK(draw_exercise(lib, "bird-dog").items.empty());
  CHECK(!draw_exercise(lib, "curl-up").items.empty());
  lib.figure_model.defined = false;
  CHECK(draw_exercise(lib, "curl-up").items.empty());
}
