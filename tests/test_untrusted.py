"""Untrusted text: which addresses may be links, and control characters made visible."""

from __future__ import annotations

import pytest

from skyledger.untrusted import printable, safe_url


@pytest.mark.parametrize(
    ("given", "link"),
    [
        ("https://example.org/news/1", "https://example.org/news/1"),
        ("http://example.org", "http://example.org"),
        ("HTTPS://Example.org/a?b=1#c", "HTTPS://Example.org/a?b=1#c"),
        ("  https://example.org/x \n", "https://example.org/x"),
        ("https://exa\nmple.org/", "https://example.org/"),  # browsers drop tabs and newlines
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        (" javascript:alert(1)", None),
        ("\x01javascript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox(1)", None),
        ("tg://resolve?domain=example", None),
        ("//example.org/protocol-relative", None),
        ("/relative/path", None),
        ("https:example.org", None),  # no host
        ("http://[", None),
        ("https://example.org/\u202egnp.exe", None),
        ("https://example.org/a b", None),
        ("", None),
        (None, None),
        (42, None),
    ],
)
def test_only_http_urls_with_a_host_are_links(given, link):
    assert safe_url(given) == link


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Governor of Kaluga Oblast", "Governor of Kaluga Oblast"),
        ("Губернатор\nКалужской области", "Губернатор\nКалужской области"),
        ("\x1b]0;owned\x07Governor", "\\x1b]0;owned\\x07Governor"),
        ("\x1b[2J\x1b[31mred", "\\x1b[2J\\x1b[31mred"),
        ("\x9b31mC1 CSI", "\\x9b31mC1 CSI"),
        ("abc\u202edcba", "abc\\u202edcba"),
        ("\u2066isolate\u2069", "\\u2066isolate\\u2069"),
        ("bad \udcff byte", "bad \\udcff byte"),
        ("tab\tkept", "tab\tkept"),
    ],
)
def test_control_characters_print_as_escapes(text, shown):
    assert printable(text) == shown


def test_one_line_escapes_line_breaks_too():
    assert (
        printable("a.txt\nread 9, stored 9\r", one_line=True) == "a.txt\\x0aread 9, stored 9\\x0d"
    )
