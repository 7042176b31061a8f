"""Where Hearth keeps conversations, and the lock that keeps one writer per data folder."""

from agents.storage.chat_store import (
    ChatStore,
    Conversation,
    MessageStatus,
    Role,
    SearchHit,
    StoredMessage,
)
from agents.storage.errors import StorageError, StorageKind
from agents.storage.instance_lock import InstanceLock

__all__ = [
    "ChatStore",
    "Conversation",
    "InstanceLock",
    "MessageStatus",
    "Role",
    "SearchHit",
    "StorageError",
    "StorageKind",
    "StoredMessage",
]
