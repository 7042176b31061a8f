"""Token estimates for fitting text into a model's context window, in any script."""

from __future__ import annotations

import re

# Chinese, Japanese and Korean (and full-width forms): about a token per character.
_CJK = re.compile(
    r"[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]"
)
# Other non-Latin scripts (Greek, Cyrillic, Hebrew, Arabic, Indic, Thai...): ~2 chars a token.
_OTHER_SCRIPT = re.compile(r"[\u0370-\u1fff]")


def estimate_tokens(text: str) -> int:
    """A conservative token estimate for any script.

    English averages about four characters a token; CJK characters are about one token
    each, letters of other non-Latin scripts about two characters a token. Counting a
    third of a token per character, plus one per CJK character and a third more per
    letter of another script, stays above the real count.
    """
    cjk = len(_CJK.findall(text))
    other = len(_OTHER_SCRIPT.findall(text))
    return len(text) // 3 + cjk + other // 3 + 1
