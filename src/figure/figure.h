#pragma once
// An exercise's picture from its pose data: pose -> placed skeleton -> a list of primitives in
// millimetres. Pure and deterministic; the back ends (SVG here, PDF and the terminal elsewhere)
// only draw the primitives.

#include <map>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/figure.h"
#include "model/library.h"

namespace backplan::figure {

struct Point {
  double x = 0;
  double y = 0;
};

// The drawing's tones: the near limbs and the trunk dark, the far limbs lighter, an earlier key
// pose drawn over (faded), props light grey, movement arrows in the accent colour.
enum class Tone { near, far, faded_near, faded_far, prop, accent };

struct Primitive {
  // stroke: a line through `points` (two or more), round caps and joins, `width` wide;
  // disc: a filled circle at points[0]; circle: its outline, `width` wide;
  // polygon: a filled shape through `points`.
  enum class Kind { stroke, disc, circle, polygon } kind = Kind::stroke;
  Tone tone = Tone::near;
  double width = 0;
  double radius = 0;
  std::vector<Point> points;
};

// Millimetres, the origin at the top left, y growing downwards.
struct Drawing {
  double width = 0;
  double height = 0;
  std::vector<Primitive> items;
};

// A pose placed on its support: every body point in millimetres of the body (standing height
// 1700), y up, the floor at y = 0.
struct Placed {
  std::map<std::string, Point> points;
  double head_radius = 0;
  double seat = 0;    // chair: the seat's height
  double wall = 0;    // wall: its x
  int wall_side = 1;  // the wall is on this side of the body (1: right, -1: left)
};

struct Problem {
  Location at;
  std::string message;
};

// The body's standing height in millimetres, the stroke width of the body, the floor of a bed.
inline constexpr double kBodyHeight = 1700;
inline constexpr double kBedTop = 500;

// Places one pose: lengths from the model, angles from the pose, then turned and moved so its
// contacts (and the props it rests on) meet their supports. Problems: contacts that do not meet
// their support, body points through a support.
Placed place_pose(const FigureModel& model, const Figure& fig, std::size_t pose,
                  std::vector<Problem>* problems = nullptr);

// Everything `validate` checks of a figure: joint angles within the model's limits, contacts
// met, nothing through a support, props showing the exercise's equipment and no other.
std::vector<Problem> check_figure(const FigureModel& model, const Figure& fig,
                                  const std::vector<Ref>& equipment);

// The figure as primitives, at 1 mm of drawing for 40 mm of body.
Drawing draw_figure(const FigureModel& model, const Figure& fig);

// The figure of the library's exercise `id`; an empty drawing (no items) when the exercise has
// none or the library no figure model, so a step never shows another's.
Drawing draw_exercise(const Library& lib, const std::string& id);

}  // namespace backplan::figure
