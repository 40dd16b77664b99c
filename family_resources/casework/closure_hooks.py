"""What other apps do when a family's support ends, without casework importing the apps that depend on it.

Scheduling cancels the appointments still to come and programmes ends turns on waiting lists. Each
registers a hook in its AppConfig.ready(): `describe` tells the practitioner on the closing page what
will happen, and `apply` does it inside the closing transaction, so a closure that rolls back undoes it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from family_resources.casework.models import Episode


@dataclass(frozen=True)
class ClosureHook:
    describe: Callable[["Episode"], str]  # a sentence for the closing page, or "" when nothing will happen
    apply: Callable[..., Any]  # called as apply(episode=, closed_by=)


_hooks: dict[str, ClosureHook] = {}


def register_closure_hook(name: str, hook: ClosureHook) -> None:
    _hooks[name] = hook  # keyed, so a second ready() call does not run a hook twice


def closure_effects(episode: "Episode") -> list[str]:
    return [sentence for hook in _hooks.values() if (sentence := hook.describe(episode))]


def closure_hooks_apply(*, episode: "Episode", closed_by: Any) -> None:
    for hook in _hooks.values():
        hook.apply(episode=episode, closed_by=closed_by)
