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
from thidua.plans.quoting import BASIS_CLAUSE, DOC_WORDS, SYMBOL_TEXT, paragraphs, read_quote
from thidua.plans.wording import (
    LEVEL,
    LEVELS,
    PRINTED_LEVELS,
    Folded,
    normalize,
    title_case,
    unmangle_word,
)

__all__ = ["extract", "normalize", "deadline_sentences", "find_caps", "find_deadlines",
           "find_plenary", "find_quotas", "find_share"]  # fmt: skip
HEADER_LINES = 12
DOC_TYPES = [("ke hoach", "KH"), ("huong dan", "HD"), ("quyet dinh", "QĐ"),
             ("cong van", "CV"), ("thong bao", "TB"), ("bao cao", "BC")]  # fmt: skip
DOC_TYPE_CODES = set(DOC_WORDS.values()) | {"TB", "BC", "NQ", "PA"}
# A section heading («I. MỤC ĐÍCH», «1/- Tổng kết») ends the opening; a «V/v» line does not.
SECTION = re.compile(r"^(?!v\s?/\s?v)(?:[ivxl1]{1,3}|\d{1,2})\s?[.)/]\s?-?\s?[a-z]")
# A digital signature's stamp (Ban Cơ yếu Chính phủ): a time with its offset from UTC.
SIGNED_AT = re.compile(r"(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2})?[+-]\d{2}:?\d{2}")
SIGNED_LINE = re.compile(r"th[a-z]{2,4} gian ky:?\s*(\d{1,2})-(\d{1,2})-(\d{4})")


