"""Conversation: the plain chat agent, personas, and the Llama Guard safety check."""
