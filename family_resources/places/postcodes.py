"""UK postcode handling: normalising what people type, and finding the sector."""

import re

# The format of a UK postcode (outward code, then inward code of a digit and two letters).
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][ABD-HJLNP-UW-Z]{2})$")


def normalise_postcode(text: str) -> str | None:
    """'lu48bw ' -> 'LU4 8BW'; None if it is not in the format of a UK postcode."""
    compact = re.sub(r"\s+", "", text or "").upper()
    match = _POSTCODE.match(compact)
    if not match:
        return None
    return f"{match.group(1)} {match.group(2)}"


def sector_of(postcode: str) -> str:
    """'LU4 8BW' -> 'LU4 8'."""
    outward, inward = postcode.split(" ")
    return f"{outward} {inward[0]}"
