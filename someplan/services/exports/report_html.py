"""The report as one self-contained HTML file: inline CSS and SVG, thumbnails as data: URIs, no
script and nothing fetched; A4 pages when printed (`@page`), one column on a screen.

User text goes through `html.escape` (quotes too) here and through the SVG escaping in the
charts; the only URIs are the data: URIs of thumbnails someplan made itself. The generator
meta tag marks the file as someplan's, so a later report may replace it.
"""

from __future__ import annotations

import html

from someplan.i18n import language, percent, pgettext
from someplan.domain.weeks import day_label, range_label
from someplan.services.exports.charts_svg import BLUE, GREEN, ORANGE, PURPLE, bar_chart, column_chart
from someplan.services.exports.html import GENERATOR
from someplan.services.exports.common import one_line
from someplan.services.report import Report, ReportPost

STYLE = """
@page { size: A4; margin: 14mm 12mm 16mm; }
@page wheel { size: A4 landscape; margin: 10mm; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d232a;
       max-width: 62rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; font-size: 15px; }
h1 { font-size: 1.6rem; margin: 0 0 0.2rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 0.5rem; border-bottom: 1px solid #d5dae0; padding-bottom: 0.2rem; }
.sub { color: #4b5563; margin: 0 0 1rem; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.8rem; }
.card { border: 1px solid #d5dae0; border-radius: 6px; padding: 0.6rem 0.8rem; }
.card .name { color: #4b5563; font-size: 0.85rem; }
.card .value { font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.card .then { color: #4b5563; font-size: 0.85rem; }
.up { color: #1f6f43; } .down { color: #b42318; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
svg.chart { width: 100%; height: auto; display: block; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid #eceff2; vertical-align: top; }
th { color: #4b5563; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.posts { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.8rem; }
.post { border: 1px solid #d5dae0; border-radius: 6px; padding: 0.5rem; display: flex; gap: 0.6rem; }
.post img, .post .nopic { width: 72px; height: 72px; object-fit: cover; border-radius: 4px; flex: none; }
.post .nopic { background: #eef2f6; }
.post .t { font-weight: 600; overflow-wrap: anywhere; }
.post .m { color: #4b5563; font-size: 0.82rem; }
.empty { color: #6b7480; }
.wheel svg { width: 100%; height: auto; display: block; }
footer { margin-top: 2rem; color: #6b7480; font-size: 0.8rem; }
@media (max-width: 700px) { .cards, .posts, .pair { grid-template-columns: 1fr; } }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  section, .card, .post, svg.chart { break-inside: avoid; }
  section.wheel { break-before: page; page: wheel; }
  section.wheel h2 { margin-top: 0; }
  .wheel svg { width: auto; height: 170mm; max-width: 100%; margin: 0 auto; }
  footer { display: none; }
}
"""


def e(text: object) -> str:
    """User text for HTML: one line, control characters shown as escapes, markup and quotes escaped."""
    return html.escape(one_line(text), quote=True)


def h2(text: str) -> str:
    return f"<h2>{e(text)}</h2>"


def empty(text: str) -> str:
    return f'<p class="empty">{e(text)}</p>'


def head(*names: str, numbers: bool = False) -> str:
    """A table's start and its head row; with `numbers`, every column but the first is right-aligned."""
    cells = "".join(f'<th class="n">{e(n)}</th>' if numbers and i else f"<th>{e(n)}</th>" for i, n in enumerate(names))
    return f"<table><thead><tr>{cells}</tr></thead><tbody>"


