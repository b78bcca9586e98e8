"""`someplan …` subcommands. Placeholder until the command line lands (issue 3)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    print("someplan: the planner arrives soon; the workspace engine is in someplan.store", file=sys.stderr)
    return 0
