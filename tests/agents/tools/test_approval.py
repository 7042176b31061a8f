"""The approval gate: default deny, the real content shown, everything audited, undo."""

from __future__ import annotations

from pathlib import Path

import pytest

from agents.cancel import CancelToken
from agents.tools.approval import ApprovalGate, CallRef, Denied, ProposedAction, Undo, deny_all
from agents.tools.audit import AuditLog
from agents.tools.errors import ToolError, ToolKind
from tests.agents.tools.conftest import ScriptedApprover

ACTION = ProposedAction(
    kind="send_mail",
    summary="send mail to anna@example.org: Hi",
    details={"to": "anna@example.org", "subject": "Hi", "body": "secret plans\nline two"},
)


def test_denied_action_is_not_performed_and_is_audited(audit: AuditLog) -> None:
    calls: list[int] = []
    gate = ApprovalGate(deny_all, audit)
    result = gate.run(ACTION, lambda: calls.append(1))
    assert isinstance(result, Denied)
    assert "Not done" in str(result) and "Do not try it again" in str(result)
    assert calls == []
    (entry,) = audit.entries()
    assert (entry.kind, entry.approved, entry.outcome) == ("send_mail", False, "denied")


@pytest.mark.parametrize("answer", ["yes", 1, None, [True]])
def test_anything_but_true_denies(audit: AuditLog, answer: object) -> None:
    gate = ApprovalGate(lambda *_: answer, audit)  # type: ignore[arg-type,return-value]
    assert isinstance(gate.run(ACTION, lambda: "sent"), Denied)


def test_a_failing_approver_denies(audit: AuditLog) -> None:
    def broken(*_: object) -> bool:
        raise RuntimeError("dialog crashed")

    gate = ApprovalGate(broken, audit)
    result = gate.run(ACTION, lambda: "sent")
    assert isinstance(result, Denied) and "approval failed" in result.reason
    assert audit.entries()[0].outcome == "denied"


def test_approved_action_runs_once_and_is_recorded(audit: AuditLog) -> None:
    approver = ScriptedApprover([True])
    decisions: list[tuple[str, bool]] = []
    gate = ApprovalGate(approver, audit)
    gate.subscribe(lambda action, _call_id, ok: decisions.append((action.kind, ok)))
    assert gate.run(ACTION, lambda: "<id@x>") == "<id@x>"
    assert approver.seen == [ACTION]  # the approver saw the full body, not a summary
    assert approver.seen[0].details["body"] == "secret plans\nline two"
    assert decisions == [("send_mail", True)]
    assert audit.entries()[0].outcome == "done"


def test_failure_after_approval_is_recorded_and_raised(audit: AuditLog) -> None:
    gate = ApprovalGate(ScriptedApprover([True]), audit)

    def explode() -> str:
        raise OSError("connection refused")

    with pytest.raises(OSError):
        gate.run(ACTION, explode)
    entry = audit.entries()[0]
    assert (entry.outcome, entry.error) == ("failed", "connection refused")


def test_audit_keeps_no_message_bodies(audit: AuditLog) -> None:
    ApprovalGate(deny_all, audit).run(ACTION, lambda: None)
    entry = audit.entries()[0]
    assert entry.details["to"] == "anna@example.org"
    assert "secret plans" not in entry.details["body"]
    assert entry.details["body"].startswith("[21 characters, sha256 ")
    raw = b"".join(p.read_bytes() for p in audit.path.parent.glob("audit.sqlite3*"))
    assert b"secret plans" not in raw


def test_audit_survives_reopening_and_refuses_undo_of_denied(tmp_path: Path) -> None:
    path = tmp_path / "audit.sqlite3"
    gate = ApprovalGate(deny_all, AuditLog(path))
    gate.run(ACTION, lambda: None)
    reopened = AuditLog(path)
    entry = reopened.entries()[0]
    assert entry.outcome == "denied" and not entry.can_undo
    with pytest.raises(ToolError, match="can't be undone") as caught:
        reopened.undo(entry.id)
    assert caught.value.kind is ToolKind.AUDIT


def test_undo_info_is_stored(audit: AuditLog) -> None:
    gate = ApprovalGate(ScriptedApprover([True]), audit)
    gate.run(
        ACTION, lambda: "x", undo=lambda _: Undo("delete_event", {"calendar": "c", "uid": "u"})
    )
    entry = audit.entries()[0]
    assert entry.can_undo and entry.undo == Undo("delete_event", {"calendar": "c", "uid": "u"})


def test_concurrent_requests_are_asked_one_at_a_time(audit: AuditLog) -> None:
    import threading

    active = []
    overlaps = []

    def slow(*_: object) -> bool:
        active.append(1)
        overlaps.append(len(active))
        threading.Event().wait(0.02)
        active.pop()
        return False

    gate = ApprovalGate(slow, audit)
    threads = [threading.Thread(target=gate.run, args=(ACTION, lambda: None)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert overlaps == [1, 1, 1, 1]
    assert len(audit.entries()) == 4


def test_decisions_name_the_call_they_decide(audit: AuditLog) -> None:
    """Two calls of the same tool: each decision is reported with its own call id."""
    decided: list[tuple[str, bool]] = []
    gate = ApprovalGate(lambda _action, call_id, _cancel: call_id == "call_b", audit)
    gate.subscribe(lambda _action, call_id, ok: decided.append((call_id, ok)))
    done: list[str] = []
    first = gate.run(ACTION, lambda: done.append("a"), call=CallRef("call_a"))
    second = gate.run(ACTION, lambda: done.append("b"), call=CallRef("call_b"))
    assert isinstance(first, Denied) and not isinstance(second, Denied)
    assert decided == [("call_a", False), ("call_b", True)]
    assert done == ["b"]


def test_a_stopped_turn_is_not_asked_and_denies(audit: AuditLog) -> None:
    asked: list[str] = []
    cancel = CancelToken()
    cancel.cancel()
    gate = ApprovalGate(lambda _a, call_id, _c: asked.append(call_id) is None, audit)
    result = gate.run(ACTION, lambda: "sent", call=CallRef("call_1", cancel))
    assert isinstance(result, Denied) and "stopped" in result.reason
    assert asked == []
