"""A limit on how often one address may ask a public page (verification codes cannot be
guessed, and guessing them by the thousand is refused as well). Counted in the cache: the
local memory of each process by default, Redis shared by every worker where CACHE_URL says
so (README, «Production»)."""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from thidua.core.http import client_address


def over_limit(request, name: str, *, limit: int | None = None, seconds: int = 60) -> bool:
    """Whether this address has asked `name` more than `limit` times (by default
    PUBLIC_LOOKUPS_PER_MINUTE) in the current window of `seconds`: counts it."""
    window = int(timezone.now().timestamp()) // seconds
    key = f"limit:{name}:{client_address(request) or '-'}:{seconds}:{window}"
    cache.add(key, 0, timeout=seconds + 10)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds + 10)
        count = 1
    return count > (settings.PUBLIC_LOOKUPS_PER_MINUTE if limit is None else limit)
