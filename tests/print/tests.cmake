# Handouts printed by a real browser: headless Chromium renders the HTML handouts to PDF on A4
# and US Letter; the PDFs' page counts and text are checked (tests/print/print-handouts).
add_test(NAME print/handouts
         COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/print-handouts" $<TARGET_FILE:backplan>)
# backplan's own PDFs (--format pdf): pages, paper, text, fonts, determinism, hostile names,
# batch and --combine (tests/print/pdf-handouts). Quick: no browser.
add_test(NAME print/pdf
         COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/pdf-handouts" $<TARGET_FILE:backplan>)
