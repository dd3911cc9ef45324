"""Place names a plan may mention, from the package that gives Vietnam's units
(`vietnam-provinces`: the 34 provinces and the 3,321 communes and wards). They tell where a
place's name ends and a signer's name begins in «Chủ tịch UBND thành phố Hà Nội Trần Sỹ
Thanh»."""

from functools import cache

from vietnam_provinces import Province, Ward

from thidua.core.text import fold
from thidua.documents.frame import PREFIXES


def _bare(name: str) -> str:
    for prefix in PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


@cache
def place_names() -> frozenset[str]:
    """Folded names of provinces, communes and wards, without their type word."""
    names = {fold(_bare(province.name)) for province in Province.iter_all()}
    names |= {fold(_bare(ward.name)) for ward in Ward.iter_all()}
    return frozenset(name for name in names if not name.isdigit())


def place_prefix(words: list[str]) -> int:
    """How many of the leading words are a known place (the longest), 0 if none."""
    names = place_names()
    for size in (4, 3, 2, 1):
        if len(words) >= size and fold(" ".join(words[:size])) in names:
            return size
    return 0
