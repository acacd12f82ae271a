"""Persistence: SQLModel tables, the async engine, and the per-client records dialogs use."""
