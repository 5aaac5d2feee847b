#pragma once
// The index of a batch run, in the run's format: a head (with the totals), one entry per roster
// row, a foot. Pieces, so that a run can write the entries as it goes and put the head (whose
// totals it knows only at the end) before them afterwards. JSON: format "backplan-batch-1".

#include <optional>
#include <string>
#include <vector>

#include "model/format.h"
#include "model/plan.h"

namespace backplan {

// handout: a plan; held: a sheet saying what needs a clinician's clearance first (the plan is on
// hold); referred: a red flag, a referral sheet (no file in JSON); skipped: an invalid row.
// Referrals and skipped rows are listed first.
enum class IndexStatus { handout, held, referred, skipped };

struct IndexEntry {
  int line = 0;  // the row's line in the roster
  std::optional<std::string> name;
  IndexStatus status = IndexStatus::handout;
  std::string file;  // the handout's (held sheet's, referral sheet's) file name; empty: none
  std::vector<Notice> notices;  // handouts: clearance and check-first notices; referrals:
                                // the red flags
  // For each notice: the line of an entry above that gives it in full (HTML, Markdown, text
  // then name it only), or 0. JSON always gives the text.
  std::vector<int> same_as;
  std::vector<std::string> problems;  // skipped rows: what is wrong
};

struct IndexTotals {
  long handouts = 0;
  long held = 0;
  long referred = 0;
  long skipped = 0;
};

struct IndexInfo {
  std::string roster;  // as shown to the user ("<stdin>" for standard input)
  std::optional<std::string> date;
};

// "1 handout", "3 handouts".
std::string handouts_in_words(long n);

// "3 handouts, 1 on hold until cleared, 1 referred to a clinician, 2 rows skipped".
std::string summary_text(const IndexTotals& totals);

std::string index_head(Format format, const IndexInfo& info, const IndexTotals& totals);
// `first`: whether no entry came before this one.
std::string index_entry(Format format, const IndexEntry& entry, bool first);
// `any`: whether any entry was written.
std::string index_foot(Format format, bool any);

}  // namespace backplan
