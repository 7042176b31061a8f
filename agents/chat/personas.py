"""Personas: a small library of named system prompts, one chosen per chat.

The library is one JSON file in the data folder (``personas.json``), written
atomically. The built-in personas have fixed ids so that chats (which store the
persona id) and exports keep pointing at them; they can be edited or deleted like any
other, and ``restore_defaults`` brings back their original text. A chat keeps its own
copy of the prompt (``Conversation.system_prompt``), so editing a persona later does
not change what an old chat was told.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from agents.errors import HearthError
from agents.paths import personas_file
from agents.storage.atomic import keep_aside, write_atomic
from agents.wording import Words, plain, say

log = logging.getLogger(__name__)

FORMAT = "hearth-personas"
VERSION = 1
MAX_NAME_CHARS = 80
MAX_PROMPT_CHARS = 20_000
MAX_PERSONAS = 500
DEFAULT_PERSONA_ID = "assistant"


class PersonaError(HearthError):
    """A persona could not be added, changed or loaded; the message says why."""


@dataclass(frozen=True)
class Persona:
    """A named system prompt.

    Attributes:
        id: Stable identifier (built-ins have readable ids such as ``pirate``).
        name: What the person sees in the picker.
        prompt: The system prompt sent with every message of a chat that uses it.
    """

    id: str
    name: str
    prompt: str

    @property
    def label(self) -> Words:
        """The name for a person: a built-in persona not renamed goes by Hearth's own name,
        in the person's language; any other by the name it was given."""
        default = _NAMES.get(self.id)
        return default if default is not None and str(default) == self.name else plain(self.name)

    @property
    def builtin(self) -> bool:
        """Whether this is one of Hearth's own personas."""
        return self.id in _DEFAULT_IDS

    def to_dict(self) -> dict[str, str]:
        """A JSON-ready copy."""
        return asdict(self)


# The built-in personas' names, in words the window translates (see Persona.label).
_NAMES = {
    "assistant": say("Helpful assistant"),
    "concise": say("Concise"),
    "teacher": say("Patient teacher"),
    "coder": say("Coding partner"),
    "translator": say("Translator"),
    "pirate": say("Pirate"),
}

DEFAULT_PERSONAS: tuple[Persona, ...] = (
    Persona(
        "assistant",
        str(_NAMES["assistant"]),
        "You are Hearth, a helpful private assistant running on the user's own computer. "
        "Answer clearly and concisely. Use Markdown for lists, tables and code.",
    ),
    Persona(
        "concise",
        str(_NAMES["concise"]),
        "You are a concise assistant. Answer in as few words as the question allows: the "
        "answer first, no preamble, no repetition of the question, no closing remarks. Use "
        "a short list only when it is clearer than a sentence.",
    ),
    Persona(
        "teacher",
        str(_NAMES["teacher"]),
        "You are a patient teacher. Explain step by step in plain words, starting from what "
        "the learner probably knows. Give a short example for every new idea, check "
        "understanding with one question at the end, and never make the learner feel slow.",
    ),
    Persona(
        "coder",
        str(_NAMES["coder"]),
        "You are an experienced software engineer. Give correct, idiomatic, runnable code in "
        "fenced code blocks with the language named, explain the key decisions briefly, "
        "point out edge cases and security issues, and say so when you are not sure.",
    ),
    Persona(
        "translator",
        str(_NAMES["translator"]),
        "You are a professional translator. Translate the user's text faithfully and "
        "naturally. If no target language is given, translate into English, or into the "
        "user's language if the text is already English. Keep names, numbers and formatting; "
        "reply with the translation only, unless asked about nuances.",
    ),
    Persona(
        "pirate",
        str(_NAMES["pirate"]),
        "Ye be a cheerful old pirate who still answers every question helpfully and "
        "correctly, but speaks like a pirate: arr, matey, ye and yer, tales of the sea. Keep "
        "the facts right and the answers useful; the accent is the only joke.",
    ),
)
_DEFAULT_IDS = frozenset(p.id for p in DEFAULT_PERSONAS)


