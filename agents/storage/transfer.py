"""Chats that travel: export to Markdown (to read) or JSON (complete), import JSON back.

The JSON format (``hearth-chats``, version 2) holds the conversations with every
message (every version: each message names its parent, and each chat lists the
versions chosen where there are several) and attachment, the images they show (base64,
keyed by their SHA-256), the persona library, and a checksum over all of it. Version 1
files, whose chats are one line of messages, still import.

Import reads and checks the whole file first (format, version, every field's type and
size, every link between versions, every image against its hash, every attachment
against the images, the checksum) and refuses it, changing nothing, if anything is
wrong. Then it adds what is new: a conversation identical to one already present is
skipped and reported, nothing is ever overwritten (imported chats get new ids), and if
writing fails half way everything added so far is removed again.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import math
import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, cast, get_args

import agents
from agents.attachments import (
    ImageRef,
    Reasoning,
    from_records,
    images_in,
    reasoning_in,
    to_records,
)
from agents.chat.personas import (
    MAX_NAME_CHARS,
    Persona,
    PersonaError,
    PersonaLibrary,
    persona_from_dict,
)
from agents.errors import HearthError
from agents.files import FileRefused, FileTooLarge, read_regular
from agents.printable import shown
from agents.storage.atomic import write_atomic
from agents.storage.chat_store import (
    ChatStore,
    Conversation,
    MessageData,
    MessageStatus,
    Role,
    StoredMessage,
)
from agents.storage.errors import StorageError, StorageKind
from agents.wording import Words, say

FORMAT = "hearth-chats"
VERSION = 2
SUPPORTED_VERSIONS = frozenset({1, 2})

MAX_FILE_BYTES = 1 << 30  # 1 GiB
MAX_IMAGE_BYTES = 50 << 20  # 50 MiB, decoded
MAX_IMAGE_SIDE = 8192  # Hearth stores pictures of at most 1120 px a side
MAX_CONVERSATIONS = 100_000
MAX_MESSAGES = 100_000  # per conversation
MAX_CONTENT_CHARS = 10_000_000
MAX_SHORT_CHARS = 1_000  # titles, names, models, ids
MAX_PROMPT_CHARS = 200_000
MAX_ATTACHMENTS = 100
MAX_OBJECT_BYTES = 100_000  # one attachment or stats object, as JSON

_ROLES = frozenset(get_args(Role))
_STATUSES = frozenset(MessageStatus)
_SHA256 = re.compile(r"[0-9a-f]{64}")


class ImageSource(Protocol):
    """What export and import need from the image store (``agents.images.store``)."""

    def get(self, sha256: str) -> bytes:
        """The image's bytes; raises HearthError if missing."""
        ...

    def put(self, data: bytes) -> str:
        """Stores bytes, returns their SHA-256."""
        ...

    def has(self, sha256: str) -> bool:
        """Whether the image is stored."""
        ...

    def delete(self, sha256: str) -> None:
        """Removes a stored image."""
        ...


# ------------------------------------------------------------------------ the data


@dataclass(frozen=True)
class ExportedChat:
    """One conversation as it travels.

    Attributes:
        messages: Every message, every version, parents before their replies.
        parents: For each message, the index of its parent in ``messages`` (None for
            a first message).
        chosen: Indexes of the versions chosen where a message has several replies.
        temperature: The chat's own temperature (None: the settings').
        num_ctx: The chat's own context window (None: the settings').
    """

    id: str
    title: str
    model: str | None
    system_prompt: str | None
    persona: str | None
    created_at: float
    updated_at: float
    messages: list[MessageData]
    parents: list[int | None]
    chosen: frozenset[int] = frozenset()
    temperature: float | None = None
    num_ctx: int | None = None


