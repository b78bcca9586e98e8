"""Exports from someplan: the plan as files other programs and people read.

- `ics`: an iCalendar file of the plan, for a calendar program to import or subscribe to;
- `hootsuite`: a Hootsuite bulk-composer CSV for one channel, with its rules checked;
- `digest`, `markdown`, `html`: a week's or a month's plan to send to colleagues;
- `posts_csv`: every post with its fields, for a spreadsheet;
- `wheel_svg`: the year wheel (årshjul) as an SVG picture, to print or show;
- `common`: what the formats share (which posts, names, cleaning user text);
- `files`: default file names, which targets may be written, writing atomically;
- `run`: the use case the command line and the planner both call.

The format modules do no I/O: they take posts and names and return bytes or text. They speak
the current language through `someplan.i18n`, which is why they live in services, not domain.
"""

FORMATS = ("ics", "hootsuite", "markdown", "html", "csv", "wheel")
ALIASES = {"md": "markdown", "ical": "ics", "icalendar": "ics", "htm": "html", "svg": "wheel", "årshjul": "wheel"}