def _clean_name(name: str) -> str:
    text = " ".join(str(name).split())
    if not text:
        raise PersonaError(say("A persona needs a name: type one."))
    if len(text) > MAX_NAME_CHARS:
        raise PersonaError(
            say(
                "The persona name is too long ({count} characters, at most {limit}).",
                count=len(text),
                limit=MAX_NAME_CHARS,
            )
        )
    return text


def _clean_prompt(prompt: str) -> str:
    text = str(prompt).strip()
    if not text:
        raise PersonaError(
            say("A persona needs a system prompt: say how the assistant should act.")
        )
    if len(text) > MAX_PROMPT_CHARS:
        raise PersonaError(
            say(
                "The system prompt is too long ({count:,} characters, at most "
                "{limit:,}): shorten it.",
                count=len(text),
                limit=MAX_PROMPT_CHARS,
            )
        )
    return text


def persona_from_dict(data: Any) -> Persona:
    """Builds a persona from JSON data, checking every field.

    Raises:
        PersonaError: A field is missing, has the wrong type or is out of bounds.
    """
    if not isinstance(data, dict):
        raise PersonaError(say("A persona must be a JSON object with id, name and prompt."))
    pid, name, prompt = data.get("id"), data.get("name"), data.get("prompt")
    if not isinstance(pid, str) or not pid.strip() or len(pid) > 64:
        raise PersonaError(say("A persona has a missing or invalid id."))
    if not isinstance(name, str) or not isinstance(prompt, str):
        raise PersonaError(say("The persona '{id}' needs a text name and a text prompt.", id=pid))
    return Persona(pid.strip(), _clean_name(name), _clean_prompt(prompt))


