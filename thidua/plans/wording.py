"""The words of a plan, folded for matching and kept as printed for showing.

Rules match folded text (no diacritics, lower case, common OCR confusions undone: "T6" →
"to", "Pai" → "dai"), which reads clean and mangled copies alike. What a rule finds is given
back as printed through `Folded.raw`, so the draft shows the document's own words.
"""

import bisect
import re
import unicodedata
from functools import cached_property, lru_cache

from thidua.core.text import fold

_WORD_DIGITS = str.maketrans({"6": "o", "0": "o", "1": "l", "4": "a", "3": "a"})


def unmangle_word(word: str) -> str:
    """Undo OCR confusions inside one folded word: digits read for letters ("t6" → "to",
    "1an" → "lan"), "p" read for "đ" at a word start ("pai" → "dai"), "w" for "ư"."""
    mixed = any(c.isalpha() for c in word) and any(c.isdigit() for c in word)
    # A run of digits ("2019a", "15h") is a number with a suffix, not a misread word.
    if mixed and "/" not in word and not re.search(r"\d{2,}", word):
        word = word.translate(_WORD_DIGITS)
    if len(word) > 1 and word[0] == "p" and word[1] != "h":
        word = "d" + word[1:]
    # Vietnamese writes no «w»: OCR reads «ư» as «w» («dwng», «nwóc»). Symbols and
    # addresses («CT/TW», «www.») keep theirs.
    if "w" in word and not re.search(r"[/.@]", word):
        word = word.replace("w", "u")
    return word


@lru_cache(maxsize=100_000)
def folded_word(word: str) -> str:
    """One printed word folded and repaired; cached, since a plan repeats its words."""
    return unmangle_word(fold(word)) or "_"


def normalize(text: str) -> str:
    """Folded text on one line, with OCR confusions undone word by word."""
    return Folded(text).text


class Folded:
    """A text's words as printed (NFC) and folded, position for position, so that a span
    of the folded text maps back to the printed words it came from."""

    def __init__(self, raw: str):
        words = unicodedata.normalize("NFC", raw or "").replace("–", "-").split()
        folded = [folded_word(word) for word in words]
        self.printed = " ".join(words)
        self.text = " ".join(folded)
        self._words = list(zip(words, folded, strict=True))

    @cached_property
    def _starts(self) -> tuple[list[int], list[int]]:
        """Where each word starts, in the folded and in the printed text."""
        folded_starts, printed_starts, at, printed_at = [], [], 0, 0
        for printed, folded in self._words:
            folded_starts.append(at)
            printed_starts.append(printed_at)
            at += len(folded) + 1
            printed_at += len(printed) + 1
        return folded_starts, printed_starts

    def _printed_at(self, position: int, end: bool) -> int:
        folded_starts, printed_starts = self._starts
        index = bisect.bisect_right(folded_starts, position) - 1
        if index < 0:
            return 0
        printed, folded = self._words[index]
        if len(printed) == len(folded):
            return printed_starts[index] + min(position - folded_starts[index], len(printed))
        return printed_starts[index] + (len(printed) - 1 if end else 0)

    def raw(self, start: int, end: int) -> str:
        """The printed text of the folded span [start, end)."""
        if end <= start:
            return ""
        return self.printed[self._printed_at(start, False) : self._printed_at(end - 1, True) + 1]

    def splice(self, start: int, end: int, new: str) -> str:
        """The printed text with the folded span [start, end) replaced by `new`."""
        before = self.raw(0, start) if start else ""
        after = self.raw(end, len(self.text)) if end < len(self.text) else ""
        return " ".join(part for part in (before.strip(), new, after.strip()) if part)

    def match_raw(self, match: re.Match, group: int | str = 0) -> str:
        """The printed words of a match (or of one of its groups) on the folded text."""
        return self.raw(match.start(group), match.end(group)).strip()


# Words a name is written with in lower case after its first word ("Bộ Tài chính").
_PROPER_AFTER = {"bo", "so", "ban", "cuc", "tong cuc", "vu", "hoi dong", "uy ban"}
LEVELS = {"tinh": "tỉnh", "thanh pho": "thành phố", "thi xa": "thị xã", "thi tran": "thị trấn",
          "xa": "xã", "phuong": "phường", "huyen": "huyện", "quan": "quận",
          "dac khu": "đặc khu", "tp": "thành phố"}  # fmt: skip
# A level word before a place's name; not «Tỉnh đoàn», «Huyện ủy» (the Youth Union's and
# the Party's committees of that level), nor «xã hội» («society»).
LEVEL = rf"({'|'.join(sorted(LEVELS, key=len, reverse=True))})(?!\s(?:doan|uy|hoi)\b)"
# The level words as printed, longest first, for regular expressions on printed text.
PRINTED_LEVELS = "|".join(sorted(set(LEVELS.values()), key=len, reverse=True))
COUNCIL = "Hội đồng Thi đua - Khen thưởng"


def _acronym(word: str) -> bool:
    """«UBND», «TĐKT», «TP»: capitals with no vowel after the first letter."""
    letters = fold(word)
    return len(letters) > 1 and word.isupper() and not re.search(r"[aeiouy]", letters[1:])


def title_case(words: str) -> str:
    """«LAI CHÂU», «lai châu» → «Lai Châu»."""
    return " ".join(word[:1].upper() + word[1:].lower() for word in words.split())


def officer_case(name: str) -> str:
    """An agency's name written in capitals, as an officer writes it in a sentence: «BỘ TÀI
    CHÍNH» → «Bộ Tài chính», «SỞ NỘI VỤ» → «Sở Nội vụ», places in title case."""
    if not name.isupper():
        return name
    words = name.split()
    folded = [fold(word) for word in words]
    out = [word if _acronym(word) else word.lower() for word in words]
    out[0] = out[0][:1].upper() + out[0][1:]
    for size in (2, 1):
        if " ".join(folded[:size]) in _PROPER_AFTER and len(words) > size:
            out[size] = words[size].capitalize()
            break
    for index in range(2, len(out)):  # «Giáo dục và Đào tạo», «Lao động - Thương binh»
        if folded[index - 1] in {"va", "-"} and out[1][:1].isupper():
            out[index] = out[index].capitalize()
    text = " ".join(out)
    text = re.sub(r"(?i)thi đua\s*[-,–]\s*khen thưởng", "Thi đua - Khen thưởng", text)
    text = re.sub(r"(?i)\btrung ương\b", "Trung ương", text)
    return _places_in_title_case(text)


def _places_in_title_case(text: str) -> str:
    def place(match: re.Match) -> str:
        return f"{match[1]} {title_case(match[2])}"

    return re.sub(rf"\b({PRINTED_LEVELS})\s+(.+)$", place, text)
