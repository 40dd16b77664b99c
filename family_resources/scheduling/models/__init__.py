"""Scheduling records: one-to-one appointments and the slots they hold."""

from family_resources.scheduling.models.appointments import (
    CHOSEN_CANCEL_REASONS,
    SLOT,
    Appointment,
    AppointmentStatus,
    CancelReason,
    SlotHold,
    Where,
)

__all__ = [
    "CHOSEN_CANCEL_REASONS",
    "SLOT",
    "Appointment",
    "AppointmentStatus",
    "CancelReason",
    "SlotHold",
    "Where",
]
