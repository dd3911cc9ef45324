"""Long lists are read by keyset: every row once, in order, however rows are added while
someone pages; the API follows the same order with a cursor. Short lists keep numbers."""

import pytest
from django.test import RequestFactory

from thidua.core import api_pagination, pagination
from thidua.core.pagination import paginate
from thidua.exemplars import services
from thidua.exemplars.models import Subject

NAMES = [f"Trần Văn {chr(65 + n)}{n}" for n in range(23)]


@pytest.fixture
def subjects(officer_a, commune_a, monkeypatch):
    monkeypatch.setattr(pagination, "NUMBERED_UP_TO", 10)
    for name in NAMES:
        services.create_subject(actor=officer_a, unit=commune_a, kind="individual", name=name)
    return Subject.objects.order_by("sort_name", "pk")


def _walk(rows, param="", token="", *, per_page=5):
    request = RequestFactory().get("/", {param: token} if param else {})
    return paginate(request, rows, per_page=per_page)


def test_a_long_list_pages_by_keyset_through_every_row_once(subjects):
    seen, page = [], _walk(subjects)
    while True:
        seen += [s.name for s in page]
        if not page.has_next:
            break
        page = _walk(subjects, "sau", page.next_token)

    assert page.keyset
    assert seen == [s.name for s in subjects]


def test_rows_added_while_paging_neither_repeat_nor_hide_the_others(subjects, officer_a):
    first = _walk(subjects)
    services.create_subject(
        actor=officer_a, unit=first.object_list[0].unit, kind="individual", name="Trần Văn A"
    )  # fmt: skip  -- sorts before the cursor
    second = _walk(subjects, "sau", first.next_token)

    assert not {s.pk for s in first} & {s.pk for s in second}
    assert [s.pk for s in second] == [s.pk for s in subjects if s.pk not in
                                      {x.pk for x in first}][1:6]  # fmt: skip


def test_going_back_gives_the_page_before(subjects):
    first = _walk(subjects)
    second = _walk(subjects, "sau", first.next_token)

    back = _walk(subjects, "truoc", second.previous_token)

    assert [s.pk for s in back] == [s.pk for s in first]
    assert not back.has_previous


def test_a_short_list_keeps_page_numbers_and_its_count(subjects, monkeypatch):
    monkeypatch.setattr(pagination, "NUMBERED_UP_TO", 100)

    page = _walk(subjects)

    assert (page.number, page.paginator.count, page.paginator.num_pages) == (1, 23, 5)


def test_search_results_page_by_keyset_without_counting(subjects, django_assert_num_queries):
    request = RequestFactory().get("/", {"q": "tran"})
    with django_assert_num_queries(2):  # the page's keys, then its rows: no COUNT
        page = paginate(request, subjects, per_page=5, counted=False)
    few = paginate(request, subjects.filter(name=NAMES[0]), per_page=5, counted=False)

    assert (page.keyset, page.more_than, page.has_next) == (True, None, True)
    assert [s.name for s in page] == [s.name for s in subjects[:5]]
    assert (len(few), few.has_next) == (1, False)


def test_a_forged_token_gives_the_first_page(subjects):
    assert [s.pk for s in _walk(subjects, "sau", "bm90IGpzb24")] == [s.pk for s in subjects[:5]]


@pytest.mark.parametrize("values", [["x", "y"], [1.5, "y"], [None, 1], [["a"], 1]])
def test_a_token_of_the_wrong_types_gives_the_first_page(subjects, values):
    """A token is read back as its columns' types: one made by hand with an id that is
    not a number (or a value that is no column's) starts the list, never a 500."""
    token = pagination._encode(values)

    for param in ("sau", "truoc"):
        assert [s.pk for s in _walk(subjects, param, token)] == [s.pk for s in subjects[:5]]


def test_each_keyset_page_costs_the_same_queries(subjects, django_assert_num_queries):
    first = _walk(subjects)
    with django_assert_num_queries(2):  # the page's keys from the index, then its rows
        list(_walk(subjects, "sau", first.next_token))


def test_the_api_follows_its_cursor_and_refuses_deep_offsets(
    client, subjects, officer_a, monkeypatch
):
    monkeypatch.setattr(api_pagination, "OFFSET_LIMIT", 10)
    monkeypatch.setattr(api_pagination, "COUNT_UP_TO", 20)
    client.force_login(officer_a)
    seen, cursor = [], None
    while True:
        answer = client.get("/api/v1/subjects", {"page_size": 6, **(
            {"cursor": cursor} if cursor else {})}).json()  # fmt: skip
        seen += [item["name"] for item in answer["items"]]
        cursor = answer["next"]
        if cursor is None:
            break

    deep = client.get("/api/v1/subjects", {"page": 3, "page_size": 6})

    assert seen == [s.name for s in subjects]
    assert answer["count"] is None  # 23 rows: more than it counts
    assert deep.status_code == 422
    assert "cursor" in deep.json()["detail"]


def test_pages_of_reads_every_row_once_in_complete_queries(subjects, django_assert_num_queries):
    from thidua.core.pagination import pages_of, rows_of

    with django_assert_num_queries(10):  # five pages of five (the last one short): keys, rows
        pages = list(pages_of(subjects, 5))
    joined = list(pages_of(Subject.objects.order_by("unit__sort_name", "pk"), 10))

    assert [len(page) for page in pages] == [5, 5, 5, 5, 3]
    assert [s.name for s in rows_of(subjects, 7)] == [s.name for s in subjects]
    assert [len(page) for page in joined] == [10, 10, 3]  # across a join: one iterator
