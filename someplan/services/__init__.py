"""Use cases shared by the command line and the TUI: open a workspace, plan posts, report.

No Textual here, and no printing: callers decide how things look.
"""
