"""The kinds of workbook an officer can import besides the subjects-and-exemplars template
(importer.py): each domain app registers its own at start-up (AppConfig.ready), so that
this app runs the job — upload checks, isolated reading, progress, all-or-nothing — without
importing the apps whose data it writes.

A kind imports into a unit, or into one object of it (`target`: a conference, whose pk the
job keeps). It names its sheets and their columns; `check` turns the sheets' rows into checked rows
and errors by sheet, row and column; `write` writes them in the job's one transaction and
says what it did as [(label, count)]."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import Http404

MAX_ERRORS = 500


@dataclass
class Checked:
    """Rows ready to write, and the problems found (at most MAX_ERRORS of them)."""

    rows: list = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)

    def error(self, sheet: str, number: int, column: str, message: str) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append({"sheet": sheet, "row": number, "column": column,
                                "message": message})  # fmt: skip


@dataclass(frozen=True)
class ImportKind:
    code: str  # stored on the job
    slug: str  # in the address of the import page
    heading: str  # «Nhập … từ Excel»
    steps: str  # what the template holds and how rows are matched, for the import page
    sheets: dict[str, list[tuple[str, str]]]  # {sheet: [(key, header)]}, template order
    template: Callable[[], bytes]
    check: Callable  # (job, sheets: {sheet: [(row number, cells)]}, tick) -> Checked
    write: Callable  # (*, actor, rows) -> [(label, count)]
    max_rows: int = 20_000
    after_label: str = ""  # the link shown when the job is done, to `after(job)`
    after: Callable | None = None
    # A kind that imports into one object (a conference's delegates): (user, pk) -> the
    # object, 404 outside the user's scope; the job's unit is the object's unit.
    target: Callable | None = None


KINDS: dict[str, ImportKind] = {}


def register(kind: ImportKind) -> None:
    KINDS[kind.code] = kind


def kind_for_slug(slug: str) -> ImportKind:
    for kind in KINDS.values():
        if kind.slug == slug:
            return kind
    raise Http404
