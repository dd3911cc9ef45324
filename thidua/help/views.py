from django.http import Http404
from django.shortcuts import render

from thidua.core.http import read_only
from thidua.help.pages import BY_SLUG, PAGES


@read_only
def help_index(request):
    return render(request, "help/index.html", {"pages": PAGES})


@read_only
def help_page(request, slug: str):
    """Help holds no data of anyone's, so it is open before logging in too."""
    page = BY_SLUG.get(slug)
    if page is None:
        raise Http404
    return render(request, f"help/{slug}.html", {"page": page, "pages": PAGES})
