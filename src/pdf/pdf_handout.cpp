#include "pdf/pdf_handout.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <exception>
#include <unordered_map>
#include <utility>

#include "model/diagnostics.h"
#include "render/view.h"
#include "text/escape.h"

namespace backplan {

namespace {

constexpr double kMm = 72.0 / 25.4;
// The HTML print's page margins (html_page.cpp's @page): they suit A4 and Letter alike.
constexpr double kTop = 8 * kMm;
constexpr double kSide = 9 * kMm;
constexpr double kBottom = 11 * kMm;
constexpr double kColumnGap = 5 * kMm;
// DejaVu Sans Condensed is about as wide as the HTML's Liberation Sans; DejaVu Sans covers the
// scripts the condensed face lacks, and fontconfig falls back beyond both.
constexpr const char* kFamily = "DejaVu Sans Condensed,DejaVu Sans,sans-serif";
constexpr double kBody = 11;  // nothing is smaller

struct PageSize {
  double width;
  double height;
};
PageSize page_size(Paper paper) {
  return paper == Paper::letter ? PageSize{612, 792} : PageSize{595.276, 841.890};
}

// Pango markup of a piece of text someone supplied: literal, valid UTF-8, no control
// characters (the markup parser refuses them).
std::string markup(const std::string& text) {
  std::string valid = text;
  if (!g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) {
    gchar* made = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
    valid = made;
    g_free(made);
  }
  for (char& c : valid) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return html_escape(valid);  // pango markup escapes as HTML text does
}

using Layout = std::shared_ptr<PangoLayout>;

// One thing drawn, relative to its block's top left corner.
struct Op {
  enum Kind { text, box, line } kind = text;
  Layout layout;
  double x = 0, y = 0, w = 0, h = 0;
  double stroke = 0;
};

// A piece of the page that is never split: a step, a heading, a list item, the diary.
struct Block {
  double height = 0;
  double width = 0;
  bool keep_with_next = false;  // a heading stays with what follows it
  std::vector<Op> ops;
};

enum class Style { regular, bold, italic };

}  // namespace

struct PdfFonts::Impl {
  PangoFontMap* map = nullptr;
  PangoContext* context = nullptr;
  std::vector<PangoFontDescription*> fonts;  // by size and style, made once
  float spacing = 0.9f;                      // the lines' distance, in the font's line heights

  Impl() {
    map = pango_cairo_font_map_new();
    context = pango_font_map_create_context(map);
    // User space is in points, and nothing is hinted: the same layout on every page size.
    pango_cairo_context_set_resolution(context, 72);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_context_set_language(context, pango_language_from_string("en"));
  }
  ~Impl() {
    cache.clear();
    for (PangoFontDescription* f : fonts) pango_font_description_free(f);
    g_object_unref(context);
    g_object_unref(map);
  }

  PangoFontDescription* font(double size, Style style) {
    for (PangoFontDescription* f : fonts) {
      const bool bold = pango_font_description_get_weight(f) == PANGO_WEIGHT_BOLD;
      const bool italic = pango_font_description_get_style(f) == PANGO_STYLE_ITALIC;
      if (pango_font_description_get_size(f) == static_cast<int>(size * PANGO_SCALE) &&
          bold == (style == Style::bold) && italic == (style == Style::italic)) {
        return f;
      }
    }
    PangoFontDescription* f = pango_font_description_from_string(kFamily);
    pango_font_description_set_size(f, static_cast<int>(size * PANGO_SCALE));
    if (style == Style::bold) pango_font_description_set_weight(f, PANGO_WEIGHT_BOLD);
    if (style == Style::italic) pango_font_description_set_style(f, PANGO_STYLE_ITALIC);
    fonts.push_back(f);
    return f;
  }

  // Paragraphs already laid out, by their text and settings: most of a handout (the safety
  // box, the rules, the steps' cues) is the same for every client of a batch, and a layout is
  // only read once made. Emptied when full, so memory stays flat in the roster's size.
  std::unordered_map<std::string, Layout> cache;
  static constexpr std::size_t kCacheSize = 4096;

