"""someplan: a weekly content planner for people who run a few social-media channels."""

__version__ = "0.1.0"
