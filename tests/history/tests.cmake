# `backplan history` end to end: a diary imported, then every format against golden files, an
# empty diary, -o, bad flags, the terminal's width and colour. Included by tests/CMakeLists.txt.
foreach(case formats empty output bad-flags terminal)
  add_test(NAME history/${case}
           COMMAND bash "${CMAKE_CURRENT_SOURCE_DIR}/history/run" $<TARGET_FILE:backplan> ${case})
endforeach()
# The JSON Schema of backplan-history-1 matches the golden JSON histories (of the units and of
# the end-to-end tests) and refuses documents that break it.
add_test(NAME schema/history
         COMMAND /usr/bin/python3 "${CMAKE_CURRENT_SOURCE_DIR}/schema/check-history"
                 "${PROJECT_SOURCE_DIR}/schema/backplan-history.schema.json"
                 "${CMAKE_CURRENT_SOURCE_DIR}/unit/render/history/four-weeks.json"
                 "${CMAKE_CURRENT_SOURCE_DIR}/history/golden/four-weeks.json")
