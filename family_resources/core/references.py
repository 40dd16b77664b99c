"""Human-friendly references for records people read out on the phone."""

import secrets

# No 0/O, 1/I/L or 5/S: references are read aloud and typed from letters.
ALPHABET = "23456789ABCDEFGHJKMNPQRTUVWXYZ"


def new_reference(prefix: str, length: int = 6) -> str:
    return f"{prefix}-" + "".join(secrets.choice(ALPHABET) for _ in range(length))