def report_html(report: Report) -> str:
    posts_word = pgettext("report", "posts")
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{e(report.locale)}">',
        "<head>",
        '<meta charset="utf-8">',
        GENERATOR,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(report.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{e(report.title)}</h1>",
        '<p class="sub">' + e(pgettext("report", "{dates}, compared with {previous}. Made {day}.").format(
            dates=range_label(report.period.first, report.period.last, report.locale, year=True),
            previous=report.previous_label, day=day_label(report.made, report.locale, weekday=None, year=True))) + "</p>",
    ]  # fmt: skip
    out += _cards(report)
    if report.goals is not None:
        out += _goals(report)
    out.append("<section>")
    out.append(h2(pgettext("report", "Rates per week")))
    weeks_reach = [(g.name, g.reach_rate) for g in report.weeks]
    weeks_engagement = [(g.name, g.engagement_rate) for g in report.weeks]
    out.append('<div class="pair">' + column_chart(weeks_reach, pgettext("report", "Reach rate"), BLUE)
               + column_chart(weeks_engagement, pgettext("report", "Engagement rate"), ORANGE) + "</div>")  # fmt: skip
    out.append("</section>")
    for heading, groups in ((pgettext("report", "By category"), report.by_category), (pgettext("report", "By channel"), report.by_channel),
                            (pgettext("report", "By format"), report.by_format)):  # fmt: skip
        if not groups and groups is report.by_format:
            continue  # posts do not know their format yet: no empty chart
        out.append("<section>")
        out.append(f"<h2>{e(heading)}</h2>")
        if not groups:
            out.append(empty(pgettext("report", "No published posts with key figures in this period.")))
        else:
            out.append('<div class="pair">'
                       + bar_chart([(g.name, g.reach_rate, g.posts) for g in groups], pgettext("report", "Reach rate"), BLUE, posts_word=posts_word)
                       + bar_chart([(g.name, g.engagement_rate, g.posts) for g in groups], pgettext("report", "Engagement rate"), ORANGE,
                                   posts_word=posts_word)
                       + "</div>")  # fmt: skip
        out.append("</section>")
    out += _mix(report)
    out += _posts_section(pgettext("report", "Best posts"), report.top, pgettext("report", "No post in this period has an engagement rate yet."))
    if report.bottom:
        out += _posts_section(pgettext("report", "Weakest posts"), report.bottom, "")
    out += _plan(report)
    out += _posts_section(pgettext("report", "Worth reusing"), report.reuse,
                          pgettext("report", "Nothing to reuse yet: the best quarter of posts older than eight weeks shows here."))  # fmt: skip
    out += _follows(report)
    if report.ideas is not None:
        out += _ideas(report)
    out.append('<section class="wheel">')
    out.append(h2(pgettext("export", "Year wheel {year}").format(year=report.period.first.year)))
    out.append(report.wheel_svg)
    out.append("</section>")
    out.append("<footer>" + e(pgettext("export", "Made with someplan")) + "</footer>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _delta(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return ""
    change = now - before
    text = pgettext("report", "{change} points").format(change=f"{change:+.1f}".replace(".", "," if language() == "nb" else "."))
    kind = "up" if change > 0.05 else "down" if change < -0.05 else ""
    arrow = "▲ " if kind == "up" else "▼ " if kind == "down" else ""
    return f' <span class="{kind}">{e(arrow + text)}</span>'


def _cards(report: Report) -> list[str]:
    now, before = report.now, report.before
    then = pgettext("report", "{previous}: {value}")

    def card(name: str, value: str, previous: str, delta: str = "") -> str:
        return (f'<div class="card"><div class="name">{e(name)}</div><div class="value">{e(value)}</div>'
                f'<div class="then">{e(then.format(previous=report.previous_label, value=previous))}{delta}</div></div>')  # fmt: skip

    return [
        '<section class="cards">',
        card(pgettext("report", "Published posts"), str(now.posts), str(before.posts)),
        card(pgettext("report", "Reach rate"), percent(now.reach_rate), percent(before.reach_rate), _delta(now.reach_rate, before.reach_rate)),
        card(pgettext("report", "Engagement rate"), percent(now.engagement_rate), percent(before.engagement_rate),
             _delta(now.engagement_rate, before.engagement_rate)),  # fmt: skip
        "</section>",
    ]


def _mix(report: Report) -> list[str]:
    """What the published posts were made of: their categories and, where posts name it, their
    funnel stage; each as a share of the period's published posts."""
    if not report.mix_categories:
        return []
    posts_word = pgettext("report", "posts")
    charts = [bar_chart([(s.name, s.share, s.posts) for s in report.mix_categories], pgettext("report", "Categories"),
                        GREEN, posts_word=posts_word)]  # fmt: skip
    if report.mix_funnel:
        charts.append(bar_chart([(s.name, s.share, s.posts) for s in report.mix_funnel], pgettext("report", "Funnel stages"),
                                PURPLE, posts_word=posts_word))  # fmt: skip
    return ["<section>", h2(pgettext("report", "The mix: share of the published posts")), '<div class="pair">' + "".join(charts) + "</div>",
            "</section>"]  # fmt: skip


def _goals(report: Report) -> list[str]:
    out = ["<section>", h2(pgettext("report", "Goals"))]
    if not report.goals:
        return [*out, empty(pgettext("report", "No goals set.")), "</section>"]
    out.append(head(pgettext("report", "Goal"), pgettext("report", "Target"), pgettext("report", "Now"), ""))
    for goal in report.goals:
        mark = "" if goal.reached is None else ('<span class="up">✓</span>' if goal.reached else '<span class="down">✗</span>')
        out.append(f"<tr><td>{e(goal.goal)}</td><td>{e(goal.target)}</td><td>{e(goal.now)}</td><td>{mark}</td></tr>")
    return [*out, "</tbody></table>", "</section>"]


def _posts_section(heading: str, posts: tuple[ReportPost, ...], empty: str) -> list[str]:
    out = ["<section>", f"<h2>{e(heading)}</h2>"]
    if not posts:
        return [*out, f'<p class="empty">{e(empty)}</p>', "</section>"]
    out.append('<div class="posts">')
    for post in posts:
        picture = (f'<img src="{e(post.thumbnail)}" alt="">' if post.thumbnail and post.thumbnail.startswith("data:image/jpeg;base64,")
                   else '<div class="nopic"></div>')  # fmt: skip
        where = " · ".join(filter(None, (day_label(post.day, language(), weekday=None, year=True), post.channel, post.category)))
        rates = pgettext("report", "reach {reach} · engagement {engagement}").format(
            reach=percent(post.reach_rate), engagement=percent(post.engagement_rate))  # fmt: skip
        out.append(f'<div class="post">{picture}<div><div class="t">{e(post.title or "–")}</div>'
                   f'<div class="m">{e(where)}</div><div class="m">{e(rates)}</div></div></div>')  # fmt: skip
    return [*out, "</div>", "</section>"]


def _plan(report: Report) -> list[str]:
    out = ["<section>", h2(pgettext("report", "Planned against published"))]
    if not report.plan:
        return [*out, empty(pgettext("report", "Nothing was planned in this period.")), "</section>"]
    out.append(head(pgettext("export", "Channel"), pgettext("report", "Target"), pgettext("report", "Planned"),
                    pgettext("report", "Published"), numbers=True))  # fmt: skip
    for row in report.plan:
        target = str(row.target) if row.target else "–"
        out.append(f'<tr><td>{e(row.channel)}</td><td class="n">{target}</td><td class="n">{row.planned}</td>'
                   f'<td class="n">{row.published}</td></tr>')  # fmt: skip
    total = [sum(r.target for r in report.plan), sum(r.planned for r in report.plan), sum(r.published for r in report.plan)]
    out.append("<tr><th>" + e(pgettext("report", "All channels")) + "</th>" + "".join(f'<th class="n">{n}</th>' for n in total) + "</tr>")
    return [*out, "</tbody></table>", "</section>"]


def _follows(report: Report) -> list[str]:
    out = ["<section>", h2(pgettext("report", "New followers"))]
    if not report.follows:
        return [*out, empty(pgettext("report", "No follower counts for this period: import a page-level daily export to see them.")),
                "</section>"]  # fmt: skip
    out.append(head(pgettext("export", "Channel"), pgettext("report", "Before"), pgettext("report", "After"),
                    pgettext("report", "New"), numbers=True))  # fmt: skip
    for row in report.follows:
        out.append(f'<tr><td>{e(row.channel)}</td><td class="n">{row.before}</td><td class="n">{row.after}</td>'
                   f'<td class="n">{row.new:+d}</td></tr>')  # fmt: skip
    return [*out, "</tbody></table>", "</section>"]


def _ideas(report: Report) -> list[str]:
    out = ["<section>", h2(pgettext("report", "Ideas that came in"))]
    if not report.ideas:
        return [*out, empty(pgettext("report", "No ideas came in during this period.")), "</section>"]
    out.append("<table><tbody>")
    for idea in report.ideas:
        out.append(f"<tr><td>{e(day_label(idea.day, report.locale, weekday=None))}</td><td>{e(idea.who)}</td>"
                   f"<td>{e(idea.text)}</td><td>{e(idea.outcome)}</td></tr>")  # fmt: skip
    return [*out, "</tbody></table>", "</section>"]

