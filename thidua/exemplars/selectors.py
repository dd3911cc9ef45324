"""Scoped reads of subjects and exemplars: everything follows the unit they belong to."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from thidua.core.search import tolerant_filter
from thidua.core.text import fold
from thidua.exemplars.models import Exemplar, Stage, Subject
from thidua.units.scope import scope_for
from thidua.units.selectors import attach_lineage, clean_query


def visible_subjects(user) -> QuerySet[Subject]:
    return Subject.objects.filter(scope_for(user).q("unit__path"))


def get_subject_for(user, pk) -> Subject:
    """The subject `pk` if its unit lies in the user's scope, else Http404."""
    return get_object_or_404(visible_subjects(user).select_related("unit"), pk=pk)


def visible_exemplars(user) -> QuerySet[Exemplar]:
    return Exemplar.objects.filter(scope_for(user).q("unit__path"))


def get_exemplar_for(user, pk) -> Exemplar:
    """The exemplar `pk` if its unit lies in the user's scope, else Http404."""
    related = ("subject", "unit", "field")
    return get_object_or_404(visible_exemplars(user).select_related(*related), pk=pk)


def possible_duplicates(*, unit, name: str, birth_year: int | None) -> QuerySet[Subject]:
    """Subjects of the same unit with the same name (ignoring case and diacritics) and the
    same birth year: what an officer should look at before creating another."""
    found = Subject.objects.filter(unit=unit, search_name=fold(name))
    if birth_year:
        found = found.filter(Q(birth_year=birth_year) | Q(birth_year__isnull=True))
    return found.order_by("pk")


def exemplar_list(user, *, q="", stage="", field=None, kind="", unit=None, year=None,
                  movement=None):  # fmt: skip
    """Exemplars in scope, filtered; each word of `q` must appear in the subject's name or
    the model's title, ignoring diacritics and, when nothing matches exactly, forgiving a
    typo (core.search). Ordered by the subject's given name, the Vietnamese way."""
    exemplars = tolerant_filter(visible_exemplars(user), "search_text", clean_query(q))
    exemplars = exemplars.select_related("subject", "unit", "field")
    if stage:
        exemplars = exemplars.filter(stage=stage)
    if field is not None:
        exemplars = exemplars.filter(field=field)
    if kind:
        exemplars = exemplars.filter(subject__kind=kind)
    if movement is not None:
        exemplars = exemplars.filter(movements=movement)
    if unit is not None:
        exemplars = exemplars.filter(unit__path__startswith=unit.path)
    if year:
        exemplars = exemplars.filter(year_from__lte=year).filter(
            Q(year_to__isnull=True) | Q(year_to__gte=year)
        )
    return exemplars.order_by("sort_name", "pk")


def subject_list(user, *, q="", kind="") -> QuerySet[Subject]:
    subjects = tolerant_filter(visible_subjects(user), "search_name", clean_query(q))
    subjects = subjects.select_related("unit")
    if kind:
        subjects = subjects.filter(kind=kind)
    return subjects.order_by("sort_name", "pk")


def count_exemplars(subjects) -> None:
    """Set `exemplar_count` on each subject of a page, in one grouped query over those
    subjects only (counting over the whole scope would read every exemplar)."""
    subjects = list(subjects)
    counts = dict(
        Exemplar.objects.filter(subject__in=[s.pk for s in subjects]).values("subject")
        .annotate(n=Count("pk")).values_list("subject", "n")
    )  # fmt: skip
    for subject in subjects:
        subject.exemplar_count = counts.get(subject.pk, 0)


STAGE_COUNT_LIMIT = 10_000


def stage_counts(user) -> list[tuple[str, str, int, bool]]:
    """(stage, label, count, more) of the exemplars in scope. A unit's subtree is counted
    exactly in one grouped query (an index-only walk of its units); the nation's million
    rows are not grouped on every view: each stage is counted from an index no further
    than STAGE_COUNT_LIMIT + 1 rows ("more" then)."""
    visible = visible_exemplars(user).order_by()
    if not scope_for(user).everything:
        grouped = dict(visible.values("stage").annotate(n=Count("pk")).values_list("stage", "n"))
        return [(value, label, grouped.get(value, 0), False) for value, label in Stage.choices]
    counts = []
    for value, label in Stage.choices:
        n = visible.filter(stage=value)[: STAGE_COUNT_LIMIT + 1].count()
        counts.append((value, label, min(n, STAGE_COUNT_LIMIT), n > STAGE_COUNT_LIMIT))
    return counts


def replication_spread(exemplar) -> list[tuple[str, list]]:
    """Where a model has spread: the adopting units grouped under their province (or the
    top unit below the nation), each with the path of units between, for a tree view."""
    replications = list(exemplar.replications.select_related("unit").order_by("unit__path"))
    units = attach_lineage([r.unit for r in replications])
    groups: dict[str, list] = {}
    for replication, unit in zip(replications, units, strict=True):
        top = unit.lineage[-1] if unit.lineage else unit.name
        replication.lineage_text = " › ".join(reversed(unit.lineage[:-1]))
        groups.setdefault(top, []).append(replication)
    return sorted(groups.items())
