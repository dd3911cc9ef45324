"""The exemplar checklist's criterion "every year Tập thể Lao động xuất sắc" (sample 001
§II.3), decided from the award history now that it exists: registered over the
placeholder of exemplars/criteria.py when the app is ready."""

from django.utils import timezone

from thidua.awards.facts import Facts
from thidua.exemplars.criteria import rule


@rule("excellent_collective_every_year")
def excellent_collective_every_year(exemplar) -> bool | None:
    """True when the collective held "Tập thể lao động xuất sắc" (merit, not revoked) in
    every year from the exemplar's first year to its last (or to last year); False when a
    year is missing; None for an individual or household, or an empty period."""
    subject = exemplar.subject
    if subject.kind != "collective":
        return None
    last = exemplar.year_to or timezone.localdate().year - 1
    years = set(range(exemplar.year_from, last + 1))
    if not years:
        return None
    return years <= Facts([subject]).titles(subject.pk, "ttldxs")
