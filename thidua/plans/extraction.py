"""Reading a plan's key facts from its text, clean or OCR-mangled, whole or quoted.

Three shapes are read: a document with its heading (heading.py: Decree 30/2020's blocks), a
text that quotes one in prose (quoting.py: portal news, a pasted summary), and a plan whose
heading was cut off (the rules below). Figures come from figures.py. The output is the JSON
of ../shared/samples/plans/README.md; an officer checks and corrects it before it becomes a
Plan.
"""

import re

from thidua.plans.figures import (
    find_caps,
    find_deadlines,
    find_plenary,
    find_quotas,
    find_share,
    iso,
)
from thidua.plans.heading import issuer_of, read_heading, repair_symbol
from thidua.plans.quoting import _SYM, BASIS_CLAUSE, DOC_WORDS, paragraphs, read_quote
from thidua.plans.wording import LEVEL, LEVELS, Folded, normalize, title_case, unmangle_word

__all__ = ["extract", "normalize", "deadline_sentences", "find_caps", "find_deadlines",
           "find_plenary", "find_quotas", "find_share"]  # fmt: skip
HEADER_LINES = 12
DOC_TYPES = [("ke hoach", "KH"), ("huong dan", "HD"), ("quyet dinh", "QĐ"),
             ("cong van", "CV"), ("thong bao", "TB"), ("bao cao", "BC")]  # fmt: skip
TYPE_CODES = set(DOC_WORDS.values()) | {"TB", "BC", "NQ", "PA"}
SECTION = re.compile(r"^(?:[ivxl1]{1,3}|\d{1,2})\s?[.)/]\s?-?\s?[a-z]")


def find_issued_on(header: str, raw: str) -> str | None:
    match = re.search(
        r"ngay\s+(\d{1,2})\s+th[a-z]{2,4}\s+(\d{1,2})\s+n[a-z]{1,3}\s+(\d{4})", header
    )
    if match:
        day, month, year = (int(g) for g in match.groups())
        return iso(year, month, day)
    signed = re.search(r"(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}", raw)
    if signed:
        return iso(int(signed[1]), int(signed[2]), int(signed[3]))
    signed = re.search(r"th[a-z]{2,4} gian ky:?\s*(\d{1,2})-(\d{1,2})-(\d{4})", normalize(raw))
    if signed:
        return iso(int(signed[3]), int(signed[2]), int(signed[1]))
    return None


def _name(words: str) -> str:
    return " ".join(word.capitalize() for word in words.split())


def find_issuer(raw: str, header: str, body: str, title: str) -> str | None:
    """The issuing People's Committee of a plan without a readable heading: from the header's
    left column run into the motto, a sentence of the body with the locality named in the
    title, or a signature line written with diacritics."""
    top = re.search(rf"\b{LEVEL}\s+([a-z]+(?: [a-z]+){{0,2}})\s+(?:doc|dgc|dpoc)\s", header)
    if top:
        return f"UBND {LEVELS[top[1]]} {_name(top[2])}"
    verb = r"(?:ban hanh|xay dung|xdy dung)"
    said = re.search(rf"(?:uy ban nhan dan|ubnd)\s+{LEVEL}\s*([a-z ]*?)\s+{verb}", body)
    if not said:
        levels = "tỉnh|thành phố|thị xã|xã|phường|huyện|quận|đặc khu"
        signed = re.search(rf"Ủy ban [Nn]hân dân\s+({levels})\s+([^\n<,;.]+)", raw)
        return f"UBND {signed[1]} {signed[2].strip()}" if signed else None
    name = said[2].strip()
    if not name:
        named = re.search(rf"\b{said[1]}\s+([a-z]+(?: [a-z]+){{0,2}})\s+(?:lan|nam|giai)\b", title)
        name = named[1] if named else ""
    return f"UBND {LEVELS[said[1]]} {_name(name)}".strip()


_TYPE_WORDS = r"\s*(ke hoach|huong dan|quyet dinh|thong bao)\s*"


def _type_line(lines: list[str]) -> int:
    """Index of the line holding only the document type word ("KẾ HOẠCH"), 0 if none."""
    for index, line in enumerate(lines[: HEADER_LINES + 5]):
        if re.fullmatch(_TYPE_WORDS, normalize(line)):
            return index
    return 0


def find_title(lines: list[str]) -> str | None:
    """The subject lines under the document type word, up to the first blank line."""
    type_line = _type_line(lines)
    if type_line or re.fullmatch(_TYPE_WORDS, normalize(lines[0]) if lines else ""):
        start = type_line + 1
    else:
        start = next((i for i, line in enumerate(lines) if line.strip()), 0)
    while start < len(lines) and not lines[start].strip():
        start += 1
    picked = []
    for line in lines[start : start + 4]:
        if not line.strip():
            break
        picked.append(line.strip())
    return _clean_title(" ".join(picked)) if picked else None


def _clean_title(text: str) -> str:
    words = [unmangle_word(word) if re.search(r"\d", word) and not re.fullmatch(r"[\d()\-]+", word)
             else word for word in text.split()]  # fmt: skip
    return " ".join(words)


def symbol_type(symbol: str | None) -> str | None:
    """«30/HD-HĐTĐKT» → HD; «01/2020/QĐ-UBND» → QĐ; «36/HĐTĐKT» names no type."""
    parts = re.split(r"[-/]", symbol or "")[1:]
    return next((part for part in parts if part in TYPE_CODES), None)


