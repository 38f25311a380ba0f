#!/usr/bin/env bash
# check-translated.sh SRCDIR LANG... -- PAGES...: fails when a language's
# .po leaves a message of the C pages untranslated or fuzzy, so that a
# page added or changed in English does not show up half in English.
set -euo pipefail
src=$1; shift
langs=()
while [ "$1" != "--" ]; do langs+=("$1"); shift; done
shift

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$src/C" && itstool -o "$work/help.pot" "$@")
status=0
for lang in "${langs[@]}"; do
  # msgcmp counts an untranslated or fuzzy message as missing.
  if ! msgcmp "$src/$lang/$lang.po" "$work/help.pot"; then
    echo "$lang/$lang.po: translate the messages above" >&2
    status=1
  fi
done
exit $status