  // A paragraph of pango markup, wrapped to `width` points.
  Layout layout(const std::string& text, double size, Style style, double width,
                PangoAlignment align = PANGO_ALIGN_LEFT, double hanging = 0) {
    std::string key = fmt::format("{}|{}|{}|{}|{}|{}|", size, static_cast<int>(style), width,
                                  static_cast<int>(align), hanging, spacing);
    key += text;
    if (const auto found = cache.find(key); found != cache.end()) return found->second;
    if (cache.size() >= kCacheSize) cache.clear();
    Layout l = make_layout(text, size, style, width, align, hanging);
    cache.emplace(std::move(key), l);
    return l;
  }

  Layout make_layout(const std::string& text, double size, Style style, double width,
                     PangoAlignment align, double hanging) {
    Layout l(pango_layout_new(context), g_object_unref);
    pango_layout_set_font_description(l.get(), font(size, style));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_alignment(l.get(), align);
    pango_layout_set_auto_dir(l.get(), TRUE);
    // Lines about 1.05 em apart, as the HTML's line-height (DejaVu's own is 1.16 em).
    pango_layout_set_line_spacing(l.get(), spacing);
    if (hanging > 0) pango_layout_set_indent(l.get(), static_cast<int>(-hanging * PANGO_SCALE));
    PangoAttrList* attrs = nullptr;
    char* plain_text = nullptr;
    if (pango_parse_markup(text.c_str(), -1, 0, &attrs, &plain_text, nullptr, nullptr)) {
      pango_layout_set_text(l.get(), plain_text, -1);
      pango_layout_set_attributes(l.get(), attrs);
      pango_attr_list_unref(attrs);
      g_free(plain_text);
    } else {
      pango_layout_set_text(l.get(), text.c_str(), -1);  // never: every piece is escaped
    }
    return l;
  }
};

PdfFonts::PdfFonts() : impl_(std::make_unique<Impl>()) {}
PdfFonts::~PdfFonts() = default;

namespace {

double layout_height(const Layout& l) {
  int w = 0, h = 0;
  pango_layout_get_size(l.get(), &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

double layout_width(const Layout& l) {
  int w = 0, h = 0;
  pango_layout_get_size(l.get(), &w, &h);
  return static_cast<double>(w) / PANGO_SCALE;
}

// Builds blocks of a given width.
class Builder {
 public:
  Builder(PdfFonts::Impl& fonts, double width) : fonts_(fonts), width_(width) {}

  // A paragraph at (x, y) in `block`, `width` wide; returns its height.
  double text(Block& b, const std::string& m, double x, double y, double width, double size,
              Style style, PangoAlignment align = PANGO_ALIGN_LEFT, double hanging = 0) {
    Layout l = fonts_.layout(m, size, style, std::max(width, 1.0), align, hanging);
    const double h = layout_height(l);
    b.ops.push_back({Op::text, l, x, y, width, h, 0});
    return h;
  }

  Block paragraph(const std::string& m, double size = kBody, Style style = Style::regular,
                  double after = 0) {
    Block b;
    b.width = width_;
    b.height = text(b, m, 0, 0, width_, size, style) + after;
    return b;
  }

  // "• text", the bullet hanging.
  Block item(const std::string& m, double after = 0.4 * kMm) {
    Block b;
    b.width = width_;
    b.height = text(b, "\u2022\u00a0" + m, 0, 0, width_, kBody, Style::regular, PANGO_ALIGN_LEFT,
                    3.2 * kMm) +
               after;
    return b;
  }

  // h2: 13 pt bold, a rule under it; kept with what follows.
  Block heading(const std::string& m, bool first) {
    Block b;
    b.width = width_;
    const double top = first ? 0 : 2 * kMm;
    const double h = text(b, m, 0, top, width_, 13, Style::bold);
    b.ops.push_back({Op::line, nullptr, 0, top + h + 0.3, width_, 0, 0.75});
    b.height = top + h + 0.3 + 1.2 * kMm;
    b.keep_with_next = true;
    return b;
  }

  // Blocks in a frame (the safety box, the urgent notices): one block.
  Block framed(const std::vector<std::string>& paragraphs, double pad_y, double between) {
    Block b;
    b.width = width_;
    const double pad_x = 2.5 * kMm;
    double y = pad_y + 1;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
      if (i > 0) y += between;
      y += text(b, paragraphs[i], pad_x + 1, y, width_ - 2 * pad_x - 2, kBody, Style::regular);
    }
    y += pad_y + 1;
    b.ops.push_back({Op::box, nullptr, 1, 1, width_ - 2, y - 2, 2});
    b.height = y + 2.5 * kMm;
    return b;
  }

  double width() const { return width_; }
  PdfFonts::Impl& fonts() { return fonts_; }

 private:
  PdfFonts::Impl& fonts_;
  double width_;
};

// The stop-if paragraph, as the HTML: "Stop and get help at once if you have: a · b · c."
std::string stop_if_markup(const std::vector<std::string>& stop_if) {
  std::string signs;
  for (const auto& s : stop_if) signs += (signs.empty() ? "" : " · ") + markup(s);
  return fmt::format("<b>{}:</b> {}.", kStopIfTitle, signs);
}

// The header: the title and the date on one line, then the person's line, the clinic's.
Block header(Builder& b, const std::string& title, const std::optional<std::string>& date,
             const std::vector<std::string>& lines) {
  Block block;
  block.width = b.width();
  double date_w = 0;
  Layout date_layout;
  if (date) {
    date_layout = b.fonts().layout(markup(*date), 14, Style::bold, b.width());
    date_w = layout_width(date_layout) + 1;
  }
  const double title_w = date ? b.width() - date_w - 4 * kMm : b.width();
  double y = b.text(block, title, 0, 0, title_w, 18, Style::bold);
  if (date_layout) {
    // On the title's first baseline, at the right.
    const double base =
        static_cast<double>(pango_layout_get_baseline(block.ops.front().layout.get())) /
            PANGO_SCALE -
        static_cast<double>(pango_layout_get_baseline(date_layout.get())) / PANGO_SCALE;
    block.ops.push_back(
        {Op::text, date_layout, b.width() - date_w, base, date_w, layout_height(date_layout), 0});
  }
  for (const auto& l : lines) y += b.text(block, l, 0, y, b.width(), kBody, Style::regular);
  y += 1 * kMm;
  block.ops.push_back({Op::line, nullptr, 0, y, b.width(), 0, 1.5});
  block.height = y + 2.5 * kMm;
  return block;
}

// The clinician's room on a held or referral sheet: a label and a line to write on, each row.
Block sign_table(Builder& b, const std::vector<std::string>& rows) {
  Block block;
  block.width = b.width();
  double y = 5 * kMm;
  for (const auto& r : rows) {
    const double row_h = 11 * kMm;
    b.text(block, markup(r), 0, y + 3 * kMm, 55 * kMm - 2 * kMm, kBody, Style::regular);
    block.ops.push_back({Op::line, nullptr, 55 * kMm, y + row_h, b.width() - 55 * kMm, 0, 0.75});
    y += row_h;
  }
  block.height = y + 2 * kMm;
  return block;
}

// The pain diary: a heading with the dates, a week of cells for the 0-10 rating and notes.
Block diary(Builder& b, const std::optional<std::string>& date) {
  const auto days = diary_days(date);
  std::string title = "Pain diary";
  if (date) {
    title += fmt::format(" <span weight=\"normal\">· {} {} to {} {}</span>",
                         markup(days.front().weekday), markup(days.front().date),
                         markup(days.back().weekday), markup(days.back().date));
  }
  Block block = b.heading(title, false);
  block.keep_with_next = false;
  double y = block.height;
  const double label_w = 16 * kMm;
  const double cell_w = (b.width() - label_w) / 7;
  const double pad_x = 0.8 * kMm, pad_y = 0.6 * kMm;
  auto row = [&](const std::string& label, const std::vector<std::string>& cells, double min_h,
                 Style style) {
    double h = min_h;
    h = std::max(
        h, b.text(block, label, pad_x, y + pad_y, label_w - 2 * pad_x, kBody, Style::regular) +
               2 * pad_y);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      h = std::max(h, b.text(block, cells[i], label_w + i * cell_w + pad_x, y + pad_y,
                             cell_w - 2 * pad_x, kBody, style) +
                          2 * pad_y);
    }
    block.ops.push_back({Op::box, nullptr, 0, y, label_w, h, 0.75});
    for (std::size_t i = 0; i < 7; ++i) {
      block.ops.push_back({Op::box, nullptr, label_w + i * cell_w, y, cell_w, h, 0.75});
    }
    y += h;
  };
  std::vector<std::string> weekdays;
  for (const auto& d : days) weekdays.push_back(markup(d.weekday));
  row("", weekdays, 0, Style::bold);
  // The HTML's cell heights, padding included (box-sizing: border-box).
  row("Pain /10", {}, 5.5 * kMm, Style::regular);
  row("Notes", {}, 7.5 * kMm, Style::regular);
  block.height = y + 1 * kMm;
  return block;
}

// A step: the tick box, "3. Name", the time at the right; the dose, the cues, the notes.
Block step_block(Builder& b, const StepView& s, bool brief) {
  Block block;
  block.width = b.width();
  const double box = 3.8 * kMm;
  const double indent = box + 1.5 * kMm;
  Layout time = b.fonts().layout(markup(s.time), 12, Style::regular, b.width());
  const double time_w = layout_width(time) + 1;
  const double name_h = b.text(block, fmt::format("{}. {}", s.number, markup(s.name)), indent, 0,
                               b.width() - indent - time_w - 1.5 * kMm, 12, Style::bold);
  block.ops.push_back({Op::text, time, b.width() - time_w, 0, time_w, layout_height(time), 0});
  block.ops.push_back({Op::box, nullptr, 0.6, 0.6 * kMm + 0.6, box - 1.2, box - 1.2, 1.2});
  double y = std::max(name_h, box + 0.6 * kMm);
  const double w = b.width() - indent;
  y += b.text(block, dose_line(s, markup), indent, y, w, kBody, Style::italic);
  const std::vector<std::string> cues = printed_cues(s, brief);
  if (!cues.empty()) {
    std::string joined;
    for (const auto& c : cues) joined += (joined.empty() ? "" : " \u2022\u00a0") + markup(c);
    y += b.text(block, joined, indent, y, w, kBody, Style::regular);
  }
  if (!brief && s.replaces) {
    y += b.text(block, instead_line(s, markup, "<b>", "</b>"), indent, y, w, kBody, Style::italic);
  }
  if (!brief && !s.changes.empty()) {
    y += b.text(block, changed_line(s, markup, "<b>", "</b>"), indent, y, w, kBody, Style::italic);
  }
  block.height = y + 1 * kMm;
  return block;
}

// Where a block goes.
struct Placed {
  const Block* block;
  int page;
  double x, y;
};

// Lays blocks out: `full` across the page first, then `flow` in two columns, page after page.
// A block never splits; one taller than a column is clipped at the page's bottom margin.
class Flow {
 public:
  explicit Flow(PageSize size) : size_(size) {}

