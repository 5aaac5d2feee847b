# The diary end to end (log, goals, export, import) and its reliability (writers killed with
# SIGKILL, parallel writers, a corrupt, foreign or newer file, a read-only directory, a full
# disk). Included by tests/CMakeLists.txt. Each case is a function of tests/diary/run.
foreach(case log-and-export morning goals import-twice bad-input kill-writers parallel-writers
             corrupt foreign newer-version read-only-dir full-disk progression)
  add_test(NAME diary/${case}
           COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/diary/run" $<TARGET_FILE:backplan> ${case})
endforeach()
set_tests_properties(diary/kill-writers PROPERTIES TIMEOUT 60)
