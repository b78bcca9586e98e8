"""The workspace on disk: op logs, HLC, merge, TinyDB storage, atomic writes, change feed.

No Textual here. Start with `Workspace.open(path)` and read its merged records with
`workspace.view(table)` (services.catalog.Catalog turns them into domain objects); for TinyDB's
query API over the same records use `tinystore.open_db(workspace)` (services.post_queries does,
for `someplan list`'s date filters).
"""
