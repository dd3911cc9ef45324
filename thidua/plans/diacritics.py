"""Readable Vietnamese from mangled OCR: each word's diacritics chosen in context (issue 17).

A bad scan loses or misplaces the marks: «To chirc Hji nghi tuyén dwong dién hinh». Every
Vietnamese syllable folds to a skeleton («tổ», «tô», «to» → «to»); a syllable bigram
model, counted from clean Vietnamese the project ships (its own pages and messages, the
statistics forms, the inspection checklist, and the names of the 34 provinces and 3,321
communes from `vietnam-provinces`), picks for each skeleton the form most likely after the
previous word (Viterbi over each run of words between punctuation). A word whose skeleton
the model never saw is kept as printed.

The model is a file in the repository (data/syllables.json.gz), rebuilt with
`manage.py build_syllable_model` when the project's text grows.
"""

import gzip
import json
import math
import re
import unicodedata
from functools import cache
from pathlib import Path

from thidua.core.text import fold
from thidua.plans.wording import unmangle_word

MODEL = Path(__file__).parent / "data" / "syllables.json.gz"
WORD = re.compile(r"[^\W\d_]+")
# Words and numbers: a number is one token, «0», so that «năm 2026» teaches «năm» before it;
# a word with a digit misread in it («T6» for «Tổ») is a word.
TOKEN = re.compile(r"[^\W_]+")
NUMBER = "0"
# Below this share of words printed in a form the model knows, a text reads as mangled.
CLEAN_SHARE = 0.8
_SMOOTH = 0.05


@cache
def model() -> tuple[dict[str, int], dict[tuple[str, str], int], dict[str, list[str]]]:
    """(counts of forms, counts of form pairs, forms by skeleton, most frequent first)."""
    data = json.loads(gzip.decompress(MODEL.read_bytes()))
    unigrams = data["unigrams"]
    bigrams = {tuple(pair.split(" ")): n for pair, n in data["bigrams"].items()}
    forms: dict[str, list[str]] = {}
    for form in sorted(unigrams, key=lambda f: -unigrams[f]):
        forms.setdefault(skeleton(form), []).append(form)
    return unigrams, bigrams, forms


def skeleton(word: str) -> str:
    return unmangle_word(fold(word))


def looks_mangled(text: str) -> bool:
    """Too few of the words the model knows are printed in one of their known forms."""
    unigrams, _, forms = model()
    known = [w.lower() for w in WORD.findall(unicodedata.normalize("NFC", text or ""))]
    known = [w for w in known if skeleton(w) in forms]
    if len(known) < 3:
        return False
    return sum(w in unigrams for w in known) < CLEAN_SHARE * len(known)


def restore(text: str) -> str:
    """The text with each known word's marks chosen in context; spacing, punctuation,
    digits and unknown words as printed."""
    if not text:
        return text
    text = unicodedata.normalize("NFC", text)
    parts = re.split(f"({TOKEN.pattern})", text)
    restored: list[str | None] = []
    for run in _runs(parts):
        restored += _best(run)
    for index, form in zip(range(1, len(parts), 2), restored, strict=True):
        if not parts[index].isdigit():
            parts[index] = _cased(form, parts[index])
    return "".join(parts)


def _runs(parts: list[str]):
    """The words of `parts` (odd items) in runs broken by punctuation between them."""
    run: list[str] = []
    for index in range(1, len(parts), 2):
        run.append(parts[index])
        between = parts[index + 1] if index + 1 < len(parts) else ""
        if between.strip() and not re.fullmatch(r"\s*[-–/.]?\s*", between):
            yield run
            run = []
    if run:
        yield run


def _best(words: list[str]) -> list[str | None]:
    """Viterbi over the run: each word's known forms, scored by the count of the pair with
    the form before it, smoothed by the form's own count."""
    unigrams, bigrams, forms = model()
    options = [[NUMBER] if word.isdigit() else forms.get(skeleton(word), [None]) for word in words]
    options = [[None] if o == [NUMBER] and NUMBER not in unigrams else o for o in options]
    paths = {form: (_alone(form, unigrams), [form]) for form in options[0]}
    for choices in options[1:]:
        step = {}
        for form in choices:
            score, path = max(
                (s + _pair(before, form, unigrams, bigrams), p) for before, (s, p) in paths.items()
            )
            step[form] = (score, [*path, form])
        paths = step
    return max(paths.values())[1]


def _alone(form: str | None, unigrams) -> float:
    return math.log(unigrams.get(form, 0) + 0.1) if form else 0.0


def _pair(before: str | None, form: str | None, unigrams, bigrams) -> float:
    if form is None or before is None:
        return _alone(form, unigrams)
    together = bigrams.get((before, form), 0)
    return math.log(together + _SMOOTH * unigrams.get(form, 0) + 1e-3)


def _cased(form: str | None, printed: str) -> str:
    """The chosen form in the printed word's case; the printed word if none was chosen."""
    if form is None:
        return printed
    if printed.isupper() and sum(c.isalpha() for c in printed) > 1:
        return form.upper()
    if printed[:1].isupper():
        return form[:1].upper() + form[1:]
    return form
