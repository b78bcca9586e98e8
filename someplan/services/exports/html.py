"""A plan digest as one standalone HTML file: inline CSS, no scripts, no outside resources, fit
for an e-mail attachment or the printer.

Every piece of user text goes through `html.escape` (quotes too); a category colour is used only
when it is a plain hex colour, so nothing a user typed can reach the markup or the styles.
A ``<meta name="generator" content="someplan">`` marks the file as someplan's, so a later export
may replace it.
"""

from __future__ import annotations

import html

from someplan.domain.category import normalise_colour
from someplan.i18n import pgettext
from someplan.services.exports.digest import Digest, DigestPost

GENERATOR = '<meta name="generator" content="someplan">'

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d232a;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.5rem; margin-bottom: 0.5rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 0.4rem; border-bottom: 1px solid #d5dae0; padding-bottom: 0.2rem; }
.campaigns { color: #5a2d82; }
.marks { color: #8a5a00; font-style: italic; margin: 0.2rem 0; }
.empty { color: #6b7480; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid #eceff2; vertical-align: top; }
th { color: #4b5563; font-weight: 600; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; width: 4rem; }
.swatch { display: inline-block; width: 0.7rem; height: 0.7rem; border-radius: 2px; margin-right: 0.35rem;
          vertical-align: baseline; }
.status { white-space: nowrap; }
.status-idea, .status-draft { color: #6b7480; }
.status-ready { color: #1f6f43; }
.status-scheduled { color: #1d4ed8; }
.status-published { color: #374151; }
td.short { color: #b42318; font-weight: 600; }
td.met { color: #1f6f43; }
footer { margin-top: 2rem; color: #6b7480; font-size: 0.8rem; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table { break-inside: auto; } }
"""


def e(text: object) -> str:
    return html.escape(str(text), quote=True)


def digest_html(digest: Digest) -> str:
    campaigns_word = pgettext("export", "Campaigns and seasons")
    no_posts, nothing = pgettext("export", "No posts."), pgettext("export", "No posts in this period.")
    load_word, channel_word = pgettext("export", "Planned vs target"), pgettext("export", "Channel")
    made_with = pgettext("export", "Made with someplan")
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{e(digest.locale)}">',
        "<head>",
        '<meta charset="utf-8">',
        GENERATOR,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(digest.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{e(digest.title)}</h1>",
    ]
    if digest.campaigns:
        listed = ", ".join(f"<strong>{e(c.title)}</strong> ({e(c.dates)})" for c in digest.campaigns)
        out.append(f'<p class="campaigns">{e(campaigns_word)}: {listed}</p>')
    headings = [pgettext("export", "Time"), channel_word, pgettext("export", "Category"),
                pgettext("export", "Status"), pgettext("export", "Title")]  # fmt: skip
    for day in digest.days:
        out.append(f'<section class="day" id="d{day.date.isoformat()}">')
        out.append(f"<h2>{e(day.label)}</h2>")
        for mark in day.marks:
            out.append(f'<p class="marks">{e(mark)}</p>')
        if not day.posts:
            out.append(f'<p class="empty">{e(no_posts)}</p>')
        else:
            out.append("<table>")
            out.append("<thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in headings) + "</tr></thead>")
            out.append("<tbody>")
            out += [_post_row(post) for post in day.posts]
            out.append("</tbody></table>")
        out.append("</section>")
    if not digest.days:
        out.append(f'<p class="empty">{e(nothing)}</p>')
    if digest.load:
        out.append(f"<h2>{e(load_word)}</h2>")
        out.append('<table class="load">')
        out.append("<thead><tr><th>" + e(channel_word) + "</th>"
                   + "".join(f"<th>{e(w)}</th>" for w in digest.weeks) + "</tr></thead>")  # fmt: skip
        out.append("<tbody>")
        for row in digest.load:
            cells = "".join(_load_cell(planned, target) for planned, target in row.cells)
            out.append(f"<tr><td>{e(row.channel)}</td>{cells}</tr>")
        out.append("</tbody></table>")
    out.append(f'<footer>{e(made_with)}</footer>')
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _post_row(post: DigestPost) -> str:
    colour = normalise_colour(post.colour) if post.colour else None
    swatch = f'<span class="swatch" style="background:{colour}"></span>' if colour else ""
    return (
        "<tr>"
        f'<td class="time">{e(post.time)}</td>'
        f"<td>{e(post.channel)}</td>"
        f"<td>{swatch}{e(post.category)}</td>"
        f'<td class="status status-{e(post.status)}">{e(post.status_label)}</td>'
        f"<td>{e(post.title)}</td>"
        "</tr>"
    )


def _load_cell(planned: int, target: int) -> str:
    if not target:
        return f"<td>{planned}</td>"
    kind = "short" if planned < target else "met"
    return f'<td class="{kind}">{planned} / {target}</td>'
