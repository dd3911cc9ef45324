"""Search that tolerates a typo. Exact word matching runs in the database first; only when
it finds nothing are candidates compared word by word with an edit distance that counts a
swap of two letters as one edit ("nguyne vna an" still finds "Nguyễn Văn Ân")."""

from django.db.models import Q, QuerySet
from rapidfuzz.distance import OSA

from thidua.core.text import fold

# How many candidates the fuzzy pass may compare: it is a fallback for a mistyped query,
# bounded so that a nationwide subject table never gets scanned in Python.
MAX_CANDIDATES = 5000


def allowed_edits(word: str) -> int:
    """Typos forgiven in a word: none in short words (too many false hits), one up to six
    letters, two beyond."""
    if len(word) <= 2:
        return 0
    return 1 if len(word) <= 6 else 2


def word_matches(query_word: str, words: list[str]) -> bool:
    limit = allowed_edits(query_word)
    return any(
        word.startswith(query_word) or OSA.distance(query_word, word, score_cutoff=limit) <= limit
        for word in words
    )


def tolerant_filter(queryset: QuerySet, field: str, q: str) -> QuerySet:
    """Rows whose folded `field` contains every word of `q`; failing that, rows where every
    word of `q` is within a typo of some word of `field`."""
    words = fold(q).split()
    if not words:
        return queryset
    exact = Q()
    for word in words:
        exact &= Q(**{f"{field}__contains": word})
    strict = queryset.filter(exact)
    if strict.exists():
        return strict
    # Candidates share the first two letters of at least one query word.
    prefixes = Q()
    for word in words:
        prefixes |= Q(**{f"{field}__contains": word[:2]})
    rows = queryset.filter(prefixes).values_list("pk", field)[:MAX_CANDIDATES]
    hits = [pk for pk, text in rows if all(word_matches(w, text.split()) for w in words)]
    return queryset.filter(pk__in=hits)
