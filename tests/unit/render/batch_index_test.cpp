// The batch index's pieces: head, entries and foot make one document in each format.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "render/batch_index.h"

using namespace backplan;

namespace {

IndexEntry handout_entry() {
  IndexEntry e;
  e.line = 2;
  e.name = "Sam";
  e.file = "sam.json";
  e.notices = {{NoticeLevel::clearance, "Osteoporosis: ask first."}};
  return e;
}

IndexEntry referred_entry() {
  IndexEntry e;
  e.line = 3;
  e.name = "Ann \"<x>\"";
  e.status = IndexStatus::referred;
  e.notices = {{NoticeLevel::stop, "Fever"}};
  return e;
}

}  // namespace

TEST_CASE("the totals in words") {
  CHECK(summary_text({1, 0, 0, 1}) ==
        "1 handout, 0 on hold until cleared, 0 referred to a clinician, 1 row skipped");
  CHECK(summary_text({3, 1, 2, 4}) ==
        "3 handouts, 1 on hold until cleared, 2 referred to a clinician, 4 rows skipped");
  CHECK(handouts_in_words(1) == "1 handout");
}

TEST_CASE("a JSON index from head, two entries and foot") {
  const IndexTotals totals{1, 1, 1, 0};
  const std::string text = index_head(Format::json, {"roster.csv", "2024-05-06"}, totals) +
                           index_entry(Format::json, handout_entry(), true) +
                           index_entry(Format::json, referred_entry(), false) +
                           index_foot(Format::json, true);
  const auto doc = nlohmann::json::parse(text);
  CHECK(doc["format"] == "backplan-batch-1");
  CHECK(doc["roster"] == "roster.csv");
  CHECK(doc["date"] == "2024-05-06");
  CHECK(doc["handouts"] == 1);
  CHECK(doc["held"] == 1);
  CHECK(doc["referred"] == 1);
  CHECK(doc["skipped"] == 0);
  REQUIRE(doc["clients"].size() == 2);
  CHECK(doc["clients"][0]["file"] == "sam.json");
  CHECK(doc["clients"][0]["status"] == "handout");
  CHECK(doc["clients"][0]["notices"][0]["level"] == "clearance");
  CHECK(doc["clients"][1]["name"] == "Ann \"<x>\"");
  CHECK(doc["clients"][1]["status"] == "referred");
  CHECK(doc["clients"][1]["file"].is_null());
  // The layout: nlohmann's two-space indentation, one line per client.
  CHECK(text.rfind("{\n  \"format\": \"backplan-batch-1\",\n  \"roster\": \"roster.csv\",\n"
                   "  \"date\": \"2024-05-06\",\n",
                   0) == 0);
  CHECK(text.find("\n  \"clients\": [\n    {\"line\":2,\"name\":\"Sam\",") != std::string::npos);
  CHECK(text.substr(text.size() - 8) == "}\n  ]\n}\n");
}

TEST_CASE("a JSON index without a date has a null date") {
  const std::string text = index_head(Format::json, {"<stdin>", std::nullopt}, {}) +
                           index_entry(Format::json, handout_entry(), true) +
                           index_foot(Format::json, true);
  const auto doc = nlohmann::json::parse(text);
  CHECK(doc["date"].is_null());
  CHECK(doc["roster"] == "<stdin>");
}

TEST_CASE("a held client: the sheet is linked and the row says what it waits for") {
  IndexEntry e = handout_entry();
  e.status = IndexStatus::held;
  e.notices = {{NoticeLevel::clearance, "Active cancer: talk to your cancer team."}};
  CHECK(index_entry(Format::html, e, true) ==
        "<tr class=\"held\"><td>2</td><td>Sam</td><td><a href=\"sam.json\">sam.json</a></td>"
        "<td><strong>On hold: needs a clinician's clearance first.</strong><ul><li>CLEARANCE: "
        "Active cancer: talk to your cancer team.</li></ul></td></tr>\n");
  const auto doc = nlohmann::json::parse("[" + index_entry(Format::json, e, true) + "]");
  CHECK(doc[0]["status"] == "held");
  CHECK(doc[0]["file"] == "sam.json");
}

TEST_CASE("the HTML index escapes a hostile name") {
  IndexEntry e = referred_entry();
  e.name = "<script>alert('x')</script>";
  const std::string row = index_entry(Format::html, e, true);
  CHECK(row ==
        "<tr class=\"refer\"><td>3</td><td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>"
        "<td>—</td><td><strong>No handout: refer to a clinician.</strong><ul><li>STOP: Fever</li>"
        "</ul></td></tr>\n");
  const std::string head = index_head(Format::html, {"a <b>.csv", std::nullopt}, {1, 0, 0, 0});
  CHECK(head.find("<p>a &lt;b&gt;.csv</p>\n<p>1 handout, 0 on hold until cleared, 0 referred to "
                  "a clinician, 0 rows skipped.</p>") != std::string::npos);
  CHECK(index_foot(Format::html, true) == "</tbody>\n</table>\n</main>\n</body>\n</html>\n");
}

TEST_CASE("a referral links its sheet; a notice given above is named by its line") {
  IndexEntry e = referred_entry();
  e.file = "ann.html";
  CHECK(index_entry(Format::html, e, true) ==
        "<tr class=\"refer\"><td>3</td><td>Ann &quot;&lt;x&gt;&quot;</td><td><a "
        "href=\"ann.html\">ann.html</a></td><td><strong>Refer to a clinician: a referral sheet, "
        "no exercises.</strong><ul><li>STOP: Fever</li></ul></td></tr>\n");
  CHECK(index_entry(Format::text, e, true) ==
        "\nline 3: Ann \"<x>\"\n    ann.html (REFER to a clinician: a referral sheet, no "
        "exercises)\n    STOP: Fever\n");
  IndexEntry h = handout_entry();
  h.notices = {{NoticeLevel::notice, "Osteoporosis: keep it gentle."},
               {NoticeLevel::notice, "Blood thinners: go lightly."}};
  h.same_as = {2, 0};
  CHECK(index_entry(Format::markdown, h, false) ==
        "- Line 2: **Sam** — [sam.json](sam.json)\n  - CHECK: Osteoporosis (as for line 2)\n"
        "  - CHECK: Blood thinners: go lightly.\n");
  // JSON keeps every notice whole, for scripts.
  const auto doc = nlohmann::json::parse("[" + index_entry(Format::json, h, true) + "]");
  CHECK(doc[0]["notices"][0]["text"] == "Osteoporosis: keep it gentle.");
}
