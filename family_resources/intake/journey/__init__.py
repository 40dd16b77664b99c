"""The online referral journey: GOV.UK question pages for parents, carers and professionals.

Answers are kept in the visitor's session page by page, can be saved as a ReferralDraft
to finish later, and end in intake.services.referral_submit like every other channel.
"""
