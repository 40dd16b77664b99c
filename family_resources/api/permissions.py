"""Who may use the partner API.

A partner system gets a dedicated staff account in the front-door officer role (the role that
receives referrals), and administrators may submit to test the connection. Other roles get 403.
"""

import rules

from family_resources.accounts.permissions import is_administrator, is_front_door_officer

rules.add_perm("api.submit_referral", is_front_door_officer | is_administrator)
# Threshold decisions through the API are the front door's own (e.g. from its telephony or case tools).
rules.add_perm("api.decide_referral", is_front_door_officer)
# Tokens are listed and revoked in the admin by administrators; they are never added there,
# because the raw token can be shown only once, by `manage.py create_api_token`.
rules.add_perm("api", is_administrator)
rules.add_perm("api.view_apitoken", is_administrator)
rules.add_perm("api.change_apitoken", is_administrator)