@dataclass
class ImportReport:
    """What an import did.

    Attributes:
        conversations_added: Titles of the chats added (in the order added).
        messages_added: How many messages were added.
        images_added: How many images were new to this data folder.
        personas_added: Names of the personas added.
        skipped: One line per thing not imported, saying why.
    """

    conversations_added: list[str] = field(default_factory=list)
    messages_added: int = 0
    images_added: int = 0
    personas_added: list[str] = field(default_factory=list)
    skipped: list[Words] = field(default_factory=list)

    def summary(self) -> str:
        """A short human summary."""
        parts = [
            f"imported {len(self.conversations_added)} chat(s) with "
            f"{self.messages_added} message(s)",
            f"{self.images_added} new image(s)",
            f"{len(self.personas_added)} new persona(s)",
        ]
        text = ", ".join(parts)
        if self.skipped:
            text += f"; skipped {len(self.skipped)}"
        return text


# ------------------------------------------------------------------------ export


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds")


def _canonical(payload: dict[str, Any]) -> bytes:
    body = {k: v for k, v in payload.items() if k != "checksum"}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass"
    )


def checksum(payload: dict[str, Any]) -> str:
    """The checksum of an export: SHA-256 over its canonical JSON, checksum left out."""
    return "sha256:" + hashlib.sha256(_canonical(payload)).hexdigest()


def _chosen(store: ChatStore, conversation_ids: Sequence[str] | None) -> list[Conversation]:
    if conversation_ids is None:
        return list(reversed(store.list_conversations()))
    chosen = []
    for cid in conversation_ids:
        found = store.get_conversation(cid)
        if found is None:
            raise StorageError(
                StorageKind.TRANSFER,
                say(
                    "There is no chat with the id '{id}'. List the chats and their ids with "
                    "`hearth export --list`.",
                    id=cid,
                ),
            )
        chosen.append(found)
    return chosen


def _image_shas(messages: Iterable[StoredMessage]) -> list[str]:
    shas: list[str] = []
    for message in messages:
        for image in images_in(message.attachments):
            if image.sha256 not in shas:
                shas.append(image.sha256)
    return shas


def build_export(
    store: ChatStore,
    images: ImageSource,
    personas: PersonaLibrary | None,
    conversation_ids: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Builds the JSON export of some chats (None: all, oldest first).

    Images that are referenced but no longer on disk are listed in ``missing_images``
    (the attachment is kept, the picture cannot be).
    """
    chats: list[dict[str, Any]] = []
    image_data: dict[str, str] = {}
    missing: list[str] = []
    for conversation in _chosen(store, conversation_ids):
        tree = store.tree(conversation.id)
        messages = tree.messages
        for sha in _image_shas(messages):
            if sha in image_data or sha in missing:
                continue
            try:
                image_data[sha] = base64.b64encode(images.get(sha)).decode("ascii")
            except (HearthError, OSError):
                missing.append(sha)
        chats.append(
            {
                "id": conversation.id,
                "title": conversation.title,
                "model": conversation.model,
                "system_prompt": conversation.system_prompt,
                "persona": conversation.persona,
                "created_at": conversation.created_at,
                "updated_at": conversation.updated_at,
                "temperature": conversation.temperature,
                "num_ctx": conversation.num_ctx,
                "messages": [
                    {
                        "id": m.id,
                        "parent_id": m.parent_id,
                        "role": m.role,
                        "content": m.content,
                        "status": m.status,
                        "created_at": m.created_at,
                        "model": m.model,
                        "stats": m.stats,
                        "error": m.error,
                        "attachments": to_records(m.attachments),
                    }
                    for m in messages
                ],
                "chosen": sorted(tree.forks().values()),
            }
        )
    payload: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _iso(time.time()),
        "app_version": agents.__version__,
        "personas": [p.to_dict() for p in (personas.personas() if personas else [])],
        "images": image_data,
        "missing_images": missing,
        "conversations": chats,
    }
    payload["checksum"] = checksum(payload)
    return payload


def _write_export(path: Path, data: bytes) -> None:
    """Writes an export file (see write_atomic); a failure is a StorageError (TRANSFER)."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise StorageError(
            StorageKind.TRANSFER,
            say(
                "Hearth could not write {path} ({problem}). Choose a folder you can "
                "write to, with enough free space.",
                path=path,
                problem=exc.strerror or exc,
            ),
        ) from exc


