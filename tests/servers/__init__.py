"""Real servers on loopback for tests: SMTP (aiosmtpd), IMAP (dovecot), CalDAV (Radicale).

Each module has a ``start_*`` function returning a running server with ``stop()``, and a
pytest fixture; test folders import the fixtures into their ``conftest.py``.
"""

import socket


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port
