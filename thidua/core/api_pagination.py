"""Pages of the API's lists: page numbers while they are cheap, a cursor beyond.

`page` reads rows by offset, up to OFFSET_LIMIT rows into a list; deeper, follow `next`,
the cursor of the page after (core.pagination's keyset over the list's own order, through
its index, so that the thousandth page costs what the first does). `count` is exact up to
COUNT_UP_TO and null above: nothing counts millions of rows on every request."""

from typing import Any

from ninja import Field, Schema
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination

from thidua.core.pagination import bounded_count, keyset_order, rows_after, token_of

OFFSET_LIMIT = 10_000
COUNT_UP_TO = 10_000


class BoundedPageNumberPagination(PageNumberPagination):
    """Ninja's page-number pagination with bounds on `page` and `page_size` (an absurd page
    is a 422, not a database overflow), a `cursor` for deep pages, and a bounded count."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int | None = Field(None, ge=1, le=200)
        cursor: str | None = Field(
            None, max_length=2000, description="«next» của trang trước, để đọc tiếp danh sách"
        )

    class Output(Schema):
        items: list[Any]
        count: int | None = Field(description=f"Số mục, nếu không quá {COUNT_UP_TO}")
        next: str | None = Field(description="Con trỏ của trang sau (tham số cursor)")

    def paginate_queryset(self, queryset, pagination: Input, request, **params: Any) -> Any:
        size = self._get_page_size(pagination.page_size)
        order = keyset_order(queryset)
        count = bounded_count(queryset, COUNT_UP_TO)
        count = count if count <= COUNT_UP_TO else None
        if pagination.cursor and order:
            items, following = rows_after(queryset, order, pagination.cursor, size)
            return {"items": items, "count": count, "next": following}
        offset = (pagination.page - 1) * size
        if offset >= OFFSET_LIMIT:
            raise HttpError(422, f"Trang quá xa (hơn {OFFSET_LIMIT} mục); hãy đọc tiếp bằng "
                                 "tham số cursor theo «next» của trang trước.")  # fmt: skip
        items = list(queryset[offset : offset + size + 1])
        more, items = len(items) > size, items[:size]
        following = token_of(items[-1], order) if more and order and items else None
        return {"items": items, "count": count, "next": following}
