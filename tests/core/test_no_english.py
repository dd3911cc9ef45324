"""No English on screen: every page an officer reaches from the home page, following its
links, as each persona of the demo, is searched for English words and for Django's
default empty choice ("---------") in what a person reads or a screen reader announces
(text, labels, placeholders, titles, alternative texts)."""

import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest

from thidua.accounts.models import User
from thidua.demo.seed import seed_demo

# Words of Django's and the libraries' defaults, and of an English UI, that never belong
# in a Vietnamese page. Matched as whole words, case-sensitively where the word is common
# in Vietnamese data otherwise (none is).
ENGLISH = [
    "Submit", "Save", "Delete", "Cancel", "Search", "Next", "Previous", "Page", "Log in",
    "Login", "Logout", "Log out", "Password", "Username", "Home", "Error", "required",
    "This field", "Enter a valid", "Select a valid", "None", "True", "False", "Choose",
    "Yes", "No", "Not Found", "Forbidden", "Server Error", "Add", "Edit", "Remove",
    "Download", "Upload", "Filter", "Clear", "Show", "Hide", "Loading", "Name", "Date",
    "Status", "Total", "of", "the", "and", "is", "Unknown", "null", "undefined", "NaN",
]  # fmt: skip
PATTERN = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ENGLISH)) + r")(?![\w-])")
EMPTY_CHOICE = "---------"
SPOKEN = {"placeholder", "title", "alt", "aria-label", "value"}
PAGES_PER_PERSONA = 120
PERSONAS = ["quantri", "canbo.tinh", "canbo.daison", "canbo.tuky", "hoidong.tinh"]


class _Reader(HTMLParser):
    """Visible text and announced attributes, and the site's own links."""

    def __init__(self):
        super().__init__()
        self.texts, self.links, self._skip = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "style"}:
            self._skip += 1
        if tag == "a" and (href := attrs.get("href")):
            self.links.append(href)
        hidden = tag == "input" and attrs.get("type") in {"hidden", "search", "text", None}
        for name, value in attrs.items():
            if value and name in SPOKEN and not (name == "value" and hidden):
                self.texts.append(value)

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.append(data)


def _internal(href: str) -> str | None:
    url = urldefrag(href)[0]
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not url.startswith("/"):
        return None
    if url.startswith(("/django-admin/", "/api/", "/static/", "/media/", "/dang-xuat/")):
        return None
    return url


def _crawl(client) -> dict[str, list[str]]:
    """{url: English found} over the pages reached from "/" by links, breadth first."""
    seen, queue, found = set(), ["/"], {}
    while queue and len(seen) < PAGES_PER_PERSONA:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if "text/html" not in response.get("Content-Type", ""):
            continue
        reader = _Reader()
        reader.feed(response.content.decode())
        text = "\n".join(reader.texts)
        bad = PATTERN.findall(text) + ([EMPTY_CHOICE] if EMPTY_CHOICE in text else [])
        if bad:
            found[url] = sorted(set(bad))
        queue += [link for href in reader.links if (link := _internal(href)) not in seen | {None}]
    return found


@pytest.mark.django_db
def test_no_page_shows_english_to_any_persona(client):
    seed_demo()
    found = {}
    for username in PERSONAS:
        client.force_login(User.objects.get(username=username))
        found |= {f"{username} {url}": words for url, words in _crawl(client).items()}

    shown = "\n".join(f"{where}: {', '.join(words)}" for where, words in sorted(found.items()))
    assert not found, shown


def test_the_reader_finds_english_and_the_default_empty_choice_where_people_read_it():
    reader = _Reader()
    reader.feed('<p>Danh sách</p><button title="Save">Lưu</button><select><option value="">'
                "---------</option></select><script>var Submit = 1;</script>"
                '<input type="hidden" name="x" value="None">')  # fmt: skip
    text = "\n".join(reader.texts)

    assert PATTERN.findall(text) == ["Save"]  # not in a script, not a hidden value
    assert EMPTY_CHOICE in text


def test_forms_name_their_empty_choice_in_vietnamese():
    from django import forms

    from thidua.core.forms import CleanTextMixin, ModelChoiceField
    from thidua.exemplars.models import Field

    class Chosen(CleanTextMixin, forms.Form):
        field = ModelChoiceField(Field.objects.none(), label="Lĩnh vực", required=False)
        kind = forms.ChoiceField(label="Loại", choices=[("", "---------"), ("a", "A")])

    html = str(Chosen())

    assert "— Chọn lĩnh vực —" in html
    assert "— Chọn loại —" in html
    assert EMPTY_CHOICE not in html