  double content_width() const { return size_.width - 2 * kSide; }
  double column_width() const { return (content_width() - kColumnGap) / 2; }
  double bottom() const { return size_.height - kBottom; }

  void full(const std::vector<Block>& blocks) {
    for (const Block& b : blocks) {
      if (y_ + b.height > bottom() && y_ > kTop) new_page();
      placed_.push_back({&b, page_, kSide, y_});
      y_ += b.height;
    }
    column_top_.resize(page_ + 1, kTop);
    column_top_[page_] = y_;
  }

  void columns(const std::vector<Block>& blocks) {
    column_top_.resize(page_ + 1, kTop);
    column_top_[page_] = y_;
    column_bottom_.resize(page_ + 1, y_);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      double need = blocks[i].height;
      for (std::size_t j = i; blocks[j].keep_with_next && j + 1 < blocks.size(); ++j) {
        need += blocks[j + 1].height;
      }
      if (y_ + need > bottom() && y_ > column_top_[page_]) {
        if (column_ == 0) {
          column_ = 1;
          y_ = column_top_[page_];
        } else {
          new_page();
          column_top_.resize(page_ + 1, kTop);
          column_bottom_.resize(page_ + 1, kTop);
        }
      }
      const double x = kSide + column_ * (column_width() + kColumnGap);
      placed_.push_back({&blocks[i], page_, x, y_});
      y_ += blocks[i].height;
      column_bottom_[page_] = std::max(column_bottom_[page_], std::min(y_, bottom()));
      if (column_ == 1) two_columns_.resize(page_ + 1, false), two_columns_[page_] = true;
    }
  }

