"""Word-level differences between an original and its rewrite, for the side-by-side view.

Texts are cut into words, runs of whitespace and single punctuation marks, so that a
changed comma is marked alone and unchanged spacing stays unmarked; ``difflib`` finds
the matching runs. Texts without spaces (Chinese, Japanese) are compared character by
character, which is what a reader of those scripts expects.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

OpKind = Literal["equal", "insert", "delete", "replace"]

_TOKEN = re.compile(r"\s+|[^\W_]+(?:['’][^\W_]+)*|.", re.DOTALL)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"(?<=[.!?…。！？])(?=\s)|(?<=[。！？])(?=\S)")
# Past this many items in one block, difflib's quadratic worst case is avoided with its
# junk heuristic (quality drops, time stays bounded); the levels keep blocks small.
_AUTOJUNK_LIMIT = 4000


@dataclass(frozen=True)
class DiffOp:
    """One run of the comparison.

    Attributes:
        kind: ``equal`` (same on both sides), ``delete`` (only in the original),
            ``insert`` (only in the rewrite) or ``replace`` (changed).
        old: The original's text of this run.
        new: The rewrite's text of this run.
    """

    kind: OpKind
    old: str
    new: str


def tokenize(text: str) -> list[str]:
    """Cuts text into words, whitespace runs and single other characters.

    CJK characters are single tokens each. ``"".join(tokenize(t)) == t`` always holds.
    """
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        if len(token) > 1 and _CJK.search(token):
            tokens.extend(token)
        else:
            tokens.append(token)
    return tokens


def _sentences(text: str) -> list[str]:
    """Cuts text after sentence ends; the whitespace goes with the next sentence."""
    return [part for part in _SENTENCE_END.split(text) if part]


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


# Coarse to fine: lines, then sentences, then words. Each level only looks inside
# what the level above found changed, so long texts stay fast without difflib's
# "autojunk" heuristic (which, on long texts, marks nearly everything as changed).
_LEVELS = (_lines, _sentences, tokenize)


def _diff(old: str, new: str, level: int, out: list[DiffOp]) -> None:
    split = _LEVELS[level]
    a, b = split(old), split(new)
    if level < len(_LEVELS) - 1 and len(a) <= 1 and len(b) <= 1:
        _diff(old, new, level + 1, out)
        return
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=len(a) + len(b) > _AUTOJUNK_LIMIT)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_part, new_part = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "replace" and level < len(_LEVELS) - 1:
            _diff(old_part, new_part, level + 1, out)
        else:
            out.append(DiffOp(tag, old_part, new_part))  # type: ignore[arg-type]


def word_diff(old: str, new: str) -> list[DiffOp]:
    """Compares two texts word by word.

    Joining the ``old`` parts of the result gives ``old`` back, and joining the ``new``
    parts gives ``new``. Neighbouring unchanged runs are merged.
    """
    raw: list[DiffOp] = []
    _diff(old, new, 0, raw)
    ops: list[DiffOp] = []
    for op in raw:
        if not op.old and not op.new:
            continue
        if ops and op.kind == "equal" and ops[-1].kind == "equal":
            ops[-1] = DiffOp("equal", ops[-1].old + op.old, ops[-1].new + op.new)
        else:
            ops.append(op)
    return ops


def change_ratio(ops: list[DiffOp]) -> float:
    """Share of the characters (of both sides) that changed, 0..1."""
    changed = sum(len(op.old) + len(op.new) for op in ops if op.kind != "equal")
    total = sum(len(op.old) + len(op.new) for op in ops)
    return changed / total if total else 0.0
