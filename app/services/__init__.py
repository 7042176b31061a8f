"""Qt services: QObjects that run work off the GUI thread and report by signals."""
