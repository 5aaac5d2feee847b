#pragma once
// What a handout says, built once from a plan: the text, Markdown and HTML renderers only lay it
// out and escape it. The words are plain (unescaped); the helpers below join pieces with an
// escape function, so each piece a person or a routine file supplied is escaped on its own.

#include <optional>
#include <string>
#include <vector>

#include "model/plan.h"

namespace backplan {

// "3 rounds of 5, 3, 1 holds of 10 s on each side" — a dose in words.
std::string dose_in_words(const StepDose& dose, Phase phase);

// "45 s", "2 min", "2 min 30 s".
std::string duration_in_words(int seconds);

struct NoticeView {
  NoticeLevel level = NoticeLevel::info;
  std::string label;  // "STOP", "CLEARANCE", "CHECK", "NOTE"
  std::string text;
};

struct StepView {
  int number = 0;  // counted across the phases, from 1
  std::string name;
  std::string time;                     // "4 min"
  std::string dose;                     // dose_in_words
  std::vector<std::string> tools;       // the tools' display names
  std::vector<std::string> cues;        // the exercise's own, then those conditions add
  std::size_t own_cues = 0;             // how many of `cues` are the exercise's own
  std::optional<std::string> replaces;  // the display name of the exercise it stands in for
  std::vector<std::string> why;         // why it replaces that one
  std::vector<std::string> changes;     // how and why its dose changed
};

struct PhaseView {
  Phase id = Phase::release;
  std::string title;
  std::string time;  // the steps' time together
  std::vector<StepView> steps;
};

struct OmittedView {
  std::string name;
  std::string phase;  // "core"
  std::vector<std::string> why;
};

struct HandoutView {
  std::string routine;                // the routine's display name
  std::optional<std::string> person;  // the person's name
  std::string summary;                // profile_summary
  // "About 4 min 30 s of your 10 min, moving between steps included."; empty on hold
  std::string about;
  std::vector<std::string> stop_if;  // the emergency signs every plan lists
  std::vector<NoticeView> notices;   // most urgent first
  std::vector<PhaseView> phases;
  std::vector<OmittedView> omitted;  // empty when the plan is on hold: every step waits
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

// OPEN "Instead of Cat-camel:" CLOSE " why; why" ("*", "*" for Markdown's emphasis); empty when
// the step replaces nothing.
std::string instead_line(const StepView& step, Escape escape, const std::string& open = "",
                         const std::string& close = "");

// OPEN "Changed:" CLOSE " change; change"; empty when the dose did not change.
std::string changed_line(const StepView& step, Escape escape, const std::string& open = "",
                         const std::string& close = "");

// "McGill curl-up (core): why; why".
std::string left_out_line(const OmittedView& omitted, Escape escape);

}  // namespace backplan
