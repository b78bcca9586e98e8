"""The planner's footer: the keys that fit, whole, the focused pane's most used first, with `?`
(help, which lists every key) and the command palette always at the right.

Textual's footer lays every key out in a row and lets the screen's edge cut the last one
mid-word ("H Flytt ←  L Flytt▏"), shows the palette key twice where a screen's bindings show it
too, and drops `?` first at 80 columns. Here the keys are measured before they are shown: what
does not fit whole is left out (help has it), a pair of keys for one thing in two directions
shows as one ("[/] Week"), and the pane's most used keys come before the rest.

Textual also composes the footer again on every change of bindings, even when two arrive
together (a screen opened, then its first widget focused: two full rebuilds) or when the keys
shown did not change at all (focus moving inside a pane). Here a rebuild runs once for all the
changes queued before it, only when what it would show differs, and before the next frame is
drawn: waiting for a refresh drew the planner's first frame with an empty footer (the keys came
one frame later) and every focus change twice.

The footer is one widget that draws its line itself, not a row of a dozen `FooterKey`s and a
spacer: each of those was registered, styled, laid out and drawn on its own, on the planner's first
frame and on every screen a key opens, and a change of keys mounted and removed them. Here a
change of keys is a repaint of one line. The line is the one Textual's keys drew, cell for cell
and colour for colour: the same CSS variables through component classes (the layers a
`FooterKey` and its parts made are blended as Textual blends a widget's, see `_layered`), a
click on a key simulates it (a disabled one rings the bell), and the key under the mouse is
highlighted and shows its tooltip. A `compact` footer draws Textual's compact keys (no padding,
a column between them; Textual's keys as this footer mounted them kept their padding there, and
the palette was cut off at the right edge).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual._border import get_box
from textual.color import Color
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from someplan.i18n import N_, _

HELP_ACTION = "help"  # the app's `?`: always shown, it lists every key that is left out here

# Two keys for one thing in two directions, shown as one ("[/] Week") by their binding ids.
PAIRS = {
    "plan.prev_week": ("plan.next_week", N_("Week")),
    "plan.move_earlier": ("plan.move_later", N_("Move")),
    "figures.fewer_weeks": ("figures.more_weeks", N_("Weeks")),
    "wheel.prev_year": ("wheel.next_year", N_("Year")),
    "rotation.move_up": ("rotation.move_down", N_("Move")),
}
# The week plan's keys by how often they are used; ids not listed follow in their own order.
MOST_USED = (
    "plan.new_post", "plan.edit_post", "plan.advance_status", "plan.delete_post", "plan.undo",
    "plan.prev_week", "plan.move_earlier", "plan.duplicate", "plan.filter", "plan.copy_caption",
    "plan.select", "plan.go_to", "plan.this_week",
)  # fmt: skip


@dataclass(frozen=True)
class Key:
    key: str  # what a click on it simulates
    shown: str  # the key as shown (`[/]`, `^p`)
    description: str
    action: str
    enabled: bool
    tooltip: str

    @property
    def width(self) -> int:
        # Textual's FooterKey: the key padded by a space each side, the description by one after.
        return cell_len(self.shown) + 2 + (cell_len(self.description) + 1 if self.description else 0)


def fitting(keys: list[Key], width: int) -> list[Key]:
    """The keys, in order, that fit whole into `width` columns; one that does not is left out and
    a shorter one after it may still fit."""
    shown, used = [], 0
    for key in keys:
        if used + key.width <= width:
            shown.append(key)
            used += key.width
    return shown


@dataclass(frozen=True)
class Drawn:
    """Where a key is drawn on the line: columns [start, end)."""

    start: int
    end: int
    key: Key


# The parts of the line, as component classes, named as Textual's FooterKey names its own.
KEY_PART, DESCRIPTION_PART = "footer-key--key", "footer-key--description"
ITEM, ITEM_HOVER, ITEM_DISABLED = "footer--item", "footer--item-hover", "footer--item-disabled"
PALETTE = "footer--palette"  # its border and padding: app.tcss


class Footer(Widget, can_focus=False):
    """The keys that fit, a gap, help and the palette: one line drawn by one widget."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {KEY_PART, DESCRIPTION_PART, ITEM, ITEM_HOVER, ITEM_DISABLED, PALETTE}
    # Textual's Footer and FooterKey rules, for the parts this widget draws itself: a key's item
    # (FooterKey itself, its :hover and .-disabled) and its key and description.
    DEFAULT_CSS = """
    Footer {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .footer--item { background: $footer-item-background; }
        & > .footer--item-hover { color: $footer-key-foreground; background: $block-hover-background; pointer: pointer; }
        & > .footer--item-disabled { text-style: dim; }
        & > .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
            padding: 0 1;
        }
        & > .footer-key--description {
            padding: 0 1 0 0;
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        &.-compact {
            & > .footer--item { margin-right: 1; }
            & > .footer-key--key { padding: 0; }
            & > .footer-key--description { padding: 0 0 0 1; }
        }
    }
    """

    compact = reactive(False, toggle_class="-compact")
    """Display in compact style."""

    _bindings_ready = False
    _rebuild_pending = False
    _shown: tuple | None = None
    _hover: Key | None = None
    _made: tuple[tuple, tuple[list[Segment], tuple[Drawn, ...]]] | None = None  # the line, and what it was made for
    _styles: dict[tuple, RichStyle]

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None,
                 compact: bool = False) -> None:  # fmt: skip
        super().__init__(name=name, id=id, classes=classes)
        self.set_reactive(Footer.compact, compact)
        self.set_class(compact, "-compact", update=False)

    def _keys(self) -> tuple[list[Key], Key | None, Key | None]:
        """(the keys in the order they are wanted, help, the command palette)."""
        app = self.app
        palette_key = app.COMMAND_PALETTE_BINDING
        keys: list[Key] = []
        by_id: dict[str, Key] = {}
        help_key: Key | None = None
        palette: Key | None = None
        actions = set()
        # A screen in a mode (the plan's selection) may name its keys first and rename some.
        hint = getattr(self.screen, "footer_hint", None)
        renamed, first = hint() if hint is not None else ({}, ())
        order: dict[str, int] = {}
        for binding_id in (*first, *MOST_USED):
            order.setdefault(binding_id, len(order))
        ranked = []
        for position, (key, (_node, binding, enabled, tooltip)) in enumerate(self.screen.active_bindings.items()):
            if not binding.show:
                continue
            description = renamed.get(binding.id or "", binding.description)
            made = Key(key, app.get_key_display(binding), description, binding.action, enabled, tooltip or "")
            if key == palette_key or binding.action in ("command_palette", "app.command_palette"):
                palette = palette or made
                continue
            if binding.action.removeprefix("app.") == HELP_ACTION:
                help_key = help_key or made
                continue
            if binding.action in actions:  # one action under two keys: shown once
                continue
            actions.add(binding.action)
            if binding.id:
                by_id[binding.id] = made
            ranked.append((order.get(binding.id or "", len(order)), position, binding.id, made))
        seconds = {second: first for first, (second, _label) in PAIRS.items()}
        for _rank, _position, binding_id, made in sorted(ranked, key=lambda item: item[:2]):
            if binding_id in seconds and seconds[binding_id] in by_id:
                continue  # shown with its first ("[/] Week")
            if binding_id in PAIRS and PAIRS[binding_id][0] in by_id:
                second = by_id[PAIRS[binding_id][0]]
                made = Key(made.key, f"{made.shown}/{second.shown}", _(PAIRS[binding_id][1]), made.action,
                           made.enabled or second.enabled, made.tooltip)  # fmt: skip
            keys.append(made)
        return keys, help_key, palette

    def _plan(self) -> tuple[list[Key], Key | None, Key | None]:
        keys, help_key, palette = self._keys()
        width = self.app.size.width
        # The palette's key has a border before it and a space after (app.tcss); the gap
        # between the keys and help takes a column at least.
        pinned = (help_key.width if help_key else 0) + (palette.width + 2 if palette else 0) + 1
        return fitting(keys, width - pinned), help_key, palette

    def _keys_shown(self) -> tuple:
        keys, help_key, palette = self._plan()
        return (tuple(keys), help_key, palette, self.app.size.width)

    @property
    def shown(self) -> list[Key]:
        """The keys on the line, left to right: those that fit, help, the palette."""
        if self._shown is None:
            return []
        keys, help_key, palette = self._shown[:3]
        return [*keys, *(key for key in (help_key, palette) if key is not None)]

    def on_mount(self) -> None:
        # Textual's footer starts out empty and gets its keys when the screen first reports a
        # change of bindings (its first focus): a second layout and frame for every screen
        # opened. The keys known now are the screen's and the app's; a focus that adds keys
        # shows them, one that adds none does not.
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self._bindings_ready = True
        self._shown = self._keys_shown()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        self._schedule()

    def on_resize(self) -> None:
        self._schedule()

    def _schedule(self) -> None:
        if self.is_attached and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_later(self._rebuild)

    def _rebuild(self) -> None:
        self._rebuild_pending = False
        # A screen covered by another, or being closed, loses its focus too: nothing is built
        # for it then (a closed one is gone; a covered one is brought up to date when it is
        # shown again, which reports a change of bindings).
        if not (self.is_attached and self._bindings_ready and self.screen.is_current):
            return
        shown = self._keys_shown()
        if shown != self._shown:
            self._show(shown)

    def _show(self, shown: tuple) -> None:
        """Another line of keys: a repaint of this one line, before the next frame."""
        self._shown = shown
        if self._hover is not None:  # the key now under the mouse is the one highlighted
            over = self.app.mouse_over is self and self.app.mouse_position.x - self.region.x
            self._hover_over(None if over is False else self._key_at(over))
        self.refresh()

    # Drawing

    def _layered(self, *parts: tuple[str, ...]) -> RichStyle:
        """The style of a part drawn in a key, as Textual's DOMNode.rich_style makes a widget's
        from its ancestors' styles: the screen's, the footer's, then the key's item (FooterKey
        itself) and the part within it (`parts`: each a layer, a tuple of component classes
        merged in it)."""
        if parts in self._styles:
            return self._styles[parts]
        background = Color(0, 0, 0, 0)
        color = Color(255, 255, 255, 0)
        style = RichStyle()
        opacity = 1.0
        layers = [node.styles for node in reversed(self.ancestors_with_self)]
        layers += [self.get_component_styles(*layer) for layer in parts]
        for styles in layers:
            has_rule = styles.has_rule
            opacity *= styles.opacity
            if has_rule("background"):
                tinted = styles.background.tint(styles.background_tint)
                text_background = background + tinted
                background += tinted.multiply_alpha(opacity)
            else:
                text_background = background
            if has_rule("color"):
                color = styles.color
            style += styles.text_style
            if has_rule("auto_color") and styles.auto_color:
                color = text_background.get_contrast_text(color.a)
        self._styles[parts] = style = style + RichStyle.from_color(
            (background + color).rich_color if (background.a or color.a) else None,
            background.rich_color if background.a else None,
        )
        return style

    def _item(self, key: Key) -> tuple[str, ...]:
        return (ITEM, *((ITEM_HOVER,) if key == self._hover else ()), *(() if key.enabled else (ITEM_DISABLED,)))

    @property
    def drawn(self) -> tuple[Drawn, ...]:
        """The keys on the line, left to right, and where each is drawn."""
        return self._line()[1]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y or self._shown is None:
            return Strip.blank(width, self._blank())
        return Strip(self._line()[0]).crop(0, width)

    def _blank(self) -> RichStyle:
        base_background, background = self.background_colors
        return RichStyle.from_color(None, (base_background + background).rich_color)

    def _line(self) -> tuple[list[Segment], tuple[Drawn, ...]]:
        """The line's segments and where each key is drawn: the keys that fit from the left, a gap,
        help and the palette at the right. Made once for what it depends on: a mouse moving over
        the footer asks where the keys are at every move."""
        made_for = (self._shown, self._hover, self.size.width, self.app._css_update_count, self.compact)
        if self._made is not None and self._made[0] == made_for:
            return self._made[1]
        line = self._make_line()
        self._made = (made_for, line)
        return line

    def _make_line(self) -> tuple[list[Segment], tuple[Drawn, ...]]:
        if self._shown is None:
            return [], ()
        keys, help_key, palette = self._shown[:3]
        self._styles = {}  # each part's style, worked out once a line
        blank = self._blank()
        margin = self.get_component_styles(ITEM).margin.right
        segments: list[Segment] = []
        drawn: list[Drawn] = []
        x = 0
        for key in keys:
            x = self._draw(key, x, segments, drawn)
            if margin:
                segments.append(Segment(" " * margin, blank))
                x += margin
        right: list[Segment] = []
        right_drawn: list[Drawn] = []
        at = 0
        for key, classes in ((help_key, ()), (palette, (PALETTE,))):
            if key is not None:
                at = self._draw(key, at, right, right_drawn, classes)
                if margin:
                    right.append(Segment(" " * margin, blank))
                    at += margin
        gap = max(self.size.width - x - at, 0)
        # The gap begins with an empty segment, as the empty Static that made it drew it (in the
        # footer's colours, with its offset): the SVG snapshots of every screen hold it (a rect
        # of no width), and they stay as they were.
        segments.append(Segment("", self.rich_style + RichStyle.from_meta({"offset": (0, 0)})))
        if gap:
            segments.append(Segment(" " * gap, blank))
        drawn += [Drawn(d.start + x + gap, d.end + x + gap, d.key) for d in right_drawn]
        return segments + right, tuple(drawn)

    def _draw(self, key: Key, x: int, segments: list[Segment], drawn: list[Drawn], own: tuple[str, ...] = ()) -> int:
        """`key` drawn as Textual's FooterKey draws itself (with its border and padding, for the
        palette), from column `x`; returns the column after it."""
        item = self._item(key)
        start = x
        box = self.get_component_styles(*own) if own else None
        if box is not None:
            edge, edge_color = box.border.left
            if edge:
                # As Textual draws a widget's left border: on the key's background, in the border's
                # colour over the footer's.
                base_background, background = self.background_colors
                under = base_background + background
                inner = Style(background=Color.from_rich_color(self._layered(item).bgcolor))
                outer = Style(background=under)
                segment = get_box(edge, inner, outer, Style(foreground=under + edge_color))[1][0]
                segments.append(segment)
                x += segment.cell_length
            x += _pad(segments, box.padding.left, self._layered(item))
        key_style = self._layered(item, (KEY_PART,))
        if key.description:
            left, right = _padding(self, KEY_PART)
            segments.append(Segment(" " * left + key.shown + " " * right, key_style))
            left_d, right_d = _padding(self, DESCRIPTION_PART)
            segments.append(Segment(" " * left_d + key.description + " " * right_d, self._layered(item, (DESCRIPTION_PART,))))
            x += left + cell_len(key.shown) + right + left_d + cell_len(key.description) + right_d
        else:
            segments.append(Segment(key.shown, key_style))
            x += cell_len(key.shown)
        if box is not None:
            x += _pad(segments, box.padding.right, self._layered(item))
        drawn.append(Drawn(start, x, key))
        return x

    # The mouse

    def _key_at(self, x: int) -> Key | None:
        for drawn in self.drawn:
            if drawn.start <= x < drawn.end:
                return drawn.key
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover_over(self._key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._hover_over(None)

    def _hover_over(self, key: Key | None) -> None:
        """The key under the mouse highlighted, its tooltip the footer's (Textual shows the
        tooltip of the widget under the mouse) and the pointer a hand over it."""
        if key == self._hover:
            return
        self._hover = key
        self.tooltip = (key.tooltip or None) if key is not None else None
        pointer = self.get_component_styles(ITEM_HOVER).pointer if key is not None else "default"
        if self.styles.pointer != pointer:
            self.styles.pointer = pointer
            if self.is_attached and self.app.mouse_over is self:
                self.screen.update_pointer_shape()
        self.refresh()


def _padding(footer: Footer, part: str) -> tuple[int, int]:
    padding = footer.get_component_styles(part).padding
    return padding.left, padding.right


def _pad(segments: list[Segment], width: int, style: RichStyle) -> int:
    """`width` blank columns in the background of `style` (a widget's padding has no colour)."""
    if width:
        segments.append(Segment(" " * width, RichStyle.from_color(None, style.bgcolor)))
    return width
