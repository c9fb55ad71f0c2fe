"""Streaming readers for bulk imports: CSV, JSON Lines and RSS/Atom, never reading a file whole."""
