"""Errors a user can fix: the command line prints the message as one line and exits 1."""

from someplan.store.problems import WorkspaceError


class UserError(WorkspaceError):
    pass
