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
      return render_markdown(plan, HandoutOptions{options.date});
    case Format::html:
      return render_html(plan, HandoutOptions{options.date});
    case Format::text:
      return render_text(plan,
                         TextOptions{options.color, options.width, options.from_saved_profile});
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
  }
  return ".txt";
}

}  // namespace backplan
