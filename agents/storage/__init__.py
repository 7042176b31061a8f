"""Where Hearth keeps conversations, and the lock that keeps one writer per data folder."""

from agents.storage.chat_store import (
    ChatStore,
    Conversation,
    MessageStatus,
    Role,
    SearchHit,
    StoredMessage,
    StoreError,
)
from agents.storage.instance_lock import AlreadyRunning, InstanceLock

__all__ = [
    "AlreadyRunning",
    "ChatStore",
    "Conversation",
    "InstanceLock",
    "MessageStatus",
    "Role",
    "SearchHit",
    "StoreError",
    "StoredMessage",
]
