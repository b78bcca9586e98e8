"""A person's consent as a short coloured phrase, shared by the batch session, the people screen
and the post editor (which must not import the batch wizard to say it)."""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from someplan.domain.person import ConsentState, consent_state
from someplan.i18n import _
from someplan.tui import labels


def consent_text(person, day: dt.date, short: bool = False) -> Text:
    """ "✓ consent until 31 Dec 2027", "⚠ no consent" …; `short` under a "Consent" heading."""
    state = consent_state(person, day)
    until = labels.day(person.consent_until, year=True) if person.consent_until else ""
    if state is ConsentState.MISSING:
        return Text(_("⚠ none") if short else _("⚠ no consent"), style="bold yellow")
    if state is ConsentState.EXPIRED:
        shown = _("⚠ ended {day}") if short else _("⚠ consent ended {day}")
        return Text(shown.format(day=until), style="bold yellow")
    if until:
        shown = (_("✓ until {day}") if short else _("✓ consent until {day}")).format(day=until)
    else:
        shown = _("✓ yes") if short else _("✓ consent")
    return Text(shown, style="yellow" if state is ConsentState.EXPIRING else "green")
