import pytest

from tests.exemplars.recognition import RECOGNITION, meet_criteria
from tests.workflow.table import assert_moves, assert_refused, pairs
from thidua.exemplars import services
from thidua.exemplars.enums import Stage
from thidua.exemplars.workflows import EXEMPLAR
from thidua.workflow.engine import Refused, history, transition


@pytest.mark.parametrize(("stage", "action"), pairs(EXEMPLAR, allowed=True))
def test_every_allowed_transition_moves_and_is_recorded(exemplar_a, officer_a, stage, action):
    meet_criteria(exemplar_a)
    data = RECOGNITION if action == "recognise" else None
    assert_moves(exemplar_a, stage, action, by=officer_a, data=data)


@pytest.mark.parametrize(("stage", "action"), pairs(EXEMPLAR, allowed=False))
def test_every_refused_transition_leaves_no_trace(exemplar_a, officer_a, stage, action):
    assert_refused(exemplar_a, stage, action, by=officer_a, code="state")


@pytest.mark.parametrize("persona", ["officer_b", "council_member", "leader"])
def test_the_workflow_itself_refuses_a_sibling_officer_and_readers(request, exemplar_a, persona):
    refused = assert_refused(exemplar_a, Stage.DISCOVERED, "nurture",
                             by=request.getfixturevalue(persona), code="forbidden")  # fmt: skip

    assert refused.status == 403


def test_an_officer_above_may_move_it(exemplar_a, province_officer):
    assert_moves(exemplar_a, Stage.DISCOVERED, "nurture", by=province_officer)


def test_declining_needs_a_reason(exemplar_a, officer_a):
    refused = assert_refused(exemplar_a, Stage.DISCOVERED, "decline", by=officer_a,
                             code="reason", reason="  ")  # fmt: skip

    assert refused.messages == ["Cần ghi lý do để «Đánh giá không đạt»."]


def test_the_full_pipeline_keeps_every_step(exemplar_a, officer_a):
    meet_criteria(exemplar_a)
    for action in ["nurture", "recognise", "replicate"]:
        transition(exemplar_a, action, by=officer_a,
                   data=RECOGNITION if action == "recognise" else None)  # fmt: skip

    exemplar_a.refresh_from_db()
    assert exemplar_a.stage == Stage.REPLICATING
    assert [(c.to_state, c.to_label) for c in history(exemplar_a)] == [
        ("nurturing", "Bồi dưỡng"), ("recognised", "Tổng kết, tôn vinh"),
        ("replicating", "Nhân rộng"),
    ]  # fmt: skip


def test_an_unknown_action_is_refused(exemplar_a, officer_a):
    with pytest.raises(Refused):
        transition(exemplar_a, "promote", by=officer_a)


def test_checklist_follows_the_subject_kind(exemplar_a, commune_a, field, officer_a):
    group = services.create_subject(actor=officer_a, unit=commune_a, kind="collective",
                                    name="Tổ hợp tác rau sạch", size=12)  # fmt: skip
    collective = services.create_exemplar(
        actor=officer_a, subject=group, title="Rau an toàn", field=field, year_from=2024
    )

    scopes = lambda e: sorted({c.criterion.scope for c in e.checks.all()})  # noqa: E731
    assert scopes(exemplar_a) == ["general", "individual"]
    assert scopes(collective) == ["collective", "general"]
    auto = collective.checks.get(criterion__auto_check="excellent_collective_every_year")
    assert "Tập thể Lao động xuất sắc" in auto.criterion.text
