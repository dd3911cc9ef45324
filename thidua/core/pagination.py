"""Pages of lists, whatever their size.

A list of at most NUMBERED_UP_TO rows gets page numbers and its exact count (one bounded
COUNT, one SELECT). A longer one is read by keyset: the page after (or before) the last
row shown, found from the list's own order through its index, so that the thousandth page
costs what the first does; its count is given as "more than NUMBERED_UP_TO". Nothing runs
COUNT(*) over millions of rows on a page view, nor OFFSET over them.

Keyset needs the list's order to be columns of its own table ending in a unique one (the
primary key), and not null: every long list is ordered so. A list ordered across a join
keeps page numbers.
"""

import base64
import datetime
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Q

NUMBERED_UP_TO = 2000
AFTER, BEFORE = "sau", "truoc"  # the query parameters of a keyset page


def query_without_page(request) -> str:
    """The current query string minus the page parameters, for building pagination links."""
    params = request.GET.copy()
    for name in ("page", AFTER, BEFORE):
        params.pop(name, None)
    return params.urlencode()


def paginate(request, queryset, per_page: int | None = None, *, counted: bool = True):
    """The requested page of `queryset`: numbered (a Django Page) when the list is short,
    a KeysetPage when it is long. Malformed page parameters give the first page.

    `counted=False` (a search's results) pages by keyset without counting: counting the
    matches of common words costs more than finding the page's, and nobody pages through
    thousands of search results by number."""
    per_page = per_page or settings.PAGE_SIZE
    order = _order_of(queryset)
    if order and (AFTER in request.GET or BEFORE in request.GET or not counted):
        page = _keyset(request, queryset, order, per_page)
        page.more_than = page.more_than if counted else None
        return page
    bounded = bounded_count(queryset)
    if bounded <= NUMBERED_UP_TO or not order:
        paginator = Paginator(queryset, per_page)
        paginator.count = bounded  # the bounded COUNT is the exact one here
        return paginator.get_page(request.GET.get("page"))
    return _keyset(request, queryset, order, per_page)


def _order_of(queryset) -> list[tuple[str, bool]] | None:
    """[(column, descending)] of the queryset's order, if keyset can follow it."""
    names = list(queryset.query.order_by)
    if not names or any("__" in name.lstrip("-") or "?" in name for name in names):
        return None
    order = [(name.lstrip("-"), name.startswith("-")) for name in names]
    pk = queryset.model._meta.pk.name
    return order if order[-1][0] in {"pk", pk} else None


def _encode(values: list) -> str:
    plain = [v.isoformat() if isinstance(v, datetime.date) else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode().rstrip("=")


def _decode(token: str, order, model) -> list | None:
    """The values a token names, each read as its column's type; None for a token that is
    not one of ours (typed or altered by hand): the list then starts from the top."""
    try:
        values = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except ValueError:
        return None
    if not isinstance(values, list) or len(values) != len(order):
        return None
    if not all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in values):
        return None
    try:
        return [_column(model, name).to_python(value) for (name, _d), value in zip(
            order, values, strict=True)]  # fmt: skip
    except (ValidationError, TypeError, ValueError):
        return None


def _column(model, name: str):
    return model._meta.pk if name == "pk" else model._meta.get_field(name)


def _beyond(order: list[tuple[str, bool]], values: list, *, backwards: bool) -> Q:
    """Rows after `values` in `order` (before them when `backwards`): the lexicographic
    comparison (a > x) or (a = x and b > y)…, which an index on the order columns serves."""
    condition, equal = Q(), Q()
    for (name, descending), value in zip(order, values, strict=True):
        lookup = "lt" if descending != backwards else "gt"
        condition |= equal & Q(**{f"{name}__{lookup}": value})
        equal &= Q(**{name: value})
    # The first column's bound again, alone: the database starts the index scan there
    # instead of weighing the OR on every row from the top of the index.
    (first, descending), value = order[0], values[0]
    bound = "lte" if descending != backwards else "gte"
    return Q(**{f"{first}__{bound}": value}) & condition


