#!/usr/bin/env bash
# Renders the first page of the sample ward's report as the README shows it:
#   lllweek report → LibreOffice PDF → PNG. Needs libreoffice-writer, poppler-utils, fonts-liberation2.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
(cd fixtures/commune && LLLWEEK_TODAY=2025-10-12 ../../bin/lllweek report . --out "$out" --format docx --quiet)
(cd "$out" && libreoffice --headless --convert-to pdf ./*.docx >/dev/null 2>&1 && pdftoppm -png -r 70 ./*.pdf page)
cp "$out/page-01.png" docs/report-page-1.png
cp "$out/page-02.png" docs/report-page-2.png
echo "docs/report-page-1.png, docs/report-page-2.png"
