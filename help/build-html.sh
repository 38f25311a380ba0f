#!/usr/bin/env bash
# build-html.sh LANG SRCDIR OUTDIR MEDIA... -- PAGES...
# Writes the help as HTML into OUTDIR: the C pages, or for another
# language the pages translated with SRCDIR/LANG/LANG.po, with that
# language's figures where it has its own.
set -euo pipefail
lang=$1 src=$2 out=$(realpath -m "$3")
shift 3
media=()
while [ "$1" != "--" ]; do media+=("$1"); shift; done
shift
pages=("$@")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pages"
for m in "${media[@]}"; do
  mkdir -p "$work/pages/$(dirname "$m")"
  if [ -e "$src/$lang/$m" ]; then cp "$src/$lang/$m" "$work/pages/$m"; else cp "$src/C/$m" "$work/pages/$m"; fi
done
if [ "$lang" = C ]; then
  for p in "${pages[@]}"; do cp "$src/C/$p" "$work/pages/$p"; done
else
  msgfmt -c -o "$work/$lang.mo" "$src/$lang/$lang.po"
  (cd "$src/C" && itstool -m "$work/$lang.mo" -l "$lang" -o "$work/pages" "${pages[@]}")
fi
rm -rf "$out"
mkdir -p "$out"
(cd "$work/pages" && yelp-build html -o "$out/" "${pages[@]}")
