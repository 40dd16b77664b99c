"""Writes to programmes, places, registers and supervised contact. Each concept has its own module."""