def export_json(
    out: Path,
    store: ChatStore,
    images: ImageSource,
    personas: PersonaLibrary | None,
    conversation_ids: Sequence[str] | None = None,
) -> int:
    """Writes a JSON export to ``out`` (atomically); returns how many chats it holds."""
    payload = build_export(store, images, personas, conversation_ids)
    text = json.dumps(payload, ensure_ascii=False, indent=1)
    _write_export(out, text.encode("utf-8", "surrogatepass"))
    return len(payload["conversations"])


_ROLE_HEADINGS = {"user": "You", "assistant": "Assistant", "system": "System"}


def render_markdown(
    conversations: Sequence[tuple[Conversation, list[StoredMessage]]],
    image_links: dict[str, str] | None = None,
    persona_names: dict[str, str] | None = None,
) -> str:
    """Renders chats as readable Markdown (one ``#`` section per chat)."""
    image_links = image_links or {}
    persona_names = persona_names or {}
    out: list[str] = []
    for conversation, messages in conversations:
        out.append(f"# {conversation.title or 'Untitled chat'}\n")
        facts = [f"Started {_iso(conversation.created_at)}"]
        if conversation.model:
            facts.append(f"model {conversation.model}")
        if conversation.persona:
            facts.append(f"persona {persona_names.get(conversation.persona, conversation.persona)}")
        out.append(f"*{' · '.join(facts)}*\n")
        if conversation.system_prompt:
            out.append(f"**System prompt**\n\n{_quoted(conversation.system_prompt)}\n")
        for message in messages:
            heading = _ROLE_HEADINGS.get(message.role, message.role)
            note = ""
            if message.status == "interrupted":
                note = " (interrupted)"
            elif message.status == "error":
                note = " (failed)"
            out.append(f"## {heading}{note}\n")
            reasoning = reasoning_in(message.attachments)
            if reasoning:
                out.append(f"*Reasoning*\n\n{_quoted(reasoning)}\n")
            if message.content:
                out.append(message.content.rstrip() + "\n")
            for attachment in message.attachments:
                if isinstance(attachment, Reasoning):
                    continue
                name = str(getattr(attachment, "name", "") or attachment.kind or "attachment")
                if isinstance(attachment, ImageRef):
                    link = image_links.get(attachment.sha256)
                    out.append(f"![{name}]({link})\n" if link else f"*[image: {name}]*\n")
                else:
                    out.append(f"*[{attachment.kind}: {name}]*\n")
            if message.error:
                out.append(f"*Error: {message.error}*\n")
        out.append("---\n")
    return "\n".join(out)


def _quoted(text: str) -> str:
    """Text as a Markdown quote, line by line."""
    return "\n".join(f"> {line}" for line in text.splitlines())


def export_markdown(
    out: Path,
    store: ChatStore,
    images: ImageSource,
    personas: PersonaLibrary | None,
    conversation_ids: Sequence[str] | None = None,
) -> int:
    """Writes chats as Markdown to ``out``; pictures go in ``<name>_images/`` beside it.

    Each chat shows its chosen path: the versions last chosen, as the window shows them.

    Returns:
        How many chats were written.
    """
    out = Path(out)
    chosen = [(c, store.active_path(c.id)) for c in _chosen(store, conversation_ids)]
    folder = out.with_name(f"{out.stem}_images")
    links: dict[str, str] = {}
    for _, messages in chosen:
        for sha in _image_shas(messages):
            try:
                data = images.get(sha)
            except (HearthError, OSError):
                continue
            extension = "png" if data.startswith(b"\x89PNG") else "jpg"
            _write_export(folder / f"{sha}.{extension}", data)
            links[sha] = f"{folder.name}/{sha}.{extension}"
    names = {p.id: p.name for p in personas.personas()} if personas else {}
    text = render_markdown(chosen, links, names)
    _write_export(out, text.encode("utf-8", "surrogatepass"))
    return len(chosen)


# ------------------------------------------------------------------------ validation


class _Invalid(Exception):
    """One problem found in an export file."""


