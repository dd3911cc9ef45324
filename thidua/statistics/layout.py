"""The header of a form's table: per level, its cells as (text, colspan, rowspan, index of
the first column), a header that spans the columns under it merged across them and one
with no level below merged down; the page and the Excel file (xlsx.py) draw the same."""


def header_rows(columns) -> list[list[tuple[str, int, int, int]]]:
    levels = max(len(c.heads) for c in columns)
    rows = [[] for _ in range(levels)]
    for level in range(levels):
        index = 0
        while index < len(columns):
            heads = columns[index].heads
            if level >= len(heads):
                index += 1
                continue
            end = index
            while (end + 1 < len(columns) and len(columns[end + 1].heads) > level
                   and columns[end + 1].heads[: level + 1] == heads[: level + 1]):  # fmt: skip
                end += 1
            down = levels - level if level == len(heads) - 1 else 1
            rows[level].append((heads[level], end - index + 1, down, index))
            index = end + 1
    return rows
