"""A plan quoted in prose: a portal or press item, or a text pasted without its heading.

News of a plan follows one sentence shape: [Ngày 06/3/2023,] SUBJECT [vừa|đã] [ký] ban
hành|xây dựng|thông qua DOCUMENT [số SYMBOL] [ngày DATE] [của ISSUER] [về (việc)] SUBJECT
MATTER. A request written as news has the shape SUBJECT [vừa] đề nghị ADDRESSEES ACTION.
The first such sentence outside a «Căn cứ…/Thực hiện…» clause names the document.
"""

import re
from dataclasses import dataclass

from thidua.plans.heading import COUNCIL_WORDS, repair_symbol
from thidua.plans.wording import COUNCIL, LEVEL, LEVELS, Folded, title_case

DOC_WORDS = {"ke hoach": "KH", "huong dan": "HD", "quyet dinh": "QĐ", "cong van": "CV",
             "chi thi": "CT", "thong bao": "TB", "chuong trinh": "CTr", "de an": "ĐA"}  # fmt: skip
_DOC = r"(ke hoach|huong dan|quyet dinh|cong van|chi thi|thong bao|chuong trinh|de an)"
SYMBOL_TEXT = r"(\d{1,5}(?:\s?/\s?\d{4})?\s?[/-]\s?[a-z0-9]{1,8}(?:\s?[-/]\s?[a-z0-9]{1,8}){0,3})"
_DATE = r"(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4})"
_VERB = (r"(?:(?:vua|da|moi)\s)*(?:ky\s(?:ban hanh\s|thong qua\s)?|ban hanh\s|xay dung\s"
         r"|thong qua\s|phe duyet\s)")  # fmt: skip
QUOTE = re.compile(
    rf"\b{_VERB}{_DOC}\b(?:\ssoh?\s{SYMBOL_TEXT})?"
    rf"(?:\s?,?\s?\(?(?:ngay\s)?{_DATE}\)?)?"
)
# «Theo Kế hoạch số 78/KH-UBND ngày 3/3/2026 của UBND tỉnh Lâm Đồng, …»: a news item naming
# the plan it reports without a verb; read only when no sentence quotes one with its verb.
MENTION = re.compile(rf"\btheo\s{_DOC}\ssoh?\s{SYMBOL_TEXT}(?:\s?,?\s?\(?(?:ngay\s)?{_DATE}\)?)?")
REFERENCE = re.compile(rf"^{_DOC}\sso\s{SYMBOL_TEXT}(?:\s(?:ngay\s)?{_DATE})?")
REQUEST = re.compile(r"\b(?:(?:vua|da)\s)*de nghi\s")
# The verbs a request asks for: the subject matter starts at the first of them.
ACTIONS = r"(?:gioi thieu|lua chon|bao cao|gui|to chuc|trien khai|thuc hien|dang ky|tong ket)"
# A basis clause runs to the end of its sentence, or to the main clause that follows it
# («Thực hiện …, UBND tỉnh ban hành Kế hoạch …»).
_MAIN = r",\s[^,.;]{0,80}?\b(?:ban hanh|xay dung|huong dan|de nghi|chi dao|thong bao)\s"
BASIS_CLAUSE = re.compile(rf"\b(?:c[a-z]n c[uw]\w?|th[uw]\w? hi\w?n)\b(?:(?!{_MAIN})[^.])*")
# Where the subject matter stops: the end of the sentence, or its purpose or detail.
TITLE_END = re.compile(
    r"[.:!?](?:\s|$)|\s(?:voi muc dich|nham|cu the|nhu sau|voi su tham gia|theo do)\b"
)
_ROLE = (r"(?:pho\s)?(?:chu tich|chu nhiem|bo truong|thu truong|giam doc|truong ban"
         r"|tong cuc truong|cuc truong)")  # fmt: skip


# A source before the sentence («Kinhtedothi -», «(Chinhphu.vn)-», «Báo Gia Lai -»), cut
# only where a role or a body follows, so «Hội đồng Thi đua - Khen thưởng» stays whole.
_BODIES = r"ubnd|uy ban|hoi dong|so|ban|bo|thu tuong|cong doan|tong cuc|cuc|vu|phong"
_SOURCE = rf"\(?[^()-]{{1,40}}?\)?\s?-\s?(?=(?:{_ROLE}|{_BODIES})\b)"


