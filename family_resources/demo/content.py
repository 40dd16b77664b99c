"""Text for the demonstration dataset: organisations, articles and referral reasons. Fictional throughout."""

from typing import TypeAlias

# service, description, neighbourhood slug, min age, max age, free, service area slugs, ceased services it replaces
ServiceRow: TypeAlias = tuple[str, str, str, int | None, int | None, bool, list[str], list[str]]
ArticleRow: TypeAlias = tuple[str, str, str, list[str], list[str]]

# (organisation, description, safeguarding evidence: days until expiry or None for unverified,
#  [(service, description, neighbourhood slug, min age, max age, free, service area slugs, replaces)])
ORGANISATIONS: list[tuple[str, str, int | None, list[ServiceRow]]] = [
    (
        "Luton Baby Bank",
        "A volunteer-run charity that gives clothes, cots and equipment to families who need them.",
        240,
        [
            (
                "Baby equipment bank",
                "Free clothes, cots, prams and equipment, by referral or appointment.",
                "central",
                0,
                5,
                True,
                ["early-years"],
                [],
            ),
        ],
    ),
    (
        "Bury Park Mothers' Circle",
        "A community group for mothers and babies, meeting in community rooms with volunteers who speak Urdu and Bengali.",
        180,
        [
            (
                "Baby massage and baby talk group",
                "Weekly group for parents and babies under one, led by trained volunteers.",
                "west",
                0,
                1,
                True,
                ["early-years"],
                ["baby-massage", "baby-talk"],
            ),
            (
                "Breastfeeding peer support",
                "Peer supporters for feeding your new baby, in English, Urdu and Bengali.",
                "west",
                0,
                1,
                True,
                ["early-years"],
                ["breast-feeding-cafe", "feeding-your-new-born"],
            ),
        ],
    ),
    (
        "Stopsley Community Church Toddlers",
        "A church-run toddler group open to every family.",
        20,
        [
            (
                "Stay and play",
                "Play sessions for under-fives with their parents and carers; a small donation is asked for.",
                "east",
                0,
                5,
                False,
                ["early-years"],
                ["stay-and-play", "messy-play"],
            ),
        ],
    ),
    (
        "Marsh Farm Futures",
        "Community organisation running activities for children and young people in north Luton.",
        300,
        [
            (
                "Youth club",
                "Evening youth club for ages 11 to 18.",
                "north",
                11,
                18,
                True,
                ["teenage", "school-aged"],
                [],
            ),
            (
                "Sing and sign",
                "Signing and singing sessions for babies and toddlers.",
                "north",
                0,
                3,
                True,
                ["early-years"],
                ["sing-and-sign"],
            ),
        ],
    ),
    (
        "Luton SEND Parent Carer Forum",
        "Parents of children with special educational needs and disabilities supporting each other.",
        120,
        [
            (
                "SEND parents' coffee mornings",
                "Monthly meetings and advice for parents and carers of children with SEND.",
                "south",
                0,
                25,
                True,
                ["send"],
                ["take-5-cafe"],
            ),
        ],
    ),
    (
        "Healthy Start Kitchen",
        "Cookery and healthy-eating courses for families.",
        -15,
        [
            (
                "Cook and eat together",
                "Six-week healthy eating course for parents and children.",
                "south",
                2,
                11,
                True,
                ["early-years", "school-aged"],
                ["henry-courses"],
            ),
        ],
    ),
    (
        "Dads Matter Luton",
        "Support and activities for fathers and male carers.",
        None,
        [
            (
                "Dads and kids Saturday club",
                "Activities for fathers and their children every other Saturday.",
                "central",
                0,
                11,
                True,
                ["early-years", "school-aged"],
                [],
            ),
        ],
    ),
    (
        "Bumps Together",
        "Antenatal classes and peer support for expectant parents.",
        90,
        [
            (
                "Antenatal group",
                "Five-week antenatal course for expectant parents.",
                "central",
                None,
                None,
                False,
                ["early-years"],
                ["pregnancy-club", "bump-to-babe-antenatal-education"],
            ),
        ],
    ),
]

