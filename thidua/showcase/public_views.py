"""The public showcase (/guong-dien-hinh/, no login): published pages by province, field and
movement, searched without diacritics; a page per exemplar with its story, photos and
honours, shareable with Open Graph tags. Anonymous readers get cached pages (cache.py)."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404
from django.shortcuts import render

from thidua.core.forms import is_id
from thidua.core.http import read_only
from thidua.core.pagination import paginate
from thidua.documents.frame import file_name
from thidua.documents.response import stored_file, stored_image
from thidua.exemplars.models import Field
from thidua.movements.models import Movement
from thidua.showcase import selectors
from thidua.showcase.cache import cached_page
from thidua.showcase.models import Booklet
from thidua.units.models import Unit, UnitKind

PER_PAGE = 24


def _filters(request) -> dict:
    """The list's filters from the address; a value that names nothing is ignored."""
    get = request.GET
    code, field, movement = get.get("tinh", ""), get.get("linh-vuc", ""), get.get("phong-trao", "")
    return {
        "province": Unit.objects.filter(kind=UnitKind.PROVINCE, code=code[:10]).first()
        if code
        else None,
        "field": Field.objects.filter(code=field[:40]).first() if field else None,
        "movement": Movement.objects.filter(pk=movement).first() if is_id(movement) else None,
        "q": get.get("q", "")[:100],
    }


FILTERS = ("tinh", "linh-vuc", "phong-trao", "q")


def _query(chosen) -> str:
    """The filters as the page's links carry them: the ones that named something only."""
    values = {
        "tinh": chosen["province"].code if chosen["province"] else "",
        "linh-vuc": chosen["field"].code if chosen["field"] else "",
        "phong-trao": chosen["movement"].pk if chosen["movement"] else "",
        "q": chosen["q"],
    }
    return urlencode({k: v for k, v in values.items() if v})


@read_only
@cached_page(params=FILTERS)
def showcase_list(request):
    chosen = _filters(request)
    pages = selectors.public_pages(**chosen)
    context = {
        "page": paginate(request, pages, PER_PAGE, counted=False),
        "query": _query(chosen),
        "chosen": chosen,
        "provinces": selectors.provinces_shown(),
        "movements": selectors.movements_shown(chosen["province"]),
        "fields": Field.objects.order_by("position"),
    }
    return render(request, "showcase/public/list.html", context)


@read_only
@cached_page()
def showcase_page(request, token: str):
    page = selectors.public_page(token)
    context = {
        "page": page,
        "photos": list(page.photos.all()),
        **selectors.honours_of(page),
        # From SITE_URL, never the request's Host: the page is cached for every reader.
        "site": settings.SITE_URL.rstrip("/"),
        "share_url": settings.SITE_URL.rstrip("/") + page.get_public_url(),
    }
    return render(request, "showcase/public/page.html", context)


@read_only
def photo(request, token: str, size: str):
    found = selectors.photo_of(token)
    # Its address also changes when its page is unpublished (subscribers.new_photo_addresses).
    return stored_image(found.thumb if size == "nho" else found.image)


@read_only
@cached_page()
def booklet_list(request):
    public = Booklet.objects.filter(public=True).select_related("unit")
    page = paginate(request, public.order_by("-rendered_at", "-id"), PER_PAGE)
    return render(
        request,
        "showcase/public/booklets.html",
        {"page": page, "query": ""},
    )


@read_only
def booklet_file(request, token: str, kind: str):
    booklet = Booklet.objects.filter(token=token, public=True).first()
    if booklet is None or kind not in {"pdf", "epub"}:
        raise Http404
    types = {"pdf": "application/pdf", "epub": "application/epub+zip"}
    return stored_file(
        getattr(booklet, kind), file_name(booklet.title, extension=kind), types[kind]
    )