@dataclass
class Quote:
    doc_type: str | None = None
    symbol: str | None = None
    issued_on: tuple[int, int, int] | None = None
    issuer: str | None = None
    title: str | None = None


def paragraphs(raw: str) -> list[str]:
    """Lines joined where a sentence runs on to the next line (a wrapped scan): the line
    does not end a sentence and the next starts in lower case."""
    out: list[str] = []
    for line in map(str.strip, raw.splitlines()):
        if out and _runs_on(out[-1], line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return [line for line in out if line]


def _runs_on(previous: str, line: str) -> bool:
    """A wrapped line goes on: the previous line is long or the next starts in lower case,
    the previous does not end a sentence, and the next is no list item or heading."""
    if not previous or not line or previous.endswith((".", ":", ";", "!", "?")):
        return False
    if re.match(r"[-+•*]|[IVX\d]{1,4}[.)/]", line):
        return False
    return line[:1].islower() or len(previous) >= 50


def sentences(raw: str, limit: int = 4000):
    """Folded sentences of the text's first paragraphs, as (Folded, sentence span)."""
    for paragraph in paragraphs(raw[:limit]):
        folded = Folded(paragraph)
        at = 0
        for end in re.finditer(r"[.!?](?=\s+[^\s\d])|$", folded.text):
            yield folded, at, end.end()
            at = end.end()
            if at >= len(folded.text):
                break


def _in_basis(folded: Folded, position: int) -> bool:
    return any(m.start() <= position < m.end() for m in BASIS_CLAUSE.finditer(folded.text))


def read_quote(raw: str) -> Quote | None:
    """The document the text quotes, or None. A sentence whose subject names its place
    («UBND huyện Hiệp Hòa») is preferred to a headline that does not («UBND huyện»)."""
    found, mentions = [], []
    for folded, start, end in sentences(raw):
        quote = _quote_in(folded, start, end) or _request_in(folded, start, end)
        if quote:
            found.append(quote)
        elif mention := _quote_in(folded, start, end, pattern=MENTION):
            mentions.append(mention)
    found = found or mentions
    best = [q for q in found if q.symbol] or [q for q in found if _named(q.issuer)] or found
    if not best:
        return None
    if not best[0].issuer:  # «Công văn số 36/…» opens the text; a later sentence names who
        best[0].issuer = next((q.issuer for q in found if q.issuer), None)
    return best[0]


def _named(issuer: str | None) -> bool:
    return bool(issuer) and not re.search(rf"\b{LEVEL}$", Folded(issuer).text)


def _quote_in(folded: Folded, start: int, end: int, pattern=QUOTE) -> Quote | None:
    """The document quoted in the sentence [start, end) of `folded`, by `pattern`."""
    text = folded.text
    match = pattern.search(text, start, end) or (
        _reference(folded, start, end) if pattern is QUOTE else None
    )
    if not match or _in_basis(folded, match.start()):
        return None
    quote = Quote(doc_type=DOC_WORDS[match[1]])
    if match[2]:
        quote.symbol = repair_symbol(re.sub(r"\s", "", folded.match_raw(match, 2)))
    if match[3]:
        quote.issued_on = (int(match[5]), int(match[4]), int(match[3]))
    rest = match.end()
    by = re.match(r"\s?,?\s?cua\s(.+?)(?=\s(?:ban hanh|ve|phe duyet|trien khai)\s|[,.;])",
                  text[rest:end])  # fmt: skip
    if by:
        quote.issuer = name_issuer(folded.raw(rest + by.start(1), rest + by.end(1)))
        rest += by.end()
    subject, dated = _subject(folded, start, match.start())
    quote.issuer = quote.issuer or subject
    quote.issued_on = quote.issued_on or dated
    # «Theo Kế hoạch số …, hội nghị …»: what follows a mention is news, not its subject.
    quote.title = _matter(folded, rest, end) if pattern is QUOTE else None
    return quote


def _reference(folded: Folded, start: int, end: int) -> re.Match | None:
    """«Công văn số 36/HĐTĐKT 15/7/2016 V/v …» opening a paragraph."""
    if start:
        return None
    return REFERENCE.search(folded.text[:end])


def _request_in(folded: Folded, start: int, end: int) -> Quote | None:
    match = REQUEST.search(folded.text, start, end)
    if not match or _in_basis(folded, match.start()):
        return None
    issuer, _dated = _subject(folded, start, match.start())
    action = re.search(rf"\b{ACTIONS}\b", folded.text[match.end() : end])
    if not issuer or not action:
        return None
    return Quote(
        doc_type="CV", issuer=issuer, title=_matter(folded, match.end() + action.start(), end)
    )


def _matter(folded: Folded, start: int, end: int) -> str | None:
    text = folded.text[:end]
    lead = re.match(r"\s*(?:ve\s(?:viec\s)?|v\s?/\s?v\s?:?\s?)?", text[start:])
    start += lead.end() if lead else 0
    stop = next(
        (
            m.start()
            for m in TITLE_END.finditer(text, start)
            if _outside_quotes(text[start : m.start()])
        ),
        end,
    )
    printed = folded.raw(start, stop).strip(" ,")
    if printed.startswith(("“", '"')):  # «kế hoạch “Xây dựng …” trên địa bàn …»
        printed = re.sub(r"[”\"]", "", printed[1:], count=1)
    if len(printed) < 8:
        return None
    return printed[:1].upper() + printed[1:]


def _outside_quotes(text: str) -> bool:
    return text.count("“") <= text.count("”") and text.count('"') % 2 == 0


def _subject(folded: Folded, start: int, verb: int) -> tuple[str | None, tuple | None]:
    """The issuer named before the verb, without the source, the signer or the date; and
    the date when the sentence opens with it («Ngày 06/3/2023, UBND tỉnh …»)."""
    text = folded.text[start:verb]
    delegated = re.search(rf"th[uw]a uy quyen cua\s{_ROLE}\s(.+?)(?=\s?\(|,|$)", text)
    if delegated:
        return name_issuer(folded.raw(start + delegated.start(1), start + delegated.end(1))), None
    clauses = re.split(r"[,;](?!\s?kh\w{2}\s?th)\s?", text)  # «Thi đua, Khen thưởng» is one name
    dated = re.search(rf"ngay\s{_DATE}\s*$", clauses[-2]) if len(clauses) > 1 else None
    at = start + len(text) - len(clauses[-1])
    lead = re.match(rf"\s*(?:{_SOURCE})?(?:{_ROLE}\s|thuong truc\s)?", clauses[-1])
    printed = folded.raw(at + lead.end(), verb).strip(" ,")
    day = (int(dated[3]), int(dated[2]), int(dated[1])) if dated else None
    return (name_issuer(printed) if re.search(r"\w\w", printed) else None), day


def name_issuer(printed: str) -> str | None:
    """An issuer as officers write it: «UBND thành phố Hà Nội» for «Ủy ban nhân dân TP Hà
    Nội», the council's full name, and no signer's name after the place."""
    text = re.sub(r"(?i)\bTP(?:\.|\b)\s*", "thành phố ", printed)
    folded = Folded(text)
    while committee := re.search(r"\buy ban nhan dan\b", folded.text):
        folded = Folded(folded.splice(*committee.span(), "UBND"))
    council = re.search(rf"{COUNCIL_WORDS}(?:\s?[-,]?\s?kh\w{{2}}\s?th\w{{3,5}})?", folded.text)
    if council:
        folded = Folded(folded.splice(*council.span(), COUNCIL))
    text = folded.printed
    place = re.search(rf"\b{LEVEL}\s((?:\S+\s){{0,5}}\S+)$", folded.text)
    if place:
        name = _place_name(folded.match_raw(place, 2))
        text = f"{folded.raw(0, place.start())}{LEVELS[place[1]]} {name}"
    return " ".join(text.split()) or None


def _place_name(printed: str) -> str:
    """«Hà Nội Trần Sỹ Thanh» → «Hà Nội»: a place has two or three words; the signer's
    name that follows starts with a family name."""
    from thidua.plans.places import place_prefix  # noqa: PLC0415

    words = printed.split()
    known = place_prefix(words)
    if known:
        return " ".join(words[:known])
    return title_case(" ".join(words[:2])) if not words[0].isupper() else " ".join(words[:2])
