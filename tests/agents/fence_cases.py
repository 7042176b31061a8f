"""Fences as small models echo them, and ordinary text that only looks similar.

Shared by the fence tests in agents/ and the window tests: ``wrapped(case, text)`` puts a
text inside one mangled echo of Hearth's data fences.
"""

from __future__ import annotations

from agents.fences import Fence

HERE = "§"  # where the text goes in a case

_FENCE = Fence("3f9a2c1b")
EXACT = f"{_FENCE.opening(source='mail message')}\n§\n{_FENCE.closing}"

MANGLED: dict[str, str] = {
    "exact": EXACT,
    "upper case": '<HEARTH-DATA ID="3F9A2C1B">\n§\n</HEARTH-DATA ID="3F9A2C1B">',
    "title case, glued": "<HearthData>§</HearthData>",
    "opening bracket lost": 'hearth-data id="3f9a2c1b" source="x">\n§\n/hearth-data id="3f9a2c1b">',
    "closing bracket lost": '<hearth-data id="3f9a2c1b" source="x"\n§\n</hearth-data id="3f9a2c1b"',
    "extra spaces": '< hearth - data  id = "3f9a2c1b" >\n§\n< / hearth - data >',
    "id dropped": "<hearth-data>\n§\n</hearth-data>",
    "id changed": '<hearth-data id="00000000">\n§\n</hearth-data id="ffffffff">',
    "only the closing fence": '§\n</hearth-data id="3f9a2c1b">',
    "only the opening fence": '<hearth-data id="3f9a2c1b" source="mail message">\n§',
    "cut off at the end": "§\n</hearth-da",
    "cut off inside the id": '§\n</hearth-data id="3f9',
    "split over lines": (
        '<hearth-data\n  id="3f9a2c1b"\n  source="mail">\n§\n</hearth-data\n id="3f9a2c1b">'
    ),
    "in a code block": f"```xml\n{EXACT}\n```",
    "code block, fence inside": '```\n<hearth-data id="3f9a2c1b">\n§\n```',
    "full-width brackets": '＜hearth-data id="3f9a2c1b"＞\n§\n＜/hearth-data＞',
    "full-width letters": '<ｈｅａｒｔｈ-ｄａｔａ id="x">§</ＨＥＡＲＴＨ-ＤＡＴＡ>',
    "double angle quotes": "«hearth-data»§«/hearth-data»",
    "CJK brackets": "《hearth-data》§〈/hearth-data〉",
    "triple brackets": "<<<hearth-data 3f9a2c1b>>>\n§\n<<<END hearth-data 3f9a2c1b>>>",
    "html escaped": "&lt;hearth-data id=&quot;3f9a&quot;&gt;\n§\n&lt;/hearth-data&gt;",
    "markdown escaped": '\\<hearth-data id="x"\\>\n§\n\\</hearth-data\\>',
    "underscore and space": "<hearth_data>\n§\n</hearth data>",
    "id glued on": "<hearth-data-3f9a2c1b>\n§\n</hearth-data-3f9a2c1b>",
    "square brackets": "[hearth-data]\n§\n[/hearth-data]",
    "inline code": '`<hearth-data id="x">` §',
    "inline, one line": '<hearth-data id="3f9a2c1b" source="mail message">§</hearth-data>',
    "single quotes": "§ <hearth-data id='3f9a'>",
    "curly quotes": "<hearth-data id=“3f9a” source=“mail”>§",
    "self-closing": "<hearth-data/>§",
    "in bold": "**<hearth-data>**\n§",
    "as a list item": '- <hearth-data id="x">\n§',
    "in a quote": "> </hearth-data>\n§",
    "bare name lines": "hearth-data\n§\nhearth-data",
    "misspelt": '<heart-data id="3f9a">\n§\n</hearth-dta>',
    "a letter dropped": "<hearthdat>§</hearth-dat>",
    "blank lines inside": f"{_FENCE.opening()}\n\n§\n\n{_FENCE.closing}\n",
}

PROSE = [
    "Your Hearth data stays on this computer.",
    "The hearth-data folder holds your chats.",
    "Use <video><source src='a.mp4'></video> for HTML5 video.",
    "if a < b and c > d: pass",
    "<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> branch",
    "cat <<<EOF",
    "/var/lib/hearth-data/chats.db",
    "The heart data monitor beeps.",
    "print(hearth.data)",
    "print(hearth_data)",
    "x = {hearth_data}",
    "Use the --hearth-data flag.",
    "Hearth data 2024 report",
    "[Hearth data](https://example.org)",
    "A `hearth-data` folder",
    "How are you? I have a hearth fire.",
    "**Bold** and _em_ and `code`",
    "```python\nprint('hi')\n```",
    "数据 <数据> 《书名》",
    "a << b >> c",
    "Hearth: data fences",
    "Keep the <data> tag and the <source> tag.",
    "I <heart> you; the <head> of the <hearth>.",
    "<header>Title</header> and <heather-date>",
]


def wrapped(case: str, text: str) -> str:
    """``text`` inside the mangled fences of ``case``."""
    return MANGLED[case].replace(HERE, text)
