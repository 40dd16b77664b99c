"""Casework pages, one module per concept."""