def find_doc_type(symbol, heading, quote, raw: str) -> str:
    """From the symbol, the heading, the quoting sentence, or the first type word outside
    the basis; a text that names no type is a letter (công văn), as the sets annotate."""
    found = symbol_type(symbol) or heading.doc_type or (quote.doc_type if quote else None)
    if found:
        return found
    for paragraph in paragraphs(raw[:4000]):
        text = BASIS_CLAUSE.sub(" ", Folded(paragraph).text)
        positions = [(text.find(words), code) for words, code in DOC_TYPES if words in text]
        if positions:
            return min(positions)[1]
    return "CV"


def find_basis(raw: str, own: str | None) -> list[str]:
    """The symbols cited in the opening «Căn cứ…» and «Thực hiện…» clauses, in order."""
    found, own_key = [], _key(own)
    for paragraph in paragraphs(raw[:6000]):
        folded = Folded(paragraph)
        if SECTION.match(folded.text):
            break
        for clause in BASIS_CLAUSE.finditer(folded.text):
            for match in re.finditer(rf"\b{_SYM}", clause[0]):
                if not re.search(r"[a-z]", match[1]):
                    continue
                at = clause.start() + match.start(1)
                symbol = repair_symbol(re.sub(r"\s", "", folded.raw(at, at + len(match[1]))))
                if _key(symbol) != own_key and _key(symbol) not in map(_key, found):
                    found.append(symbol)
    return found


def _key(symbol: str | None) -> str:
    return normalize(symbol or "").replace(" ", "")


def _headless_title(raw: str, quote) -> str | None:
    """A text without a heading: the lines under a type word that opens it, the first line
    when a basis or greeting follows it, else the quoting sentence's subject matter."""
    lines = raw.splitlines()
    first = next((line.strip() for line in lines if line.strip()), "")
    after = paragraphs(raw[:3000])[1:2]
    basis_next = bool(after) and re.match(r"(?:c[a-z]n c[uw]|th[uw]\w? hi\w?n|kinh gui)\b",
                                           Folded(after[0]).text)  # fmt: skip
    if _type_line(lines) or re.fullmatch(_TYPE_WORDS, normalize(first)):
        return find_title(lines)
    if quote and quote.title and not basis_next:
        return quote.title
    return find_title(lines) if len(first) <= 250 else None


def _complete(issuer: str | None, raw: str) -> str | None:
    """«… tỉnh» completed with the first «tỉnh Sơn La» the text names."""
    if not issuer:
        return issuer
    bare = re.search(rf"\b{LEVEL}$", Folded(issuer).text)
    if not bare:
        return issuer
    folded = Folded(raw[:6000])
    for match in re.finditer(rf"\b{bare[1]}\s([a-z]+\s[a-z]+)\b", folded.text):
        printed = folded.match_raw(match, 1)
        if all(word[:1].isupper() for word in printed.split()):
            return f"{issuer} {title_case(printed)}"
    return issuer


def _committee_only(issuer: str) -> bool:
    """«UBND tỉnh»: a People's Committee whose place the sentence did not name."""
    return bool(re.fullmatch(rf"ubnd(?:\s{LEVEL})?", Folded(issuer).text))


def find_issued_on_all(heading, quote, raw: str) -> str | None:
    for day in (heading.issued_on, quote.issued_on if quote else None):
        if day:
            return iso(*day)
    return find_issued_on("", raw)


def extract(raw: str) -> dict:
    """The plan's facts as the JSON of the samples README; unknown values are None or []."""
    text = normalize(raw)
    heading = read_heading(raw)
    quote = None if heading.found else read_quote(raw)
    symbol = heading.symbol or (quote.symbol if quote else None)
    title = heading.title if heading.found else _headless_title(raw, quote)
    issuer = issuer_of(heading, text) if heading.found else None
    if not issuer and quote and quote.issuer and not _committee_only(quote.issuer):
        issuer = _complete(quote.issuer, raw)
    if not issuer:
        lines = raw.splitlines()
        top = normalize("\n".join(lines[: _type_line(lines)]))
        issuer = find_issuer(raw, top, text[:1500], normalize(title or ""))
    if not issuer and quote:
        issuer = _complete(quote.issuer, raw)
    return {
        "doc_type": find_doc_type(symbol, heading, quote, raw),
        "symbol": symbol,
        "issued_on": find_issued_on_all(heading, quote, raw),
        "issuer": issuer,
        "title": title,
        "basis": find_basis(raw, symbol),
        "deadlines": find_deadlines(text),
        "delegate_caps": find_caps(text),
        "plenary_below": find_plenary(text),
        "exemplary_share_pct": find_share(text),
        "exemplar_quotas": find_quotas(text),
    }


def deadline_sentences(raw: str) -> list[tuple[str, str]]:
    """(ISO date, the sentence it came from) for each deadline, for the officer to check."""
    found: dict[str, str] = {}
    for sentence in re.split(r"(?<=[.;:])\s+|\n\s*[-+*]\s*", raw):
        for date in find_deadlines(normalize(sentence)):
            found.setdefault(date, " ".join(sentence.split()).lstrip("-+* ")[:500])
    return sorted(found.items())
