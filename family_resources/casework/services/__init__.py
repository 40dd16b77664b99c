"""Writes to casework records. Each concept has its own module; episodes' are re-exported for other apps."""

from family_resources.casework.services.episodes import episode_allocate, episode_close, episode_open

__all__ = ["episode_allocate", "episode_close", "episode_open"]
