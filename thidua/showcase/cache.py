"""Cached public pages of the showcase. Anonymous readers get the same page, so each is
rendered once and kept in the cache under the showcase's version (models.ShowcaseVersion),
which every change bumps: a page unpublished or a consent withdrawn is gone on the very
next request, in every worker process, whichever cache backend they use. Awards recorded
elsewhere show within CACHE_SECONDS."""

import hashlib
from functools import wraps

from django.core.cache import cache
from django.db.models import F
from django.http import HttpResponse

from thidua.showcase.models import ShowcaseVersion

CACHE_SECONDS = 300


def version() -> int:
    return ShowcaseVersion.objects.filter(pk=1).values_list("number", flat=True).first() or 0


def bump() -> None:
    """Count one change of the showcase (inside the writer's transaction)."""
    if not ShowcaseVersion.objects.filter(pk=1).update(number=F("number") + 1):
        ShowcaseVersion.objects.get_or_create(pk=1, defaults={"number": 1})


def cached_page(*, params: tuple[str, ...] = ()):
    """Serve GET from the cache when this version has the page; keep successful pages that
    set no cookie. The key is the path and the values of `params` only: other parameters
    change nothing on the page, and must not fill the cache. A search or a deeper page
    (SKIPPED) is rendered each time: its variants are as many as a visitor can type."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method != "GET" or any(request.GET.get(p) for p in SKIPPED):
                return view(request, *args, **kwargs)
            key = _key(request, params)
            hit = cache.get(key)
            if hit is not None:
                content, content_type = hit
                return HttpResponse(content, content_type=content_type)
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.cookies and not response.streaming:
                cache.set(key, (response.content, response["Content-Type"]), CACHE_SECONDS)
            return response

        return wrapper

    return decorator


SKIPPED = ("q", "sau", "truoc", "page")


def _key(request, params) -> str:
    chosen = "&".join(f"{p}={request.GET.get(p, '')[:40]}" for p in params)
    digest = hashlib.sha256(f"{request.path}?{chosen}".encode()).hexdigest()
    return f"showcase:{version()}:{digest}"
