import pytest

from thidua.audit.models import AuditEvent
from thidua.exemplars import services
from thidua.exemplars.enums import TRANSITIONS, Stage, StageAction
from thidua.exemplars.models import Exemplar, StageChange

ALL_PAIRS = [(stage, action) for stage in Stage.values for action in StageAction.values]
FORBIDDEN = [pair for pair in ALL_PAIRS if pair not in TRANSITIONS]


def _put_in(exemplar, stage):
    Exemplar.objects.filter(pk=exemplar.pk).update(stage=stage)
    exemplar.refresh_from_db()


@pytest.mark.parametrize(("stage", "action"), list(TRANSITIONS))
def test_every_allowed_transition_moves_and_is_recorded(exemplar_a, officer_a, stage, action):
    _put_in(exemplar_a, stage)

    moved = services.transition_exemplar(
        exemplar=exemplar_a, action=action, by=officer_a, reason="Đã họp xét"
    )

    change = StageChange.objects.get(exemplar=exemplar_a)
    assert moved.stage == TRANSITIONS[(stage, action)]
    assert (change.from_stage, change.to_stage, change.by, change.reason) == (
        stage, moved.stage, officer_a, "Đã họp xét",
    )  # fmt: skip


@pytest.mark.parametrize(("stage", "action"), FORBIDDEN)
def test_every_forbidden_transition_is_refused_and_leaves_no_trace(exemplar_a, officer_a,
                                                                   stage, action):  # fmt: skip
    _put_in(exemplar_a, stage)
    events = AuditEvent.objects.count()

    with pytest.raises(services.InvalidTransition):
        services.transition_exemplar(exemplar=exemplar_a, action=action, by=officer_a, reason="x")

    exemplar_a.refresh_from_db()
    assert exemplar_a.stage == stage
    assert not StageChange.objects.exists()
    assert AuditEvent.objects.count() == events


def test_declining_needs_a_reason(exemplar_a, officer_a):
    with pytest.raises(services.InvalidTransition) as error:
        services.transition_exemplar(exemplar=exemplar_a, action="decline", by=officer_a)

    assert error.value.messages == ["Cần ghi lý do để «Đánh giá không đạt»."]


def test_the_full_pipeline(exemplar_a, officer_a):
    for action in ["nurture", "recognise", "replicate"]:
        services.transition_exemplar(exemplar=exemplar_a, action=action, by=officer_a)

    exemplar_a.refresh_from_db()
    assert exemplar_a.stage == Stage.REPLICATING
    assert [c.to_stage for c in exemplar_a.stage_changes.all()] == [
        "nurturing", "recognised", "replicating",
    ]  # fmt: skip


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
