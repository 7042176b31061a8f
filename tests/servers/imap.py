"""A real IMAP server (Debian's dovecot-imapd) on random loopback ports, for tests.

Dovecot runs in the foreground (``dovecot -F -c CONF``) with a generated configuration in
a temporary folder: one user in a passwd-file, mail in a Maildir, log to a file. It runs
as an unprivileged user (``nobody`` when the tests run as root, else the current user),
so the same configuration works for developers and CI. With TLS files, it also listens
for IMAPS and offers STARTTLS.
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.servers import free_port
from tests.servers.tls import TlsFiles

DOVECOT = shutil.which("dovecot") or next(
    (p for p in ("/usr/sbin/dovecot", "/usr/local/sbin/dovecot") if os.path.exists(p)), None
)
SKIP_REASON = "dovecot is not installed (apt-get install dovecot-imapd); .ci/run installs it for CI"


@dataclass
class DovecotServer:
    """A running dovecot with one user whose INBOX is ``inbox`` (a Maildir)."""

    host: str
    port: int
    user: str
    password: str
    root: Path
    inbox: Path
    log_file: Path
    imaps_port: int | None = None
    _process: subprocess.Popen[bytes] | None = None
    _owner: tuple[int, int] = (-1, -1)
    _counter: int = field(default=0)

    @property
    def url(self) -> str:
        """``imap://user@127.0.0.1:port`` for this server."""
        return f"imap://{self.user}@{self.host}:{self.port}"

    def deliver(self, raw: bytes, *, seen: bool = False) -> Path:
        """Puts a message into INBOX (as a local delivery agent would)."""
        self._counter += 1
        name = f"{int(time.time())}.M{self._counter}P{os.getpid()}.hearth-test"
        folder = "cur" if seen else "new"
        path = self.inbox / folder / (name + (":2,S" if seen else ""))
        tmp = self.inbox / "tmp" / name
        tmp.write_bytes(raw)
        os.chown(tmp, *self._owner)
        # Distinct, increasing delivery times, so "newest" is well defined.
        stamp = time.time() - 1000 + self._counter
        os.utime(tmp, (stamp, stamp))
        tmp.rename(path)
        return path

    def log(self) -> str:
        """What dovecot logged so far."""
        try:
            return self.log_file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def stop(self) -> None:
        """Stops dovecot and removes its folder."""
        if self._process is not None:
            # dovecot and the processes it forked share one process group (its own
            # session); SIGKILL ends them all at once (SIGTERM makes dovecot wait ~1 s).
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait(timeout=10)
            self._process = None
        shutil.rmtree(self.root, ignore_errors=True)


def _run_as() -> tuple[str, str, int, int]:
    """The unprivileged user and group dovecot runs as."""
    if os.geteuid() == 0:
        user = pwd.getpwnam("nobody")
        group = grp.getgrgid(user.pw_gid)
        return user.pw_name, group.gr_name, user.pw_uid, user.pw_gid
    user = pwd.getpwuid(os.geteuid())
    return user.pw_name, grp.getgrgid(os.getegid()).gr_name, os.geteuid(), os.getegid()


def start_dovecot(
    user: str = "alice", password: str = "secret", tls: TlsFiles | None = None
) -> DovecotServer:
    """Starts dovecot on 127.0.0.1 (IMAP, plus IMAPS and STARTTLS when ``tls`` is given)."""
    if DOVECOT is None:
        raise RuntimeError(SKIP_REASON)
    run_user, run_group, uid, gid = _run_as()
    root = Path(tempfile.mkdtemp(prefix="hearth-dovecot-"))
    os.chmod(root, 0o755)
    for sub in ("run", "state", "mail"):
        (root / sub).mkdir()
    inbox = root / "mail" / user
    for sub in ("cur", "new", "tmp"):
        (inbox / sub).mkdir(parents=True)
    (root / "passwd").write_text(f"{user}:{{PLAIN}}{password}::::::\n", encoding="utf-8")
    port = free_port()
    imaps_port = free_port() if tls else None
    ssl_lines = "ssl = no\n"
    if tls:
        cert = root / "server.pem"
        key = root / "server.key"
        shutil.copy(tls.cert_file, cert)
        shutil.copy(tls.key_file, key)
        ssl_lines = f"ssl = yes\nssl_cert = <{cert}\nssl_key = <{key}\nssl_min_protocol = TLSv1.2\n"
    imaps_port_line = imaps_port if imaps_port else 0
    config = f"""
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
{ssl_lines}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = {run_user}
default_internal_group = {run_group}
default_login_user = {run_user}
first_valid_uid = 0
mail_location = maildir:{root}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port_line}
  }}
}}
service anvil {{
  chroot =
  # No growing delay for logins after a failed one (tests try wrong passwords on purpose).
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service auth {{
  user = {run_user}
}}
service auth-worker {{
  user = {run_user}
}}
"""
    conf = root / "dovecot.conf"
    conf.write_text(config, encoding="utf-8")
    for path in [root, *root.rglob("*")]:
        os.chown(path, uid, gid)
    command = [DOVECOT, "-F", "-c", str(conf)]
    if os.geteuid() == 0:
        command = ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--clear-groups", *command]
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    server = DovecotServer(
        "127.0.0.1", port, user, password, root, inbox, root / "dovecot.log",
        imaps_port=imaps_port, _process=process, _owner=(uid, gid),
    )  # fmt: skip
    _wait_ready(server, process)
    return server


def _wait_ready(server: DovecotServer, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = process.stderr.read().decode(errors="replace") if process.stderr else ""
            log = server.log()
            server._process = None
            server.stop()
            raise RuntimeError(f"dovecot exited with {process.returncode}: {err} {log}")
        with (
            contextlib.suppress(OSError),
            socket.create_connection((server.host, server.port), timeout=1) as sock,
        ):
            if sock.recv(100).startswith(b"* OK"):
                return
        time.sleep(0.05)
    server.stop()
    raise RuntimeError(f"dovecot didn't start within 15 s: {server.log()}")


@pytest.fixture
def dovecot() -> Iterator[DovecotServer]:
    """A running dovecot (plain IMAP on loopback) with user alice/secret and an empty INBOX."""
    if DOVECOT is None:
        pytest.skip(SKIP_REASON)
    server = start_dovecot()
    try:
        yield server
    finally:
        server.stop()
