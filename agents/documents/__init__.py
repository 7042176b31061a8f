"""Private documents: loaders, chunking, a local vector index, cited answers and summaries.

Nothing here imports Qt. Writes to the vector store happen in a worker process
(``index_worker``); the GUI and CLI talk to it through ``IndexClient``.
"""

from agents.documents.errors import DocumentError

__all__ = ["DocumentError"]
