"""Load the official administrative tree (34 provinces, 3,321 communes since 01/7/2025) from
the `vietnam-provinces` package. Re-running it changes only what the package changed.

It works in bulk (a handful of queries per level, not one per unit) so that a full load
takes seconds; `bench/bench_load_units.py` measures it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import CharField, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Concat
from vietnam_provinces import Province, VietNamDivisionType, Ward

from thidua.audit.models import Action
from thidua.audit.services import record_event
from thidua.units.models import Level, Unit, UnitKind
from thidua.units.services import path_for, set_names

NATION_NAME = "Trung ương"
OFFICIAL_FIELDS = ["name", "subtype", "parent_id"]
_PROVINCE_PREFIX = {VietNamDivisionType.TINH: "Tỉnh"}


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    moved: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def province_code(code: int) -> str:
    return f"{int(code):02d}"


def commune_code(code: int) -> str:
    return f"{int(code):05d}"


def province_name(province: Province) -> str:
    """The package names provinces "Bắc Ninh" but cities "Thành phố Hải Phòng"; officers
    write "Tỉnh Bắc Ninh", so the division type gives the missing word."""
    prefix = _PROVINCE_PREFIX.get(province.division_type)
    return f"{prefix} {province.name}" if prefix else province.name


def get_or_create_nation() -> Unit:
    nation = Unit.objects.filter(kind=UnitKind.NATION, parent__isnull=True).first()
    if nation is None:
        nation = Unit(name=NATION_NAME, kind=UnitKind.NATION, level=Level.NATIONAL, path="/0/")
        nation.is_official = True
        set_names(nation)
        nation.save()
        nation.path = path_for(nation, None)
        nation.save(update_fields=["path"])
    return nation


def _sync_level(rows: list[dict], kind: str, level: str, progress, result: LoadResult) -> dict:
    """Create or update one level of official units; returns {code: Unit} for the level."""
    existing = {u.code: u for u in Unit.objects.filter(kind=kind, is_official=True)}
    new, changed = [], []
    for row in rows:
        unit = existing.get(row["code"])
        if unit is None:
            unit = Unit(kind=kind, level=level, code=row["code"], is_official=True, **_values(row))
            set_names(unit)
            unit.path = f"/new-{row['code']}-{kind}/"
            new.append(unit)
        elif any(getattr(unit, f) != row[f] for f in OFFICIAL_FIELDS):
            if unit.parent_id != row["parent_id"]:
                result.moved.append(unit.code)
            unit.official_changes = {
                f: [getattr(unit, f), row[f]] for f in OFFICIAL_FIELDS if getattr(unit, f) != row[f]
            }
            for name, value in _values(row).items():
                setattr(unit, name, value)
            set_names(unit)
            changed.append(unit)
        else:
            result.unchanged += 1
        existing[row["code"]] = unit
        progress(1)
    _save(new, changed, {row["parent_id"]: row["parent_path"] for row in rows})
    result.created += len(new)
    result.updated += len(changed)
    return existing


def _values(row: dict) -> dict:
    return {"name": row["name"], "subtype": row["subtype"], "parent_id": row["parent_id"]}


def _save(new: list[Unit], changed: list[Unit], parent_paths: dict) -> None:
    Unit.objects.bulk_create(new, batch_size=500)
    _set_paths_from_parents([unit.pk for unit in new])
    for unit in new + changed:
        unit.path = f"{parent_paths[unit.parent_id]}{unit.pk}/"
        unit.depth = unit.path.count("/") - 2
    Unit.objects.bulk_update(
        changed, ["name", "subtype", "parent", "path", "depth", "search_name", "sort_name"],
        batch_size=500,
    )  # fmt: skip
    for unit in changed:  # a moved unit's own subtree (villages, agencies) follows it
        _repath_descendants(unit)
        # Renames and moves are rare and matter to the unit's officers: one record each,
        # in the unit's own scope. Creations are summed up in the run's single record.
        record_event(
            actor=None, action=Action.UPDATE, target=unit, scope_path=unit.path,
            changes=unit.official_changes, note="Cập nhật theo danh mục chính thức",
        )  # fmt: skip


def _set_paths_from_parents(pks: list[int]) -> None:
    """Give freshly inserted units their path in one set-based UPDATE per batch: a per-row
    bulk_update costs seconds for the 3,321 communes."""
    parent = Unit.objects.filter(pk=OuterRef("parent_id"))
    for start in range(0, len(pks), 900):  # SQLite allows 999 parameters per statement
        Unit.objects.filter(pk__in=pks[start : start + 900]).update(
            path=Concat(
                Subquery(parent.values("path")[:1]), Cast("pk", CharField()), Value("/"),
                output_field=CharField(),
            ),
            depth=Subquery(parent.values("depth")[:1]) + 1,
        )  # fmt: skip


def _repath_descendants(unit: Unit) -> None:
    descendants = list(Unit.objects.filter(path__startswith=unit.path).exclude(pk=unit.pk))
    paths = {unit.pk: unit.path}
    for child in sorted(descendants, key=lambda u: u.depth):
        child.path = f"{paths[child.parent_id]}{child.pk}/"
        child.depth = child.path.count("/") - 2
        paths[child.pk] = child.path
    Unit.objects.bulk_update(descendants, ["path", "depth"], batch_size=500)


@transaction.atomic
def load_official_tree(*, actor=None, progress: Callable[[int], None] | None = None) -> LoadResult:
    """Create or update the nation, the 34 provinces and the 3,321 communes with their
    official codes (2 digits for provinces, 5 for communes). Units the package no longer
    lists are left alone: closing them is a merger decision with a date, not a deletion."""
    progress = progress or (lambda _n: None)
    result = LoadResult()
    nation = get_or_create_nation()
    province_rows = [
        {"code": province_code(p.code), "name": province_name(p), "subtype": p.division_type.value,
         "parent_id": nation.pk, "parent_path": nation.path}
        for p in Province.iter_all()
    ]  # fmt: skip
    provinces = _sync_level(province_rows, UnitKind.PROVINCE, Level.PROVINCE, progress, result)
    commune_rows = []
    for ward in Ward.iter_all():
        parent = provinces[province_code(ward.province_code)]
        commune_rows.append(
            {"code": commune_code(ward.code), "name": ward.name,
             "subtype": ward.division_type.value, "parent_id": parent.pk,
             "parent_path": parent.path}
        )  # fmt: skip
    _sync_level(commune_rows, UnitKind.COMMUNE, Level.COMMUNE, progress, result)
    note = f"Tạo {result.created}, cập nhật {result.updated}, giữ nguyên {result.unchanged}"
    record_event(actor=actor, action=Action.LOAD, target=nation, scope_path=nation.path, note=note)
    return result


def official_counts() -> tuple[int, int]:
    """(provinces, communes) in the package, for progress bars and checks."""
    return len(list(Province.iter_all())), len(list(Ward.iter_all()))
