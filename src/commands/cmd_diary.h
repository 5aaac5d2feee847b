#pragma once
// `backplan diary export|import|path`, and the diary path every diary command shares.

#include <filesystem>
#include <optional>
#include <string>

namespace backplan {

// --diary FILE when given, else the default place (diary/store.h); throws Error (usage) when
// neither HOME nor XDG_DATA_HOME gives one.
std::filesystem::path diary_path(const std::optional<std::string>& flag);

struct DiaryExportOptions {
  std::optional<std::string> diary;
  std::string format = "json";  // json or csv
  std::string output = "-";
};

struct DiaryImportOptions {
  std::optional<std::string> diary;
  std::string file;  // a backplan-diary-1 JSON file, or - for standard input
};

// Each returns the exit code; errors are thrown as Error.
int run_diary_export(const DiaryExportOptions& options);
int run_diary_import(const DiaryImportOptions& options);
int run_diary_path(const std::optional<std::string>& diary);

}  // namespace backplan
