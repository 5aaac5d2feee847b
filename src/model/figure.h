#pragma once
// The pose model of an exercise's picture, as data from the library (routines/figures.yaml and
// each exercise's `figure:`). Plain data; src/figure/ turns it into a drawing.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "model/names.h"

namespace backplan {

// An id written in a file, with where it was written (for error messages).
struct Ref {
  std::string id;
  Location at;
};

// The picture plane: `side` (the person seen from their near side, facing right) or `front`.
enum class FigureView { side, front };
// What the body rests on; the floor is always there, at the bottom of the picture.
enum class FigureSupport { floor, bed, chair, wall };
// How two or three key poses are shown: drawn over each other (the earlier ones lighter) or
// side by side.
enum class FigureLayout { overlay, side_by_side };
// The simple shapes a prop is drawn as.
enum class PropShape { roller, ball, stick, strap, chair, step };

inline constexpr auto kFigureViewNames =
    make_names<FigureView>({{FigureView::side, "side"}, {FigureView::front, "front"}});
inline constexpr auto kFigureSupportNames =
    make_names<FigureSupport>({{FigureSupport::floor, "floor"},
                               {FigureSupport::bed, "bed"},
                               {FigureSupport::chair, "chair"},
                               {FigureSupport::wall, "wall"}});
inline constexpr auto kFigureLayoutNames = make_names<FigureLayout>(
    {{FigureLayout::overlay, "overlay"}, {FigureLayout::side_by_side, "side_by_side"}});
inline constexpr auto kPropShapeNames = make_names<PropShape>({{PropShape::roller, "roller"},
                                                               {PropShape::ball, "ball"},
                                                               {PropShape::stick, "stick"},
                                                               {PropShape::strap, "strap"},
                                                               {PropShape::chair, "chair"},
                                                               {PropShape::step, "step"}});

// The segment lengths of the body, in thousandths of standing height.
inline constexpr std::string_view kFigureSegments[] = {
    "head",      "neck",    "lumbar", "thoracic", "shoulder_width", "hip_width",
    "upper_arm", "forearm", "hand",   "thigh",    "shank",          "foot"};

// The joints a pose may bend, by view. Limbs may be given for both sides (`hip`) or one
// (`hip_near`, `hip_far`). Side view: flexion positive (spine, hip, shoulder, elbow, knee; ankle
// dorsiflexion, wrist extension). Front view: spine side-bending and hip/shoulder abduction
// positive; elbow and knee flexion bend towards or away from the viewer.
// Side view also: `shoulder_out` and `hip_out`, an arm or leg turned out to the side (out of the
// picture plane, so it looks shorter).
inline constexpr std::string_view kSideJoints[] = {"lumbar", "thoracic", "neck",        "hip",
                                                   "knee",   "ankle",    "shoulder",    "elbow",
                                                   "wrist",  "hip_out",  "shoulder_out"};
inline constexpr std::string_view kFrontJoints[] = {"lumbar", "thoracic", "neck", "hip",
                                                    "knee",   "shoulder", "elbow"};
inline constexpr std::string_view kLimbJoints[] = {"hip",   "knee",  "ankle",   "shoulder",
                                                   "elbow", "wrist", "hip_out", "shoulder_out"};

// The body points a pose may rest on (contacts) or a prop may sit at. Limb points may carry
// `_near` or `_far`; without, both sides.
inline constexpr std::string_view kContactPoints[] = {"head",   "shoulders", "back",  "pelvis",
                                                      "elbows", "hands",     "knees", "feet"};
inline constexpr std::string_view kPropPoints[] = {
    "head", "shoulders", "thoracic", "lumbar", "pelvis", "thigh",   "shank",
    "foot", "hands",     "feet",     "knees",  "elbows", "forearm", "upper_arm"};

// A joint's normal range in one view, with its source: `min` is the most the joint goes the
// other way (extension: -20 for the hip).
struct JointLimit {
  std::string joint;
  FigureView view = FigureView::side;
  int min = 0;
  int max = 0;
  std::vector<Ref> sources;
  Location at;
};

struct FigureModel {
  std::map<std::string, int> segments;  // kFigureSegments -> thousandths of standing height
  std::vector<Ref> segment_sources;
  std::vector<JointLimit> limits;
  Location at;
  bool defined = false;
};

struct JointAngle {
  std::string joint;  // "hip", "hip_far", ...
  int degrees = 0;
  Location at;
};

struct Pose {
  // The direction of the pelvis-to-chest line in degrees (90: upright, 0: head to the right),
  // before the placement turns the body so its contacts rest on the support.
  int body = 90;
  std::vector<JointAngle> joints;
  std::vector<Ref> contacts;  // on the support; `feet` stay on the floor for a chair or a wall
  Location at;
};

struct FigureArrow {
  int pose = 1;       // 1-based
  std::string point;  // a body point: hand_near, foot_far, head, pelvis, ...
  int to_pose = 0;    // an arrow from the point in `pose` to the same point in this one
  int direction = 0;  // otherwise: the direction in the picture, degrees (0 right, 90 up)
  int length = 0;     // and its length in millimetres of the body
  bool both_ways = false;
  Location at;
};

struct FigureProp {
  PropShape shape = PropShape::roller;
  std::optional<Ref> equipment;  // the exercise's tool it shows
  std::string at;                // a body point (kPropPoints, with _near / _far)
  std::string to;                // strap: the other end
  Location location;
};

struct Figure {
  FigureView view = FigureView::side;
  FigureSupport support = FigureSupport::floor;
  FigureLayout layout = FigureLayout::overlay;
  std::vector<Pose> poses;  // 1 to 3
  std::vector<FigureArrow> arrows;
  std::vector<FigureProp> props;
  bool per_side = false;  // drawn once, with a "both sides" mark
  Location at;
};

}  // namespace backplan
