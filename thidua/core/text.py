"""Vietnamese text helpers: diacritic-insensitive search keys and dictionary sort keys.

Both keys are stored in indexed columns so that search and ordering run in the database on
SQLite and PostgreSQL alike, whatever collation the PostgreSQL cluster was created with.
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# C0 controls other than tab, newline and carriage return, and DEL: invisible, and refused
# by the XML inside XLSX and DOCX files.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Text without control characters, safe to store and to write into documents."""
    return _CONTROL.sub("", text or "")


_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Dictionary order of letters: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
# with f j w z (foreign words) placed where the Latin alphabet puts them.
_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]  # fmt: skip
_DIGITS = "0123456789"
_LETTER_RANK = {letter: 11 + index for index, letter in enumerate(_ALPHABET)}
_LETTER_RANK.update({digit: 1 + index for index, digit in enumerate(_DIGITS)})
_SHAPE_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


def thousands(number: int) -> str:
    """A whole number the Vietnamese way, dots between thousands: 2.340.000."""
    return f"{number:,}".replace(",", ".")


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ → d) and collapse spaces: "Xã Đại  Sơn" → "xa dai son"."""
    decomposed = unicodedata.normalize("NFD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return _SPACES.sub(" ", stripped).strip().lower()


def _letters(text: str):
    """Yield (letter, tone) pairs: letters with their shape marks, tones split off."""
    for cluster in _clusters(unicodedata.normalize("NFD", (text or "").lower())):
        base = "".join(ch for ch in cluster if ch not in _TONES)
        tone = next((_TONES[ch] for ch in cluster if ch in _TONES), 0)
        yield unicodedata.normalize("NFC", base), tone


def _clusters(decomposed: str):
    current = ""
    for ch in decomposed:
        if unicodedata.combining(ch) and current:
            current += ch
            continue
        if current:
            yield current
        current = ch
    if current:
        yield current


def _code(rank: int) -> str:
    # Two lower-case ASCII letters per rank: every collation orders these strings alike.
    return chr(97 + rank // 26) + chr(97 + rank % 26)


def sort_key(text: str, max_length: int = 400) -> str:
    """A key whose plain string order is Vietnamese dictionary order.

    Letters compare first (a < ă < â < b …, đ after d), then tones (none, huyền, hỏi, ngã,
    sắc, nặng) break ties, as in Vietnamese dictionaries. Spaces and punctuation separate
    words and sort before any letter.
    """
    primary, tones = [], []
    for letter, tone in _letters(text):
        rank = _LETTER_RANK.get(letter)
        if rank is None:
            rank = _LETTER_RANK.get(fold(letter)[:1], 0) if letter.isalnum() else 0
        if rank == 0 and primary and primary[-1] == _code(0):
            continue  # a run of separators counts once
        primary.append(_code(rank))
        tones.append(_code(tone))
    return ("".join(primary) + _code(0) + "".join(tones))[:max_length]


def person_sort_key(full_name: str, max_length: int = 400) -> str:
    """Sort key for a Vietnamese personal name: given name first, then family and middle names.

    "Nguyễn Văn An" sorts as "An Nguyễn Văn", the order of Vietnamese name lists.
    """
    parts = (full_name or "").split()
    reordered = " ".join(parts[-1:] + parts[:-1])
    return sort_key(reordered, max_length)