# (slug, title, summary, service area slugs, paragraphs)
ARTICLES: list[ArticleRow] = [
    (
        "bedtime-routines",
        "Bedtime routines for young children",
        "Simple steps to help babies and toddlers settle and sleep through the night.",
        ["early-years"],
        [
            "A regular bedtime routine helps children know that it is time to sleep. Try to do the same things in the same order every night: a bath, a story, a cuddle and lights out.",
            "Keep the hour before bed calm. Turn off screens, dim the lights and keep play gentle.",
            "If your child wakes in the night, keep things quiet and dull: settle them, then leave. It can take a couple of weeks for a new routine to work.",
            "Talk to your health visitor if your child's sleep is worrying you or your family is struggling because of it.",
        ],
    ),
    (
        "toddler-tantrums",
        "Coping with toddler tantrums",
        "Why tantrums happen and what you can do to keep calm and help your child.",
        ["early-years"],
        [
            "Tantrums are a normal part of growing up. Young children feel strong emotions but do not yet have the words to explain them.",
            "Stay calm and keep your child safe. Give them time to calm down, then comfort them and talk about what happened.",
            "Notice what sets tantrums off, such as tiredness or hunger, and plan around it where you can.",
            "Praise your child when they manage their feelings well. Children learn from what you notice.",
        ],
    ),
    (
        "starting-school",
        "Getting ready to start school",
        "Things you can do at home in the year before your child starts reception.",
        ["early-years", "school-aged"],
        [
            "Help your child practise things they will do at school: putting on their coat and shoes, going to the toilet on their own and washing their hands.",
            "Read together every day and talk about the pictures and what might happen next.",
            "Visit the school together if you can and talk positively about it.",
            "If your child has special educational needs, talk to the school's special educational needs co-ordinator (SENCO) early.",
        ],
    ),
    (
        "teenagers-online",
        "Keeping teenagers safe online",
        "How to talk to your teenager about social media, gaming and people they meet online.",
        ["teenage", "school-aged"],
        [
            "Talk to your teenager about what they do online and show an interest, without judging.",
            "Agree together which apps they use and what they share. Check privacy settings with them.",
            "Make sure they know they can come to you if something online worries them, and that they will not be in trouble for telling you.",
            "If you think a young person is being exploited or groomed, call the police on 999 if they are in danger now.",
        ],
    ),
    (
        "looking-after-yourself",
        "Looking after your own wellbeing as a parent",
        "Small, practical ways to look after your mental health while caring for your family.",
        ["early-years", "school-aged", "teenage"],
        [
            "Caring for children is hard work. Looking after yourself helps you look after them.",
            "Try to get outside every day, keep in touch with people you trust and ask for help when you need it.",
            "If you feel low for more than two weeks, or have thoughts of harming yourself, speak to your GP. In an emergency call 999 or go to A&E.",
            "You can refer yourself to NHS talking therapies without seeing your GP first.",
        ],
    ),
    (
        "money-and-cost-of-living",
        "Help with money and the cost of living",
        "Where families can find help with benefits, food, energy bills and debt.",
        ["early-years", "school-aged", "teenage", "send"],
        [
            "Check you are getting all the benefits you are entitled to. An independent benefits calculator can help.",
            "Families on some benefits can get Healthy Start vouchers for milk, fruit and vegetables and free school meals.",
            "If you are struggling with debt, get free, confidential advice before you borrow more.",
            "Food banks and community pantries in Luton can help in an emergency.",
        ],
    ),
]
DRAFT_ARTICLE: ArticleRow = (
    "sibling-rivalry",
    "When brothers and sisters fight",
    "Ideas for reducing arguments between siblings.",
    ["school-aged"],
    ["Arguments between brothers and sisters are common. This article is still being checked by staff."],
)

# Reasons for referral by the level an officer is likely to decide, in referrers' words.
REASONS: dict[int, list[str]] = {
    1: [
        "Mum would like ideas for getting her baby into a routine.",
        "Dad asked where local toddler groups are now the children's centre has closed.",
    ],
    2: [
        "Parent is struggling with their 4-year-old's behaviour at home and would like some parenting advice.",
        "Family recently moved to Luton and feel isolated; mum would like to meet other parents.",
        "Child's attendance at nursery has dropped; parent says mornings are difficult.",
    ],
    3: [
        "Parents separated recently with ongoing conflict in front of the children; school reports the eldest is withdrawn.",
        "Mum is caring for a child with autism and a baby; she is exhausted and the older child's needs are not being met.",
        "Teenager is missing school and staying out late; parent does not know how to set boundaries.",
        "Young carer supporting a parent with mental ill health; school is concerned about the child's wellbeing.",
        "Family has no recourse to public funds and is struggling to provide food; children are losing weight.",
    ],
    4: [
        "Children are subject to a child protection plan; social worker requests a parenting assessment.",
        "Supervised contact requested by the social worker for a child in foster care.",
    ],
}
IMMEDIATE_RISK_REASON = "Child disclosed at school that a parent hit them this morning and has a visible injury."

# Casework: what an early-help assessment and plan say, in a practitioner's and a family's words.
FAMILY_VIEW = (
    "Mum says bedtimes are a battle every night and she is exhausted. She wants the children to sleep "
    "and to feel she is doing a good job. She would like to meet other parents."
)
CHILD_VIEW = "The older child says home is noisy at night and they are tired at school."
ASSESSMENT_SUMMARY = (
    "A loving family under strain: no bedtime routine, a tired parent with low mood and few people "
    "to turn to. Routines and the parent's confidence and support network are the priorities."
)
STRENGTHS = "Warm relationships; the parent asked for help herself and is keen to try new things."
EARLY_YEARS_NEED = "No settled bedtime routine; the youngest child's speech is behind for their age."
HEALTH_NEED = "The parent describes low mood and isolation since the birth of her youngest."
OUTCOME_ROUTINES = "Bedtimes are calm and the children sleep through most nights"
OUTCOME_CONFIDENCE = "Mum feels less alone and more confident as a parent"
