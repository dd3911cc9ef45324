from ninja import Field, Schema
from ninja.pagination import PageNumberPagination


class BoundedPageNumberPagination(PageNumberPagination):
    """Ninja's page-number pagination with upper bounds on `page` and `page_size`, so that an
    absurd page number is a 422 validation error rather than a database overflow."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int | None = Field(None, ge=1, le=200)
