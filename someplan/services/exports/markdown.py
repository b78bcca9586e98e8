"""A plan digest as Markdown (GitHub-flavoured tables), for an e-mail, a wiki or a chat.

User text never breaks the layout: it is put on one line and every character Markdown gives a
meaning inside a line is escaped with a backslash (``\\ ` * _ [ ] < > | ~ &``), so a title like
``[click](http://x)`` or ``<b>`` or ``a | b`` shows as written. Nothing user-written starts a line,
so heading, list and quote marks need no escaping. The first line is an HTML comment that marks
the file as someplan's (invisible when rendered), so a later export may replace it.
"""

from __future__ import annotations

import re

from someplan.i18n import pgettext
from someplan.services.exports.digest import Digest

MARKER = "<!-- someplan export -->"
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def md(text: str) -> str:
    """One line of user text, escaped for Markdown."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def digest_markdown(digest: Digest) -> str:
    out = [MARKER, f"# {md(digest.title)}", ""]
    if digest.campaigns:
        listed = ", ".join(f"{md(c.title)} ({md(c.dates)})" for c in digest.campaigns)
        out += ["**" + pgettext("export", "Campaigns and seasons") + ":** " + listed, ""]
    headings = [pgettext("export", "Time"), pgettext("export", "Channel"), pgettext("export", "Category"),
                pgettext("export", "Status"), pgettext("export", "Title")]  # fmt: skip
    for day in digest.days:
        out += [f"## {md(day.label)}", ""]
        if day.marks:
            out += [" · ".join(f"*{md(mark)}*" for mark in day.marks), ""]
        if not day.posts:
            out += [pgettext("export", "No posts."), ""]
            continue
        out.append(_row(headings))
        out.append(_row(["---"] * len(headings)))
        for post in day.posts:
            out.append(_row([post.time, md(post.channel), md(post.category), md(post.status_label), md(post.title)]))
        out.append("")
    if not digest.days:
        out += [pgettext("export", "No posts in this period."), ""]
    if digest.load:
        out += ["## " + pgettext("export", "Planned vs target"), ""]
        out.append(_row([pgettext("export", "Channel"), *(md(w) for w in digest.weeks)]))
        out.append(_row(["---"] * (len(digest.weeks) + 1)))
        for row in digest.load:
            out.append(
                _row([md(row.channel), *(f"{planned} / {target}" if target else str(planned) for planned, target in row.cells)])
            )
        out.append("")
    return "\n".join(out)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell or " " for cell in cells) + " |"
