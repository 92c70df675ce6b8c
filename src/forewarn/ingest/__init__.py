"""Ingest: sources (files, URLs, feeds) -> extraction -> Document -> dedup.

The only network I/O of forewarn lives in this package.
"""
