"""The app's search and sort keys (thidua.core.text) for millions of generated names, fast.

For text made of words separated by single spaces, fold and sort_key are word by word:
fold(text) is the words' folds joined by spaces, and sort_key(text) is the words' letter
codes joined by the separator code, the separator code, then their tone codes joined alike
(core/text.py builds it letter by letter, a space counting as one separator). Each word is
computed once by the app's own functions; one distinct text in CHECK_EVERY is compared with
the app's function on the whole text, and any difference stops the run.
"""

from functools import cache

from thidua.core.text import fold, person_sort_key, sort_key

SEPARATOR = "aa"  # core/text.py's _code(0), for a separator and for "no tone"
CHECK_EVERY = 97
_seen = {"n": 0}


@cache
def _word(word: str) -> tuple[str, str, str]:
    """(fold, letter codes, tone codes) of one word."""
    key = sort_key(word)
    half = (len(key) - len(SEPARATOR)) // 2
    return fold(word), key[:half], key[half + len(SEPARATOR) :]


def _composed(words: list[str], max_length: int = 400) -> str:
    parts = [_word(word) for word in words]
    letters = SEPARATOR.join(part[1] for part in parts)
    tones = SEPARATOR.join(part[2] for part in parts)
    return (letters + SEPARATOR + tones)[:max_length]


def _plain(text: str) -> bool:
    return text == " ".join(text.split()) and all(word.isalpha() for word in text.split())


def check(text: str, got, expected) -> None:
    """Compare `got` with `expected()` once every CHECK_EVERY calls."""
    _seen["n"] += 1
    if _seen["n"] % CHECK_EVERY == 0 and got != expected():
        raise AssertionError(f"key of {text!r}: {got} != {expected()}")


@cache
def keys(text: str, person: bool) -> tuple[str, str]:
    """(fold(text), person_sort_key(text) if `person` else sort_key(text))."""
    if not _plain(text):
        return fold(text), (person_sort_key if person else sort_key)(text)
    words = text.split()
    ordered = words[-1:] + words[:-1] if person else words
    got = (" ".join(_word(word)[0] for word in words), _composed(ordered))
    check(text, got, lambda: (fold(text), (person_sort_key if person else sort_key)(text)))
    return got


@cache
def folded(text: str) -> str:
    """fold(text), word by word for plain text."""
    if not _plain(text):
        return fold(text)
    got = " ".join(_word(word)[0] for word in text.split())
    check(text, got, lambda: fold(text))
    return got
