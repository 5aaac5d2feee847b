#pragma once
// The saved profile: `backplan profile save` writes it, `backplan plan` reads it.
// It lives at $XDG_CONFIG_HOME/backplan/profile.yaml, or $HOME/.config/backplan/profile.yaml.

#include <optional>
#include <string>

#include "model/library.h"
#include "resolve/profile.h"

namespace backplan {

// Where the saved profile lives. XDG_CONFIG_HOME counts when it is an absolute path (the XDG
// rule: a relative one is ignored), else HOME (non-empty); nullopt when neither gives a place.
std::optional<std::string> saved_profile_path(const std::optional<std::string>& xdg_config_home,
                                              const std::optional<std::string>& home);

// The same, from the real environment.
std::optional<std::string> saved_profile_path();

// A profile as a profile file: the fields that are set, in the documented order.
std::string profile_yaml(const ProfileInput& profile);

// `over`'s fields where they are set, else `base`'s.
ProfileInput merge_profile(const ProfileInput& base, const ProfileInput& over);

// Whether any field is set.
bool has_any_field(const ProfileInput& profile);

// Writes `content` to `path` atomically, creating the missing directories first. Throws Error
// (cannot_write) naming the path.
void write_config_file(const std::string& path, const std::string& content);

}  // namespace backplan
