from django.urls import reverse

from thidua.help.pages import BY_APP


def help_link(request) -> dict:
    """The help page of the area the current page belongs to, for the «Trợ giúp» link of the
    menu (the index where no area's page fits)."""
    match = getattr(request, "resolver_match", None)
    page = BY_APP.get(match.namespace if match else "")
    url = reverse("help:page", args=[page.slug]) if page else reverse("help:index")
    return {"help_url": url, "help_title": page.title if page else "Trợ giúp"}
