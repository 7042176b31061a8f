"""Which files an indexing run covers: the chosen files, and what a chosen folder holds.

A real home folder holds more than documents, and nothing here opens a file: the walk
looks at directory entries and ``stat`` results only, so a FIFO or a device can't block
it. What it finds:

- regular files with a supported name: indexed (hidden files and folders are left out);
- FIFOs, devices and sockets with a document's name: skipped, with a note naming them;
- symlinks: followed only while they stay inside the chosen folder (the file is then
  indexed under its path in that folder); a link that leads out of it, a broken link and
  a link loop are skipped with a note. A folder reached twice (a bind-mount loop) is
  walked once; folders can be nested as deep as the file system allows;
- folders it may not open: skipped with a note, the rest of the walk goes on.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from agents.cancel import CancelToken
from agents.documents.loaders import is_supported
from agents.documents.manifest import IndexedFile
from agents.files import FileRefused, is_inside, kind_of, resolve
from agents.printable import shown
from agents.wording import Words, say

SUPPORTED_WORDS = say("Supported: PDF, Word (.docx), Markdown, text and HTML.")


@dataclass
class Plan:
    """What an indexing run will do.

    Attributes:
        files: Files to bring up to date, each with the chosen folder it must stay inside
            ("" for a file chosen itself).
        gone: Known files to drop from the index (deleted, or no longer in their folder).
        refused: Paths the person named that can't be indexed, with the message why.
        skipped: Things found in a chosen folder and left alone, with a note why.
    """

    files: dict[str, str] = field(default_factory=dict)
    gone: list[str] = field(default_factory=list)
    refused: list[tuple[str, Words]] = field(default_factory=list)
    skipped: list[tuple[str, Words]] = field(default_factory=list)

    def add_gone(self, path: str) -> None:
        """Drops a known file (once)."""
        if path not in self.gone and path not in self.files:
            self.gone.append(path)


def plan_run(
    targets: Sequence[Path] | None,
    known: Mapping[str, IndexedFile],
    stale: Iterable[str],
    cancel: CancelToken | None = None,
) -> Plan:
    """Plans a run over ``targets`` (None: every known file) plus the stale files.

    Args:
        targets: Files and folders the person chose.
        known: The files the index knows, by path.
        stale: Paths an interrupted run left to index again.
        cancel: Stops a long walk (raises Cancelled).
    """
    plan = Plan()
    if targets is None:
        for path, row in known.items():
            _recheck(path, row.root, plan)
    else:
        for named in targets:
            _add_target(Path(named).expanduser().absolute(), known, plan, cancel)
    for path in stale:
        if path not in plan.files and path not in plan.gone:
            entry = known.get(path)
            _recheck(path, entry.root if entry else "", plan)
    return plan


def _recheck(path: str, root: str, plan: Plan) -> None:
    """A known file: still there and still a regular file inside its folder, or gone."""
    try:
        real = resolve(path)
        mode = os.stat(real).st_mode
    except (OSError, FileRefused):
        plan.add_gone(path)
        return
    if root and not _stays_inside(real, root):
        plan.skipped.append((path, _outside_note(path, real)))
        plan.add_gone(path)
    elif not stat.S_ISREG(mode):
        plan.skipped.append(
            (path, say("{path}: it is now {kind}; skipped.", path=shown(path), kind=kind_of(mode)))
        )
        plan.add_gone(path)
    else:
        plan.files[path] = root


def _stays_inside(real: Path, root: str) -> bool:
    try:
        return is_inside(real, resolve(root))
    except (OSError, FileRefused):
        return False


def _add_target(
    target: Path, known: Mapping[str, IndexedFile], plan: Plan, cancel: CancelToken | None
) -> None:
    key = str(target)
    try:
        mode = os.stat(resolve(target)).st_mode
    except FileRefused as exc:
        plan.refused.append((key, say("{path}: {reason}.", path=shown(key), reason=exc.reason)))
        return
    except FileNotFoundError:
        if key in known:
            plan.add_gone(key)
        else:
            plan.refused.append((key, say("{path}: no such file or folder.", path=shown(key))))
        return
    except OSError as exc:
        plan.refused.append(
            (
                key,
                say(
                    "{path}: it can't be opened ({problem}).",
                    path=shown(key),
                    problem=exc.strerror or exc,
                ),
            )
        )
        return
    if stat.S_ISDIR(mode):
        found = _walk(target, plan, cancel)
        plan.files.update(dict.fromkeys(sorted(found), key))
        prefix = key.rstrip(os.sep) + os.sep
        for path in known:
            if path.startswith(prefix) and path not in found:
                plan.add_gone(path)
    elif not stat.S_ISREG(mode):
        plan.refused.append(
            (
                key,
                say(
                    "{path}: it is {kind}, not a regular file; skipped.",
                    path=shown(key),
                    kind=kind_of(mode),
                ),
            )
        )
    elif is_supported(target):
        plan.files[key] = ""
    else:
        plan.refused.append(
            (
                key,
                say(
                    "{name}: Hearth doesn't read this kind of file. {supported}",
                    name=shown(target.name),
                    supported=SUPPORTED_WORDS,
                ),
            )
        )


def _walk(folder: Path, plan: Plan, cancel: CancelToken | None) -> set[str]:
    """The supported regular files under a folder (an explicit stack: no depth limit)."""
    root = resolve(folder)
    found: set[str] = set()
    walked: set[tuple[int, int]] = set()
    stack = [folder]
    while stack:
        if cancel is not None:
            cancel.check()
        directory = stack.pop()
        try:
            info = os.stat(directory)
            if (info.st_dev, info.st_ino) in walked:
                continue  # reached again (a bind mount looping back)
            walked.add((info.st_dev, info.st_ino))
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            plan.skipped.append(
                (
                    str(directory),
                    say(
                        "{path}: folder not read ({problem}); skipped.",
                        path=shown(directory),
                        problem=_why(exc),
                    ),
                )
            )
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                if entry.is_symlink():
                    _link(path, folder, root, found, plan)
                elif entry.is_dir(follow_symlinks=False):
                    subfolders.append(path)
                elif is_supported(path):
                    mode = entry.stat(follow_symlinks=False).st_mode
                    if stat.S_ISREG(mode):
                        found.add(str(path))
                    else:
                        plan.skipped.append(
                            (
                                entry.path,
                                say(
                                    "{path}: it is {kind}; skipped.",
                                    path=shown(path),
                                    kind=kind_of(mode),
                                ),
                            )
                        )
            except OSError as exc:
                plan.skipped.append(
                    (
                        entry.path,
                        say("{path}: not read ({problem}).", path=shown(path), problem=_why(exc)),
                    )
                )
        stack.extend(reversed(subfolders))
    return found


def _link(path: Path, folder: Path, root: Path, found: set[str], plan: Plan) -> None:
    """A symlink in a chosen folder: followed only while it stays inside the folder."""
    try:
        real = resolve(path)
        mode = os.stat(real).st_mode
    except FileRefused as exc:
        if is_supported(path):
            plan.skipped.append(
                (str(path), say("{path}: {reason}; skipped.", path=shown(path), reason=exc.reason))
            )
        return
    except OSError:
        if is_supported(path):
            plan.skipped.append(
                (str(path), say("{path}: a link to nothing; skipped.", path=shown(path)))
            )
        return
    inside = is_inside(real, root)
    if stat.S_ISDIR(mode):
        if not inside:
            plan.skipped.append((str(path), _outside_note(str(path), real)))
        return  # a folder inside is walked where it really is
    if not is_supported(path):
        return
    if not inside:
        plan.skipped.append((str(path), _outside_note(str(path), real)))
    elif not stat.S_ISREG(mode):
        plan.skipped.append(
            (
                str(path),
                say(
                    "{path}: a link to {kind}, not a file; skipped.",
                    path=shown(path),
                    kind=kind_of(mode),
                ),
            )
        )
    elif not any(part.startswith(".") for part in real.relative_to(root).parts):
        found.add(str(folder / real.relative_to(root)))  # the file itself, seen once


def _outside_note(path: str, real: Path) -> Words:
    return say(
        "{path}: a link to {target}, outside the chosen folder; not followed. Add that file "
        "or folder itself to index it.",
        path=shown(path),
        target=shown(str(real)),
    )


def _why(exc: OSError) -> Words | str:
    if isinstance(exc, PermissionError):
        return say("permission denied")
    return exc.strerror or type(exc).__name__