def _text(value: Any, where: str, limit: int, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise _Invalid(f"{where} must be text")
    if len(value) > limit:
        raise _Invalid(f"{where} is too long ({len(value):,} characters, at most {limit:,})")
    return value


def _optional_number(value: Any, where: str) -> float | None:
    return None if value is None else _number(value, where)


def _optional_whole(value: Any, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise _Invalid(f"{where} must be a whole number above 0")
    return value


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _Invalid(f"{where} must be a number")
    if value < 0:
        raise _Invalid(f"{where} must not be negative")
    return float(value)


def _json_object(value: Any, where: str) -> dict[str, Any]:
    """A JSON object with text keys, at most ``MAX_OBJECT_BYTES`` when serialised."""
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        raise _Invalid(f"{where} must be an object")
    size = len(json.dumps(value, ensure_ascii=False))
    if size > MAX_OBJECT_BYTES:
        raise _Invalid(f"{where} is too large ({size:,} bytes, at most {MAX_OBJECT_BYTES:,})")
    return dict(value)


def _attachment(value: Any, where: str, known_images: set[str]) -> dict[str, Any]:
    data = _json_object(value, where)
    kind = _text(data.get("kind"), f"{where}.kind", MAX_SHORT_CHARS)
    if kind == "image":
        sha = data.get("sha256")
        if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
            raise _Invalid(f"{where}.sha256 must be a SHA-256 in lower-case hex")
        if sha not in known_images:
            raise _Invalid(f"{where} shows an image that is not in the file")
        for size in ("width", "height"):
            item = data.get(size)
            if item is not None and (isinstance(item, bool) or not isinstance(item, int)):
                raise _Invalid(f"{where}.{size} must be a whole number")
    return data


def _message(value: Any, where: str, known_images: set[str]) -> MessageData:
    if not isinstance(value, dict):
        raise _Invalid(f"{where} must be an object")
    role = value.get("role")
    if role not in _ROLES:
        raise _Invalid(f"{where}.role must be one of {sorted(_ROLES)}")
    status = value.get("status", "complete")
    if status not in _STATUSES:
        raise _Invalid(f"{where}.status must be one of {sorted(_STATUSES)}")
    stats = value.get("stats")
    attachments = value.get("attachments", [])
    if not isinstance(attachments, list) or len(attachments) > MAX_ATTACHMENTS:
        raise _Invalid(f"{where}.attachments must be a list of at most {MAX_ATTACHMENTS}")
    return MessageData(
        role=cast(Role, role),
        content=_text(value.get("content"), f"{where}.content", MAX_CONTENT_CHARS) or "",
        status=MessageStatus(status),
        created_at=_number(value.get("created_at", 0), f"{where}.created_at"),
        model=_text(value.get("model"), f"{where}.model", MAX_SHORT_CHARS, optional=True),
        stats=None if stats is None else _json_object(stats, f"{where}.stats"),
        error=_text(value.get("error"), f"{where}.error", MAX_PROMPT_CHARS, optional=True),
        attachments=from_records(
            _attachment(a, f"{where}.attachments[{i}]", known_images)
            for i, a in enumerate(attachments)
        ),
    )


def _links(
    messages: list[Any], chosen_raw: Any, where: str, version: int
) -> tuple[list[int | None], frozenset[int]]:
    """Each message's parent as an index into ``messages``, and the chosen indexes.

    Version 1 chats are one line of messages; later ones name each message's parent,
    which must come before it.
    """
    if version == 1:
        return [None, *range(len(messages) - 1)], frozenset()
    index: dict[int, int] = {}
    parents: list[int | None] = []

    def known(value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and value in index

    for i, message in enumerate(messages):
        mid, parent = message.get("id"), message.get("parent_id")
        if isinstance(mid, bool) or not isinstance(mid, int) or mid in index:
            raise _Invalid(f"{where}.messages[{i}].id must be a whole number, used once")
        if parent is not None and not known(parent):
            raise _Invalid(f"{where}.messages[{i}].parent_id must name an earlier message")
        parents.append(None if parent is None else index[parent])
        index[mid] = i
    if not isinstance(chosen_raw, list) or not all(known(c) for c in chosen_raw):
        raise _Invalid(f"{where}.chosen must be a list of the chat's message ids")
    chosen = frozenset(index[c] for c in chosen_raw)
    if len({parents[c] for c in chosen}) != len(chosen):
        raise _Invalid(f"{where}.chosen names two versions of one message")
    return parents, chosen


def _chat(value: Any, where: str, known_images: set[str], version: int) -> ExportedChat:
    if not isinstance(value, dict):
        raise _Invalid(f"{where} must be an object")
    messages = value.get("messages")
    if not isinstance(messages, list) or len(messages) > MAX_MESSAGES:
        raise _Invalid(f"{where}.messages must be a list of at most {MAX_MESSAGES:,}")
    parsed = [_message(m, f"{where}.messages[{i}]", known_images) for i, m in enumerate(messages)]
    parents, chosen = _links(messages, value.get("chosen", []), where, version)
    return ExportedChat(
        id=_text(value.get("id"), f"{where}.id", MAX_SHORT_CHARS) or "",
        title=_text(value.get("title", ""), f"{where}.title", MAX_SHORT_CHARS) or "",
        model=_text(value.get("model"), f"{where}.model", MAX_SHORT_CHARS, optional=True),
        system_prompt=_text(
            value.get("system_prompt"), f"{where}.system_prompt", MAX_PROMPT_CHARS, optional=True
        ),
        persona=_text(value.get("persona"), f"{where}.persona", MAX_SHORT_CHARS, optional=True),
        created_at=_number(value.get("created_at", 0), f"{where}.created_at"),
        updated_at=_number(value.get("updated_at", 0), f"{where}.updated_at"),
        messages=parsed,
        parents=parents,
        chosen=chosen,
        temperature=_optional_number(value.get("temperature"), f"{where}.temperature"),
        num_ctx=_optional_whole(value.get("num_ctx"), f"{where}.num_ctx"),
    )


def _images(value: Any) -> dict[str, bytes]:
    if not isinstance(value, dict):
        raise _Invalid("images must be an object of SHA-256 to base64")
    decoded: dict[str, bytes] = {}
    for sha, encoded in value.items():
        if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
            raise _Invalid("an image key is not a SHA-256 in lower-case hex")
        if not isinstance(encoded, str) or len(encoded) > MAX_IMAGE_BYTES * 4 // 3 + 8:
            raise _Invalid(f"image {sha[:12]}… is not base64 text or is too large")
        try:
            data = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            raise _Invalid(f"image {sha[:12]}… is not valid base64") from None
        if hashlib.sha256(data).hexdigest() != sha:
            raise _Invalid(f"image {sha[:12]}… does not match its hash (it was changed)")
        if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")):
            raise _Invalid(f"image {sha[:12]}… is not a PNG or JPEG")
        _check_picture_size(sha, data)
        decoded[sha] = data
    return decoded


def _check_picture_size(sha: str, data: bytes) -> None:
    """Refuses a picture Hearth would never have stored (a decompression bomb, say)."""
    from agents.images.intake import image_size

    try:
        width, height = image_size(data)
    except Exception:  # Pillow refuses a decompression bomb before reading its size
        raise _Invalid(
            f"image {sha[:12]}… is not a picture Hearth stores (damaged, or a decompression bomb)"
        ) from None
    if max(width, height) > MAX_IMAGE_SIDE or min(width, height) < 1:
        raise _Invalid(
            f"image {sha[:12]}… is {width}x{height} pixels, not a picture Hearth stores (at "
            f"most {MAX_IMAGE_SIDE} pixels a side)"
        )


@dataclass(frozen=True)
class ParsedExport:
    """A checked export file, ready to import."""

    version: int
    conversations: list[ExportedChat]
    images: dict[str, bytes]
    missing_images: frozenset[str]
    personas: list[Persona]


def parse_export(raw: bytes, name: str = "the file") -> ParsedExport:
    """Reads and checks an export completely; nothing is written.

    Raises:
        StorageError (kind TRANSFER): The file is not a Hearth export, is damaged, truncated or
            changed, or is from a newer Hearth. The message names the problem.
    """
    try:
        return _parse_export(raw, name)
    except RecursionError:
        raise StorageError(
            StorageKind.TRANSFER,
            say(
                "{name} is not a Hearth chat export: its data is nested far deeper than "
                "an export ever is. Nothing was imported.",
                name=name,
            ),
        ) from None


def _parse_export(raw: bytes, name: str) -> ParsedExport:
    try:
        payload = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise StorageError(
            StorageKind.TRANSFER,
            say(
                "{name} is not a Hearth chat export (it is not UTF-8 text). Nothing was imported.",
                name=name,
            ),
        ) from None
    except json.JSONDecodeError as exc:
        raise StorageError(
            StorageKind.TRANSFER,
            say(
                "{name} is damaged or incomplete (invalid JSON at line {line}, column "
                "{column}: {problem}); it may have been cut short while copying. Export the "
                "chats again. Nothing was imported.",
                name=name,
                line=exc.lineno,
                column=exc.colno,
                problem=exc.msg,
            ),
        ) from None
    except ValueError:  # a number with thousands of digits
        raise StorageError(
            StorageKind.TRANSFER,
            say(
                "{name} is not a valid Hearth chat export (it holds a number too long to "
                "read). Nothing was imported.",
                name=name,
            ),
        ) from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise StorageError(
            StorageKind.TRANSFER,
            say(
                "{name} is not a Hearth chat export (use a .json file made by `hearth "
                "export --format json`; Markdown exports can't be imported). Nothing was "
                "imported.",
                name=name,
            ),
        )
    version = payload.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise StorageError(
            StorageKind.TRANSFER,
            say("{name} has no valid format version. Nothing was imported.", name=name),
        )
    if version not in SUPPORTED_VERSIONS:
        newer = version > max(SUPPORTED_VERSIONS)
        raise StorageError(
            StorageKind.TRANSFER,
            say(
                "{name} uses export format version {version}, which this Hearth can't read "
                "(it was made by a newer Hearth: update Hearth to import it). Nothing was "
                "imported.",
                name=name,
                version=version,
            )
            if newer
            else say(
                "{name} uses export format version {version}, which this Hearth can't read. "
                "Nothing was imported.",
                name=name,
                version=version,
            ),
        )
    if payload.get("checksum") != checksum(payload):
        raise StorageError(
            StorageKind.TRANSFER,
            say(
                "{name} was changed after it was exported (its checksum doesn't match), "
                "so Hearth won't trust it. Export the chats again from the original. "
                "Nothing was imported.",
                name=name,
            ),
        )
    try:
        images = _images(payload.get("images", {}))
        missing_raw = payload.get("missing_images", [])
        if not isinstance(missing_raw, list) or not all(
            isinstance(s, str) and _SHA256.fullmatch(s) for s in missing_raw
        ):
            raise _Invalid("missing_images must be a list of SHA-256 hashes")
        missing = frozenset(missing_raw)
        known = set(images) | missing
        chats_raw = payload.get("conversations")
        if not isinstance(chats_raw, list) or len(chats_raw) > MAX_CONVERSATIONS:
            raise _Invalid("conversations must be a list")
        chats = [_chat(c, f"conversations[{i}]", known, version) for i, c in enumerate(chats_raw)]
        personas_raw = payload.get("personas", [])
        if not isinstance(personas_raw, list):
            raise _Invalid("personas must be a list")
        personas: list[Persona] = []
        for i, item in enumerate(personas_raw):
            try:
                personas.append(persona_from_dict(item))
            except PersonaError as exc:
                raise _Invalid(f"personas[{i}]: {exc.message.rstrip('.')}") from None
    except _Invalid as exc:
        raise StorageError(
            StorageKind.TRANSFER,
            say(
                "{name} is not a valid Hearth chat export: {problem}. Nothing was imported.",
                name=name,
                problem=exc,
            ),
        ) from None
    return ParsedExport(version, chats, images, missing, personas)


def read_export(path: Path) -> ParsedExport:
    """Reads and checks an export file (see ``parse_export``); only a regular file is read.

    Raises:
        TransferError: it is not a regular file (a FIFO, a device...), is over the size
            cap, can't be read, or is not a valid export.
    """
    path = Path(path)
    name = shown(path.name)
    try:
        raw = read_regular(path, MAX_FILE_BYTES)
    except FileTooLarge as exc:
        raise StorageError(
            StorageKind.TRANSFER,
            say(
                "{name} is too large to import ({size:.1f} GiB, at most "
                "{limit:.0f} GiB). Nothing was imported.",
                name=name,
                size=exc.size / 2**30,
                limit=MAX_FILE_BYTES / 2**30,
            ),
        ) from exc
    except FileRefused as exc:
        raise StorageError(
            StorageKind.TRANSFER,
            say(
                "{name} can't be imported: {reason}. Nothing was imported.",
                name=name,
                reason=exc.reason,
            ),
        ) from exc
    except OSError as exc:
        raise StorageError(
            StorageKind.TRANSFER,
            say(
                "Hearth could not read {path} ({problem}). Nothing was imported.",
                path=shown(path),
                problem=exc.strerror or exc,
            ),
        ) from exc
    return parse_export(raw, name)


# ------------------------------------------------------------------------ import


def _fingerprint(
    title: str,
    system_prompt: str | None,
    messages: Sequence[MessageData],
    parents: Sequence[int | None],
) -> str:
    """What makes two chats 'the same' for duplicate detection (the versions chosen don't)."""
    body = [
        title,
        system_prompt or "",
        [
            [
                m.role,
                m.content,
                [r.get("sha256") or r.get("name") for r in to_records(m.attachments)],
                parent,
            ]
            for m, parent in zip(messages, parents, strict=True)
        ],
    ]
    return hashlib.sha256(
        json.dumps(body, ensure_ascii=False).encode("utf-8", "replace")
    ).hexdigest()


def _parent_indexes(messages: Sequence[StoredMessage]) -> list[int | None]:
    """Each message's parent as an index into ``messages``."""
    index = {m.id: i for i, m in enumerate(messages)}
    return [None if m.parent_id is None else index.get(m.parent_id) for m in messages]


def _existing_fingerprints(store: ChatStore) -> set[str]:
    prints = set()
    for conversation in store.list_conversations():
        messages = store.messages(conversation.id)
        prints.add(
            _fingerprint(
                conversation.title,
                conversation.system_prompt,
                messages,
                _parent_indexes(messages),
            )
        )
    return prints


def _chat_fingerprint(chat: ExportedChat) -> str:
    from agents.storage.chat_store import clean_title

    return _fingerprint(
        clean_title(chat.title), chat.system_prompt or None, chat.messages, chat.parents
    )


def import_export(
    parsed: ParsedExport,
    store: ChatStore,
    images: ImageSource,
    personas: PersonaLibrary | None,
) -> ImportReport:
    """Adds a checked export to the data folder; never overwrites.

    All or nothing: if a write fails, what this import added is removed again and a
    StorageError (TRANSFER) says what happened.
    """
    report = ImportReport()
    added_conversations: list[str] = []
    added_images: list[str] = []
    added_personas: list[str] = []
    try:
        persona_map = _import_personas(parsed.personas, personas, report, added_personas)
        seen = _existing_fingerprints(store)
        wanted: list[ExportedChat] = []
        for chat in parsed.conversations:
            fingerprint = _chat_fingerprint(chat)
            if fingerprint in seen:
                report.skipped.append(
                    say(
                        "chat '{title}': already here (identical chat)",
                        title=shown(chat.title) if chat.title else say("Untitled"),
                    )
                )
                continue
            seen.add(fingerprint)
            wanted.append(chat)
        needed = {
            image.sha256
            for chat in wanted
            for m in chat.messages
            for image in images_in(m.attachments)
        }
        sha_map: dict[str, str] = {}
        for sha in sorted(needed):
            if sha not in parsed.images:
                continue  # listed as missing in the export: the reference is kept
            if images.has(sha):
                sha_map[sha] = sha
                continue
            stored = images.put(parsed.images[sha])
            added_images.append(stored)
            sha_map[sha] = stored
        report.images_added = len(added_images)
        missing_kept = needed - set(parsed.images)
        if missing_kept:
            report.skipped.append(
                say(
                    "{count} picture(s) that were already missing when exported (their "
                    "attachments are kept)",
                    count=len(missing_kept),
                )
            )
        for chat in sorted(wanted, key=lambda c: (c.updated_at, c.created_at)):
            persona = persona_map.get(chat.persona, chat.persona) if chat.persona else None
            conversation = store.create_conversation(
                chat.title, model=chat.model, system_prompt=chat.system_prompt, persona=persona
            )
            added_conversations.append(conversation.id)
            if chat.temperature is not None or chat.num_ctx is not None:
                store.set_options(
                    conversation.id, temperature=chat.temperature, num_ctx=chat.num_ctx
                )
            report.messages_added += _import_messages(store, conversation.id, chat, sha_map)
            report.conversations_added.append(conversation.title or "Untitled")
    except Exception as exc:
        _roll_back(store, images, personas, added_conversations, added_images, added_personas)
        detail = exc.words if isinstance(exc, HearthError) else str(exc)
        raise StorageError(
            StorageKind.TRANSFER,
            say(
                "The import failed while saving ({detail}). Everything it had added was "
                "removed again; your chats are as they were.",
                detail=detail,
            ),
        ) from exc
    return report


def _import_messages(
    store: ChatStore, conversation_id: str, chat: ExportedChat, sha_map: dict[str, str]
) -> int:
    """Adds a chat's messages with their versions and choices; returns how many."""
    counts = Counter(chat.parents)
    ids: list[int] = []
    for i, (message, parent) in enumerate(zip(chat.messages, chat.parents, strict=True)):
        attachments = [
            replace(a, sha256=sha_map.get(a.sha256, a.sha256)) if isinstance(a, ImageRef) else a
            for a in message.attachments
        ]
        added = store.add_message(
            conversation_id,
            message.role,
            message.content,
            status=MessageStatus.INTERRUPTED
            if message.status is MessageStatus.STREAMING
            else message.status,
            model=message.model,
            stats=message.stats,
            error=message.error,
            attachments=attachments,
            parent_id=None if parent is None else ids[parent],
            chosen=counts[parent] == 1 or i in chat.chosen,
        )
        ids.append(added.id)
    return len(ids)


def _import_personas(
    incoming: list[Persona],
    library: PersonaLibrary | None,
    report: ImportReport,
    added: list[str],
) -> dict[str, str]:
    """Adds personas that are new; returns old id -> id to use for each incoming one."""
    mapping: dict[str, str] = {}
    if library is None:
        return mapping
    for persona in incoming:
        same = next(
            (
                p
                for p in library.personas()
                if p.name == persona.name and p.prompt == persona.prompt
            ),
            None,
        )
        if same is not None:
            mapping[persona.id] = same.id
            report.skipped.append(say("persona '{name}': already here", name=shown(persona.name)))
            continue
        created = library.add(_free_name(library, persona.name), persona.prompt, persona.id)
        added.append(created.id)
        mapping[persona.id] = created.id
        report.personas_added.append(created.name)
    return mapping


def _free_name(library: PersonaLibrary, name: str) -> str:
    """``name``, or ``name (imported)``, ``name (imported 2)``... : the first one free, cut
    so that the suffix always fits the name limit."""
    if library.find_by_name(name) is None:
        return name
    number = 1
    while True:
        suffix = " (imported)" if number == 1 else f" (imported {number})"
        candidate = name[: MAX_NAME_CHARS - len(suffix)].rstrip() + suffix
        if library.find_by_name(candidate) is None:
            return candidate
        number += 1


def _roll_back(
    store: ChatStore,
    images: ImageSource,
    personas: PersonaLibrary | None,
    conversations: list[str],
    image_shas: list[str],
    persona_ids: list[str],
) -> None:
    """Removes what a failed import added (best effort, each step on its own)."""
    for cid in conversations:
        with contextlib.suppress(HearthError):
            store.delete_conversation(cid)
    for sha in image_shas:
        with contextlib.suppress(HearthError, OSError):
            images.delete(sha)
    if personas is not None:
        for pid in persona_ids:
            with contextlib.suppress(HearthError):
                personas.delete(pid)


def import_file(
    path: Path, store: ChatStore, images: ImageSource, personas: PersonaLibrary | None
) -> ImportReport:
    """Checks an export file completely, then imports it (see ``import_export``)."""
    return import_export(read_export(path), store, images, personas)
