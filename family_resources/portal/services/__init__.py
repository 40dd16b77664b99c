"""Writes for the family portal: signing in, and what a family asks of its team."""
