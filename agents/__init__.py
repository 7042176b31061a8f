"""Hearth's brains: models, agents, tools, retrieval and storage. No Qt here."""

from agents.privacy import enforce_privacy

enforce_privacy()

__version__ = "0.1.0"
