"""Settings that belong to the workspace, shared by everyone who opens it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from someplan.domain.doc_fields import DocReader
from someplan.i18n import _

LOCALES = ("nb", "en")
MINUTES_PREFIX = "minutes_"
MIX_PREFIX = "mix_"


@dataclass(frozen=True)
class WorkspaceSettings:
    name: str = ""
    timezone: str = "Europe/Oslo"  # not validated here: looking up zones reads tzdata from disk
    locale: str = "nb"
    asset_folder: str = "assets/"  # relative to the workspace
    ideas_folder: str = "ideas/"  # where colleagues drop ideas; relative to the workspace
    # Minutes a post of a format takes, where the user changed the default (domain/capacity.py),
    # stored as one field per format: "minutes_reel": 120.
    format_minutes: Mapping[str, int] = field(default_factory=dict)
    # The target mix in percent of a month's posts, "format:reel" → 20 for every month and
    # "2026-12/surface:earned" → 10 for one (domain/mix.py); stored as "mix_format:reel": 20.
    mix_targets: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def from_doc(cls, doc: object, id: str = "workspace") -> WorkspaceSettings:
        return cls.read(DocReader(doc), id)

    @classmethod
    def read(cls, doc: DocReader, id: str = "workspace") -> WorkspaceSettings:
        locale = doc.text("locale", "nb")
        if locale not in LOCALES:
            doc.problems.append(_("locale: unknown {locale!r}").format(locale=locale))
            locale = "nb"
        return cls(
            name=doc.text("name"),
            timezone=doc.text("timezone") or "Europe/Oslo",
            locale=locale,
            asset_folder=doc.text("asset_folder") or "assets/",
            ideas_folder=doc.text("ideas_folder") or "ideas/",
            format_minutes=doc.counts_by_prefix(MINUTES_PREFIX),
            mix_targets=doc.counts_by_prefix(MIX_PREFIX),
        )

    def to_doc(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "timezone": self.timezone,
            "locale": self.locale,
            "asset_folder": self.asset_folder,
            **({"ideas_folder": self.ideas_folder} if self.ideas_folder != "ideas/" else {}),
            **{MINUTES_PREFIX + name: value for name, value in self.format_minutes.items()},
            **{MIX_PREFIX + name: value for name, value in self.mix_targets.items()},
        }
