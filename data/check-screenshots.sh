#!/usr/bin/env bash
# check-screenshots.sh METAINFO SOURCE_ROOT: every screenshot the metainfo
# names is a PNG of this repository (its URL points at the main branch),
# of the width and height the metainfo says, so that GNOME Software and
# Flathub show what the app looks like today.
set -euo pipefail
metainfo=$1 root=$2
prefix=https://raw.githubusercontent.com/tsudoi/tsudoi/main/
n=0
while IFS= read -r line; do
  width=$(sed -n 's/.*width="\([0-9]*\)".*/\1/p' <<<"$line")
  height=$(sed -n 's/.*height="\([0-9]*\)".*/\1/p' <<<"$line")
  url=$(sed -n 's/.*>\(https:[^<]*\)<.*/\1/p' <<<"$line")
  case "$url" in
    "$prefix"*) file=$root/${url#"$prefix"} ;;
    *) echo "not a file of the repository: $url" >&2; exit 1 ;;
  esac
  [ -f "$file" ] || { echo "missing: $file" >&2; exit 1; }
  # The PNG header: width and height, big-endian, at bytes 16 and 20.
  read -r w h < <(od -An -tu1 -j16 -N8 "$file" |
                  awk '{ print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }')
  [ "$w" = "$width" ] && [ "$h" = "$height" ] ||
    { echo "$file is ${w}x${h}, the metainfo says ${width}x${height}" >&2; exit 1; }
  n=$((n + 1))
done < <(grep '<image' "$metainfo")
[ "$n" -gt 0 ] || { echo "no screenshots in $metainfo" >&2; exit 1; }
echo "$n screenshots OK"