  int pages() const { return page_ + 1; }
  const std::vector<Placed>& placed() const { return placed_; }
  // The rule between the columns of a page: from, to (none when the page has one column).
  std::optional<std::pair<double, double>> rule(int page) const {
    if (page >= static_cast<int>(two_columns_.size()) || !two_columns_[page]) return std::nullopt;
    return std::make_pair(column_top_[page], column_bottom_[page]);
  }

 private:
  void new_page() {
    ++page_;
    column_ = 0;
    y_ = kTop;
  }

  PageSize size_;
  int page_ = 0;
  int column_ = 0;
  double y_ = kTop;
  std::vector<Placed> placed_;
  std::vector<double> column_top_;
  std::vector<double> column_bottom_;
  std::vector<bool> two_columns_;
};

void draw_block(cairo_t* cr, const Placed& p, double bottom) {
  cairo_save(cr);
  // Nothing outside its own box, nor below the bottom margin.
  cairo_rectangle(cr, p.x - 2, p.y - 2, p.block->width + 4,
                  std::max(0.0, std::min(p.block->height + 4, bottom - p.y + 2)));
  cairo_clip(cr);
  for (const Op& op : p.block->ops) {
    switch (op.kind) {
      case Op::text:
        cairo_move_to(cr, p.x + op.x, p.y + op.y);
        pango_cairo_show_layout(cr, op.layout.get());
        break;
      case Op::box:
        cairo_set_line_width(cr, op.stroke);
        cairo_rectangle(cr, p.x + op.x, p.y + op.y, op.w, op.h);
        cairo_stroke(cr);
        break;
      case Op::line:
        cairo_set_line_width(cr, op.stroke);
        cairo_move_to(cr, p.x + op.x, p.y + op.y);
        cairo_line_to(cr, p.x + op.x + op.w, p.y + op.y);
        cairo_stroke(cr);
        break;
    }
  }
  cairo_restore(cr);
}

cairo_status_t write_to_sink(void* closure, const unsigned char* data, unsigned int length);

}  // namespace

