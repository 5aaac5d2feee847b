# Terminal citizenship: man pages, shell completions, the
# saved profile, colour and width, install and the Debian package. Included by
# tests/CMakeLists.txt.
set(BACKPLAN_TERMINAL "${CMAKE_CURRENT_SOURCE_DIR}/terminal")

# Both man pages render without a single warning from groff and mandoc (style included).
foreach(page backplan.1 backplan-routines.5)
  add_test(NAME man/lint/${page}
           COMMAND bash "${BACKPLAN_TERMINAL}/check-man" "${PROJECT_BINARY_DIR}/man/${page}")
endforeach()
# The complete example library in backplan-routines(5) is valid.
add_test(NAME man/routines-example
         COMMAND bash "${BACKPLAN_TERMINAL}/check-man-example" $<TARGET_FILE:backplan>
                 "${PROJECT_BINARY_DIR}/man/backplan-routines.5")

foreach(shell bash zsh fish)
  add_test(NAME completion/${shell}
           COMMAND bash "${BACKPLAN_TERMINAL}/completion-${shell}" $<TARGET_FILE:backplan>)
endforeach()

add_test(NAME terminal/saved-profile
         COMMAND bash "${BACKPLAN_TERMINAL}/saved-profile" $<TARGET_FILE:backplan>)
add_test(NAME terminal/colour-and-width
         COMMAND bash "${BACKPLAN_TERMINAL}/colour-and-width" $<TARGET_FILE:backplan>)

# `cmake --install` into a scratch prefix, and `cpack -G DEB` checked by lintian.
add_test(NAME install COMMAND bash "${BACKPLAN_TERMINAL}/install" "${PROJECT_BINARY_DIR}")
add_test(NAME package/deb COMMAND bash "${BACKPLAN_TERMINAL}/package" "${PROJECT_BINARY_DIR}")
set_tests_properties(install package/deb PROPERTIES LABELS package RUN_SERIAL ON)
