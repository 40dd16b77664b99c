"""Equality monitoring categories shared by the consultation's questions and the family record.

Ethnic groups as the ONS asked them in the 2021 census (England), so that what respondents say and what the
service records about the families it supports can be compared (consultation.representation).
"""

ETHNICITIES = [
    ("asian-bangladeshi", "Asian or Asian British: Bangladeshi"),
    ("asian-chinese", "Asian or Asian British: Chinese"),
    ("asian-indian", "Asian or Asian British: Indian"),
    ("asian-pakistani", "Asian or Asian British: Pakistani"),
    ("asian-other", "Any other Asian background"),
    ("black-african", "Black, Black British, Caribbean or African: African"),
    ("black-caribbean", "Black, Black British, Caribbean or African: Caribbean"),
    ("black-other", "Any other Black, Black British or Caribbean background"),
    ("mixed-white-asian", "Mixed or multiple ethnic groups: White and Asian"),
    ("mixed-white-black-african", "Mixed or multiple ethnic groups: White and Black African"),
    ("mixed-white-black-caribbean", "Mixed or multiple ethnic groups: White and Black Caribbean"),
    ("mixed-other", "Any other Mixed or multiple ethnic background"),
    ("white-british", "White: English, Welsh, Scottish, Northern Irish or British"),
    ("white-irish", "White: Irish"),
    ("white-gypsy-traveller", "White: Gypsy or Irish Traveller"),
    ("white-roma", "White: Roma"),
    ("white-other", "Any other White background"),
    ("other-arab", "Other ethnic group: Arab"),
    ("other-any", "Any other ethnic group"),
]
