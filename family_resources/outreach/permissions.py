"""Consultation officers run the events and send the notices, as they run the consultations themselves.

Registrations hold members of the public's contact details and access needs, and the reach log names
families, so reading them needs the consultation officer's permission and each read is audited by the views."""

import rules

from family_resources.accounts.permissions import is_consultation_officer

rules.add_perm("outreach.run_events", is_consultation_officer)
rules.add_perm("outreach.view_registrations", is_consultation_officer)
rules.add_perm("outreach.send_notices", is_consultation_officer)
