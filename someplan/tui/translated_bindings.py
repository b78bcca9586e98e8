"""Key descriptions in the footer and help in the language spoken.

Textual copies a class's merged bindings into each widget when it is made, so translating the
class-level maps before a screen is built is enough: `translate_bindings()` runs at start-up and
after the language changes, and keeps each class's English map to translate from again. Widgets
that already exist when the language changes get fresh copies with `rebind()`.
"""

from __future__ import annotations

import dataclasses

from textual.binding import BindingsMap
from textual.dom import DOMNode

from someplan.i18n import N_, _

_ENGLISH = "_someplan_english_bindings"

# Textual's own keys that show in the footer or the key panel, so that the catalog has them.
TEXTUAL_DESCRIPTIONS = (
    N_("Quit"), N_("palette"), N_("Palette"), N_("Copy text"), N_("Maximize"),
    N_("Exit the command palette"), N_("Dismiss menu"),
)  # fmt: skip


def _classes(root: type[DOMNode]) -> list[type[DOMNode]]:
    found: list[type[DOMNode]] = []
    stack = [root]
    while stack:
        cls = stack.pop()
        found.append(cls)
        stack.extend(cls.__subclasses__())
    return found


def translate_bindings() -> None:
    # Classes share most of their bindings (a subclass's merged map holds its bases'): each
    # binding is translated once.
    translated: dict = {}

    def translate(binding):
        made = translated.get(binding)
        if made is None:
            made = translated[binding] = dataclasses.replace(
                binding,
                description=_(binding.description) if binding.description else binding.description,
                tooltip=_(binding.tooltip) if binding.tooltip else binding.tooltip,
            )
        return made

    for cls in _classes(DOMNode):
        merged = cls.__dict__.get("_merged_bindings")
        if merged is None:
            continue
        english = cls.__dict__.get(_ENGLISH)
        if english is None:
            english = merged
            setattr(cls, _ENGLISH, merged)
        keys = {key: [translate(binding) for binding in bindings] for key, bindings in english.key_to_bindings.items()}
        cls._merged_bindings = BindingsMap.from_keys(keys)


def rebind(node: DOMNode) -> None:
    """Give an existing widget (or screen, or the app) its class's key map in the language now
    spoken. Keys added to the widget at run time are kept as they are; the user's keymap is not
    in these maps (Textual applies it when it looks a key up), so it stays in force."""
    merged = type(node)._merged_bindings
    if merged is None:
        return
    fresh = merged.copy()
    for key, bindings in node._bindings.key_to_bindings.items():
        fresh.key_to_bindings.setdefault(key, bindings)
    node._bindings = fresh
