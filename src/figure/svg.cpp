#include "figure/svg.h"

#include <fmt/format.h>

#include <cmath>

namespace backplan::figure {

namespace {

// Fixed formatting: two decimals, trailing zeros dropped, never "-0".
std::string num(double v) {
  long long hundredths = std::llround(v * 100);
  std::string sign = hundredths < 0 ? "-" : "";
  if (hundredths < 0) hundredths = -hundredths;
  std::string out = sign + std::to_string(hundredths / 100);
  const long long frac = hundredths % 100;
  if (frac != 0) {
    out += fmt::format(".{:02d}", frac);
    if (out.back() == '0') out.pop_back();
  }
  return out;
}

const char* colour(Tone tone) {
  switch (tone) {
    case Tone::near:
      return "#1a1a1a";
    case Tone::far:
      return "#8c8c8c";
    case Tone::faded_near:
      return "#b3b3b3";
    case Tone::faded_far:
      return "#d6d6d6";
    case Tone::prop:
      return "#c8c8c8";
    case Tone::accent:
      return "#d0461d";
  }
  return "#000";
}

std::string points(const std::vector<Point>& pts) {
  std::string out;
  for (const auto& p : pts) {
    if (!out.empty()) out += ' ';
    out += num(p.x) + ',' + num(p.y);
  }
  return out;
}

}  // namespace

std::string to_svg(const Drawing& d, bool standalone) {
  std::string out;
  if (standalone) out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  // Inline in HTML the namespace is implied, and the figure shows what the step's name and cues
  // say, so screen readers skip it.
  out += fmt::format("<svg {}width=\"{}mm\" height=\"{}mm\" viewBox=\"0 0 {} {}\" {}>\n",
                     standalone ? "xmlns=\"http://www.w3.org/2000/svg\" " : "", num(d.width),
                     num(d.height), num(d.width), num(d.height),
                     standalone ? "role=\"img\"" : "aria-hidden=\"true\" focusable=\"false\"");
  for (const auto& item : d.items) {
    switch (item.kind) {
      case Primitive::Kind::stroke:
        out += fmt::format(
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" "
            "stroke-linecap=\"round\" stroke-linejoin=\"round\"/>\n",
            points(item.points), colour(item.tone), num(item.width));
        break;
      case Primitive::Kind::disc:
        out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"/>\n",
                           num(item.points[0].x), num(item.points[0].y), num(item.radius),
                           colour(item.tone));
        break;
      case Primitive::Kind::circle:
        out += fmt::format(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\" stroke=\"{}\" "
            "stroke-width=\"{}\"/>\n",
            num(item.points[0].x), num(item.points[0].y), num(item.radius), colour(item.tone),
            num(item.width));
        break;
      case Primitive::Kind::polygon:
        out += fmt::format(
            "<polygon points=\"{}\" fill=\"{}\" stroke=\"{}\" "
            "stroke-width=\"0.3\" stroke-linejoin=\"round\"/>\n",
            points(item.points), colour(item.tone), colour(item.tone));
        break;
    }
  }
  out += "</svg>\n";
  return out;
}

}  // namespace backplan::figure
