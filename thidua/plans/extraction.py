"""Reading a plan's key facts from its text, clean or OCR-mangled.

The text is folded (no diacritics, lower case) and common OCR confusions are undone before
matching the language of plans: "trước ngày 15/8/2025", "chậm nhất ngày …", "trong quý
II/2025" (OCR "quy 11/2025"), "vào tháng 3/2020", "từ tháng 5/2020 đến tháng 6/2020",
"tối đa 150 đại biểu", "dưới 200 lao động … toàn thể", "khoảng 70%", "ít nhất 03 điển hình
… hằng quý". The output is the JSON of ../shared/samples/plans/README.md; an officer checks
and corrects it before it becomes a Plan.
"""

import calendar
import datetime
import re

from thidua.core.text import fold

HEADER_LINES = 12
DOC_TYPES = [("ke hoach", "KH"), ("huong dan", "HD"), ("quyet dinh", "QĐ"),
             ("cong van", "CV"), ("thong bao", "TB"), ("bao cao", "BC")]  # fmt: skip
LEVELS = {"tinh": "tỉnh", "thanh pho": "thành phố", "thi xa": "thị xã", "xa": "xã",
          "phuong": "phường", "huyen": "huyện", "quan": "quận", "dac khu": "đặc khu"}  # fmt: skip
_LEVEL = r"(thanh pho|thi xa|dac khu|tinh|xa|phuong|huyen|quan)"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_WORD_DIGITS = str.maketrans({"6": "o", "0": "o", "1": "l", "4": "a", "3": "a"})


def _unmangle_word(word: str) -> str:
    """Undo OCR confusions inside one word: digits read for letters ("T6" → "to",
    "1an" → "lan"), and "P" read for "Đ" at a word start ("Pai" → "dai")."""
    mixed = any(c.isalpha() for c in word) and any(c.isdigit() for c in word)
    # A run of digits ("2019a", "15h") is a number with a suffix, not a misread word.
    if mixed and "/" not in word and not re.search(r"\d{2,}", word):
        word = word.translate(_WORD_DIGITS)
    if len(word) > 1 and word[0] == "p" and word[1] != "h":
        word = "d" + word[1:]
    return word


def normalize(text: str) -> str:
    """Folded text on one line, with OCR confusions undone word by word."""
    words = fold(text.replace("\n", " ")).split(" ")
    return " ".join(_unmangle_word(word) for word in words)


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    if not (1 <= month <= 12 and 1900 <= year <= 2100):
        return None
    last = calendar.monthrange(year, month)[1]
    day = last if day is None else day
    return datetime.date(year, month, day).isoformat() if 1 <= day <= last else None


def _symbol(number: str, separator: str, rest: str) -> str:
    """ "2658/KH-UBND", or "34-CT/TW" for Party documents: the separators are kept as printed,
    the letters upper-cased, and "QD" and the OCR forms of "HĐTĐKT" restored."""
    text = re.sub(r"\s*([-/])\s*", r"\1", f"{number}{separator}{rest.strip()}").upper()
    text = re.sub(r"/QD(?=-|$)", "/QĐ", text)
    return re.sub(r"H[DP]T[DBP]KT", "HĐTĐKT", text)


_SYMBOL = re.compile(r"\b(\d{1,5})\s*([-/])\s*([a-z]{1,5}(?:\s*[-/]\s*[a-z0-9]{1,8}){1,3})\b")


def find_symbol(header: str) -> str | None:
    match = re.search(r"\bs[o6]\s*:\s*(\d{1,5})\s*(/)\s*([a-z]{1,4}(?:\s*-\s*[a-z0-9]+)+)", header)
    return _symbol(*match.groups()) if match else None


def find_doc_type(symbol: str | None, text: str) -> str | None:
    if symbol:
        return re.split(r"[-/]", symbol)[1]
    positions = [(text.find(words), code) for words, code in DOC_TYPES if words in text]
    return min(positions)[1] if positions else None


def find_issued_on(header: str, raw: str) -> str | None:
    match = re.search(
        r"ngay\s+(\d{1,2})\s+th[a-z]{2,4}\s+(\d{1,2})\s+n[a-z]{1,3}\s+(\d{4})", header
    )
    if match:
        day, month, year = (int(g) for g in match.groups())
        return _iso(year, month, day)
    signed = re.search(r"(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}", raw)
    if signed:
        return _iso(int(signed[1]), int(signed[2]), int(signed[3]))
    signed = re.search(r"th[a-z]{2,4} gian ky:?\s*(\d{1,2})-(\d{1,2})-(\d{4})", normalize(raw))
    if signed:
        return _iso(int(signed[3]), int(signed[2]), int(signed[1]))
    return None


def _name(words: str) -> str:
    return " ".join(word.capitalize() for word in words.split())


