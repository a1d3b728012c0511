#!/bin/sh
# The print and ATS tests read PDFs with poppler (pdftotext, pdffonts, pdfimages, pdftoppm) and
# qpdf, as a second, independent reader beside pdf.js. Install them when they are missing.
set -e
missing=""
for tool in pdftotext pdffonts pdfimages pdftoppm pdfinfo qpdf; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
[ -z "$missing" ] && exit 0
echo "installing poppler-utils and qpdf (missing:$missing)"
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" = "0" ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq poppler-utils qpdf >/dev/null && exit 0
fi
if command -v brew >/dev/null 2>&1; then
  brew install poppler qpdf && exit 0
fi
echo "cannot install poppler-utils and qpdf here; install them, then run the tests again" >&2
exit 1
