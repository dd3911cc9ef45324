"""Search that tolerates a typo. Exact word matching runs in the database first (on
PostgreSQL through trigram indexes); only when it finds nothing is each query word corrected
to the words of the vocabulary (`SearchWord`) within an edit distance that counts a swap of
two letters as one edit, and the search runs again on the corrections: "nguyne vna an"
finds every "Nguyễn Văn Ân" of the nation, with the same indexed query."""

import time

from django.db.models import Q, QuerySet
from rapidfuzz import process
from rapidfuzz.distance import OSA

from thidua.core.models import SearchWord
from thidua.core.text import fold

MIN_WORD, MAX_WORD = 2, 60
VOCABULARY_SECONDS = 300  # how long a process keeps the vocabulary before reading it again
_vocabulary: tuple[float, list[str], set[str]] = (0.0, [], set())


def allowed_edits(word: str) -> int:
    """Typos forgiven in a word: none in short words (too many false hits), one up to six
    letters, two beyond."""
    if len(word) <= 2:
        return 0
    return 1 if len(word) <= 6 else 2


def words_of(*texts: str) -> set[str]:
    return {word for text in texts for word in fold(text).split()
            if MIN_WORD <= len(word) <= MAX_WORD}  # fmt: skip


def remember_words(*texts: str) -> None:
    """Add the words of `texts` to the vocabulary (the services call this as they write a
    searchable name or title)."""
    found = words_of(*texts)
    if found:
        SearchWord.objects.bulk_create([SearchWord(word=w) for w in found],
                                       ignore_conflicts=True)  # fmt: skip
        _read_at, words, known = _vocabulary
        if known:  # this process sees its own new words at once; the others within minutes
            new = found - known
            known |= new
            words += sorted(new)


def vocabulary() -> list[str]:
    """The vocabulary, read at most every VOCABULARY_SECONDS by each process."""
    global _vocabulary  # noqa: PLW0603 -- a per-process cache of a small, slow-changing table
    read_at, words, _known = _vocabulary
    if time.monotonic() - read_at > VOCABULARY_SECONDS or not words:
        words = list(SearchWord.objects.values_list("word", flat=True))
        _vocabulary = (time.monotonic(), words, set(words))
    return words


def forget_vocabulary() -> None:
    """Read the vocabulary again at the next search (after a bulk load, in tests)."""
    global _vocabulary  # noqa: PLW0603
    _vocabulary = (0.0, [], set())


def corrections(word: str, words: list[str]) -> set[str]:
    """The vocabulary's words within a typo of `word`, and `word` itself."""
    limit = allowed_edits(word)
    if not limit:
        return {word}
    near = process.extract(word, words, scorer=OSA.distance, score_cutoff=limit, limit=None)
    return {word, *(candidate for candidate, _distance, _index in near)}


def rebuild_vocabulary(texts) -> int:
    """Fill the vocabulary from `texts` (all searchable names and titles), in batches:
    after a bulk load that bypassed the services. Returns how many words it holds."""
    batch: set[str] = set()
    for text in texts:
        batch |= words_of(text)
        if len(batch) >= 5000:
            remember_words(" ".join(batch))
            batch = set()
    remember_words(" ".join(batch))
    forget_vocabulary()
    return SearchWord.objects.count()


def _every_word(field: str, alternatives: list[set[str]], *, word_start: bool = False) -> Q:
    """Every alternative set has one of its words in `field`: anywhere, or (`word_start`)
    at the start of one of the field's words, as a corrected word must be."""
    condition = Q()
    for options in alternatives:
        either = Q()
        for option in sorted(options):
            if word_start:
                either |= Q(**{f"{field}__startswith": option})
                either |= Q(**{f"{field}__contains": f" {option}"})
            else:
                either |= Q(**{f"{field}__contains": option})
        condition &= either
    return condition


def word_filter(queryset: QuerySet, field: str, q: str) -> QuerySet:
    """Rows whose folded `field` contains every word of `q`, ignoring case and diacritics
    ("ke hoach 12" finds "Kế hoạch 12/KH-UBND"): the exact search, without the typo pass."""
    words = fold(q).split()
    return queryset.filter(_every_word(field, [{w} for w in words])) if words else queryset


def tolerant_filter(queryset: QuerySet, field: str, q: str) -> QuerySet:
    """Rows whose folded `field` contains every word of `q`; failing that, rows where every
    word of `q`, or a word within a typo of it, begins one of the field's words."""
    words = fold(q).split()
    if not words:
        return queryset
    strict = queryset.filter(_every_word(field, [{word} for word in words]))
    if strict.exists():
        return strict
    known = vocabulary()
    options = [corrections(word, known) for word in words]
    return queryset.filter(_every_word(field, options, word_start=True))
