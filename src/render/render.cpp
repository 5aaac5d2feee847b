#include "render/render.h"

#include "render/render_html.h"
#include "render/render_json.h"
#include "render/render_markdown.h"
#include "render/render_text.h"

namespace backplan {

std::string render(const Plan& plan, Format format, const RenderOptions& options) {
  switch (format) {
    case Format::json:
      return render_json(plan);
    case Format::markdown:
      return render_markdown(plan, HandoutOptions{options.date, options.brief, options.clinic});
    case Format::html:
      return render_html(
          plan, HandoutOptions{options.date, options.brief, options.clinic, options.figures});
    case Format::text:
      return render_text(plan, TextOptions{options.color, options.width, options.brief,
                                           options.from_saved_profile});
    case Format::pdf:
      return {};  // binary: pdf/pdf_handout.h draws it
  }
  return {};
}

const char* file_extension(Format format) {
  switch (format) {
    case Format::html:
      return ".html";
    case Format::markdown:
      return ".md";
    case Format::text:
      return ".txt";
    case Format::json:
      return ".json";
    case Format::pdf:
      return ".pdf";
  }
  return ".txt";
}

std::optional<Format> format_for_file(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  const std::size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return std::nullopt;
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (ext == "json") return Format::json;
  if (ext == "md" || ext == "markdown") return Format::markdown;
  if (ext == "html" || ext == "htm") return Format::html;
  if (ext == "txt") return Format::text;
  if (ext == "pdf") return Format::pdf;
  return std::nullopt;
}

}  // namespace backplan
