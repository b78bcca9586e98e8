"""The mix and hours view drawn as Rich text (screens/mix.py shows it; tested by rendering):
each format, surface and purpose with its share of the period's posts against its target, the
hours of the period's weeks, and earned content whose permission needs the user."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text

from someplan.domain.capacity import LOAD_MARKS, Capacity, Load, capacity_label
from someplan.domain.figures_stats import GroupFigures
from someplan.domain.mix import DIMENSIONS, Mix, MixLine
from someplan.domain.weeks import IsoWeek, week_label
from someplan.i18n import _, language, ngettext, percent
from someplan.services.mix import MixPeriod, dimension_label, value_label
from someplan.textsafe import literal
from someplan.tui.strategy_marks import LOAD_STYLES

BAR = 20  # characters for 100 %


def bar(line: MixLine) -> Text:
    """The share as a bar of `BAR` cells, the target as a tick (│) where it falls."""
    filled = round(line.share / 100 * BAR)
    cells = ["█"] * filled + ["·"] * (BAR - filled)
    styles = ["cyan"] * filled + ["dim"] * (BAR - filled)
    if line.target is not None:
        at = min(BAR - 1, round(line.target / 100 * BAR))
        cells[at], styles[at] = "│", "bold yellow"
    text = Text()
    for cell, style in zip(cells, styles, strict=True):
        text.append(cell, style)
    return text


def _mark(line: MixLine) -> tuple[str, str]:
    if line.on_target is None:
        return "", ""
    if line.on_target:
        return "✓", "green"
    return ("↑ " + _("more"), "yellow") if (line.gap or 0) < 0 else ("↓ " + _("fewer"), "yellow")


def mix_text(period: MixPeriod, mix: Mix, width: int) -> Text:
    label_width = max([len(value_label(line)) for line in mix.lines] + [10])
    label_width = min(label_width, max(10, width - BAR - 30))
    text = Text()
    for dimension in DIMENSIONS:
        lines = mix.of(dimension)
        text.append(dimension_label(dimension), "bold")
        text.append("\n")
        if not lines:
            text.append("  " + (_("no purposes given yet") if dimension == "purpose" else _("no posts")) + "\n", "dim")
            continue
        for line in lines:
            name = literal(value_label(line))
            name = name if len(name) <= label_width else name[: label_width - 1] + "…"
            text.append(f"  {name:<{label_width}} ")
            text.append_text(bar(line))
            text.append(f" {line.posts:>3} {percent(line.share):>7}")
            if line.target is not None:
                text.append("  " + _("target {percent}").format(percent=f"{line.target} %"), "dim")
                mark, style = _mark(line)
                text.append(f" {mark}", style)
            text.append("\n")
    return text


def hours_text(period: MixPeriod, capacities: Mapping[IsoWeek, Capacity]) -> Text:
    text = Text(_("Hours"), style="bold")
    text.append("\n")
    if not capacities:
        return text
    shown: Sequence[Capacity] = list(capacities.values())
    if all(c.available is None for c in shown):
        text.append("  " + _("No hours recorded: someplan people edit NAME --hours 10") + "\n", "dim")
    if period.kind == "year":
        busy = [c for c in shown if c.load in (Load.TIGHT, Load.OVER)]
        said = ngettext("{count} week nearly full or overbooked", "{count} weeks nearly full or overbooked", len(busy))
        text.append("  " + said.format(count=len(busy)) + "\n", "bold red" if busy else "green")
        shown = busy
    for capacity in shown:
        text.append(f"  {week_label(capacity.week, language()):<24} ")
        posts = ngettext("{count} post", "{count} posts", capacity.posts).format(count=capacity.posts)
        text.append(f"{posts:<12} ")
        mark = LOAD_MARKS[capacity.load]
        text.append(capacity_label(capacity) + (f" {mark}" if mark else ""), LOAD_STYLES[capacity.load])
        text.append("\n")
    return text


def earned_text(warnings: Sequence[tuple[str, str, str]]) -> Text:
    text = Text(_("Earned content"), style="bold")
    text.append("\n")
    if not warnings:
        text.append("  " + _("Every permission holds.") + "\n", "dim")
    for _post, _kind, sentence in warnings:
        text.append("  ⚠ ", "yellow")
        text.append(literal(sentence) + "\n")
    return text


def rates_text(rates: Mapping[str, Sequence[GroupFigures]]) -> Text:
    """The period's published posts by format and by surface: posts, reach rate, engagement rate."""
    text = Text(_("Key figures of the published posts"), style="bold")
    text.append("\n")
    if not any(rates.values()):
        text.append("  " + _("No published posts in this period.") + "\n", "dim")
        return text
    posts, reach, engagement = _("posts"), _("reach"), _("engagement")
    text.append(f"  {'':<14} {posts:>7} {reach:>9} {engagement:>11}\n", "dim")
    for grouping, groups in rates.items():
        for group in groups:
            name = literal(group.name)
            name = name if len(name) <= 14 else name[:13] + "…"
            text.append(f"  {name:<14} {group.posts:>7} {percent(group.reach_rate):>9} {percent(group.engagement_rate):>11}")
            text.append(f"  {dimension_label(grouping).lower()}\n", "dim")
    return text
