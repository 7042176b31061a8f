"""Word-level differences for the side-by-side view."""

from __future__ import annotations

import random

from agents.writing.diff import change_ratio, tokenize, word_diff


def sides(ops: list) -> tuple[str, str]:
    return "".join(op.old for op in ops), "".join(op.new for op in ops)


def test_changed_words_are_marked_alone() -> None:
    ops = word_diff("Hello, wrld! How are you?", "Hello, world! How are you doing?")
    changed = [(op.kind, op.old, op.new) for op in ops if op.kind != "equal"]
    assert changed == [("replace", "wrld", "world"), ("insert", "", " doing")]


def test_punctuation_changes_are_marked_without_the_word() -> None:
    ops = word_diff("its a dog", "it's a dog.")
    changed = [(op.old, op.new) for op in ops if op.kind != "equal"]
    assert ("its", "it's") in changed
    assert ("", ".") in changed


def test_cjk_is_compared_character_by_character() -> None:
    ops = word_diff("我喜欢猫。", "我喜欢狗。")
    assert [(op.kind, op.old, op.new) for op in ops] == [
        ("equal", "我喜欢", "我喜欢"),
        ("replace", "猫", "狗"),
        ("equal", "。", "。"),
    ]


def test_both_texts_are_always_recovered() -> None:
    rng = random.Random(3)
    pieces = ["word", " ", "\n\n", ",", "don't", "京都", "é", "\t", "x" * 30]
    for _ in range(300):
        a = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        b = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        assert "".join(tokenize(a)) == a
        assert sides(word_diff(a, b)) == (a, b)


def test_change_ratio() -> None:
    assert change_ratio(word_diff("same text", "same text")) == 0.0
    assert change_ratio(word_diff("abc", "xyz")) == 1.0
    assert change_ratio([]) == 0.0


def test_long_texts_stay_precise() -> None:
    rng = random.Random(5)
    vocab = ["the", "a", "of", "and", "to", *(f"w{i}" for i in range(300))]
    words = [rng.choice(vocab) + ("." if rng.random() < 0.08 else "") for _ in range(6000)]
    changed = [w.upper() if rng.random() < 0.05 else w for w in words]
    old, new = " ".join(words), " ".join(changed)
    ops = word_diff(old, new)
    assert sides(ops) == (old, new)
    # About 5% of the words changed: the marks say so (difflib's junk heuristic alone
    # would mark nearly everything on a text this long).
    assert change_ratio(ops) < 0.12
