#!/usr/bin/env bash
# test-completion.sh: the installed bash completion, sourced in bash and
# asked what it completes, against the real tsudoi-cli ($TSUDOI_CLI).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

source "$1" || { echo "not ok: cannot source $1"; exit 1; }
cli=${TSUDOI_CLI:?}
status=0

# complete WORD…: COMPREPLY for the last word, one a line.
complete_words ()
{
    COMP_WORDS=("$cli" "$@")
    COMP_CWORD=$#
    COMPREPLY=()
    _tsudoi_cli
    printf '%s\n' "${COMPREPLY[@]}"
}

expect ()
{
    local want=$1; shift
    if complete_words "$@" | grep -qx -- "$want"; then
        echo "ok: '$*' completes to '$want'"
    else
        echo "not ok: '$*' should complete to '$want', got:" $(complete_words "$@")
        status=1
    fi
}

refuse ()
{
    local unwanted=$1; shift
    if complete_words "$@" | grep -qx -- "$unwanted"; then
        echo "not ok: '$*' should not offer '$unwanted'"
        status=1
    fi
}

[[ $(complete -p tsudoi-cli) == *_tsudoi_cli* ]] || { echo "not ok: not registered"; status=1; }
expect members mem
expect member mem
expect regulars reg
expect add member a
expect edit member e
expect registrations import r
expect --database --data
expect --database members --data
expect --search members --se
expect --chapter event add --ch
expect --date event add --da
expect events --database x.db ev
expect events -d x.db ev
refuse --search event add --s
exit $status
