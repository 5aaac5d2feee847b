#include "render/html_page.h"

#include <fmt/format.h>

namespace backplan {

// The page's look. Nothing is smaller than 11 pt, so the sheet can be read at arm's length.
// No paper size is forced: the margins suit both A4 and US Letter, so the page prints on
// whatever paper the printer holds without scaling. Steps are never split across a page or a
// column; the pain diary stays in one piece.
const char* const kSheetStyle = R"css(
@page { margin: 8mm 9mm 11mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages);
    font: 11pt sans-serif; } }
* { box-sizing: border-box; }
html { font-size: 11pt; }
body {
  margin: 0; color: #000; background: #fff;
  font-family: "Liberation Sans", Arial, Helvetica, "DejaVu Sans Condensed", sans-serif;
  font-size: 11pt; line-height: 1.06;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 8mm; } }
h1, h2, p, ul, table { margin: 0; }
ul { padding: 0; list-style: none; }
header { display: flex; flex-wrap: wrap; align-items: baseline; column-gap: 4mm;
  border-bottom: 1.5pt solid #000; padding-bottom: 1mm; margin-bottom: 2.5mm; }
h1 { font-size: 18pt; line-height: 1.15; flex: 1 1 auto; }
header .date { font-size: 14pt; font-weight: bold; }
header .profile, header .practice, header .clinic { flex-basis: 100%; }
.urgent { border: 2pt solid #000; padding: 1.5mm 2.5mm; margin-bottom: 2.5mm; }
.stop-if { border: 2pt solid #000; padding: 1mm 2.5mm; margin-bottom: 2mm; }
.stop-if p { margin: 0; }
.urgent li + li { margin-top: 1mm; }
.label { font-weight: bold; letter-spacing: 0.04em; }
.flow { columns: 2; column-gap: 5mm; column-rule: 0.5pt solid #888; }
h2 { font-size: 13pt; border-bottom: 0.75pt solid #000; margin: 0 0 1.2mm;
  break-after: avoid; page-break-after: avoid; }
h2 .time { font-weight: normal; }
section + section { margin-top: 2mm; }
.rules li, .left-out li, .changes li, .cues li { padding-left: 3.2mm; text-indent: -3.2mm; }
.rules li::before, .left-out li::before, .changes li::before, .cues li::before {
  content: "\2022\00a0"; }
.rules li + li { margin-top: 0.4mm; }
.step { break-inside: avoid; page-break-inside: avoid; margin-bottom: 0.6mm; }
.step .head { display: flex; align-items: baseline; gap: 1.5mm; font-size: 12pt;
  font-weight: bold; }
.step .head .name { flex: 1 1 auto; }
.step .head .time { font-weight: normal; white-space: nowrap; }
.box { display: inline-block; flex: none; width: 3.8mm; height: 3.8mm;
  border: 1.2pt solid #000; align-self: flex-start; margin-top: 0.6mm; }
.step .dose, .step .cues, .step .note { margin-left: 5.3mm; }
.step .dose, .step .note { font-style: italic; }
.step .cues li { display: inline; padding: 0; text-indent: 0; }
.step .cues li::before { content: none; }
.step .cues li + li::before { content: "\2022\00a0"; }
.step .fig { float: right; margin: 0.3mm 0 0 1.2mm; }
.step .fig svg { display: block; width: auto; height: auto; max-width: 20mm; max-height: 9mm; }
.step::after { content: ""; display: block; clear: both; }
.diary { margin-top: 1mm; break-inside: avoid; page-break-inside: avoid; }
.diary table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.diary th, .diary td { border: 0.75pt solid #000; padding: 0.6mm 1.2mm; text-align: left;
  vertical-align: top; }
.diary thead th { font-weight: normal; }
.diary thead .weekday { font-weight: bold; }
.diary tbody th, .diary thead .corner { width: 21mm; }
.diary tr.pain td { height: 5.5mm; }
.diary tr.notes td { height: 7.5mm; }
.held p { font-size: 12pt; line-height: 1.3; }
.referral { margin-bottom: 3mm; }
.referral li { font-size: 12pt; line-height: 1.3; }
.referral li + li { margin-top: 1.5mm; }
.sign { width: 100%; margin-top: 5mm; border-collapse: collapse; }
.sign th { width: 55mm; text-align: left; font-weight: normal; padding: 3mm 2mm 1mm 0; }
.sign td { border-bottom: 0.75pt solid #000; height: 11mm; }
)css";

std::string page_head(const std::string& title, const std::string& extra_style) {
  return fmt::format(
      "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}{}</style>\n</head>\n<body>\n",
      title, kSheetStyle, extra_style);
}

}  // namespace backplan
