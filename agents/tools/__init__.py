"""The tool agent: typed tools for mail and calendar, the approval gate, the audit log."""
