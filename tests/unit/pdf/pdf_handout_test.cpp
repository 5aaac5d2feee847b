#include <doctest/doctest.h>

#include <string>

#include "commands/pdf_output.h"
#include "pdf/pdf_handout.h"
#include "sample_plan.h"

using namespace backplan;

namespace {

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("a PDF handout: the same bytes every time, the handout's date, the paper asked for") {
  PdfFonts fonts;
  const Plan plan = testing::sample_plan();
  HandoutOptions options;
  options.date = "2026-11-21";
  options.clinic.clinic = "Riverside (Physio) \\ & Co";
  const std::string a4 = render_pdf(fonts, plan, options, Paper::a4);
  CHECK(a4.rfind("%PDF-1.", 0) == 0);
  CHECK(a4.find("%%EOF") != std::string::npos);
  CHECK(render_pdf(fonts, plan, options, Paper::a4) == a4);
  CHECK(a4.find("/CreationDate (20261121000000Z)") != std::string::npos);
  CHECK(a4.find("/MediaBox [ 0 0 595.276 841.89 ]") != std::string::npos);
  const std::string letter = render_pdf(fonts, plan, options, Paper::letter);
  CHECK(letter.find("/MediaBox [ 0 0 612 792 ]") != std::string::npos);
  CHECK(count(a4, "/Type /Page\n") + count(a4, "/Type /Page ") >= 1);
  CHECK(a4.find("/JavaScript") == std::string::npos);
  CHECK(a4.find("/URI") == std::string::npos);
}

TEST_CASE("a combined PDF starts each handout on an odd page") {
  PdfFonts fonts;
  std::string out;
  PdfDocument doc(
      fonts, [&out](const char* d, std::size_t n) { out.append(d, n); }, Paper::a4,
      PdfMeta{"Handouts", std::nullopt, std::nullopt});
  const Plan plan = testing::sample_plan();
  doc.pad_to_odd_page();
  CHECK(doc.pages() == 0);
  doc.add_plan(plan, HandoutOptions{});
  CHECK(doc.pages() == 1);
  doc.pad_to_odd_page();
  CHECK(doc.pages() == 2);
  doc.add_referral(Referral{std::string("Ann"), {{"Fever", "See a doctor today."}}, {"Chest pain"}},
                   HandoutOptions{});
  CHECK(doc.pages() == 3);
  doc.finish();
  CHECK(out.find("/Count 3") != std::string::npos);
  // Without a date, a fixed creation date: nothing from the clock.
  CHECK(out.find("/CreationDate (20000101000000Z)") != std::string::npos);
}

TEST_CASE("the paper a locale prints on") {
  CHECK(paper_for_locale(std::nullopt) == Paper::a4);
  CHECK(paper_for_locale(std::string("C")) == Paper::a4);
  CHECK(paper_for_locale(std::string("en_US.UTF-8")) == Paper::letter);
  CHECK(paper_for_locale(std::string("es_MX")) == Paper::letter);
  CHECK(paper_for_locale(std::string("fr_CA.UTF-8@euro")) == Paper::letter);
  CHECK(paper_for_locale(std::string("en_GB.UTF-8")) == Paper::a4);
  CHECK(paper_for_locale(std::string("de_DE")) == Paper::a4);
  CHECK(resolve_paper(std::string("letter")) == Paper::letter);
  try {
    resolve_paper(std::string("legal"));
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.message() == "--paper: unknown paper 'legal'; valid: a4, letter");
  }
}