class PersonaLibrary:
    """The persona library of one data folder; safe to share between threads.

    Args:
        path: The JSON file. A missing file means the built-in personas; a damaged one
            is kept aside as ``personas.json.bad-<time>`` and the built-ins are used.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._personas: list[Persona] = self._load()

    @classmethod
    def in_data_dir(cls, root: Path) -> PersonaLibrary:
        """Opens the library at its usual place in Hearth's data folder."""
        return cls(personas_file(root))

    # -------------------------------------------------------------- reading
    def personas(self) -> list[Persona]:
        """All personas, in the order the person arranged them."""
        with self._lock:
            return list(self._personas)

    def get(self, persona_id: str | None) -> Persona | None:
        """The persona with this id, or None."""
        with self._lock:
            return next((p for p in self._personas if p.id == persona_id), None)

    def default(self) -> Persona:
        """The persona new chats start with: the helpful assistant, or the first one."""
        with self._lock:
            found = self.get(DEFAULT_PERSONA_ID)
            if found is not None:
                return found
            return self._personas[0] if self._personas else DEFAULT_PERSONAS[0]

    def find_by_name(self, name: str) -> Persona | None:
        """The persona with this name (case-insensitive), or None."""
        key = " ".join(name.split()).casefold()
        with self._lock:
            return next((p for p in self._personas if p.name.casefold() == key), None)

    # -------------------------------------------------------------- changing
    def add(self, name: str, prompt: str, persona_id: str | None = None) -> Persona:
        """Adds a persona and saves the library.

        Args:
            name: Its name; must differ from every other persona's name.
            prompt: Its system prompt.
            persona_id: A wanted id (kept if free); None gives a new random id.
        """
        with self._lock:
            if len(self._personas) >= MAX_PERSONAS:
                raise PersonaError(
                    say(
                        "The library already holds {limit} personas: delete some first.",
                        limit=MAX_PERSONAS,
                    )
                )
            clean = _clean_name(name)
            self._check_name_free(clean)
            wanted = (persona_id or "").strip()
            if not wanted or self.get(wanted) is not None or len(wanted) > 64:
                wanted = uuid.uuid4().hex
            persona = Persona(wanted, clean, _clean_prompt(prompt))
            self._commit([*self._personas, persona])
            return persona

    def update(
        self, persona_id: str, *, name: str | None = None, prompt: str | None = None
    ) -> Persona:
        """Renames a persona and/or changes its prompt, then saves the library."""
        with self._lock:
            current = self._require(persona_id)
            new_name = current.name if name is None else _clean_name(name)
            if new_name.casefold() != current.name.casefold():
                self._check_name_free(new_name)
            new_prompt = current.prompt if prompt is None else _clean_prompt(prompt)
            updated = Persona(current.id, new_name, new_prompt)
            self._commit([updated if p.id == persona_id else p for p in self._personas])
            return updated

    def rename(self, persona_id: str, name: str) -> Persona:
        """Gives a persona a new name."""
        return self.update(persona_id, name=name)

    def delete(self, persona_id: str) -> None:
        """Deletes a persona (built-ins come back with ``restore_defaults``).

        Raises:
            PersonaError: It is the last persona: a library is never empty.
        """
        with self._lock:
            self._require(persona_id)
            remaining = [p for p in self._personas if p.id != persona_id]
            if not remaining:
                raise PersonaError(say("This is the last persona: add another before deleting it."))
            self._commit(remaining)

    def restore_defaults(self) -> None:
        """Brings back deleted built-ins and their original text; keeps the person's own.

        A person's persona that took a built-in's name is renamed ``<name> (mine)``.
        """
        with self._lock:
            defaults = {p.id: p for p in DEFAULT_PERSONAS}
            default_names = {p.name.casefold() for p in DEFAULT_PERSONAS}
            result: list[Persona] = list(DEFAULT_PERSONAS)
            for persona in self._personas:
                if persona.id in defaults:
                    continue
                name = persona.name
                while name.casefold() in default_names or any(
                    p.name.casefold() == name.casefold() for p in result
                ):
                    name = f"{name} (mine)"[:MAX_NAME_CHARS]
                result.append(Persona(persona.id, name, persona.prompt))
            self._commit(result)

    def is_default(self, persona_id: str) -> bool:
        """Whether a built-in persona still has its original name and prompt."""
        current = self.get(persona_id)
        return current is not None and current in DEFAULT_PERSONAS

    # -------------------------------------------------------------- internals
    def _require(self, persona_id: str) -> Persona:
        found = self.get(persona_id)
        if found is None:
            raise PersonaError(say("That persona no longer exists: pick another one."))
        return found

    def _check_name_free(self, name: str) -> None:
        if self.find_by_name(name) is not None:
            raise PersonaError(
                say("There is already a persona called '{name}': choose another name.", name=name)
            )

    def _commit(self, personas: list[Persona]) -> None:
        self._save(personas)
        self._personas = personas

    def _load(self) -> list[Persona]:
        if not self.path.exists():
            return list(DEFAULT_PERSONAS)
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("not a Hearth persona library")
            if not isinstance(data.get("version"), int) or data["version"] > VERSION:
                raise ValueError(f"unsupported version {data.get('version')!r}")
            raw = data.get("personas")
            if not isinstance(raw, list) or not raw:
                raise ValueError("no personas")
            personas: list[Persona] = []
            for item in raw[:MAX_PERSONAS]:
                persona = persona_from_dict(item)
                if all(p.id != persona.id for p in personas):
                    personas.append(persona)
            return personas
        except (OSError, ValueError, PersonaError) as exc:
            try:
                bad = keep_aside(self.path)
                log.warning("persona library %s is damaged (%s); kept as %s", self.path, exc, bad)
            except OSError:
                log.warning("could not move the damaged persona library aside", exc_info=True)
            return list(DEFAULT_PERSONAS)

    def _save(self, personas: list[Persona]) -> None:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "personas": [p.to_dict() for p in personas],
        }
        try:
            write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=2))
        except OSError as exc:
            raise PersonaError(
                say(
                    "Hearth could not save the personas to {path} ({problem}). Check that "
                    "the data folder is writable; your change was not saved.",
                    path=self.path,
                    problem=exc.strerror or exc,
                )
            ) from exc
