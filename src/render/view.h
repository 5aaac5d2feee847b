#pragma once
// What a handout says, built once from a plan: the text, Markdown and HTML renderers only lay it
// out and escape it. The words are plain (unescaped); the helpers below join pieces with an
// escape function, so each piece a person or a routine file supplied is escaped on its own.

#include <optional>
#include <string>
#include <vector>

#include "model/plan.h"

namespace backplan {

// "5, then 3, then 1 ten-second holds on each side" — a dose as a person reads it.
std::string dose_in_words(const StepDose& dose, Phase phase);

// "45 s", "2 min", "2 min 30 s": exact.
std::string duration_in_words(int seconds);

// 45, 120: rounded for a person (to 5 s under a minute, else to the minute).
int rounded_seconds(int seconds);
// "45 s", "2 min": rounded_seconds in words.
std::string rounded_duration(int seconds);

// "about 20 minutes": a session's length for a person, to the minute.
std::string about_minutes(int seconds);

// One reason the plan differs from the routine as written, with everything it changed: what
// "What changed for you" and "Left out" say once, and JSON's `changes`.
struct CauseGroup {
  CauseKind kind = CauseKind::condition;
  std::string id;
  std::string label;                 // "No floor work"
  std::vector<std::string> texts;    // the reasons under it, each once
  std::vector<const Step*> swapped;  // steps done instead of the routine's own, for this reason
  std::vector<std::pair<const Step*, std::string>> dosed;  // steps whose dose it changed, how
  std::vector<const Omission*> omitted;  // slots left out, this reason among their own
  // Slots left out that this reason touched only through the versions that could have stood in
  // for them (a firm bed for the bed version of a floor exercise no floor allows).
  std::vector<const Omission*> stand_ins_out;
};

// Every cause in the plan, each once, in the order the plan first meets it (steps, then what
// was left out).
std::vector<CauseGroup> group_causes(const Plan& plan);

struct NoticeView {
  NoticeLevel level = NoticeLevel::info;
  std::string label;  // "STOP", "CLEARANCE", "CHECK", "NOTE"
  std::string text;
  std::string handout;  // the text as a client's handout prints it: no command-line flags
};

struct StepView {
  int number = 0;  // counted across the phases, from 1
  std::string id;  // the exercise's
  std::string name;
  std::string time;                       // "4 min"
  std::string dose;                       // dose_in_words
  std::vector<std::string> tools;         // the tools' display names
  std::vector<std::string> cues;          // the exercise's own, then those conditions add
  std::size_t own_cues = 0;               // how many of `cues` are the exercise's own
  std::vector<std::size_t> handout_cues;  // the own cues a printed handout shows (Step's)
  std::optional<std::string> replaces;    // the display name of the exercise it stands in for
  std::vector<std::string> why;           // why it replaces that one (the labels of its causes)
  std::vector<std::string> changes;       // how its dose changed: "holds shortened to 30 s"
  std::vector<std::string> change_why;    // the label of each change's cause
};

struct PhaseView {
  Phase id = Phase::release;
  std::string title;
  std::string time;  // the steps' time together
  std::vector<StepView> steps;
};

// A reason, once: "No floor work: getting down to the floor ...", and what it changed.
struct ChangeView {
  CauseKind kind = CauseKind::condition;
  bool only_omits = false;  // it changed no step: everything it did is under "Left out"
  std::string label;
  std::string text;     // the reasons joined
  std::string effects;  // "Steps 1 and 2 swapped; holds shortened in step 4; 2 left out."
};

// One line of "Left out". An exercise ruled out for safety has a line of its own: "McGill
// curl-up — see No floor work; Osteoporosis (and for its stand-ins: No firm bed or bench)". Those
// trimmed to fit the time share one per cause: "Your 10 minutes: Roll the thighs, Roll the feet".
struct OmittedView {
  CauseKind kind = CauseKind::condition;  // time: a line of exercises trimmed for time
  std::string label;                      // the exercise's name, or the time cause's label
  std::vector<std::string> names;         // time: the exercises trimmed
  std::vector<Phase> phases;              // each one's phase, in the same order (time: of names)
  std::vector<std::string> see;           // the labels of what ruled the exercise out
  std::vector<std::string> also;          // the labels of what ruled out only its stand-ins
};

struct HandoutView {
  std::string routine;                // the routine's display name
  std::optional<std::string> person;  // the person's name
  std::string summary;                // profile_summary
  // "About 4 min 30 s of your 10 min, moving between steps included."; empty on hold
  std::string about;
  // The diary's adherence line, gently: "You practised on 4 of the last 7 days."; empty without
  // a diary.
  std::string practice;
  std::vector<std::string> stop_if;  // the emergency signs every plan lists
  std::vector<NoticeView> notices;   // most urgent first
  std::vector<PhaseView> phases;
  std::vector<ChangeView> changes;   // what changed for you; empty on hold
  std::vector<OmittedView> omitted;  // empty when the plan is on hold: every step waits
  std::string help;                  // "A tennis ball would bring back 6 release steps."
  std::string held;                  // why the plan has no steps yet; empty unless on hold
  std::string total;                 // "Total: 4 min 30 s"
};

HandoutView make_view(const Plan& plan);

// The heading of the emergency signs, in every format.
inline constexpr const char* kStopIfTitle = "Stop and get help at once if you have";

// The heading of a plan on hold (no steps until a clinician clears them), in every format.
inline constexpr const char* kHeldTitle = "On hold: no exercises yet";

// How a renderer makes a piece of text literal: html_escape, markdown_escape or plain.
using Escape = std::string (*)(const std::string&);
std::string plain(const std::string& text);

// "Daily back care for Ann", each name escaped.
std::string title_line(const HandoutView& view, Escape escape);

// "3 rounds of 5 slow reps · Tennis ball, Yoga strap": the dose and the tools (escaped).
std::string dose_line(const StepView& step, Escape escape);

// The heading of the reasons, said once, in every format.
inline constexpr const char* kChangesTitle = "What changed for you";
inline constexpr const char* kHelpTitle = "What would help";

// OPEN "Instead of Cat-camel" CLOSE " — see No floor work" ("*", "*" for Markdown's emphasis);
// empty when the step replaces nothing.
std::string instead_line(const StepView& step, Escape escape, const std::string& open = "",
                         const std::string& close = "");

// OPEN "Holds shortened to 30 s" CLOSE " — see Age 55 or over; ..."; empty when the dose did
// not change.
std::string changed_line(const StepView& step, Escape escape, const std::string& open = "",
                         const std::string& close = "");

// The cues a printed handout (HTML, PDF) shows of a step: the exercise's handout cues (or its
// first two when it names none), then every cue a condition added (those carry safety, and stay
// in a brief handout too).
std::vector<std::string> printed_cues(const StepView& step, bool brief);

// "McGill curl-up — see No floor work; Osteoporosis (and for its stand-ins: No firm bed or bench)",
// "Your 10 minutes: Roll the thighs, Roll the feet".
std::string left_out_line(const OmittedView& omitted, Escape escape);
// "Your 20 minutes: 5 release steps": what a printed handout says of the steps the time budget
// left out (they are no safety matter, and the names would cost the page its room).
std::string left_out_count_line(const OmittedView& omitted, Escape escape);

// OPEN "No floor work:" CLOSE " getting down ... right now. Steps 1 and 2 swapped."
std::string change_line(const ChangeView& change, Escape escape, const std::string& open = "",
                        const std::string& close = "");

}  // namespace backplan
