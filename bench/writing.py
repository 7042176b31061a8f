"""Writing tools and chat transfer, each against the least work that does the same job.

* Rewrite of a long text (80 paragraphs) in pieces, against the raw ``ollama`` client
  sending the same pieces one by one (the double answers instantly: this is Hearth's
  own overhead: planning, framing, LangChain, events).
* Import of 100 chats x 20 messages with images, against copying the same messages
  straight into a ChatStore (the least an import must do); export is reported too.
* Word diff of a 5,000-word text with 5% of words changed, against exact difflib on
  whitespace-split words (difflib's fast "autojunk" mode is no baseline: on a text this
  long it marks nearly everything as changed).
"""

from __future__ import annotations

import io
import json
import random
import re
import tempfile
from pathlib import Path

from bench.common import interleaved, report

PARAGRAPHS = 80
CHATS = 100
MESSAGES = 20


def _text(seed: int = 1) -> str:
    rng = random.Random(seed)
    words = [
        "river",
        "stone",
        "lamp",
        "quiet",
        "winter",
        "bread",
        "harbour",
        "letter",
        "garden",
        "window",
    ]
    paragraphs = []
    for _ in range(PARAGRAPHS):
        sentences = [
            " ".join(rng.choice(words) for _ in range(rng.randint(6, 16))).capitalize() + "."
            for _ in range(rng.randint(2, 6))
        ]
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def bench_rewrite(repeat: int) -> float:
    """Rewriter vs raw client on the same pieces."""
    import ollama

    from agents.fences import NAME, Fence
    from agents.llm import OllamaService
    from agents.settings import Settings
    from agents.writing.rewrite import Rewriter, plan_pieces
    from agents.writing.styles import RewriteSpec, Style, system_prompt, user_prompt
    from tests.fakes import OllamaDouble, Reply

    framed = re.compile(rf'<{NAME} id="(\w+)"[^>\n]*>\n(.*)\n</{NAME} id="\1">', re.DOTALL)

    def echo(body: dict) -> Reply:  # type: ignore[type-arg]
        found = framed.search(body["messages"][-1]["content"])
        return Reply(text=found.group(2) if found else "x")

    double = OllamaDouble().start()
    try:
        double.set_responder("llama3.2", echo)
        service = OllamaService(Settings(ollama_host=double.url))
        rewriter = Rewriter(service, max_piece_tokens=300)
        spec = RewriteSpec(Style.FORMAL)
        text = _text()
        service.route()
        pieces = plan_pieces(text, rewriter.piece_budget("llama3.2", spec)).pieces
        client = ollama.Client(host=double.url)

        def hearth() -> None:
            events = list(rewriter.stream(text, spec))
            assert getattr(events[-1], "text", None) == text

        fence = Fence()

        def raw() -> None:
            for piece in pieces:
                for _ in client.chat(
                    model="llama3.2",
                    messages=[
                        {"role": "system", "content": system_prompt(spec, fence)},
                        {"role": "user", "content": user_prompt(piece, fence)},
                    ],
                    stream=True,
                ):
                    pass

        subject, baseline = interleaved(hearth, raw, repeat)
        return report(
            f"rewrite, {PARAGRAPHS} paragraphs in {len(pieces)} pieces", subject, baseline, 1.5
        )
    finally:
        double.stop()


def _png(i: int) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (i % 256, (i * 7) % 256, 90)).save(buffer, "PNG")
    return buffer.getvalue()


def bench_transfer(repeat: int) -> float:
    """Import (validate + write) vs a plain copy of the same messages into a store."""
    from agents.attachments import ImageRef, from_records
    from agents.chat.personas import PersonaLibrary
    from agents.images.store import ImageStore
    from agents.storage import ChatStore
    from agents.storage.transfer import export_json, import_file

    work = Path(tempfile.mkdtemp(prefix="hearth-bench-transfer-"))
    source = ChatStore.in_data_dir(work / "src")
    images = ImageStore.in_data_dir(work / "src")
    personas = PersonaLibrary.in_data_dir(work / "src")
    for c in range(CHATS):
        chat = source.create_conversation(f"Chat {c}", persona="pirate")
        for m in range(MESSAGES):
            attachments: list[ImageRef] = []
            if m == 0:
                sha = images.put(_png(c))
                attachments = [ImageRef(sha, "p.png")]
            source.add_message(
                chat.id,
                "user" if m % 2 == 0 else "assistant",
                f"Message {m} of chat {c}. " * 20,
                attachments=attachments,
            )
    out = work / "all.json"
    runs = {"n": 0}

    def do_import() -> None:
        runs["n"] += 1
        root = work / f"imp{runs['n']}"
        with ChatStore.in_data_dir(root) as store:
            report_ = import_file(
                out, store, ImageStore.in_data_dir(root), PersonaLibrary.in_data_dir(root)
            )
            assert len(report_.conversations_added) == CHATS

    def do_copy() -> None:
        runs["n"] += 1
        root = work / f"copy{runs['n']}"
        data = json.loads(out.read_text(encoding="utf-8"))
        target_images = ImageStore.in_data_dir(root)
        import base64

        for image in data["images"].values():
            target_images.put(base64.b64decode(image))
        with ChatStore.in_data_dir(root) as store:
            for chat in data["conversations"]:
                new = store.create_conversation(chat["title"], persona=chat["persona"])
                for m in chat["messages"]:
                    store.add_message(
                        new.id, m["role"], m["content"], attachments=from_records(m["attachments"])
                    )

    try:
        exported, _ = interleaved(
            lambda: export_json(out, source, images, personas), lambda: None, repeat
        )
        print(
            f"export, {CHATS} chats x {MESSAGES} messages + {CHATS} images: "
            f"{sorted(exported)[len(exported) // 2] * 1000:.0f} ms (median of {repeat})",
            flush=True,
        )
        subject, baseline = interleaved(do_import, do_copy, repeat)
        return report(
            f"import, {CHATS} chats x {MESSAGES} messages (validate + write)",
            subject,
            baseline,
            1.5,
        )
    finally:
        source.close()


def bench_diff(repeat: int) -> float:
    """word_diff vs exact difflib on whitespace-split words (same precision)."""
    import difflib

    from agents.writing.diff import change_ratio, word_diff

    rng = random.Random(2)
    vocab = ["the", "a", "of", "and", "to", *(f"w{i}" for i in range(300))]
    words = [rng.choice(vocab) + ("." if rng.random() < 0.08 else "") for _ in range(5000)]
    changed = [w.upper() if rng.random() < 0.05 else w for w in words]
    old, new = " ".join(words), " ".join(changed)

    def ours() -> None:
        word_diff(old, new)

    def plain() -> None:
        difflib.SequenceMatcher(None, old.split(), new.split(), autojunk=False).get_opcodes()

    subject, baseline = interleaved(ours, plain, repeat)
    print(f"word diff marks {change_ratio(word_diff(old, new)):.1%} of the text as changed")
    return report("word diff, 5,000 words, 5% changed", subject, baseline, 1.0)


def main(repeat: int = 5) -> None:
    """Runs the three benchmarks."""
    bench_rewrite(repeat)
    bench_transfer(repeat)
    bench_diff(repeat)


if __name__ == "__main__":
    main()