def find_issuer(raw: str, header: str, body: str, title: str) -> str | None:
    """The issuing People's Committee: from a signature line written with diacritics, the
    header's left column, a sentence of the body, or the locality named in the title."""
    signed = re.search(r"Ủy ban [Nn]hân dân\s+(tỉnh|thành phố|thị xã|xã|phường|huyện|quận|đặc khu)"
                       r"\s+([^\n<,;.]+)", raw)  # fmt: skip
    if signed:
        return f"UBND {signed[1]} {signed[2].strip()}"
    top = re.search(rf"\b{_LEVEL}\s+([a-z]+(?: [a-z]+){{0,2}})\s+(?:doc|dgc|dpoc)\s", header)
    if top:
        return f"UBND {LEVELS[top[1]]} {_name(top[2])}"
    verb = r"(?:ban hanh|xay dung|xdy dung)"
    said = re.search(rf"(?:uy ban nhan dan|ubnd)\s+{_LEVEL}\s*([a-z ]*?)\s+{verb}", body)
    if not said:
        return None
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
    words = [_unmangle_word(word) if re.search(r"\d", word) and not re.fullmatch(r"[\d()\-]+", word)
             else word for word in text.split()]  # fmt: skip
    return " ".join(words)


def find_basis(body_intro: str, own: str | None) -> list[str]:
    found = []
    for number, separator, rest in _SYMBOL.findall(body_intro):
        symbol = _symbol(number, separator, rest)
        if symbol != own and symbol not in found:
            found.append(symbol)
    return found


def _roman(token: str) -> int | None:
    return _ROMAN.get(token.lower().replace("1", "i").replace("l", "i"))


def find_deadlines(text: str) -> list[str]:
    dates = set()
    # "trước ngày" (OCR "trudc", "trude"), "chậm nhất ngày" (OCR "chdm nhdt"), "hạn chót"
    by = r"(?:\btr[a-z]{2,4}\s|ch[a-z]m nh[a-z]t\s|han chot\s)(?:la\s)?ngay\s"
    for day, month, year in re.findall(rf"{by}(\d{{1,2}})\s?/\s?(\d{{1,2}})\s?/\s?(\d{{4}})", text):
        dates.add(_iso(int(year), int(month), int(day)))
    for token, year in re.findall(r"\btrong quy\s([ivl1]{1,3}|iv|1v)\s?/\s?(\d{4})", text):
        quarter = _roman(token)
        if quarter:
            dates.add(_iso(int(year), quarter * 3))
    for month, year in re.findall(r"\b(?:trong|vao)\sthang\s(\d{1,2})\s?/\s?(\d{4})", text):
        dates.add(_iso(int(year), int(month)))
    span = r"\bt[a-z]{0,2}\sthang\s\d{1,2}\s?/\s?\d{4}\s(?:den|toi)\s"  # "từ tháng … đến"
    for month, year in re.findall(rf"{span}thang\s(\d{{1,2}})\s?/\s?(\d{{4}})", text):
        dates.add(_iso(int(year), int(month)))
    return sorted(d for d in dates if d)


def find_caps(text: str) -> list[int]:
    # "tối đa", "không quá" and their OCR forms ("tbi da", "t4i da", "khéng qua").
    most = r"(?:\bt[a-z][il]\sda|\bkh[a-z]{1,2}ng\squa)"
    caps = re.findall(rf"{most}\s(?:{most}\s)?(\d{{2,4}})\sdai\sbi", text)
    return sorted({int(cap) for cap in caps})


def find_plenary(text: str) -> list[int]:
    found = set()
    for match in re.finditer(r"\bdu[a-z]{0,2}i\s(\d{2,4})\s(?:nguoi|lao|can|cong)", text):
        if "toan th" in text[match.end() : match.end() + 120]:
            found.add(int(match[1]))
    return sorted(found)


def find_share(text: str) -> int | None:
    match = re.search(
        r"dai bi[a-z]{0,3}\sdien hinh tien tien\s(?:khoang|chiem|tu|la)?\s?(\d{1,3})\s?%", text
    )
    return int(match[1]) if match else None


CADENCES = [("hang quy", "quarter"), ("6 thang", "half_year"), ("sau thang", "half_year"),
            ("hang thang", "month"), ("hang nam", "year")]  # fmt: skip


def find_quotas(text: str) -> list[dict]:
    quotas = []
    for match in re.finditer(
        r"(?:it nhat|toi thieu)\s0?(\d{1,2})\s(?:dien hinh|guong|mo hinh)", text
    ):
        before = text[max(0, match.start() - 200) : match.start()]
        hits = [(before.rfind(words), every) for words, every in CADENCES if words in before]
        if hits:
            quota = {"min": int(match[1]), "every": max(hits)[1]}
            if quota not in quotas:
                quotas.append(quota)
    return quotas


def extract(raw: str) -> dict:
    """The plan's facts as the JSON of the samples README; unknown values are None or []."""
    lines = raw.splitlines()
    header = normalize("\n".join(lines[: _type_line(lines)]))
    text = normalize(raw)
    intro_end = re.search(r"\s(?:i|l|1)\s?\.\s(?:muc dich|muc|mue)", text)
    intro = text[: intro_end.start()] if intro_end else text[:1500]
    symbol = find_symbol(header)
    title = find_title(lines)
    return {
        "doc_type": find_doc_type(symbol, text),
        "symbol": symbol,
        "issued_on": find_issued_on(header, raw),
        "issuer": find_issuer(raw, header, intro, normalize(title or "")),
        "title": title,
        "basis": find_basis(intro, symbol),
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
