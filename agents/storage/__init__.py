"""Where Hearth keeps conversations, and the lock that keeps one writer per data folder."""

from agents.storage.chat_store import (
    AT_END,
    ChatStore,
    Conversation,
    MessageStatus,
    MessageTree,
    Role,
    SearchHit,
    StoredMessage,
)
from agents.storage.errors import StorageError, StorageKind
from agents.storage.instance_lock import InstanceLock

__all__ = [
    "AT_END",
    "ChatStore",
    "Conversation",
    "InstanceLock",
    "MessageStatus",
    "MessageTree",
    "Role",
    "SearchHit",
    "StorageError",
    "StorageKind",
    "StoredMessage",
]
