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
from thidua.plans.wording import folded_word

MODEL = Path(__file__).parent / "data" / "syllables.json.gz"
WORD = re.compile(r"[^\W\d_]+")
# Words and numbers: a number is one token, «0», so that «năm 2026» teaches «năm» before it;
# a word with a digit misread in it («T6» for «Tổ») is a word.
TOKEN = re.compile(r"[^\W_]+")
NUMBER = "0"
# Below this share of words printed in a form the model knows, a text reads as mangled:
# the mangled sets score 0.44–0.49, clean text on other topics than the model's 0.75–0.83.
CLEAN_SHARE = 0.65
_SMOOTH = 0.01
# A word printed with marks in a form the model knows keeps it unless the context is this
# much (in log counts) more sure of another: a scan misplaces marks, it rarely makes a
# right word out of a wrong one, and correct words must survive.
PRINTED_BONUS = 6.0
# In a text that reads as mangled the printed marks are worth less: most are the scan's.
MANGLED_BONUS = 2.0
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_ONSET = re.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])")
ROMAN = re.compile(r"[IVXLC]+")
MAX_RUN = 48  # words decided together; longer runs are cut, so that time stays linear


def rhyme(form: str) -> str | None:
    """The rhyme of a syllable with its shape marks, without its tone («tiến» → «iên»);
    None when it carries two tones."""
    letters = unicodedata.normalize("NFD", form.lower())
    if sum(c in _TONES for c in letters) > 1:
        return None
    base = unicodedata.normalize("NFC", "".join(c for c in letters if c not in _TONES))
    return _ONSET.sub("", base)


@cache
def rhymes() -> frozenset[str]:
    """The rhymes of every form the model knows: a printed word whose rhyme is among them
    is a real syllable («Hường», «sữa»), one whose rhyme is not is OCR's («tién»)."""
    return frozenset(filter(None, (rhyme(form) for form in model()[0])))


def plausible(word: str) -> bool:
    """Printed with marks that Vietnamese writes: keep it, the model may just not know it."""
    printed = word.lower()
    return printed != fold(printed) and rhyme(printed) in rhymes()


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
    """The word folded and repaired, as the reader matches it (cached there)."""
    return folded_word(word)


def looks_mangled(text: str) -> bool:
    """Too few of the words the model knows are printed in one of their known forms."""
    unigrams, _, forms = model()
    known = [w.lower() for w in WORD.findall(unicodedata.normalize("NFC", text or ""))]
    known = [w for w in known if skeleton(w) in forms]
    if len(known) < 3:
        return False
    return sum(w in unigrams for w in known) < CLEAN_SHARE * len(known)


def restore(text: str, *, printed_bonus: float = PRINTED_BONUS) -> str:
    """The text with each known word's marks chosen in context; spacing, punctuation,
    digits and unknown words as printed. `printed_bonus` is how much a word printed with
    marks in a known form is trusted (MANGLED_BONUS for a text that reads as mangled)."""
    if not text:
        return text
    text = unicodedata.normalize("NFC", text)
    parts = re.split(f"({TOKEN.pattern})", text)
    restored: list[str | None] = []
    for run in _runs(parts):
        restored += _best(run, printed_bonus)
    for index, form in zip(range(1, len(parts), 2), restored, strict=True):
        if not parts[index].isdigit():
            parts[index] = _cased(form, parts[index])
    return "".join(parts)


def _runs(parts: list[str]):
    """The words of `parts` (odd items) in runs broken by punctuation between them (a
    hyphen, a slash or a dot inside a word does not break one), at most MAX_RUN long."""
    run: list[str] = []
    for index in range(1, len(parts), 2):
        run.append(parts[index])
        between = parts[index + 1] if index + 1 < len(parts) else ""
        joined = not between.strip() or re.fullmatch(r"\s*[-–/]\s*|\.", between)
        if not joined or len(run) >= MAX_RUN:
            yield run
            run = []
    if run:
        yield run


def _options(word: str, unigrams, forms) -> list[str | None]:
    """The forms the word may take: as printed when its marks are plausible and the model
    does not know it, nothing (kept) for a Roman numeral or an unknown skeleton."""
    if word.isdigit():
        return [NUMBER] if NUMBER in unigrams else [None]
    if ROMAN.fullmatch(word):
        return [None]
    known = forms.get(skeleton(word), [None])
    # A name the model has not learned («Hường», «Pà Cò») keeps its plausible marks; a
    # common word in lower case is one the model knows, so its forms decide.
    if word[:1].isupper() and plausible(word) and word.lower() not in unigrams:
        return [word.lower()]
    return known


def _kept(word: str, form: str | None, unigrams, bonus: float) -> float:
    """The bonus of keeping a word as printed, when it carries marks in a known form."""
    printed = word.lower()
    return bonus if form == printed and printed in unigrams and printed != fold(printed) else 0.0


def _best(words: list[str], bonus: float) -> list[str | None]:
    """Viterbi over the run: each word's known forms, scored by the count of the pair with
    the form before it, smoothed by the form's own count; back-pointers, so that each step
    costs the same however long the run."""
    unigrams, bigrams, forms = model()
    options = [_options(word, unigrams, forms) for word in words]
    scores = {f: _alone(f, unigrams) + _kept(words[0], f, unigrams, bonus) for f in options[0]}
    pointers: list[dict] = []
    for word, choices in zip(words[1:], options[1:], strict=True):
        step, back = {}, {}
        for form in choices:
            before = max(scores, key=lambda b: scores[b] + _pair(b, form, unigrams, bigrams))
            step[form] = scores[before] + _pair(before, form, unigrams, bigrams)
            step[form] += _kept(word, form, unigrams, bonus)
            back[form] = before
        scores = step
        pointers.append(back)
    form = max(scores, key=scores.get)
    path = [form]
    for back in reversed(pointers):
        form = back[form]
        path.append(form)
    return path[::-1]


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
