"""The Textual planner. Only `someplan` (no subcommand) and `someplan demo` import this package."""