@dataclass
class KeysetPage:
    """A page of a long list: its rows, and the tokens of the pages around it."""

    object_list: list
    next_token: str | None = None
    previous_token: str | None = None
    more_than: int | None = NUMBERED_UP_TO  # None: not counted (a search)
    keyset: bool = field(default=True, init=False)

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    @property
    def has_next(self) -> bool:
        return self.next_token is not None

    @property
    def has_previous(self) -> bool:
        return self.previous_token is not None


def token_of(obj, order) -> str:
    """The token that names `obj`'s place in `order`, for the page after (or before) it."""
    return _encode([getattr(obj, "pk" if name == "pk" else name) for name, _d in order])


def keyset_order(queryset) -> list[tuple[str, bool]] | None:
    """The queryset's order as keyset pages follow it, or None when they cannot."""
    return _order_of(queryset)


def rows_after(queryset, order, token: str | None, size: int) -> tuple[list, str | None]:
    """Up to `size` rows after the row `token` names (from the start without one), and the
    token of the last of them when more follow: the API's cursor pages."""
    values = _decode(token or "", order, queryset.model) if token else None
    rows = queryset.filter(_beyond(order, values, backwards=False)) if values else queryset
    found = _rows_of(queryset, list(rows.values_list("pk", flat=True)[: size + 1]))
    more, found = len(found) > size, found[:size]
    return found, (token_of(found[-1], order) if more and found else None)


def pages_of(queryset, size: int = 2000):
    """The rows of `queryset` a list of `size` at a time, each list its own complete query
    (keyset over the list's order). No cursor stays open between lists, so a long export
    can save its progress meanwhile: on SQLite, a read left open goes stale as soon as the
    job's heartbeat commits, and the next write fails. A list ordered across a join is read
    with one iterator instead."""
    order = _order_of(queryset)
    if order is None:
        batch = []
        for row in queryset.iterator(chunk_size=size):
            batch.append(row)
            if len(batch) == size:
                yield batch
                batch = []
        if batch:
            yield batch
        return
    token = None
    while True:
        rows, token = rows_after(queryset, order, token, size)
        if rows:
            yield rows
        if token is None:
            return


def rows_of(queryset, size: int = 2000):
    """The rows of `queryset`, read as `pages_of` reads them."""
    for page in pages_of(queryset, size):
        yield from page


def bounded_count(queryset, limit: int = NUMBERED_UP_TO) -> int:
    """The count of `queryset`, read no further than `limit` + 1 rows."""
    return queryset.order_by()[: limit + 1].count()


def _rows_of(queryset, pks: list) -> list:
    """The rows of `pks`, in that order. The page's keys are found first, from the order's
    covering index alone; only the rows shown are then read, with their joins."""
    rows = queryset.order_by().filter(pk__in=pks).in_bulk() if pks else {}
    return [rows[pk] for pk in pks if pk in rows]


def _keyset(request, queryset, order, per_page: int) -> KeysetPage:
    backwards = BEFORE in request.GET and AFTER not in request.GET
    values = _decode(request.GET.get(BEFORE if backwards else AFTER, ""), order, queryset.model)
    backwards = backwards and values is not None  # a token not ours: the first page
    rows = queryset
    if values is not None:
        rows = rows.filter(_beyond(order, values, backwards=backwards))
    if backwards:
        rows = rows.reverse()
    found = _rows_of(queryset, list(rows.values_list("pk", flat=True)[: per_page + 1]))
    more, found = len(found) > per_page, found[:per_page]
    if backwards:
        found.reverse()
    page = KeysetPage(object_list=found)
    if found and (more or backwards):
        page.next_token = token_of(found[-1], order)
    if found and values is not None and (more or not backwards):
        page.previous_token = token_of(found[0], order)
    return page


__all__ = [
    "KeysetPage", "Page", "bounded_count", "keyset_order", "pages_of", "paginate",
    "query_without_page", "rows_after", "rows_of", "token_of",
]  # fmt: skip
