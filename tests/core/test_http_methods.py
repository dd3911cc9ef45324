"""Every page of the site states which HTTP methods it answers (thidua.core.http), and
keeps to it: a page that only reads refuses POST, an action refuses GET. A new view without
a decorator fails here, however its body behaves."""

import re

import pytest
from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, get_resolver, path

from thidua.core.http import ALLOWED_METHODS, form_view, post_only, read_only

# django-ninja answers methods itself; static files are not views of ours.
SKIPPED_PREFIXES = ("api/v1/", "static/")
# Django's class-based auth views (and ours built on them) check methods themselves.
AUTH_VIEW_NAMES = {"login", "logout"}
AUTH_VIEW_PREFIX = "password_"
_CONVERTER = re.compile(r"<(?:(?P<kind>\w+):)?(?P<name>\w+)>")
_DUMMIES = {
    "int": "1",
    "slug": "x",
    "str": "x",
    "path": "x",
    "uuid": "00000000-0000-0000-0000-000000000000",
}


def _walk(patterns, prefix=""):
    """(url, name, view) of every route under `patterns`, includes flattened."""
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            url = "/" + _CONVERTER.sub(lambda m: _DUMMIES[m["kind"] or "str"], route)
            yield url, entry.name or "", entry.callback


def _is_auth_view(name: str, view) -> bool:
    if name not in AUTH_VIEW_NAMES and not name.startswith(AUTH_VIEW_PREFIX):
        return False
    # Django's own, or a subclass of it (the Vietnamese forms of thidua.accounts.views).
    mro = getattr(getattr(view, "view_class", None), "__mro__", ())
    return any(cls.__module__ == auth_views.__name__ for cls in mro)


def _undecorated(routes):
    return [
        f"{url} ({view.__module__}.{view.__name__})"
        for url, name, view in routes
        if not hasattr(view, ALLOWED_METHODS) and not _is_auth_view(name, view)
    ]


ROUTES = list(_walk(get_resolver().url_patterns))


def _with(methods):
    routes = [(u, n, v) for u, n, v in ROUTES if getattr(v, ALLOWED_METHODS, None) == methods]
    ids = [f"{view.__module__}.{view.__name__}" for _url, _name, view in routes]
    return pytest.mark.parametrize(("url", "view"), [(u, v) for u, _n, v in routes], ids=ids)


def test_the_walk_reaches_every_app():
    modules = {view.__module__ for _url, _name, view in ROUTES}

    assert len(ROUTES) > 80
    assert {"thidua.plans.obligation_views", "thidua.conferences.door_views",
            "thidua.units.group_views", "thidua.home.views"} <= modules  # fmt: skip
    assert not any(url.startswith("/api/") for url, _name, _view in ROUTES)


def test_every_view_states_its_methods():
    assert _undecorated(ROUTES) == []


def test_a_view_without_a_decorator_is_caught():
    def new_page(request):
        return None

    patterns = [path("moi/", new_page, name="new"), path("doc/", read_only(new_page))]

    assert _undecorated(_walk(patterns)) == [f"/moi/ ({__name__}.new_page)"]


def test_only_djangos_auth_views_are_excused():
    def password_reset(request):
        return None

    assert _undecorated([("/x/", "password_reset", password_reset)]) != []
    assert _undecorated([("/x/", "login", auth_views.LoginView.as_view())]) == []


def test_the_decorators_state_what_django_enforces(rf):
    def page(request):
        return "answered"

    assert read_only(page)(rf.head("/")) == "answered"
    assert read_only(page)(rf.post("/")).status_code == 405
    assert form_view(page)(rf.post("/")) == "answered"
    assert form_view(page)(rf.put("/")).status_code == 405
    assert post_only(page)(rf.get("/")).status_code == 405


@_with(frozenset({"GET", "HEAD"}))
def test_pages_that_only_read_refuse_post(client, site_admin, url, view):
    client.force_login(site_admin)

    response = client.post(url, {"name": "x"})

    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD"}


@_with(frozenset({"POST"}))
def test_actions_refuse_get(client, site_admin, url, view):
    client.force_login(site_admin)

    assert client.get(url).status_code == 405


@_with(frozenset({"GET", "HEAD", "POST"}))
def test_forms_refuse_other_methods(client, site_admin, url, view):
    client.force_login(site_admin)

    assert client.put(url).status_code == 405
    assert client.delete(url).status_code == 405
