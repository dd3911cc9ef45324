from django.conf import settings
from django.core.paginator import Page, Paginator


def paginate(request, queryset, per_page: int | None = None) -> Page:
    """The requested page of `queryset`: one COUNT and one SELECT whatever the page size.
    A page number out of range or not a number gives the nearest valid page, never an error."""
    paginator = Paginator(queryset, per_page or settings.PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


def query_without_page(request) -> str:
    """The current query string minus `page`, for building pagination links."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
