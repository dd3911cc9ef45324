from collections import Counter

from django.db import router
from django.db.models.deletion import Collector, ProtectedError, RestrictedError


def protected_counts(obj) -> Counter:
    """{model: count} of the records that still point at `obj` (or at what its deletion
    would cascade to) through a PROTECT or RESTRICT link, and so forbid deleting it."""
    collector = Collector(using=router.db_for_write(type(obj)))
    try:
        collector.collect([obj])
    except ProtectedError as error:
        return Counter(type(item) for item in error.protected_objects)
    except RestrictedError as error:
        return Counter(type(item) for item in error.restricted_objects)
    return Counter()


def blocking_sentences(obj, *, skip=()) -> list[str]:
    """The same as sentences for an officer: "Còn 3 đối tượng liên quan."."""
    counts = protected_counts(obj)
    return [
        f"Còn {count} {model._meta.verbose_name} liên quan."
        for model, count in sorted(counts.items(), key=lambda item: item[0]._meta.label)
        if model not in skip
    ]
