#pragma once
// Handouts as PDF, drawn with cairo and laid out with pango: the same view (render/view.h) and
// the same layout rules as the HTML print (a header, the safety box, two columns, a step never
// split across a column or a page, nothing under 11 pt). No file I/O here: a document's bytes
// go to a sink the caller gives (a string, or an AtomicFile).

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/names.h"
#include "model/plan.h"
#include "render/handout.h"

namespace backplan {

enum class Paper { a4, letter };
inline constexpr auto kPaperNames =
    make_names<Paper>({{Paper::a4, "a4"}, {Paper::letter, "letter"}});

// The fonts and the pango context, made once and shared by every document of a run (a batch
// lays out thousands of handouts with one font map).
class PdfFonts {
 public:
  PdfFonts();
  ~PdfFonts();
  PdfFonts(const PdfFonts&) = delete;
  PdfFonts& operator=(const PdfFonts&) = delete;
  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// What the PDF's document information says: fixed by the caller, never read from the clock.
struct PdfMeta {
  std::string title;
  std::optional<std::string> author;  // the clinic
  std::optional<std::string> date;    // YYYY-MM-DD: the creation date
};

using PdfSink = std::function<void(const char* data, std::size_t size)>;

// One PDF file being written: one handout, or a whole roster's (batch --combine).
class PdfDocument {
 public:
  PdfDocument(PdfFonts& fonts, PdfSink sink, Paper paper, const PdfMeta& meta);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  // A client's handout, from a new page.
  void add_plan(const Plan& plan, const HandoutOptions& options);
  // A red-flag client's referral sheet, from a new page.
  void add_referral(const Referral& referral, const HandoutOptions& options);
  // The batch index: its head (the totals) and one entry per roster row, as the text index
  // words them (render/batch_index.h, Format::text), from a new page.
  void add_index(const std::string& head, const std::vector<std::string>& entries);
  // A blank page when the pages so far are odd, so the next handout starts on a new sheet.
  void pad_to_odd_page();
  int pages() const { return pages_; }
  // Writes the end of the file to the sink; throws Error (bad_data) when cairo failed.
  void finish();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
  int pages_ = 0;
};

// One plan's handout as a whole PDF file.
std::string render_pdf(PdfFonts& fonts, const Plan& plan, const HandoutOptions& options,
                       Paper paper);
std::string render_referral_pdf(PdfFonts& fonts, const Referral& referral,
                                const HandoutOptions& options, Paper paper);

}  // namespace backplan
