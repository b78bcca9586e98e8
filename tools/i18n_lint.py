"""Find text shown to users that is not marked for translation (used by tests/test_i18n.py).

A string literal (or an f-string with words in it) passed where text is shown — a notification,
a label, a table column, a key description, an error raised to the user, argparse help, a
printed line — must go through `_()`, `ngettext()` or `pgettext()` (or be marked `N_()` and
translated where it is shown). Literals without two letters in a row (",", " · ", "%") and
names that are clearly not prose (CSS ids, styles, actions, keys) are not text.

    python tools/i18n_lint.py someplan/tui          list what is unmarked, file:line: text
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

MARKERS = {"_", "N_", "ngettext", "pgettext", "gettext"}
# call name → positions and keywords that hold text shown to users
SINKS: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "notify": ((0,), ("title",)),
    "Static": ((0,), ()),
    "Label": ((0,), ()),
    "Button": ((0,), ("label", "tooltip")),
    "Input": ((), ("placeholder", "tooltip")),
    "TextArea": ((), ("placeholder",)),
    "Checkbox": ((0,), ("label",)),
    "Switch": ((), ("tooltip",)),
    "RadioButton": ((0,), ("label",)),
    "Select": ((), ("prompt",)),
    "Binding": ((2,), ("description", "tooltip")),
    "Text": ((0,), ()),
    "Panel": ((), ("title", "subtitle")),
    "Rule": ((), ()),
    "add_column": ((0,), ("label",)),
    "add_columns": ((0, 1, 2, 3, 4, 5, 6, 7, 8, 9), ()),
    "add_argument": ((), ("help",)),
    "add_parser": ((), ("help", "description")),
    "ArgumentParser": ((), ("description", "epilog")),
    "add_subparsers": ((), ("title", "help")),
    "print": ((0,), ()),
    "UserError": ((0,), ()),
    "WorkspaceError": ((0,), ()),
    "ValueError": ((0,), ()),
    "update": ((0,), ()),
    "set_title": ((0,), ()),
    "Confirm": ((0,), ()),
    "Question": ((0,), ()),
    "ShowList": ((0,), ()),
    "Hit": ((), ("help",)),
    "DiscoveryHit": ((0,), ("help",)),
    "SystemCommand": ((0, 1), ()),
    "print_table": ((1,), ()),  # cli.common.print_table(rows, headers, out)
    "action": ((2,), ("help",)),  # the maker cli.common.actions() returns: action(name, run, help)
    "subcommand": ((2,), ("help",)),
    "Problem": ((2,), ("template",)),  # store.problems.Problem(severity, code, template, path)
    "RowError": ((1,), ("message",)),
    "BadReference": ((0,), ()),
    # the planner's own: a one-line question, a label that follows the language, a form field
    "Ask": ((0,), ("placeholder",)),
    "Caption": ((0,), ()),
    "_field": ((0,), ()),
    "form_field": ((0,), ()),
    "Option": ((0,), ()),
}
# (receiver, method) → positions: lists whose items are shown as they are, e.g. `doc.problems.append(…)`
QUALIFIED_SINKS: dict[tuple[str, str], tuple[int, ...]] = {
    ("problems", "append"): (0,),
    ("notes", "append"): (0,),
    ("warnings", "append"): (0,),
}
# Rich's Text.assemble takes text or (text, style) pairs; Text.append is told from list.append
# by its style; a widget's border title is shown like a label.
_ASSEMBLE = "assemble"
_TITLE_ATTRIBUTES = {"border_title", "border_subtitle", "sub_title"}
_WORD = re.compile(r"[^\W\d_]{2,}")
_STYLE_WORD = re.compile(
    r"^(?:bold|dim|italic|underline|reverse|strike|blink|on|not|link|default|none|"
    r"red|green|yellow|blue|magenta|cyan|white|black|gr[ae]y\d*|bright_\w+|\$[\w-]+|#[0-9a-fA-F]{3,8}|"
    r"rgb\([\d, ]+\))$"
)


def _is_prose(text: str) -> bool:
    """Words a person reads, not an id, a style, an action, a key or a format name."""
    stripped = text.strip()
    if not _WORD.search(stripped):
        return False
    if all(_STYLE_WORD.match(word) for word in stripped.split()):
        return False  # a Rich style: "bold red", "dim"
    if " " in stripped or stripped[:1].isupper():
        return True
    return bool(re.search(r"[æøåÆØÅ]", stripped))  # one Norwegian word is still a word


def _prose_in(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if _is_prose(node.value) else None
    if isinstance(node, ast.JoinedStr):
        text = "".join(part.value for part in node.values if isinstance(part, ast.Constant))
        return text if _is_prose(text) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _prose_in(node.left) or _prose_in(node.right)
    if isinstance(node, ast.IfExp):
        return _prose_in(node.body) or _prose_in(node.orelse)
    if isinstance(node, (ast.Tuple, ast.List)):  # ("Heading: ", "bold"), or a list of column headers
        return next((text for item in node.elts if (text := _prose_in(item)) is not None), None)
    return None


def _name(func: ast.AST) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _bindings_tuples(tree: ast.AST):
    """("key", "action", "Description") tuples in BINDINGS lists."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "BINDINGS" for t in node.targets):
            if isinstance(node.value, (ast.List, ast.Tuple)):
                for item in node.value.elts:
                    if isinstance(item, ast.Tuple) and len(item.elts) >= 3:
                        yield item.elts[2]


