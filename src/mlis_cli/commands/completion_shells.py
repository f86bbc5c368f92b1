"""The completion scripts for bash and zsh, and how mlis answers them.

Typer's own scripts fail in a real shell where a value holds a colon: bash
splits `--lang de:B` into three words at the colon and completes only what
follows it, and both shells add a space after `de:`, where a level is still to
come. These scripts hand mlis the line as typed, give bash only the part of each
value after the last character it splits words at, and add no space after a
value that ends in a colon. Fish needs nothing: it keeps `de:B` one word and
adds no space after a colon. `register` puts them in place of Typer's, for
`_MLIS_COMPLETE=source_bash mlis` and for `mlis --show-completion` alike.
"""

from __future__ import annotations

import os
import re

from typer import _completion_shared
from typer._click.shell_completion import CompletionItem, add_completion_class, split_arg_string
from typer._completion_classes import BashComplete, ZshComplete

BASH_SCRIPT = r"""
%(complete_func)s() {
    local IFS=$'\n'
    COMPREPLY=( $( env COMP_LINE="$COMP_LINE" COMP_POINT="$COMP_POINT" \
                   COMP_WORDBREAKS="$COMP_WORDBREAKS" \
                   %(autocomplete_var)s=complete_bash "$1" ) )
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *: ]]; then
        compopt -o nospace
    fi
    return 0
}

complete -o default -F %(complete_func)s %(prog_name)s
"""

ZSH_SCRIPT = r"""
#compdef %(prog_name)s

%(complete_func)s() {
  local -a spaced unspaced
  local item
  for item in "${(@f)$(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" \
                       %(autocomplete_var)s=complete_zsh %(prog_name)s)}"; do
    [[ -n $item ]] || continue
    # value:description, colons in the value escaped; no space after a value ending in one
    if [[ $item == *'\:' || $item == *'\::'* ]]; then
      unspaced+=("$item")
    else
      spaced+=("$item")
    fi
  done
  if (( ${#spaced} + ${#unspaced} == 0 )); then
    _files
    return
  fi
  (( ${#spaced} )) && _describe -t values value spaced
  (( ${#unspaced} )) && _describe -t values value unspaced -S ''
  return 0
}

compdef %(complete_func)s %(prog_name)s
"""

_BASH_SPECIAL = re.compile(r"""([\s'"\\$`!&|;()<>*?\[\]{}#~])""")


class Bash(BashComplete):
    source_template = BASH_SCRIPT

    def get_completion_args(self) -> tuple[list[str], str]:
        if "COMP_LINE" not in os.environ:  # a script installed before: it sends the words
            return super().get_completion_args()
        line = os.environ["COMP_LINE"]
        line = line[: int(os.environ.get("COMP_POINT", len(line)))]
        words = split_arg_string(line)
        incomplete = words.pop() if words and line and not line[-1].isspace() else ""
        return words[1:], incomplete

    def complete(self) -> str:
        args, incomplete = self.get_completion_args()
        # bash replaces only what follows the last word-break character (':' or '=')
        breaks = os.environ.get("COMP_WORDBREAKS", "")
        cut = max((incomplete.rfind(mark) for mark in breaks if not mark.isspace()), default=-1)
        replaced = incomplete[: cut + 1]
        values = [item.value for item in self.get_completions(args, incomplete)]
        shown = [value[len(replaced) :] if value.startswith(replaced) else value for value in values]
        return "\n".join(_BASH_SPECIAL.sub(r"\\\1", value) for value in shown)


class Zsh(ZshComplete):
    source_template = ZSH_SCRIPT

    def format_completion(self, item: CompletionItem) -> str:
        value = item.value.replace("\\", "\\\\").replace(":", "\\:")
        return f"{value}:{' '.join(item.help.split())}" if item.help else value

    def complete(self) -> str:
        args, incomplete = self.get_completion_args()
        return "\n".join(self.format_completion(item) for item in self.get_completions(args, incomplete))


def register() -> None:
    """Use these scripts instead of Typer's: after Typer has put its own in place."""
    add_completion_class(Bash, "bash")
    add_completion_class(Zsh, "zsh")
    _completion_shared._completion_scripts.update({"bash": BASH_SCRIPT, "zsh": ZSH_SCRIPT})
