# `backplan batch` end to end: rosters in, handouts and an index out. Included by
# tests/CMakeLists.txt. Each case is a function of tests/batch/run.
foreach(case collisions hostile-names bad-rows red-flags interrupt rerun-identical
             refuses-nonempty-dir yaml-stdin formats progress european-excel)
  add_test(NAME batch/${case}
           COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/batch/run" $<TARGET_FILE:backplan> ${case})
endforeach()