def _receiver(func: ast.AST) -> str | None:
    """`problems` in `doc.problems.append(…)` or `problems.append(…)`."""
    if isinstance(func, ast.Attribute):
        return _name(func.value)
    return None


def _candidates(node: ast.Call) -> list[ast.AST]:
    """The arguments of a call that hold shown text, or none."""
    name = _name(node.func)
    if name in MARKERS:
        return []
    if name == _ASSEMBLE and isinstance(node.func, ast.Attribute):
        return [arg.elts[0] if isinstance(arg, ast.Tuple) and arg.elts else arg for arg in node.args]
    qualified = QUALIFIED_SINKS.get((_receiver(node.func), name))
    if qualified is not None:
        return [node.args[i] for i in qualified if i < len(node.args)]
    if name == "append" and isinstance(node.func, ast.Attribute) and node.args:
        styled = len(node.args) > 1 or any(kw.arg == "style" for kw in node.keywords)
        return [node.args[0]] if styled else []
    if name not in SINKS:
        return []
    positions, keywords = SINKS[name]
    candidates = [node.args[i] for i in positions if i < len(node.args)]
    return candidates + [kw.value for kw in node.keywords if kw.arg in keywords]


def unmarked_in(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Attribute) and t.attr in _TITLE_ATTRIBUTES for t in node.targets
        ):
            text = _prose_in(node.value)
            if text is not None:
                found.append((node.value.lineno, text))
        if not isinstance(node, ast.Call):
            continue
        candidates = _candidates(node)
        for candidate in candidates:
            text = _prose_in(candidate)
            if text is not None:
                found.append((candidate.lineno, text))
    for candidate in _bindings_tuples(tree):
        text = _prose_in(candidate)
        if text is not None:
            found.append((candidate.lineno, text))
    return sorted(found)


def literal_calls_only(path: Path) -> list[tuple[int, str]]:
    """`_()` and friends get a literal, or a variable holding an `N_()`-marked one: an f-string,
    a concatenation or a formatted string is never found by the extractor."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in MARKERS and isinstance(node.func, ast.Name):
            count = 2 if node.func.id in {"ngettext", "pgettext"} else 1
            for arg in node.args[:count]:
                if isinstance(arg, (ast.JoinedStr, ast.BinOp, ast.Call)):
                    bad.append((node.lineno, ast.unparse(arg)[:60]))
    return bad


def unmarked(paths: list[Path]) -> list[str]:
    lines = []
    for root in paths:
        files = [root] if root.is_file() else sorted(root.rglob("*.py"))
        for path in files:
            for lineno, text in unmarked_in(path):
                lines.append(f"{path}:{lineno}: {text!r}")
    return lines


if __name__ == "__main__":
    problems = unmarked([Path(arg) for arg in sys.argv[1:]] or [Path("someplan")])
    print("\n".join(problems))
    print(f"{len(problems)} unmarked")