struct PdfDocument::Impl {
  PdfFonts::Impl& fonts;
  PdfSink sink;
  std::exception_ptr failure;
  PageSize size;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;

  Impl(PdfFonts::Impl& f, PdfSink s, Paper paper)
      : fonts(f), sink(std::move(s)), size(page_size(paper)) {}

  Flow lay_out_plan(const HandoutView& view, const HandoutOptions& options, float spacing,
                    std::vector<Block>& top, std::vector<Block>& flow_blocks);

  // Draws what `flow` placed, page by page, with "Page N of M" at the foot of each.
  int draw(const Flow& flow) {
    const int pages = flow.pages();
    std::size_t next = 0;
    for (int page = 0; page < pages; ++page) {
      cairo_set_source_rgb(cr, 0, 0, 0);
      for (; next < flow.placed().size() && flow.placed()[next].page == page; ++next) {
        draw_block(cr, flow.placed()[next], flow.bottom());
      }
      if (const auto rule = flow.rule(page)) {
        const double x = kSide + flow.column_width() + kColumnGap / 2;
        cairo_set_source_rgb(cr, 0.53, 0.53, 0.53);
        cairo_set_line_width(cr, 0.5);
        cairo_move_to(cr, x, rule->first);
        cairo_line_to(cr, x, rule->second);
        cairo_stroke(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
      }
      Layout foot = fonts.layout(fmt::format("Page {} of {}", page + 1, pages), kBody,
                                 Style::regular, flow.content_width(), PANGO_ALIGN_RIGHT);
      cairo_move_to(cr, kSide, size.height - kBottom + 2 * kMm);
      pango_cairo_show_layout(cr, foot.get());
      cairo_show_page(cr);
    }
    return pages;
  }
};

namespace {

cairo_status_t write_to_sink(void* closure, const unsigned char* data, unsigned int length) {
  auto* impl = static_cast<PdfDocument::Impl*>(closure);
  if (impl->failure) return CAIRO_STATUS_WRITE_ERROR;
  try {
    impl->sink(reinterpret_cast<const char*>(data), length);
  } catch (...) {
    impl->failure = std::current_exception();
    return CAIRO_STATUS_WRITE_ERROR;
  }
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

PdfDocument::PdfDocument(PdfFonts& fonts, PdfSink sink, Paper paper, const PdfMeta& meta)
    : impl_(std::make_unique<Impl>(fonts.impl(), std::move(sink), paper)) {
  impl_->surface = cairo_pdf_surface_create_for_stream(write_to_sink, impl_.get(),
                                                       impl_->size.width, impl_->size.height);
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_TITLE, meta.title.c_str());
  if (meta.author) {
    cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_AUTHOR, meta.author->c_str());
  }
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_CREATOR, "backplan");
  // The creation date is the handout's date, never the clock's (so the bytes are the same on
  // every run); without a date, a fixed one.
  const std::string date = (meta.date ? *meta.date : std::string("2000-01-01")) + "T00:00:00Z";
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
  impl_->cr = cairo_create(impl_->surface);
}