def find_signed_on(raw: str, text: str) -> str | None:
    """The day a plan was signed, from its digital signature where the heading is lost:
    the stamp is at the end of a signed document (a news page's time is at its top)."""
    signed = SIGNED_AT.search(raw, len(raw) // 2)
    if signed:
        return iso(int(signed[1]), int(signed[2]), int(signed[3]))
    signed = SIGNED_LINE.search(text)
    return iso(int(signed[3]), int(signed[2]), int(signed[1])) if signed else None


def find_issuer(raw: str, body: str, title: str) -> str | None:
    """The issuing People's Committee of a plan without a readable heading: the body's
    «UBND huyện X ban hành|xây dựng …», the place named in the title where the sentence
    has none, or a signature line written with diacritics."""
    verb = r"(?:ban hanh|x[a-z]y dung)"
    said = re.search(rf"(?:uy ban nhan dan|ubnd)\s+{LEVEL}\s*([a-z ]*?)\s+{verb}", body)
    if not said:
        signed = re.search(rf"Ủy ban [Nn]hân dân\s+({PRINTED_LEVELS})\s+([^\n<,;.]+)", raw)
        return f"UBND {signed[1]} {signed[2].strip()}" if signed else None
    name = said[2].strip()
    if not name:
        # A place's name is two words mostly; the title goes on after it.
        named = re.search(rf"\b{said[1]}\s+([a-z]+(?: [a-z]+)?)\b", title)
        name = named[1] if named else ""
    return f"UBND {LEVELS[said[1]]} {title_case(name)}".strip()


_TYPE_WORDS = r"\s*(ke hoach|huong dan|quyet dinh|thong bao)\s*"


def _type_line(lines: list[str]) -> int:
    """Index of the line holding only the document type word ("KẾ HOẠCH"), 0 if none."""
    for index, line in enumerate(lines[: HEADER_LINES + 5]):
        if re.fullmatch(_TYPE_WORDS, normalize(line)):
            return index
    return 0


def find_title(lines: list[str]) -> str | None:
    """The subject lines under the document type word (or the first line), up to a blank
    line or a line that ends a sentence."""
    type_line = _type_line(lines)
    if type_line or re.fullmatch(_TYPE_WORDS, normalize(lines[0]) if lines else ""):
        start = type_line + 1
    else:
        start = next((i for i, line in enumerate(lines) if line.strip()), 0)
    while start < len(lines) and not lines[start].strip():
        start += 1
    picked = []
    for line in lines[start : start + 4]:
        # A blank line ends the subject; so does a paragraph (a title line is not 200 long).
        if not line.strip() or (picked and len(line.strip()) > 200):
            break
        picked.append(line.strip())
        if line.rstrip().endswith((".", ";", ":")):
            break
    return _clean_title(" ".join(picked)) if picked else None


def _clean_title(text: str) -> str:
    words = [unmangle_word(word) if re.search(r"\d", word) and not re.fullmatch(r"[\d()\-]+", word)
             else word for word in text.split()]  # fmt: skip
    return " ".join(words).rstrip(".;: ")


def symbol_type(symbol: str | None) -> str | None:
    """«30/HD-HĐTĐKT» → HD; «01/2020/QĐ-UBND» → QĐ; «36/HĐTĐKT» names no type."""
    parts = re.split(r"[-/]", symbol or "")[1:]
    return next((part for part in parts if part in DOC_TYPE_CODES), None)


def find_doc_type(symbol, heading, quote, raw: str) -> str | None:
    """From the symbol, the heading, the quoting sentence, or the first type word outside
    the basis. A text that names none but is written as prose is taken for a letter (công
    văn), the commonest untyped document, as the development sets annotate; an empty or
    wordless text has no type."""
    found = symbol_type(symbol) or heading.doc_type or (quote.doc_type if quote else None)
    if found:
        return found
    paragraphs_read = paragraphs(raw[:4000])
    for paragraph in paragraphs_read:
        text = BASIS_CLAUSE.sub(" ", Folded(paragraph).text)
        positions = [(text.find(words), code) for words, code in DOC_TYPES if words in text]
        if positions:
            return min(positions)[1]
    prose = any(len(re.findall(r"[^\W\d_]+", p)) >= 10 for p in paragraphs_read)
    return "CV" if prose else None


def find_basis(raw: str, own: str | None) -> list[str]:
    """The symbols cited in the opening «Căn cứ…» and «Thực hiện…» clauses, in order; a
    clause ending in «:» goes on in the list items under it («Căn cứ: - Luật …; - …»)."""
    found, own_key, listing = [], _key(own), False
    for paragraph in paragraphs(raw[:6000]):
        folded = Folded(paragraph)
        if SECTION.match(folded.text):
            break
        if listing and re.match(r"[-+•*]", paragraph):
            clauses = [folded.text]
        else:
            clauses = [clause[0] for clause in BASIS_CLAUSE.finditer(folded.text)]
            listing = bool(clauses) and folded.text.rstrip().endswith(":")
        for symbol in _symbols(folded, clauses):
            if _key(symbol) != own_key and _key(symbol) not in map(_key, found):
                found.append(symbol)
    return found


def _symbols(folded: Folded, clauses: list[str]):
    for clause in clauses:
        at_clause = folded.text.find(clause)
        for match in re.finditer(rf"\b{SYMBOL_TEXT}", clause):
            if re.search(r"[a-z]", match[1]):
                at = at_clause + match.start(1)
                yield repair_symbol(re.sub(r"\s", "", folded.raw(at, at + len(match[1]))))


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


def resolve_issuer(raw: str, text: str, heading, quote, title: str | None) -> str | None:
    """The heading's issuer; else the quoting sentence's; else the body's People's
    Committee; else the quoting sentence's bare «UBND tỉnh», completed from the text."""
    issuer = issuer_of(heading, text) if heading.found else None
    if not issuer and quote and quote.issuer and not _committee_only(quote.issuer):
        issuer = _complete(quote.issuer, raw)
    if not issuer:
        issuer = find_issuer(raw, text[:1500], normalize(title or ""))
    if not issuer and quote:
        issuer = _complete(quote.issuer, raw)
    return issuer


def resolve_issued_on(heading, quote, raw: str, text: str) -> str | None:
    """The heading's date, the quoting sentence's, or the digital signature's."""
    for day in (heading.issued_on, quote.issued_on if quote else None):
        if day:
            return iso(*day)
    return find_signed_on(raw, text)


def extract(raw: str) -> dict:
    """The plan's facts as the JSON of the samples README; unknown values are None or []."""
    text = normalize(raw)
    heading = read_heading(raw)
    quote = None if heading.found else read_quote(raw)
    symbol = heading.symbol or (quote.symbol if quote else None)
    title = heading.title if heading.found else _headless_title(raw, quote)
    issued_on = resolve_issued_on(heading, quote, raw, text)
    return {
        "doc_type": find_doc_type(symbol, heading, quote, raw),
        "symbol": symbol,
        "issued_on": issued_on,
        "issuer": resolve_issuer(raw, text, heading, quote, title),
        "title": title,
        "basis": find_basis(raw, symbol),
        # A plan's deadlines come after it is issued; earlier dates are history.
        "deadlines": [day for day in find_deadlines(text) if not issued_on or day >= issued_on],
        "delegate_caps": find_caps(text),
        "plenary_below": find_plenary(text),
        "exemplary_share_pct": find_share(text),
        "exemplar_quotas": find_quotas(text),
    }


def deadline_sentences(raw: str) -> list[tuple[str, str]]:
    """(ISO date, the sentence it came from) for each deadline, for the officer to check."""
    found: dict[str, str] = {}
    # Blank runs collapsed first, in one pass, so that the split stays linear.
    compact = re.sub(r"\n\s*", "\n", raw)
    for sentence in re.split(r"(?<=[.;:])\s+|\n[-+*]\s*", compact):
        for date in find_deadlines(normalize(sentence)):
            found.setdefault(date, " ".join(sentence.split()).lstrip("-+* ")[:500])
    return sorted(found.items())
