"""Placeholder package: filled by later stages (see the README roadmap)."""
