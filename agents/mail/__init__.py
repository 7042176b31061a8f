"""Mail: read-only sources (IMAP, Maildir, mbox), defensive parsing, digest, drafts and SMTP."""
