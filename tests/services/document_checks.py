"""What every self-contained document someplan writes must be: well-formed, no script, nothing
fetched from outside (no http(s) or protocol-relative src/href, no @import, no url() but to
an inline data: image or a fragment of the same file)."""

from __future__ import annotations

import html.parser
import re
import xml.etree.ElementTree as ET

_OUTSIDE_URL = re.compile(r"url\(\s*['\"]?(?!data:|#)", re.IGNORECASE)
_LINK_ATTRIBUTES = {"src", "href", "xlink:href", "{http://www.w3.org/1999/xlink}href", "action", "srcset", "poster"}


def _check_link(name: str, value: str) -> None:
    if name.lower() in _LINK_ATTRIBUTES:
        assert value.startswith(("#", "data:image/")), (name, value)


def _check_style(text: str) -> None:
    assert "@import" not in text.lower(), text
    assert not _OUTSIDE_URL.search(text), text


def check_svg(text: str) -> ET.Element:
    """Parse `text` as XML (raises when it is not) and check it; the root element."""
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1].lower()
        assert tag not in ("script", "foreignobject", "iframe", "image") or tag == "image" and all(
            v.startswith("data:image/") for k, v in element.attrib.items() if k.endswith("href")
        ), tag
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), name
            _check_link(name, value)
            if name == "style":
                _check_style(value)
        if tag == "style":
            _check_style(element.text or "")
    return root


class _Checker(html.parser.HTMLParser):
    VOID = {"meta", "br", "img", "link", "hr", "input", "source", "wbr", "col", "area", "base", "embed", "track"}
    # SVG elements inside HTML that may close themselves (<path/>), which html.parser reports
    # as a start and end at once.

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.tags: set[str] = set()
        self.styles: list[str] = []
        self.in_style = False
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        assert tag not in ("script", "iframe", "object", "embed", "link", "base", "form"), tag
        for name, value in attrs:
            assert not name.startswith("on"), name
            _check_link(name, value or "")
            if name == "style":
                _check_style(value or "")
        if tag not in self.VOID:
            self.open.append(tag)
        self.in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            assert self.open.pop() == tag

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, (tag, self.open[-5:])
        self.open.pop()
        self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.styles.append(data)
        else:
            self.text.append(data)


def check_html(text: str) -> _Checker:
    """Parse `text` as HTML: every element closed in order, nothing run or fetched."""
    assert text.startswith("<!DOCTYPE html>")
    checker = _Checker()
    checker.feed(text)
    checker.close()
    assert checker.open == [], checker.open
    for style in checker.styles:
        _check_style(style)
    # Inline SVG must be XML too: a browser parses it leniently, a printer's converter may not.
    for found in re.finditer(r"<svg\b.*?</svg>", text, re.DOTALL):
        check_svg(found.group())
    return checker
