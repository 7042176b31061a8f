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
    StoreError,
)
from agents.storage.instance_lock import AlreadyRunning, InstanceLock

__all__ = [
    "AT_END",
    "AlreadyRunning",
    "ChatStore",
    "Conversation",
    "InstanceLock",
    "MessageStatus",
    "MessageTree",
    "Role",
    "SearchHit",
    "StoreError",
    "StoredMessage",
]
