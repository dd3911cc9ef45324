"""The heading of an administrative document (Decree 30/2020/NĐ-CP, Art. 8 and Appendix I):
the issuing body under its parent on the left, the national motto on the right, «Số: …/…»,
the place and date line, the type word («KẾ HOẠCH») with the subject under it, or the
«V/v» line of a công văn.

Copies flatten the two columns into lines in any order, into cells separated by «|», or
into one long line (OCR of a PDF); so the heading is read as a run of text: each known part
is found and cut out, and what is left in capitals above the subject is the issuer.
"""

import itertools
import re
from dataclasses import dataclass, field

from thidua.core.text import fold
from thidua.documents.frame import TYPE_CODES
from thidua.plans.wording import COUNCIL, LEVEL, LEVELS, Folded, officer_case, title_case

ZONE_LINES = 40
ZONE_CHARS = 2500
_SPACE = r"[\s|]+"
# The national motto, or the Party's or the Youth Union's in theirs; printed in capitals.
MOTTO = re.compile(
    r"cong hoa(?: xa hoi)?(?:[\s|]+chu nghia viet nam)?|chu nghia viet nam|dang cong san viet nam"
    r"|doan tncs ho chi minh"
)
MOTTO_LINE = re.compile(r"d\w{0,2}c\s?l\w{1,2}p\s?-\s?t\w{0,2}\s?do\s?-\s?h\w{1,2}nh\s?ph\w{1,3}")
# «Số: 30/HD-HĐTĐKT», «Số 245/SNV-TĐKT», a Party's «Số 12-KH/TU»; OCR's «S6:», «So: ^3 /…».
SYMBOL = re.compile(
    r"\bs[o6]\s*(:)?\s*[^\w\s|]*\s*(\d{1,5}(?:\s*/\s*\d{4})?)\s*[/-]\s*"
    r"([a-z][a-z0-9]{0,7}(?:\s*[-/]\s*[a-z0-9]{1,8}){0,3})"
)
DATE = re.compile(
    rf",?\s*ngay{_SPACE}(\d{{1,2}}){_SPACE}th\w{{2,4}}{_SPACE}(\d{{1,2}}){_SPACE}n\w{{1,3}}{_SPACE}(\d{{4}})"
)
UNREADABLE_DATE = re.compile(r",\s*ngay\s[^|]{0,30}?\b(\d{4})\b")
SUBJECT_LINE = re.compile(r"\bv\s?/\s?v\b\s*:?")
# Where the body starts: the greeting, or a basis sentence written with its capital.
BODY = re.compile(r"(?:^|[\s|])(kinh gui|c[a-z]n c[uw]\w?|th[uw]\w? hi\w?n|nham|tiep theo)\b")
TYPE_NAMES = {fold(name).replace(" ", ""): code for name, code in TYPE_CODES.items()}
TYPE_NAMES["congvan"] = "CV"


@dataclass
class Heading:
    symbol: str | None = None
    issued_on: tuple[int, int, int] | None = None
    place: str | None = None
    doc_type: str | None = None
    title: str | None = None
    issuer_lines: list[str] = field(default_factory=list)
    found: bool = False


def _zone(raw: str) -> Folded:
    """The document's first lines, cells split, separator rules and blank lines marked."""
    lines = []
    for line in raw.splitlines()[:ZONE_LINES]:
        for cell in map(str.strip, line.split("|")):
            if not re.fullmatch(r"[-_=.*\s]+", cell or "-"):
                lines.append(cell)
            elif not cell:
                lines.append("¶")
    return Folded(" | ".join(lines)[:ZONE_CHARS])


def _body_start(zone: Folded) -> int:
    """Where the body starts; a «Thực hiện …» right under the type word is the subject."""
    for match in BODY.finditer(zone.text):
        printed = zone.match_raw(match, 1)
        before = zone.raw(max(0, match.start() - 24), match.start()).rstrip(" |¶")
        if printed[:1].isupper() and not printed.isupper() and not _ends_with_type(before):
            return match.start(1)
    return len(zone.text)


def _ends_with_type(printed: str) -> bool:
    words = printed.split()
    return any(
        " ".join(words[-size:]).isupper() and _type_code(fold("".join(words[-size:])))
        for size in (1, 2, 3) if len(words) >= size
    )  # fmt: skip


def _find_symbol(zone: Folded, text: str) -> re.Match | None:
    """«Số:» with its colon anywhere in the heading; without one, only where a line or a
    cell starts (so that «… kế hoạch số 5/KH …» in a sentence is not the heading's)."""
    for match in SYMBOL.finditer(text):
        # The code is printed in capitals («KH-UBND», «QĐ-TTg»), not «Số» run on.
        code = [c for c in zone.raw(*match.span(3)) if c.isalpha()]
        if sum(c.isupper() for c in code) * 2 <= len(code):
            continue
        before = text[: match.start()].rstrip()
        if match[1] or not before or before[-1] in "|¶":
            return match
    return None


def _symbol(zone: Folded, match: re.Match) -> str:
    printed = re.sub(r"[^\w/-]", "", zone.raw(match.start(2), match.end(3)))
    return repair_symbol(printed)


