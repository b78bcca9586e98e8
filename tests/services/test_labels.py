"""The words for domain values come from one module (services.labels), for both faces."""

import pytest

from someplan import i18n
from someplan.cli import posts as cli_posts
from someplan.cli import status as cli_status
from someplan.services import labels
from someplan.tui import labels as tui_labels


@pytest.fixture
def bokmal(monkeypatch):
    monkeypatch.setenv(i18n.ENV_VAR, "nb")
    i18n.set_language("nb")


def test_the_planner_uses_the_shared_words():
    for name in ("status", "rotation_state", "standing", "funnel", "severity", "post_format", "surface"):
        assert getattr(tui_labels, name) is getattr(labels, name)


@pytest.mark.usefixtures("bokmal")
def test_the_command_line_says_what_the_planner_says():
    assert cli_posts._shown_value("funnel", "awareness") == labels.funnel("awareness") == "kjennskap"
    assert cli_posts._shown_value("status", "draft") == labels.status("draft") == "utkast"
    assert cli_status.severity_label("warning") == labels.severity("warning") == "advarsel"
    assert cli_posts._shown_value("format", "carousel") == labels.post_format("carousel") == "karusell"
    assert cli_posts._shown_value("surface", "paid") == labels.surface("paid") == "betalt"


def test_an_unknown_value_is_shown_as_stored():
    assert labels.funnel("virality") == "virality"
    assert labels.status("ferdig") == "ferdig"
    assert labels.post_format("hologram") == "hologram" and labels.surface("sponset") == "sponset"
