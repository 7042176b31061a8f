"""Writing mail: an OutgoingMail becomes a checked EmailMessage.

Every header field is refused if it carries a line break (which would let text, say from a
model that read a hostile e-mail, add Bcc: or other headers); every address must parse as
exactly one address; sizes are capped.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from email import policy
from email.errors import HeaderDefect, HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage

from agents.mail.errors import MailError, MailKind
from agents.wording import Words, plain, say

MAX_SUBJECT_CHARS = 900
MAX_BODY_BYTES = 5 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024  # all attachments together
MAX_ATTACHMENTS = 20
MAX_RECIPIENTS = 100

# CR, LF and the other characters some software treats as line ends, plus NUL.
_BREAKS = re.compile(r"[\r\n\x00\x0b\x0c\x85\u2028\u2029]")
_TOKEN = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")


@dataclass(frozen=True)
class OutgoingAttachment:
    """A file to attach.

    Attributes:
        filename: The name the recipient sees.
        content_type: MIME type, with parameters if needed (``text/calendar; method=REQUEST``).
        data: The file's bytes.
    """

    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class OutgoingMail:
    """A message to save as a draft or send.

    Attributes:
        sender: The From address (``Name <addr>`` or ``addr``).
        to: Recipients, one address each.
        cc: Copy recipients, one address each.
        subject: One line.
        body: Plain text.
        attachments: Files to attach.
        in_reply_to: The Message-ID this answers, if any (sets In-Reply-To/References).
    """

    sender: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    subject: str
    body: str
    attachments: tuple[OutgoingAttachment, ...] = ()
    in_reply_to: str = ""


def check_header_value(value: str, field_name: Words) -> str:
    """Returns ``value`` if it is one line; raises MailError (HEADER_INJECTION) otherwise."""
    if _BREAKS.search(value):
        raise MailError(
            MailKind.HEADER_INJECTION,
            say(
                "The {field} contains a line break, which a mail header can't hold "
                "(it could be used to add hidden recipients or headers). Remove the line "
                "break and try again.",
                field=field_name,
            ),
        )
    return value


def parse_address(value: str, field_name: Words) -> Address:
    """Parses exactly one e-mail address; raises MailError (ADDRESS) with the reason."""
    check_header_value(value, field_name)
    text = value.strip()
    if not text:
        raise MailError(
            MailKind.ADDRESS,
            say("The {field} is empty: give an e-mail address.", field=field_name),
        )
    pairs = email.utils.getaddresses([text])
    if len(pairs) != 1:
        raise MailError(
            MailKind.ADDRESS,
            say(
                "The {field} '{text}' holds more than one address: give one per entry.",
                field=field_name,
                text=text,
            ),
        )
    display, addr = pairs[0]
    local, at, domain = addr.rpartition("@")
    if not at or not local or not domain or ("." not in domain and domain != "localhost"):
        raise MailError(
            MailKind.ADDRESS,
            say(
                "The {field} '{text}' isn't a valid e-mail address (expected name@domain).",
                field=field_name,
                text=text,
            ),
        )
    if any(ch.isspace() for ch in addr) or "<" in addr or ">" in addr:
        raise MailError(
            MailKind.ADDRESS,
            say(
                "The {field} '{text}' isn't a valid e-mail address.",
                field=field_name,
                text=text,
            ),
        )
    try:
        address = Address(display_name=display, addr_spec=addr)
        # Round-trip through the header parser: it rejects what it can't represent.
        str(address)
    except (HeaderParseError, ValueError, IndexError, TypeError) as exc:
        raise MailError(
            MailKind.ADDRESS,
            say(
                "The {field} '{text}' isn't a valid e-mail address ({problem}).",
                field=field_name,
                text=text,
                problem=exc,
            ),
        ) from exc
    return address


def build_message(mail: OutgoingMail) -> EmailMessage:
    """Builds the message to send or save, after checking every field.

    Raises:
        MailError: HEADER_INJECTION when a header field has a line break; ADDRESS when
            an address doesn't parse, or there is no recipient; GENERAL when something is
            too large.
    """
    sender = parse_address(mail.sender, say("sender address"))
    recipients = [parse_address(a, say("recipient address")) for a in mail.to]
    copies = [parse_address(a, say("copy (Cc) address")) for a in mail.cc]
    if not recipients and not copies:
        raise MailError(
            MailKind.ADDRESS, say("The message has no recipient: add at least one address.")
        )
    if len(recipients) + len(copies) > MAX_RECIPIENTS:
        raise MailError(
            MailKind.GENERAL,
            say(
                "More than {limit} recipients: split the message.",
                limit=MAX_RECIPIENTS,
            ),
        )
    subject = check_header_value(mail.subject, say("subject")).strip()
    if len(subject) > MAX_SUBJECT_CHARS:
        raise MailError(
            MailKind.GENERAL,
            say(
                "The subject is longer than {limit} characters: shorten it.",
                limit=MAX_SUBJECT_CHARS,
            ),
        )
    if len(mail.body.encode("utf-8", "surrogatepass")) > MAX_BODY_BYTES:
        raise MailError(
            MailKind.GENERAL,
            say("The message text is larger than 5 MB: attach it as a file instead."),
        )
    in_reply_to = check_header_value(mail.in_reply_to, plain("In-Reply-To")).strip()
    if in_reply_to and not re.fullmatch(r"<[^<>\s]+>", in_reply_to):
        raise MailError(
            MailKind.GENERAL,
            say("'{value}' isn't a Message-ID (expected <id@host>).", value=in_reply_to),
        )

    msg = EmailMessage(policy=policy.default)
    msg["From"] = sender
    if recipients:
        msg["To"] = recipients
    if copies:
        msg["Cc"] = copies
    msg["Subject"] = subject
    msg["Date"] = email.utils.formatdate(localtime=True)
    msg["Message-ID"] = email.utils.make_msgid(domain=sender.domain or "localhost")
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    msg.set_content(mail.body.replace("\r\n", "\n"), cte=None)
    _attach_all(msg, mail.attachments)
    _check_no_defects(msg)
    return msg


def _attach_all(msg: EmailMessage, attachments: tuple[OutgoingAttachment, ...]) -> None:
    if len(attachments) > MAX_ATTACHMENTS:
        raise MailError(
            MailKind.GENERAL,
            say(
                "More than {limit} attachments: send fewer at once.",
                limit=MAX_ATTACHMENTS,
            ),
        )
    total = sum(len(a.data) for a in attachments)
    if total > MAX_ATTACHMENT_BYTES:
        raise MailError(
            MailKind.GENERAL,
            say(
                "The attachments add up to {total} MB; the limit is 20 MB.",
                total=total // (1024 * 1024),
            ),
        )
    for attachment in attachments:
        filename = check_header_value(attachment.filename, say("attachment name")).strip()
        content_type = check_header_value(attachment.content_type, say("attachment type"))
        if not filename or "/" in filename or "\\" in filename:
            raise MailError(
                MailKind.GENERAL,
                say("'{name}' isn't a usable attachment name.", name=attachment.filename),
            )
        maintype, subtype, params = _split_content_type(content_type)
        if maintype == "text":
            text = attachment.data.decode(params.pop("charset", "utf-8"), errors="replace")
            msg.add_attachment(text, subtype=subtype, filename=filename, params=params)
        else:
            msg.add_attachment(
                attachment.data, maintype=maintype, subtype=subtype, filename=filename,
                params=params,
            )  # fmt: skip


def _split_content_type(value: str) -> tuple[str, str, dict[str, str]]:
    main, _, rest = value.partition(";")
    maintype, _, subtype = main.strip().lower().partition("/")
    if not _TOKEN.match(maintype or "") or not _TOKEN.match(subtype or ""):
        raise MailError(
            MailKind.GENERAL,
            say("'{value}' isn't a MIME type (expected type/subtype).", value=value),
        )
    params: dict[str, str] = {}
    for item in rest.split(";"):
        key, eq, val = item.partition("=")
        if eq and _TOKEN.match(key.strip()):
            params[key.strip().lower()] = val.strip().strip('"')
    return maintype, subtype, params


def _check_no_defects(msg: EmailMessage) -> None:
    for name in ("From", "To", "Cc"):
        header = msg.get(name)
        defects = getattr(header, "defects", ()) if header is not None else ()
        for defect in defects:
            if isinstance(defect, HeaderDefect):
                raise MailError(
                    MailKind.ADDRESS,
                    say("The {name} header is malformed ({defect}).", name=name, defect=defect),
                )
