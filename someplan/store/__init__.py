"""The workspace on disk: op logs, HLC, merge, TinyDB storage, atomic writes, change feed.

No Textual here. Start with `Workspace.open(path)`; query with `open_db(workspace)`.
"""
