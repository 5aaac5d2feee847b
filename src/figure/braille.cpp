#include "figure/braille.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace backplan::figure {

namespace {

// The dots, a dot being one unit; a dot's centre is at (x + 0.5, y + 0.5).
class Dots {
 public:
  Dots(int width, int height)
      : width_(width), height_(height), on_(static_cast<std::size_t>(width * height), false) {}

  // Sets every dot whose centre `inside` accepts, within the box [x0, x1] x [y0, y1].
  template <class Inside>
  void fill(double x0, double y0, double x1, double y1, bool light, Inside inside) {
    const int ix0 = std::max(0, static_cast<int>(std::floor(x0 - 0.5)));
    const int iy0 = std::max(0, static_cast<int>(std::floor(y0 - 0.5)));
    const int ix1 = std::min(width_ - 1, static_cast<int>(std::ceil(x1)));
    const int iy1 = std::min(height_ - 1, static_cast<int>(std::ceil(y1)));
    for (int y = iy0; y <= iy1; ++y) {
      for (int x = ix0; x <= ix1; ++x) {
        if (light && (x + y) % 2 != 0) continue;
        if (inside(x + 0.5, y + 0.5)) on_[static_cast<std::size_t>(y * width_ + x)] = true;
      }
    }
  }

  bool at(int x, int y) const {
    return x >= 0 && y >= 0 && x < width_ && y < height_ &&
           on_[static_cast<std::size_t>(y * width_ + x)];
  }

 private:
  int width_;
  int height_;
  std::vector<bool> on_;
};

double distance_to_segment(double px, double py, Point a, Point b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - a.x) * dx + (py - a.y) * dy) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  const double cx = a.x + t * dx - px;
  const double cy = a.y + t * dy - py;
  return std::sqrt(cx * cx + cy * cy);
}

void segment(Dots& dots, Point a, Point b, double r, bool light) {
  dots.fill(std::min(a.x, b.x) - r, std::min(a.y, b.y) - r, std::max(a.x, b.x) + r,
            std::max(a.y, b.y) + r, light,
            [&](double x, double y) { return distance_to_segment(x, y, a, b) <= r; });
}

// Even-odd rule.
bool in_polygon(const std::vector<Point>& pts, double x, double y) {
  bool in = false;
  for (std::size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++) {
    if ((pts[i].y > y) != (pts[j].y > y) &&
        x < (pts[j].x - pts[i].x) * (y - pts[i].y) / (pts[j].y - pts[i].y) + pts[i].x)
      in = !in;
  }
  return in;
}

// The braille dot bits of a cell, by dot column (0, 1) and row (0 to 3).
constexpr std::uint8_t kBits[2][4] = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};

std::string braille_char(std::uint8_t bits) {
  const unsigned cp = 0x2800u + bits;
  std::string out;
  out += static_cast<char>(0xE0 | (cp >> 12));
  out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (cp & 0x3F));
  return out;
}

}  // namespace

std::vector<std::string> to_braille(const Drawing& d, int columns, int rows) {
  if (d.items.empty() || d.width <= 0 || d.height <= 0 || columns <= 0 || rows <= 0) return {};
  const double scale = std::min(columns * 2 / d.width, rows * 4 / d.height);  // dots per mm
  const int cols = std::max(1, static_cast<int>(std::ceil(d.width * scale / 2 - 1e-9)));
  const int lines = std::max(1, static_cast<int>(std::ceil(d.height * scale / 4 - 1e-9)));
  Dots dots(cols * 2, lines * 4);
  auto to_dots = [&](Point p) { return Point{p.x * scale, p.y * scale}; };
  for (const auto& item : d.items) {
    if (item.points.empty()) continue;
    const bool light =
        item.tone == Tone::far || item.tone == Tone::faded_near || item.tone == Tone::faded_far;
    const bool prop = item.tone == Tone::prop;
    // Half a dot is the thinnest line that stays connected at every slope.
    const double half = std::max(0.5, item.width * scale / 2);
    switch (item.kind) {
      case Primitive::Kind::stroke: {
        const double r = prop ? 0.5 : half;
        if (item.points.size() == 1) {
          segment(dots, to_dots(item.points[0]), to_dots(item.points[0]), r, light);
        }
        for (std::size_t i = 1; i < item.points.size(); ++i) {
          segment(dots, to_dots(item.points[i - 1]), to_dots(item.points[i]), r, light);
        }
        break;
      }
      case Primitive::Kind::disc:
      case Primitive::Kind::circle: {
        const Point c = to_dots(item.points[0]);
        const double r = std::max(0.7, item.radius * scale);
        const bool ring = prop || item.kind == Primitive::Kind::circle;
        const double band = ring ? (prop ? 0.5 : half) : 0;
        dots.fill(c.x - r - band, c.y - r - band, c.x + r + band, c.y + r + band, light,
                  [&](double x, double y) {
                    const double dist = std::hypot(x - c.x, y - c.y);
                    return ring ? std::abs(dist - r) <= band : dist <= r;
                  });
        break;
      }
      case Primitive::Kind::polygon: {
        std::vector<Point> pts;
        for (const auto& p : item.points) pts.push_back(to_dots(p));
        if (prop) {
          for (std::size_t i = 0; i < pts.size(); ++i)
            segment(dots, pts[i], pts[(i + 1) % pts.size()], 0.5, light);
          break;
        }
        double x0 = pts[0].x, x1 = pts[0].x, y0 = pts[0].y, y1 = pts[0].y;
        for (const auto& p : pts) {
          x0 = std::min(x0, p.x);
          x1 = std::max(x1, p.x);
          y0 = std::min(y0, p.y);
          y1 = std::max(y1, p.y);
        }
        dots.fill(x0, y0, x1, y1, light, [&](double x, double y) { return in_polygon(pts, x, y); });
        // Its edges too, so a thin shape (an arrow head) never vanishes between dot centres.
        for (std::size_t i = 0; i < pts.size(); ++i)
          segment(dots, pts[i], pts[(i + 1) % pts.size()], 0.5, light);
        break;
      }
    }
  }
  std::vector<std::string> out;
  for (int row = 0; row < lines; ++row) {
    std::string line;
    for (int col = 0; col < cols; ++col) {
      std::uint8_t bits = 0;
      for (int dx = 0; dx < 2; ++dx) {
        for (int dy = 0; dy < 4; ++dy) {
          if (dots.at(col * 2 + dx, row * 4 + dy)) bits |= kBits[dx][dy];
        }
      }
      line += bits ? braille_char(bits) : " ";
    }
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace backplan::figure
