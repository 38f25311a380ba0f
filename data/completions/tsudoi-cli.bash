# bash completion for tsudoi-cli                          -*- shell-script -*-
#
# Commands and their options come from the program's own --help, read in
# the C locale, so that this file never lags behind the commands.
#
# SPDX-License-Identifier: GPL-3.0-or-later

# The command names, one a line ("members", "chapter add").
_tsudoi_cli_commands ()
{
    LC_ALL=C LANGUAGE= "$1" --help 2>/dev/null |
        sed -n '/^Commands:/,/^$/{/^  [a-z]/{s/^  //;s/  .*//;p}}'
}

_tsudoi_cli ()
{
    local program=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]}
    local prev=${COMP_WORDS[COMP_CWORD-1]}
    local -a words=()
    local i word commands command=

    COMPREPLY=()
    case $prev in
        --database|-d|--output|-o)
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return 0 ;;
    esac

    # The words typed so far that are not options (nor an option's value).
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        case $word in
            --database|-d) ((i++)) ;;
            -*) ;;
            *) words+=("$word") ;;
        esac
    done

    commands=$(_tsudoi_cli_commands "$program")
    if ((${#words[@]} >= 1)); then
        # A command already typed, in one word or two.
        if grep -qx -- "${words[0]} ${words[1]:-}" <<<"$commands"; then
            command="${words[0]} ${words[1]}"
        elif grep -qx -- "${words[0]}" <<<"$commands"; then
            command=${words[0]}
        fi
    fi

    if [[ -n $command ]]; then
        if [[ $cur == -* ]]; then
            # shellcheck disable=SC2086
            mapfile -t COMPREPLY < <(compgen -W "$(LC_ALL=C LANGUAGE= "$program" $command --help 2>/dev/null |
                grep -o -- '--[a-z][a-z-]*' | sort -u)" -- "$cur")
        else
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        fi
        return 0
    fi

    if ((${#words[@]} == 1)); then
        # The second word of "chapter add", "import members" …
        mapfile -t COMPREPLY < <(compgen -W "$(sed -n "s/^${words[0]} //p" <<<"$commands")" -- "$cur")
        return 0
    fi
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "--database --help --version" -- "$cur")
        return 0
    fi
    mapfile -t COMPREPLY < <(compgen -W "$(cut -d' ' -f1 <<<"$commands" | sort -u)" -- "$cur")
}

complete -F _tsudoi_cli tsudoi-cli