PdfDocument::~PdfDocument() {
  if (impl_->cr) cairo_destroy(impl_->cr);
  if (impl_->surface) {
    cairo_surface_finish(impl_->surface);
    cairo_surface_destroy(impl_->surface);
  }
}

void PdfDocument::add_plan(const Plan& plan, const HandoutOptions& options) {
  const HandoutView view = make_view(plan);
  // Laid out with the usual line spacing; when that takes a page more, once more with the lines
  // a little closer (the type stays 11 pt), as a page's worth of the HTML fits its page.
  std::vector<Block> top;
  std::vector<Block> flow_blocks;
  Flow flow = impl_->lay_out_plan(view, options, 0.9f, top, flow_blocks);
  if (flow.pages() > 1) {
    std::vector<Block> top2;
    std::vector<Block> flow_blocks2;
    Flow tight = impl_->lay_out_plan(view, options, 0.84f, top2, flow_blocks2);
    if (tight.pages() < flow.pages()) {
      pages_ += impl_->draw(tight);
      return;
    }
  }
  pages_ += impl_->draw(flow);
}

Flow PdfDocument::Impl::lay_out_plan(const HandoutView& view, const HandoutOptions& options,
                                     float spacing, std::vector<Block>& top,
                                     std::vector<Block>& flow_blocks) {
  fonts.spacing = spacing;
  Flow flow(size);
  Builder full(fonts, flow.content_width());
  Builder col(fonts, flow.column_width());
  const Escape m = markup;

  std::vector<std::string> lines;
  lines.push_back(view.about.empty() ? m(view.summary) : m(view.summary) + " · " + m(view.about));
  if (!view.practice.empty()) lines.push_back(m(view.practice));
  for (const auto& l : clinic_lines(options.clinic, m)) lines.push_back(l);
  top.push_back(header(full, title_line(view, m), options.date, lines));
  if (!view.stop_if.empty()) top.push_back(full.framed({stop_if_markup(view.stop_if)}, 1 * kMm, 0));

  std::vector<const NoticeView*> rules;
  std::vector<std::string> urgent;
  for (const auto& n : view.notices) {
    if (n.level == NoticeLevel::info) {
      rules.push_back(&n);
    } else {
      urgent.push_back(fmt::format("<b>{}</b> {}", m(n.label), m(n.handout)));
    }
  }
  if (!urgent.empty()) top.push_back(full.framed(urgent, 1.5 * kMm, 1 * kMm));

  if (!view.held.empty()) {
    top.push_back(full.heading(m(kHeldTitle), true));
    top.push_back(full.paragraph(m(view.held), 12));
    top.push_back(sign_table(full, {"Cleared by (name, role)", "Date", "Anything to leave out"}));
  } else {
    bool first = true;
    if (!rules.empty()) {
      flow_blocks.push_back(col.heading("Before you start", first));
      first = false;
      for (const NoticeView* n : rules) flow_blocks.push_back(col.item(m(n->handout)));
    }
    for (const auto& phase : view.phases) {
      flow_blocks.push_back(col.heading(
          fmt::format("{} <span weight=\"normal\">· {}</span>", m(phase.title), m(phase.time)),
          first));
      first = false;
      for (const auto& s : phase.steps) flow_blocks.push_back(step_block(col, s, options.brief));
    }
    std::vector<const ChangeView*> changes;
    for (const auto& c : view.changes) {
      if (c.kind != CauseKind::time || !c.only_omits) changes.push_back(&c);
    }
    if (!options.brief && !changes.empty()) {
      flow_blocks.push_back(col.heading(m(kChangesTitle), first));
      for (const ChangeView* c : changes) {
        flow_blocks.push_back(col.item(change_line(*c, m, "<b>", "</b>")));
      }
    }
    if (!options.brief && !view.omitted.empty()) {
      flow_blocks.push_back(col.heading("Left out", false));
      for (const auto& o : view.omitted) {
        flow_blocks.push_back(
            col.item(o.kind == CauseKind::time ? left_out_count_line(o, m) : left_out_line(o, m)));
      }
    }
    if (!options.brief && !view.help.empty()) {
      flow_blocks.push_back(col.heading(m(kHelpTitle), false));
      flow_blocks.push_back(col.paragraph(m(view.help)));
    }
    flow_blocks.push_back(diary(col, options.date));
  }
  flow.full(top);
  if (!flow_blocks.empty()) flow.columns(flow_blocks);
  fonts.spacing = 0.9f;
  return flow;
}

