"""Bar charts drawn on the server as SVG: no script, no library, and readable without
colour — each series has its own hatching as well as its shade, every bar carries its
number, and the legend names the patterns. A chart is always shown beside its table."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

# (fill, pattern id): dark to light, each with a hatching of its own.
LOOKS = [("#1f4e79", "solid"), ("#5b9bd5", "lines"), ("#a5a5a5", "dots"),
         ("#c55a11", "cross"), ("#70ad47", "back")]  # fmt: skip
# The white marks drawn over each hatched fill.
MARKS = {
    "lines": '<path d="M0 6L6 0" stroke="#fff" stroke-width="1.5"/>',
    "dots": '<circle cx="3" cy="3" r="1.3" fill="#fff"/>',
    "cross": '<path d="M0 0L6 6M6 0L0 6" stroke="#fff" stroke-width="1"/>',
    "back": '<path d="M0 0L6 6" stroke="#fff" stroke-width="1.5"/>',
}
PATTERNS = (
    "<defs>"
    + "".join(
        f'<pattern id="p-{name}" width="6" height="6" patternUnits="userSpaceOnUse">'
        f'<rect width="6" height="6" fill="{colour}"/>{MARKS[name]}</pattern>'
        for colour, name in LOOKS
        if name in MARKS
    )
    + "</defs>"
)
BAR, GAP, LEFT, TOP, HEIGHT = 18, 14, 10, 34, 160


def _fill(n: int) -> str:
    colour, pattern = LOOKS[n % len(LOOKS)]
    return colour if pattern == "solid" else f"url(#p-{pattern})"


def bar_chart(title: str, categories: list[str], series: list[tuple[str, list[int]]]) -> str:
    """Grouped bars: one group per category, one bar per series, each labelled."""
    top = max([v for _label, values in series for v in values] + [1])
    group = len(series) * BAR + GAP
    width = LEFT * 2 + group * max(len(categories), 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" '
             f'viewBox="0 0 {width} {TOP + HEIGHT + 40}" aria-label="{escape(title)}">',
             f"<title>{escape(title)}</title>", PATTERNS]  # fmt: skip
    parts += _legend(series)
    base = TOP + HEIGHT
    for c, category in enumerate(categories):
        x0 = LEFT + c * group
        for s, (_label, values) in enumerate(series):
            value, x = values[c], x0 + s * BAR
            h = round(HEIGHT * value / top)
            parts.append(f'<rect x="{x}" y="{base - h}" width="{BAR - 2}" height="{h}" '
                         f'fill="{_fill(s)}" stroke="#333" stroke-width=".5"/>')  # fmt: skip
            parts.append(f'<text x="{x + (BAR - 2) / 2}" y="{base - h - 3}" font-size="9" '
                         f'text-anchor="middle">{value}</text>')  # fmt: skip
        parts.append(f'<text x="{x0 + (group - GAP) / 2}" y="{base + 14}" font-size="10" '
                     f'text-anchor="middle">{escape(category[:18])}</text>')  # fmt: skip
    parts.append(f'<line x1="{LEFT}" y1="{base}" x2="{width - LEFT}" y2="{base}" stroke="#333"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 -- every text above is escaped


def _legend(series) -> list[str]:
    parts, x = [], LEFT
    for s, (label, _values) in enumerate(series):
        parts.append(f'<rect x="{x}" y="8" width="14" height="14" fill="{_fill(s)}" '
                     f'stroke="#333" stroke-width=".5"/>')  # fmt: skip
        parts.append(f'<text x="{x + 18}" y="19" font-size="11">{escape(label)}</text>')
        x += 26 + 7 * len(label)
    return parts
