"""Turns: the typed request, the one router that builds its agent, and the safety check
around every turn."""
