"""Who dropped an idea, its title and preview, the category its words suggest, a note's name."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from someplan.domain.category import Category
from someplan.domain.ideas import (
    contributor,
    guess_category,
    kind_of_idea,
    note_name,
    note_stem_of_attachment,
    preview,
    title_of,
)  # fmt: skip


def test_the_contributor_from_the_first_line_the_folder_the_name_or_the_device():
    assert contributor("Fra: Kari Solheim\nEn idé", "x.txt", {}) == "Kari Solheim"
    assert contributor("**From:** Ola\n\nhei", "x.md", {}) == "Ola"
    assert contributor("Ingen avsender her", "ahmed/rakfisk.md", {}) == "ahmed"
    assert contributor(None, "Kari Solheim - nordlys.png", {}) == "Kari Solheim"
    assert contributor(None, "2026-11-18-093000-ab12cd34-0f0f0f.md", {"ab12cd34zz": "Jonas"}) == "Jonas"
    assert contributor(None, "IMG_0001.jpg", {}) == ""


def test_preview_and_title_leave_the_from_line_and_markdown_marks_out():
    text = "Fra: Kari\n\n# Rakfisk før julebordet\nVi åpner tønna.\nFilm det!\nEn linje til"
    assert preview(text) == ["Rakfisk før julebordet", "Vi åpner tønna.", "Film det!"]
    assert title_of(text, "x.md") == "Rakfisk før julebordet"
    assert title_of(None, "kari/nordlys over taket.png") == "nordlys over taket"
    assert len(title_of("x" * 300, "a.md")) == 80


def test_the_category_is_guessed_from_its_name_and_question():
    categories = [
        Category("a", "ansatte", question="Hva gjør du en vanlig dag?"),
        Category("t", "tips og triks", question="Hva spør gjestene oftest om? Hvilken tur passer i dette været?"),
        Category("b", "bak kulissene", question="Hva skjer før gjestene våkner?"),
    ]
    assert guess_category("Gjestene spør oftest om turer i nærheten", categories) == "t"
    assert guess_category("Film bak kulissene på kjøkkenet", categories) == "b"
    assert guess_category("Nye ansatte i resepsjonen", categories) == "a"
    assert guess_category("Zzz", categories) is None


def test_kinds():
    assert [kind_of_idea(n) for n in ("a.md", "a.TXT", "a.jpg", "a.mov", "a.m4a", "a.pdf", "README")] == [
        "note", "note", "image", "video", "audio", "other", "note"]  # fmt: skip


@given(st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1)),
       st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=8, max_size=12),
       st.text("0123456789abcdef", min_size=6, max_size=6), st.text(min_size=1, max_size=20).filter(lambda s: "/" not in s))
def test_a_file_copied_beside_a_note_is_known_as_its_attachment(when, device, token, base):
    name = note_name(when, device, token)
    assert name.endswith(".md") and device[:8] in name
    assert note_stem_of_attachment(f"{name[:-3]}-{base}") == name[:-3]
    assert note_stem_of_attachment(f"kari/{name[:-3]}-{base}") == f"kari/{name[:-3]}"