void PdfDocument::add_referral(const Referral& r, const HandoutOptions& options) {
  Flow flow(impl_->size);
  Builder full(impl_->fonts, flow.content_width());
  const Escape m = markup;
  std::vector<Block> top;
  std::vector<std::string> lines{
      "No exercises for now: what you told us needs a clinician's check first."};
  for (const auto& l : clinic_lines(options.clinic, m)) lines.push_back(l);
  const std::string title = m(kReferralTitle) + (r.person ? ": " + m(*r.person) : std::string());
  top.push_back(header(full, title, options.date, lines));
  std::vector<std::string> reported{"<span size=\"13pt\" weight=\"bold\">What you reported</span>"};
  for (const auto& f : r.reported) reported.push_back("\u2022\u00a0" + m(f.name));
  top.push_back(full.framed(reported, 1.5 * kMm, 1.5 * kMm));
  top.push_back(full.heading("What to do", true));
  for (const auto& f : r.reported) {
    top.push_back(full.item(fmt::format("<b>{}:</b> {}", m(f.name), m(f.what_to_do)), 1.5 * kMm));
  }
  top.back().height += 3 * kMm;
  if (!r.stop_if.empty()) top.push_back(full.framed({stop_if_markup(r.stop_if)}, 1 * kMm, 0));
  top.push_back(full.heading("For the clinician", true));
  top.push_back(
      sign_table(full, {"Seen by (name, role)", "Date", "Back-care routine: yes, no, or later"}));
  flow.full(top);
  pages_ += impl_->draw(flow);
}

void PdfDocument::add_index(const std::string& head, const std::vector<std::string>& entries) {
  Flow flow(impl_->size);
  Builder full(impl_->fonts, flow.content_width());
  std::vector<Block> blocks;
  blocks.push_back(full.paragraph(markup(head), kBody, Style::regular, 2 * kMm));
  for (const auto& e : entries)
    blocks.push_back(full.paragraph(markup(e), kBody, Style::regular, 1 * kMm));
  flow.full(blocks);
  pages_ += impl_->draw(flow);
}

void PdfDocument::pad_to_odd_page() {
  if (pages_ % 2 == 0) return;
  cairo_show_page(impl_->cr);  // an empty page
  ++pages_;
}

void PdfDocument::finish() {
  cairo_destroy(impl_->cr);
  impl_->cr = nullptr;
  cairo_surface_finish(impl_->surface);
  const cairo_status_t status = cairo_surface_status(impl_->surface);
  cairo_surface_destroy(impl_->surface);
  impl_->surface = nullptr;
  if (impl_->failure) std::rethrow_exception(impl_->failure);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw Error(ExitCode::internal,
                fmt::format("could not make the PDF: {}", cairo_status_to_string(status)));
  }
}

namespace {

PdfMeta meta_for(const std::string& title, const HandoutOptions& options) {
  return PdfMeta{title, options.clinic.clinic, options.date};
}

}  // namespace

std::string render_pdf(PdfFonts& fonts, const Plan& plan, const HandoutOptions& options,
                       Paper paper) {
  std::string out;
  const HandoutView view = make_view(plan);
  PdfDocument doc(
      fonts, [&out](const char* d, std::size_t n) { out.append(d, n); }, paper,
      meta_for(title_line(view, plain), options));
  doc.add_plan(plan, options);
  doc.finish();
  return out;
}

std::string render_referral_pdf(PdfFonts& fonts, const Referral& referral,
                                const HandoutOptions& options, Paper paper) {
  std::string out;
  const std::string title =
      std::string(kReferralTitle) + (referral.person ? ": " + *referral.person : std::string());
  PdfDocument doc(
      fonts, [&out](const char* d, std::size_t n) { out.append(d, n); }, paper,
      meta_for(title, options));
  doc.add_referral(referral, options);
  doc.finish();
  return out;
}

}  // namespace backplan
