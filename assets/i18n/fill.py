"""Fills a Qt Linguist .ts file from a Python dict of translations, then it can be released.

Usage: python assets/i18n/fill.py assets/i18n/hearth_zh_CN.ts zh_CN
"""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def main(ts_path: str, locale: str) -> int:
    """Writes the translations into the .ts file; returns how many are still missing."""
    spec = importlib.util.spec_from_file_location(locale, Path(__file__).with_name(f"{locale}.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    table: dict[str, str] = getattr(module, locale.upper().replace("-", "_"))
    tree = ET.parse(ts_path)
    missing = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if source in table:
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":  # plural forms: Chinese has just one
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                ET.SubElement(translation, "numerusform").text = table[source]
            else:
                translation.text = table[source]
        elif translation.attrib.get("type") != "vanished":
            missing += 1
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    print(f"{ts_path}: {missing} strings untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
