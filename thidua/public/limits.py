"""A limit on how often one address may ask a public page (verification codes cannot be
guessed, and guessing them by the thousand is refused as well). Counted in the cache: the
local memory of each process by default, Redis shared by every worker where CACHE_URL says
so (README, «Production»)."""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from thidua.core.http import client_address


def over_limit(request, name: str) -> bool:
    """Whether this address has asked `name` more than its limit per minute: counts it."""
    minute = timezone.now().strftime("%Y%m%d%H%M")
    key = f"limit:{name}:{client_address(request) or '-'}:{minute}"
    cache.add(key, 0, timeout=70)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=70)
        count = 1
    return count > settings.PUBLIC_LOOKUPS_PER_MINUTE