def repair_symbol(printed: str) -> str:
    """A symbol as printed, with OCR's «P» and «B» for «Đ» undone in the usual codes."""
    text = re.sub(r"(?<=[/-])Q[PD](?=-|$)", "QĐ", printed)
    text = re.sub(r"H[DPB]T[DBP]KT", "HĐTĐKT", text)
    return re.sub(r"(?<=[/-])[BP]T[DBP]KT", "BTĐKT", text)


def _within_one(a: str, b: str) -> bool:
    """One letter changed, added or dropped at most."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _type_code(letters: str) -> str | None:
    for name, code in TYPE_NAMES.items():
        if letters == name or (len(name) >= 6 and _within_one(letters, name)):
            return code
    return None


def _type_word(zone: Folded, start: int, end: int) -> tuple[str, int, int] | None:
    """The first run of one to three words in capitals in [start, end), alone on its line or
    followed by lower case, that is a type word, allowing one misread letter («KE ROACH»)."""
    words = list(re.finditer(r"[a-z]+", zone.text[start:end]))
    for index, first in enumerate(words):
        for size in (2, 3, 1):
            run = words[index : index + size]
            if (
                len(run) < size
                or " ".join(m[0] for m in run)
                != zone.text[start + first.start() : start + run[-1].end()]
            ):
                continue
            a, b = start + first.start(), start + run[-1].end()
            code = _type_code("".join(m[0] for m in run))
            if code and zone.raw(a, b).isupper() and _ends_run(zone, b):
                return code, a, b
    return None


def _ends_run(zone: Folded, end: int) -> bool:
    """The capitals stop here: a line break follows, or a word that is not in capitals."""
    after = zone.raw(end, min(len(zone.text), end + 16)).split()
    return not after or after[0] in {"|", "¶"} or not after[0].isupper()


def _place_start(zone: Folded, comma: int, floor: int) -> int:
    """Start of the place before «, ngày»: the words in title case just before it."""
    start = comma
    for match in reversed(list(re.finditer(r"\S+", zone.text[floor:comma]))[-4:]):
        printed = zone.raw(floor + match.start(), floor + match.end())
        if not (printed[:1].isupper() and not printed.isupper()) and printed.isalpha():
            break
        if not printed.replace(".", "").isalpha():
            break
        start = floor + match.start()
    return start


def _segments(zone: Folded, start: int, end: int, cuts: list[tuple[int, int]]) -> list[str]:
    """The printed pieces of [start, end) outside the cuts, split at line breaks."""
    pieces, at = [], start
    for a, b in sorted(cuts) + [(end, end)]:
        if b <= at:
            continue
        if a > at:
            pieces += re.split(r"\s*[|¶]\s*", zone.raw(at, min(a, end)))
        at = max(at, b)
        if at >= end:
            break
    return [piece.strip(" ,;") for piece in pieces if re.search(r"\w\w", piece or "")]


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def read_heading(raw: str) -> Heading:
    """What the heading of the document says; `found` is False when it has none (a news
    item, a text pasted without its heading)."""
    zone = _zone(raw)
    end = _body_start(zone)
    heading, cuts = _known_parts(zone, zone.text[:end])
    last = max((b for a, b in cuts), default=0)
    typed = _type_word(zone, last, end) or (None if cuts else _type_word(zone, 0, min(end, 80)))
    subject = SUBJECT_LINE.search(zone.text[:end])
    if typed:
        heading.doc_type = typed[0]
        heading.title = _title(zone, typed[2], end, cuts)
    elif subject:
        heading.doc_type = "CV"
        heading.title = _title(zone, subject.end(), end, cuts)
    elif heading.found:
        heading.title = _title(zone, last, end, cuts)
    # The issuer's lines are above the subject, and above the last known part of the
    # heading or the first, whichever the copy put lower.
    subject_at = min(typed[1] if typed else end, subject.start() if subject else end)
    top = min(max(last, min([a for a, b in cuts] + [subject_at])), subject_at)
    if heading.found:
        heading.issuer_lines = [p for p in _segments(zone, 0, top, cuts) if _capitals(p)]
    return heading


def _known_parts(zone: Folded, text: str) -> tuple[Heading, list[tuple[int, int]]]:
    """The motto, the symbol and the place and date line: what they say, and their spans."""
    heading = Heading()
    # The motto is printed in capitals; the same words inside a sentence are not a heading.
    cuts = [m.span() for m in MOTTO.finditer(text) if _capitals(zone.raw(*m.span()))]
    cuts += [m.span() for m in MOTTO_LINE.finditer(text)]
    symbol = _find_symbol(zone, text)
    if symbol:
        heading.symbol = _symbol(zone, symbol)
        cuts.append(symbol.span())
    date = _date_line(zone, text, cuts)
    if date:
        floor = max([b for a, b in cuts if b <= date.start()], default=0)
        place_at = _place_start(zone, date.start(), floor)
        heading.place = zone.raw(place_at, date.start()).strip(" |¶,") or None
        if date.re is DATE:
            heading.issued_on = (int(date[3]), int(date[2]), int(date[1]))
        cuts.append((place_at, date.end()))
    heading.found = bool(cuts)
    return heading, cuts


def _date_line(zone: Folded, text: str, cuts) -> re.Match | None:
    """The place and date line. Without its comma («Bình Định ngày 3 tháng 4 năm 2026») it
    must open a line, so that «… trước ngày 15 tháng 12 năm 2026» in a sentence is not it."""
    for match in itertools.chain(DATE.finditer(text), UNREADABLE_DATE.finditer(text)):
        if "," in text[match.start() : match.start() + 2]:
            return match
        floor = max([b for a, b in cuts if b <= match.start()], default=0)
        floor = max(floor, text.rfind("|", 0, match.start()) + 1)
        place_at = _place_start(zone, match.start(), floor)
        if place_at < match.start() and not text[floor:place_at].strip(" |¶"):
            return match
    return None


def _title(zone: Folded, start: int, end: int, cuts: list[tuple[int, int]]) -> str | None:
    """The subject: the lines from `start` up to a blank line, a known part, the body, or
    a line in capitals under a subject that is not (a decision's «CHỦ TỊCH ỦY BAN …»)."""
    stop = min([a for a, b in cuts if a > start] + [end])
    text = re.split(r"\s*¶\s*", zone.raw(start, stop).strip(" |¶:"), maxsplit=1)[0]
    lines = [line.strip() for line in text.split("|") if line.strip()]
    if lines and not _capitals(lines[0]):
        lines = list(itertools.takewhile(lambda line: not _capitals(line), lines))
    text = re.sub(r"^(?:[Vv]ề việc|V/v:?)\s+", "", " ".join(" ".join(lines).split()))
    if not re.search(r"\w\w", text):
        return None
    return sentence_case(text[:1].upper() + text[1:])


def sentence_case(text: str) -> str:
    """A subject printed in capitals, as it reads in a sentence: Roman numerals stay, the
    place after a level word is in title case («tỉnh Khánh Hòa»)."""
    if not _capitals(text):
        return text
    words = [w if re.fullmatch(r"[IVXLC]+", w) else w.lower() for w in text.split()]
    joined = " ".join(words)
    folded = Folded(joined)
    for match in re.finditer(rf"\b{LEVEL}\s(\S+(?:\s\S+)?)", folded.text):
        joined = folded.splice(*match.span(2), title_case(folded.match_raw(match, 2)))
        folded = Folded(joined)
    return joined[:1].upper() + joined[1:]


# «Hội đồng Thi đua - Khen thưởng», «HỘI ĐỒNG TĐKT», and OCR's «HOI BONG TPKT».
COUNCIL_WORDS = r"hoi [bd]ong\s?(?:thi\s?[bdp]ua|t[bdp]\s?kt)"
_STOP = r"(?=\s+(?:hoi dong|ban|so|phong|uy ban|cong doan)\b|\s*$)"


def locality(pieces: list[str]) -> str | None:
    """The issuer's place: the lowest «xã Liên Bão» in its lines (the body under its
    parent), in the officer's spelling."""
    for piece in reversed(pieces):
        folded = Folded(piece)
        match = re.search(rf"\b{LEVEL}\s+([a-z]+(?: [a-z]+){{0,3}}?){_STOP}", folded.text)
        if match and match[2] not in {"uy", "ban"}:
            return f"{LEVELS[match[1]]} {title_case(folded.match_raw(match, 2))}"
    return None


def issuer_of(heading: Heading, text: str) -> str | None:
    """The issuer as an officer names it: the body, completed with its parent's place."""
    pieces = heading.issuer_lines
    if not pieces:
        return None
    joined = " ".join(Folded(piece).text for piece in pieces)
    where = locality(pieces) or complete_place(heading.place, text)
    if re.search(COUNCIL_WORDS, joined):
        return f"{COUNCIL} {'Trung ương' if 'trung uong' in joined else where or ''}".strip()
    last = Folded(pieces[-1]).text
    if re.fullmatch(rf"(?:(?:uy ban nhan dan|ubnd)\s*)?(?:{LEVEL}\b.*)?", last):
        return f"UBND {where}" if where else None
    name = officer_case(pieces[-1])
    if where and re.fullmatch(r"(?:tinh|huyen|thanh|quan|thi|xa|dang) (?:uy|doan)", last):
        return f"{name} {where.split(' ', 1 + where.startswith(('thành phố', 'thị')))[-1]}"
    if where and len(pieces) > 1 and not re.search(rf"\b{LEVEL}\b", last):
        name = f"{name} {where}"
    return name


def complete_place(place: str | None, text: str) -> str | None:
    """«Khánh Hòa» from the date line, as «tỉnh Khánh Hòa» where the text says so."""
    if not place:
        return None
    folded = Folded(place).text
    match = re.search(rf"\b{LEVEL}\s+{re.escape(folded)}\b", text)
    return f"{LEVELS[match[1]]} {place}" if match else None
