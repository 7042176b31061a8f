"""Calendar and tool agent, each against the least work that does the same job.

* A three-step tool run (search_mail, read_message, answer) through ToolAgent, against the
  same three /api/chat requests sent with the raw ``ollama`` client calling the same tool
  functions (the double answers instantly: the ratio is Hearth's own overhead: LangGraph,
  the repair middleware, events).
* Listing a month of a 2,000-event .ics file, against parsing the file with icalendar
  alone (the least a listing must do).
* Finding 5 free slots in two busy weeks (400 events), against sorting those events.
"""

from __future__ import annotations

import os
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.common import interleaved, make_maildir, report

TZ = ZoneInfo("Europe/Berlin")
START = datetime(2026, 11, 2, 8, 0, tzinfo=TZ)


def main() -> None:
    """Runs the three measurements and prints their ratios."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        agent_run(root)
        ics_listing(root)
        free_slots()


def agent_run(root: Path, repeat: int = 15) -> float:
    """ToolAgent with three model calls vs three raw client calls."""
    import ollama

    from agents.events import Final
    from agents.llm import OllamaService
    from agents.mail.sources import MaildirSource
    from agents.settings import Settings
    from agents.tools.agent import ToolAgent
    from agents.tools.approval import ApprovalGate, deny_all
    from agents.tools.audit import AuditLog
    from agents.tools.registry import ToolContext, tools_for
    from tests.fakes import OllamaDouble, Reply

    box = make_maildir(root)

    double = OllamaDouble().start()
    try:

        def responder(body: dict) -> Reply:
            tool_turns = sum(1 for m in body["messages"] if m["role"] == "tool")
            if tool_turns == 0:
                return Reply(tool_calls=[{"name": "search_mail", "arguments": {"query": ""}}])
            if tool_turns == 1:
                return Reply(
                    tool_calls=[{"name": "read_message", "arguments": {"message_id": "1"}}]
                )
            return Reply(text="Here is the summary of your newest message.")

        double.set_responder("llama3.2", responder)
        settings = Settings(ollama_host=double.url)
        service = OllamaService(settings)
        gate = ApprovalGate(deny_all, AuditLog(root / "audit.sqlite3"))
        ctx = ToolContext(gate=gate, mail=MaildirSource(box), tz=TZ)
        tools = tools_for("digest", ctx)
        client = ollama.Client(host=double.url)
        schemas = [
            {"type": "function", "function": {"name": t.name, "description": t.description,
                                              "parameters": t.tool_call_schema.model_json_schema()}}
            for t in tools
        ]  # fmt: skip

        def hearth() -> None:
            events = list(ToolAgent(service, tools, gate=gate).stream("Summarize my newest mail"))
            assert isinstance(events[-1], Final), events[-1]

        by_name = {t.name: t for t in tools}

        def raw() -> None:
            messages: list[dict] = [{"role": "user", "content": "Summarize my newest mail"}]
            for _ in range(3):
                reply = client.chat(model="llama3.2", messages=messages, tools=schemas)
                calls = reply.message.tool_calls or []
                messages.append({"role": "assistant", "content": reply.message.content or ""})
                for call in calls:
                    result = by_name[call.function.name].invoke(dict(call.function.arguments))
                    messages.append({"role": "tool", "content": result})

        subject, baseline = interleaved(hearth, raw, repeat)
    finally:
        double.stop()
    return report("tool agent, 3 steps vs raw client", subject, baseline, goal=6.0)


def ics_listing(root: Path, repeat: int = 7) -> float:
    """A month from a 2,000-event file vs parsing the file."""
    import icalendar

    from agents.calendar.ics_store import IcsCalendar
    from agents.calendar.model import new_calendar, new_event, to_vevent

    path = root / "big.ics"
    calendar = new_calendar()
    for i in range(2000):
        begin = START + timedelta(hours=7 * i)
        calendar.add_component(
            to_vevent(new_event(f"Event {i}", begin, begin + timedelta(hours=1)))
        )
    path.write_bytes(calendar.to_ical())
    store = IcsCalendar(path, TZ)

    def hearth() -> None:
        store.list_events(START, START + timedelta(days=30))

    def parse() -> None:
        icalendar.Calendar.from_ical(path.read_bytes())

    subject, baseline = interleaved(hearth, parse, repeat)
    return report("ics month listing (2,000 events) vs parse", subject, baseline, goal=2.0)


def free_slots(repeat: int = 30) -> float:
    """Five 45-minute slots in two busy weeks vs sorting the events."""
    from agents.calendar.model import new_event
    from agents.calendar.slots import find_free_slots

    events = []
    for day in range(14):
        for slot in range(30):
            begin = START + timedelta(days=day, minutes=20 * slot)
            if (day * 31 + slot) % 29:
                events.append(new_event(f"Busy {day}/{slot}", begin, begin + timedelta(minutes=20)))
    events = events[:400]

    def hearth() -> None:
        find_free_slots(
            events, duration=timedelta(minutes=45), not_before=START,
            not_after=START + timedelta(days=14), tz=TZ,
        )  # fmt: skip

    def baseline_sort() -> None:
        sorted(events, key=lambda e: (e.start, e.end))

    subject, baseline = interleaved(hearth, baseline_sort, repeat)
    return report("free slots (400 events) vs sorting them", subject, baseline, goal=50.0)


if __name__ == "__main__":
    os.environ.setdefault("HEARTH_DATA_DIR", tempfile.mkdtemp())
    main()
