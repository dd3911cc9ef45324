"""What the statistics forms count, and by which dimensions a row or column may select.
Each source groups its rows of a unit's subtree (with the units merged into it) and a
period in one query by the database columns behind the dimensions, then derives the
dimensions that are rules (an enterprise, a launcher's tier, a duration) from each group:
a form's cells are then sums over a few hundred groups, not queries."""

import datetime

from django.db.models import Count, Q

from thidua.awards.catalogue import AWARDS
from thidua.awards.models import Award, AwardRecord, CommendationType
from thidua.core.text import fold
from thidua.exemplars.enums import Leadership, Occupation, SubjectKind
from thidua.movements.models import Movement, MovementMethod
from thidua.units.models import Level, UnitKind
from thidua.units.selectors import under

BOOL = (True, False)
ADMINISTRATIVE = {UnitKind.PROVINCE, UnitKind.DISTRICT, UnitKind.COMMUNE, UnitKind.VILLAGE}


class Awards:
    """Award records in force (a revoked one counts for nothing, Law 2022 ch. VII) whose
    decision is dated in the period; one without a decision date counts in its year."""

    NAME = "khen thưởng"
    COLUMNS = {"award": "award__code", "subject_kind": "subject__kind",
               "commendation_type": "commendation_type", "leadership": "subject__leadership",
               "occupation": "subject__occupation", "direct": "subject__is_direct_labourer",
               "unit_level": "unit__level", "collective_kind": "subject__collective_kind",
               "unit_kind": "subject__unit__kind"}  # fmt: skip
    DIMENSIONS = {"award": None, "subject_kind": SubjectKind.values,
                  "commendation_type": CommendationType.values,
                  "leadership": ["", *Leadership.values], "occupation": ["", *Occupation.values],
                  "direct": BOOL, "unit_level": Level.values, "enterprise": BOOL}  # fmt: skip

    @staticmethod
    def known_codes() -> list[str]:
        """The catalogue's award codes as shipped (awards.catalogue): a form naming another
        code must say it is outside the catalogue."""
        return [row[0] for row in AWARDS]

    @staticmethod
    def rows(unit, first: datetime.date, last: datetime.date):
        dated = Q(decision_date__range=(first, last))
        undated = Q(decision_date__isnull=True, year=last.year)
        return AwardRecord.objects.filter(under(unit), dated | undated, revoked_on__isnull=True)

    @classmethod
    def groups(cls, unit, first, last, where=None) -> list[tuple[dict, int]]:
        names = list(cls.COLUMNS)
        where = dict(where or {})
        rows = cls.rows(unit, first, last)
        if isinstance(where.get("award"), list):
            # The form's titles by their ids, so that the award index finds their rows.
            codes = where.pop("award")
            rows = rows.filter(award_id__in=list(Award.objects.filter(code__in=codes)
                                                 .values_list("pk", flat=True)))  # fmt: skip
        found = (rows.filter(prefilter(cls.COLUMNS, where)).order_by()
                 .values_list(*cls.COLUMNS.values()).annotate(n=Count("pk")))  # fmt: skip
        groups = []
        for *values, n in found:
            dims = dict(zip(names, values, strict=True))
            dims["enterprise"] = is_enterprise(dims.pop("collective_kind"), dims.pop("unit_kind"))
            groups.append((dims, n))
        return groups


def prefilter(columns: dict, where: dict) -> Q:
    """The form's own condition on the dimensions that are columns, for the database (the
    awards of a form's titles through their index); tables.fill checks it again."""
    condition = Q()
    for dim, wanted in where.items():
        if dim in columns and not isinstance(wanted, dict):
            condition &= Q(**{f"{columns[dim]}__in": list(wanted)})
    return condition


def is_enterprise(collective_kind: str, unit_kind: str) -> bool:
    """«Trong đó: Doanh nghiệp»: a collective typed as a company or enterprise, or one of
    an enterprise's own units when its kind was not typed."""
    words = fold(collective_kind or "")
    if words:
        return "doanh nghiep" in words or "cong ty" in words
    return unit_kind == UnitKind.ENTERPRISE


class Movements:
    """Movements launched in the period by the unit or below (Law 2022, Art. 16)."""

    NAME = "phong trào thi đua"
    DIMENSIONS = {"launcher": ("central", "ministry_province", "body"),
                  "scope": ("nation", "ministry_locality", "cluster", "body"),
                  "duration": ("under_1", "1", "1_3", "3_5", "5_plus"),
                  "method": MovementMethod.values}  # fmt: skip

    @staticmethod
    def rows(unit, first, last):
        return Movement.objects.filter(under(unit, "launched_by"), starts_on__range=(first, last))

    @classmethod
    def groups(cls, unit, first, last, where=None) -> list[tuple[dict, int]]:
        found = (cls.rows(unit, first, last).order_by()
                 .values_list("launched_by__kind", "launched_by__level", "starts_on", "ends_on",
                              "method").annotate(n=Count("pk")))  # fmt: skip
        return [({"launcher": launcher(kind, level), "scope": scope(kind, level),
                  "duration": duration(starts, ends), "method": method}, n)
                for kind, level, starts, ends, method, n in found]  # fmt: skip


def launcher(kind: str, level: str) -> str:
    """Column 2–4 of 0601.N: the central council, a ministry or province, or a body."""
    if kind == UnitKind.NATION:
        return "central"
    if kind == UnitKind.PROVINCE or level == Level.NATIONAL:
        return "ministry_province"
    return "body"


def scope(kind: str, level: str) -> str:
    """Rows 02–05 of 0601.N, Law 2022 Art. 16(2): the nation; a ministry, body or
    locality (the administrative tiers); an agency, organisation or unit. Movements of a
    cluster or block are not launched in thidua (a cluster is not a unit): row 04 stays 0."""
    if kind == UnitKind.NATION:
        return "nation"
    if kind in ADMINISTRATIVE or level == Level.NATIONAL:
        return "ministry_locality"
    return "body"


YEAR = 365


def duration(starts: datetime.date, ends: datetime.date) -> str:
    """Rows 06–10 of 0601.N by the movement's days, both ends counted: «1 năm» is a
    calendar year (365 or 366 days)."""
    days = (ends - starts).days + 1
    if days < YEAR:
        return "under_1"
    if days <= YEAR + 1:
        return "1"
    if days < 3 * YEAR:
        return "1_3"
    return "3_5" if days < 5 * YEAR else "5_plus"


SOURCES = {"awards": Awards, "movements": Movements}
