"""Token estimates for fitting text into a model's context window, in any script."""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def estimate_tokens(text: str) -> int:
    """A conservative token estimate for any script.

    English averages about four characters a token; CJK characters are about one token
    each, other non-Latin letters about two characters a token. Counting a third of a
    token per character, plus one per CJK character and a third more per other
    non-ASCII character, stays above the real count.
    """
    cjk = len(_CJK.findall(text))
    other = len(_NON_ASCII.findall(text)) - cjk
    return len(text) // 3 + cjk + other // 3 + 4
