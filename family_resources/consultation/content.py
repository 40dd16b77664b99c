"""The first consultation's words, copied from the council's consultation document and FAQ (children's
centres redesign, 2020). Kept in the code so the data migration does not depend on files outside the repository."""

# ruff: noqa: RUF001 (the en dash is the source document's)

from family_resources.core.equality import ETHNICITIES

DOCUMENT_PAGES: list[tuple[str, str]] = [
    (
        "Introduction",
        "In Luton we have set ourselves the ambitious target of ensuring that no-one lives in poverty by 2040. "
        "This vision is at the heart of everything we do as poverty is at the root of some of the biggest "
        "challenges the town faces. We are taking steps towards this through transforming the town centre, helping "
        "to create jobs and raising aspirations in the community. Luton's Children Families and Education "
        "Department is committed to working towards Luton 2040. We believe that all children deserve to reach "
        "their full potential and have a good quality of life.\n"
        "\n"
        "As a council we embrace our values:\n"
        "\n"
        "Collaborative, Ambitious, Respectful, Empowering and Supportive.\n"
        "\n"
        "Our values are at the centre of how we support children, young people and families in Luton. We believe "
        "that by listening, understanding, designing services together and working without judgement, we will "
        "ensure the best possible outcomes for those that need our support.\n"
        "\n"
        "Luton Council have to make £22 million worth of savings across the council to ensure a balanced budget "
        "for 2020-2021. Children's services have to make £3.2 million of savings to support the emergency budget. "
        "To ensure that we minimise the impact on statutory services, we are proposing to bring together four of "
        "our non-statutory children's services, Flying Start Children's Centres, Early Help, Fresh Start and Manor "
        "Contact Centre into one integrated family resource service. We will refocus the work these services do to "
        "work with the families who need our support the most.\n"
        "\n"
        "For more information click on the emergency budget link or Flying Start website",
    ),
    (
        "What is a children's centre?",
        "Flying Start Children's Centres currently support families from pregnancy until a child reaches five "
        "years of age. They work with local midwives, GP's, health visitors, nurseries and community groups to "
        "make sure families get the support they need.",
    ),
    (
        "Luton's Flying Start Service",
        "The Flying Start vision is to make a positive change to the lives and life chances of our youngest "
        "children from pregnancy to five years of age in Luton for future generations. This is done by all "
        "services working together to deliver outcomes for children and families, with parent and community-led "
        "decision making at the heart of the process. Working closely with our key partners and with our Flying "
        "Start Children's Centres, we deliver a range of services and activities based on research. Highly trained "
        "Flying Start Children's Centre Family Workers work alongside professionals to provide increased focus on "
        "preventing needs where possible and when not early intervention to reduce those needs from escalating.",
    ),
    (
        "Early Help",
        "Early Help for children and families provide support early on, before or as soon as a problem emerges, at "
        "any point in the child's life from the antenatal period and birth through to the teenage years. Early "
        "help is about agencies acting together to prevent escalation of need by intervening at the right time and "
        "the right level of service. It aims to prevent or reduce the need for specialist interventions such as "
        "child protection and intensive physical and mental health services.",
    ),
    (
        "Fresh Start",
        "Fresh Start works with women who have experienced, or are at risk of, repeat removals of children from "
        "their care. It aims to break this cycle and give woman the opportunity to develop new skills and "
        "responses that can help them create a more positive future.",
    ),
    (
        "Manor Contact Centre",
        "Manor Contact Centre has trained staff to provide support, advice and guidance to parents who are open to "
        "social care support to help them build on their parenting skills in a supervised environment.",
    ),
    (
        "Why are we consulting?",
        "To ensure financial sustainability we have made significant savings over the last four years. This "
        "already challenging situation has been made worse by the COVID-19 crisis which has had an impact on the "
        "funding available for services across the council. As with all local authorities we have a legal "
        "obligation to operate with a balanced budget. We have some very difficult decisions to make. We need to "
        "ensure that the money we spend and the resources available are used in the most effective way to meet the "
        "needs of the most vulnerable within our communities.\n"
        "\n"
        "Our proposal would alter how our children's centres operate and see a change in how services are "
        'delivered and from where. These changes are set out in "our proposal" and "what is the impact?" sections '
        "below. We are particularly keen to hear from those who use our Flying Start Children's Centres and to "
        "understand any potential impact of the proposed changes.\n"
        "\n"
        "We aim to use this as an opportunity to look again at the needs of our communities and to develop a "
        "service that meets those needs and to ensure that we have the specialist knowledge and skills required to "
        "deliver an outstanding service.",
    ),
    (
        "Our proposal",
        "The proposal is to develop a model of support that encourages families to access and build upon existing "
        "family, friends and community networks. That aims to empower people to develop their own solutions and "
        "goals wherever possible. The proposed service would be for families with children who are aged 0-19 or "
        "0-25 for children with Special Educational Needs and or Disabilities (SEND) and facing the most complex "
        "and significant challenges, and would benefit most from support.\n"
        "\n"
        "A referral and assessment process would be used to determine who would be able to access the service and "
        "to draw up a tailored package of support for them - or signpost them to community or voluntary sector "
        "based services.\n"
        "\n"
        "We will provide an integrated support service for families with\n"
        "\n"
        "- Early years children\n"
        "- Children with special educational needs and disabilities\n"
        "- Children who need supervised contact\n"
        "- School-aged children\n"
        "- Teenage children\n"
        "\n"
        "To achieve this, our aim is to develop a neighbourhood based multi-disciplinary Family Resources Service "
        "delivering a range of different types of support based on need. The proposal is for our practitioners to "
        "develop close working relationships with nurseries, schools and other key services to deliver targeted "
        "and structured interventions to the most vulnerable children and families in the 5 neighbourhood areas. "
        "The support will be offered in two ways the first will be directly working with a family or family member "
        "on a one to one basis either at one of the hubs or within the family home and the second through group "
        "sessions that would be held at one of the hubs.\n"
        "\n"
        "We will provide support with the following needs:\n"
        "\n"
        "- evidence based parenting programmes (such as Strengthening Families, Strengthening Communities, and "
        "Incredible Years) and parenting assessments (parenting adolescents, parenting children with disabilities, "
        "reducing parental conflict)\n"
        "- domestic violence interventions and support for the whole family\n"
        "- school readiness support\n"
        "- substance misuse guidance, advice and support for all family members that require it, through one to "
        "one and group sessions\n"
        "- Life Story Work to support the children and young people going through fostering or adoption to gain an "
        "understanding of their personal journey, to help them integrate their past, enabling them to make sense "
        "of their present and develop a clear sense of identity for their future\n"
        "- personalised support to young carers and their families.\n"
        "- mental health and self-esteem support for all family members that require it, through one to one and "
        "group sessions\n"
        "- personalised support to prevent teenage homelessness\n"
        "\n"
        "- support for families with no recourse to public funds. Advice, guidance and limited support for people "
        "from abroad who are not eligible to receive benefits and are destitute but are 'ordinarily a resident' in "
        "Luton\n"
        "- supervised contact providing advice and guidance to parents to help them build on their parenting "
        "skills in a safe environment\n"
        "- trauma informed practice and Motivational Interviewing will be our approach for providing support for "
        "all family members that require it through one to one and group sessions\n"
        "- contextual safeguarding is our approach to understanding, and responding to, young people's experiences "
        "of significant harm beyond their families\n"
        "- London Road will continue to provide short breaks for young people with complex health needs\n"
        "- Fresh Start support will be provided through one to one and group sessions\n"
        "- SEND support for children and young people and their families\n"
        "\n"
        "We are proposing to have two main family resource hubs, these were chosen based on needs, building "
        "suitability and accessible locations, these are:\n"
        "\n"
        "1. Manor Contact Centre, Chase Street, Luton LU1 3QZ\n"
        "2. In the Leagrave Area, with site to be agreed\n"
        "\n"
        "With two outreach bases at:\n"
        "\n"
        "1. London Road Resource Centre, 111 London Road, Luton, LU1 3RH\n"
        "2. Beech Hill Children's Centre, Dunstable Road, Luton LU4 8BW\n"
        "\n"
        "Each hub will deliver services across two premises.",
    ),
    (
        "What is the impact?",
        "Our proposal should ensure that people receiving support would receive a service that is more tailored to "
        "their needs. We would gradually reduce all universal activities such as Stay and Play and other services "
        "see below* available starting in February 2021 and cease all delivery from 30 April 2021. Working with "
        "our partners, such as the NHS, community health services, schools, nurseries and within the community and "
        "voluntary sector we will explore how we could join up our proposed new service with support they offer.\n"
        "\n"
        "We will no longer be providing any children's centre services from the children's centre premises in the "
        "following locations:\n"
        "\n"
        "- Flying Start Central Children's Centre: (Denbigh, Stopsley Baptist Church)\n"
        "- Flying Start North Children's Centre: (Limbury, Redgrave CYP, Gill Blowers Nursery Leabank)\n"
        "- Flying Start South Children's Centre: Park Town, Whipperley, The Mall)\n"
        "\n"
        "- Flying Start West Children's Centre: (Dallow, Pastures Way Nursery, Foxdell, Beechwood, Mossdale Court, "
        "Leagrave, Chaul End Community Centre)\n"
        "\n"
        "A map is available showing current Flying Start delivery sites\n"
        "\n"
        "However we will be exploring opportunities to ensure that buildings continue to be used to support "
        "children, young people and families.\n"
        "\n"
        "We want to hear your views on how our proposals would affect you accessing the support you need. We will "
        "then use your views to help us shape the new model.\n"
        "\n"
        "*Proposed universal services that will cease on 30 April 2021\n"
        "\n"
        "Pregnancy Club, Bump to Babe antenatal education, Feeding your New Born, Breast Feeding Café, Take 5 "
        "Café, Baby Massage, Baby Talk, Stay and Play, Messy Play, Sing and Sign, Parenting Puzzle courses, "
        "Nurturing Programme courses, Henry courses (healthy lifestyle, eating and nutrition), other health "
        "related services currently held within Flying Start Children Centre sites.",
    ),
]

FAQ_TITLE = "Children's Centres Public Consultation – Frequently asked questions."

FAQ: list[tuple[str, str]] = [
    (
        "Will parents be able to drop in to the new centres as they can with the existing centres?",
        "We had planned to allow drop ins at the Hubs sites, however to support the public health initiatives "
        "concerning the risk of Covid 19 we plan to have a dedicated telephone number and email address for all "
        "initial contacts and aim to do all meetings by appointment or within the family home. We will of course "
        "keep this under review.",
    ),
    (
        "How will you assess who is the 'most vulnerable'?",
        "We will use the Luton Safeguarding Children's Board (LSCB) threshold document with the vulnerable and "
        "most vulnerable being classed as meeting levels 3 or 4. You can find a copy of this document by going to "
        "this web site: www.lutonlscb.org.uk\n"
        "\n"
        "Our proposed new model will increase the support available to families living in Luton who are most in "
        "need of our support.",
    ),
    (
        "What will happen to those families that are not considered vulnerable?",
        "We will be developing an online resource for people to self-help and referring people to community-led "
        "groups. We will help community and voluntary sector groups to deliver some of the services the council is "
        "no longer able to provide.",
    ),
    (
        "The first days of a child's life are most key in development - yet you are planning to retract all of "
        "this support that parents to be and new parents get. Where else should they get this support if they "
        "cannot afford to pay for it privately?",
        "We are not proposing to retract all of this support. The proposal means that our more limited resources "
        "need to be focused on families with greater levels of need, so this will mean that most existing services "
        "delivered at lower levels of need, levels 1 and 2, as detailed in Luton's current threshold document will "
        "no longer be provided by Luton Council staff. We will make resources available online to support families "
        "with lower levels of need, and also exploring with community groups, charities and third sector "
        "organisations the possibility of alternative delivery models.",
    ),
    (
        "Isn't it important to support all families before they get to the point of becoming vulnerable?",
        "The universal services provided by our health colleagues are unaffected by these proposals. The council "
        "will continue to work with health and other partner organisations who provide universal services to "
        "ensure this support is provided.",
    ),
    (
        "The council will end up with more social care costs as families will become more vulnerable due to a lack "
        "of these services?",
        "The impact of reduction in service is something carefully considered. When we put proposals together we "
        "looked at what could happen long term and the possible impact on statutory services. However, we want "
        "your feedback to help us to assess the potential impact of our proposal.",
    ),
    (
        "Will health clinics and weighing sessions also be cut?",
        "Services delivered by Public Health and Cambridgeshire Community Services will continue to be delivered "
        "and are not directly affected by these proposals. These services may however not be delivered from the "
        "same venues in the future.",
    ),
    (
        "Have you considered the impact that this is going to have on the current 0 to 5 year olds in the future, "
        "particularly considering we live in a deprived area and many of us are unable to provide our children "
        "with socialisation, learning opportunities and the confidence that they gain from attending flying "
        "start's activities?",
        "Ideally we want to reach every child but our resources are limited. We will look at what services and "
        "resources are in the community and help to build these with council support. We plan to develop an online "
        "resource centre where families can access information for use in the home with guidance from our staff.",
    ),
    (
        "Universal services are already working at capacity and there is often extended waiting times for access "
        "to support once thresholds are reached. What risk assessments have been completed around the proposed "
        "closure of Luton's children's centres, to ensure no child or parent will suffer a detrimental impact of "
        "these proposed closures?",
        "We will finalise our impact assessments and conclusions will be made by looking at data and feedback from "
        "this consultation. Some services will be diminished, and we acknowledge that universal services are at "
        "capacity. We will be working with community groups to build and develop them to be able to offer some "
        "services previously provided in the children's centres.",
    ),
    (
        "How will members of the public access the proposed services?",
        "We plan to have a dedicated telephone number and email address for all initial contacts and aim to do all "
        "meetings by appointment or within the family home.",
    ),
    (
        "Please can you confirm which children's centres you are keeping open?",
        "We will not be maintaining any children's centres in their current format. We are proposing a model based "
        "around school clusters, with Central; North; South; East and West Luton neighbourhood teams. These teams "
        "will be based in two main hubs to deliver services, with one based in the Leagrave area and another at "
        "Manor Contact Centre Hub. We will also have with two satellite locations at London Road Resource Centre, "
        "and Beech Hill Children's Centre.",
    ),
    (
        "How will the council help to ensure good mental health of parents if these centres are closed?",
        "Children's centres are only one of a number of services provided in Luton and health services are not "
        "affected by these proposals.",
    ),
    (
        "How will you ensure that everyone gets the opportunity to participate in the consultation?",
        "We have now arranged five Zoom consultation sessions in the morning, afternoon and evening. Our Flying "
        "Start staff have notified children's centre users by email, letter and enclosing a copy of the "
        "consultation, telephone and sent a text message. The consultation document is available in the six most "
        "common languages spoken in Luton, in addition to English. An easy to read version of the consultation is "
        "available for anyone with learning difficulties. Hard copies of the document are available in each of the "
        "main children centres and in Luton Central Library. We have publicised the consultation and Zoom events "
        "online and through social media in English and in the six other common languages. We have also posted "
        "Facebook and Twitter adverts to raise awareness of the consultation targeting adults in Luton aged 18 "
        "years and over. In addition we have a translation support service available to support those who may need "
        "to respond in another language. Our staff have also offered to support anyone unable to complete the "
        "response themselves.",
    ),
    (
        "As the council received an inadequate OFSTED outcome for safeguarding, why aren't children's centres and "
        "the early intervention strategies they provide being treated as a priority?",
        "In January 2020 an Ofsted inspection rated Luton's Children's Services as 'Inadequate'. As a result a "
        "significant programme of improvement aiming to improve services and get Luton to 'Good' has been "
        "established. This included immediate investment in areas of the service which needed to be made safe. Due "
        "to the need to continue on a programme of improvement, all change and redesign activity must consider the "
        "impact on the improvement programme and outcomes for children, particularly in statutory service areas "
        "where poor practice was previously identified. These proposals should create services which build the "
        "right foundations to ensure children, young people and families who are most vulnerable are protected, "
        "resilient and empowered to do more for themselves.",
    ),
    (
        "Your consultation for Reimagining Luton town centre states that there is a lack of provision and services "
        "for children and families, so why are you not continuing to invest in the children's centres?",
        "To try to minimise the impact of the current financial position, Luton Children's Services are part of a "
        "whole council approach working towards Luton 2040. Our 2040 strategy envisions that people, communities "
        "and organisations of Luton work together to realise a town built on fairness, providing opportunities for "
        "all residents to reach their full potential and achieve a good quality of life; and aspires for Luton to "
        "be a sustainable, resilient and inspiring place, where communities work together to ensure no one lives "
        "in poverty. To achieve this strategic vision, it has been recognised that organisational changes are "
        "required, to enable the council to best deliver outcomes for residents within the resources available. "
        "Thus, the objective is to rapidly restructure the council so it is better placed to deliver good quality "
        "services with far less resources. If it does not do this, it will, quite simply, become unsustainable "
        "very quickly.",
    ),
    (
        "How will the local authority ensure the safety and practice of groups they are going to be signposting "
        "to/recommending?",
        "All the services that the Council supports directly through its commissioning and voluntary sector "
        "funding are asked to evidence that they meet current safeguarding expectations.",
    ),
    (
        "If this is a cost saving exercise as has been said, what is the reasoning behind the children's centres "
        "being the victims here and not anything else that the council needs to pay for? Surely the council will "
        "end up paying for this somewhere else further down the line? Why is the children's centres been "
        "particularly targeted? Has the council looked elsewhere where they can make cost savings?",
        "The legal requirements on the council is for it to have a balanced budget so a savings target of "
        "£22million is required for it to be legally compliant. To enable the council to balance the budget there "
        "will be significant changes to services, this unfortunately means that we are no longer filling "
        "non-essential vacancies. Also, as services are redesigned or end we would be making people redundant. "
        "Everything has been scrutinised by the council and it's Executive and the sooner we can respond the more "
        "effective we will be. The council has given very careful consideration and we have to look at what we are "
        "legally responsible to do and what we can do to support the community to build expertise and support them "
        "in providing these services. Our proposal is to still support those who are of greatest needs.\n"
        "\n"
        "This is not something we want to do, but the financial impact of Covid 19 means that the council does not "
        "have enough money to operate as it does currently.",
    ),
    (
        "How much will this proposal save the council?",
        "Children's Services have been asked to reduce their budget this year by £3.2million. This proposal if "
        "agreed will achieve nearly £1.5m of this overall budget reduction.",
    ),
    (
        "Is there any plan to restart the services once the airport starts making money as surely long term the "
        "money will become available again?",
        "It is estimated at the moment that it will be at least two to three years before the airport recovers. "
        "The financial position is unclear but any income is used by the council for the benefit of people living "
        "in Luton.",
    ),
]

CONSULTATION_SLUG = "childrens-centres-redesign"
CONSULTATION_TITLE = "Children's centres redesign consultation"
CONSULTATION_SUMMARY = (
    "We are proposing to bring together four of our non-statutory children's services, Flying Start "
    "Children's Centres, Early Help, Fresh Start and Manor Contact Centre, into one integrated family "
    "resource service, and to refocus that work on the families who need our support the most. We want to "
    "hear your views on how our proposals would affect you accessing the support you need."
)

PREFER_NOT_TO_SAY = ("prefer-not-to-say", "Prefer not to say")
AGREE_SCALE = [
    ("strongly-agree", "Strongly agree"),
    ("agree", "Agree"),
    ("neither", "Neither agree nor disagree"),
    ("disagree", "Disagree"),
    ("strongly-disagree", "Strongly disagree"),
    ("dont-know", "Don't know"),
]

# The services the document says will cease on 30 April 2021, and the services being brought together.
SERVICES = [
    ("pregnancy-club", "Pregnancy Club"),
    ("bump-to-babe", "Bump to Babe antenatal education"),
    ("feeding-your-new-born", "Feeding your New Born"),
    ("breast-feeding-cafe", "Breast Feeding Café"),
    ("take-5-cafe", "Take 5 Café"),
    ("baby-massage", "Baby Massage"),
    ("baby-talk", "Baby Talk"),
    ("stay-and-play", "Stay and Play"),
    ("messy-play", "Messy Play"),
    ("sing-and-sign", "Sing and Sign"),
    ("parenting-puzzle", "Parenting Puzzle courses"),
    ("nurturing-programme", "Nurturing Programme courses"),
    ("henry", "Henry courses (healthy lifestyle, eating and nutrition)"),
    ("health-services-at-centres", "Other health related services held at Flying Start Children's Centre sites"),
    ("early-help", "Early Help"),
    ("fresh-start", "Fresh Start"),
    ("manor-contact-centre", "Manor Contact Centre"),
    ("none", "None of these"),
]

# The children's centres the document lists as stopping, and the sites it keeps.
CENTRES = [
    ("central", "Flying Start Central Children's Centre (Denbigh, Stopsley Baptist Church)"),
    ("north", "Flying Start North Children's Centre (Limbury, Redgrave CYP, Gill Blowers Nursery Leabank)"),
    ("south", "Flying Start South Children's Centre (Park Town, Whipperley, The Mall)"),
    (
        "west",
        "Flying Start West Children's Centre (Dallow, Pastures Way Nursery, Foxdell, Beechwood, Mossdale Court, "
        "Leagrave, Chaul End Community Centre)",
    ),
    ("london-road", "London Road Resource Centre"),
    ("beech-hill", "Beech Hill Children's Centre"),
    ("manor", "Manor Contact Centre"),
]

AGE_BANDS = [
    ("under-18", "Under 18"),
    ("18-24", "18 to 24"),
    ("25-34", "25 to 34"),
    ("35-44", "35 to 44"),
    ("45-54", "45 to 54"),
    ("55-64", "55 to 64"),
    ("65-plus", "65 or over"),
]

# ONS 2021 Census ethnic groups (England and Wales).

LANGUAGES = [
    ("english", "English"),
    ("urdu", "Urdu"),
    ("polish", "Polish"),
    ("bengali", "Bengali"),
    ("romanian", "Romanian"),
    ("punjabi", "Punjabi"),
    ("portuguese", "Portuguese"),
    ("other", "Another language"),
]

YES_NO_PREFER = [("yes", "Yes"), ("no", "No"), PREFER_NOT_TO_SAY]

# (key, page, answer type, kind, required, text, hint, options, condition (key, value) or None)
QUESTIONS: list[tuple[str, int, str, str, bool, str, str, list[tuple[str, str]], tuple[str, str] | None]] = [
    (
        "respondent-type",
        1,
        "single_choice",
        "respondent_type",
        True,
        "Are you responding as:",
        "",
        [
            ("individual", "An individual"),
            ("parent", "A parent of a child who uses a children's centre"),
            ("professional", "A professional"),
            ("organisation", "On behalf of an organisation"),
        ],
        None,
    ),
    (
        "organisation-name",
        2,
        "free_text",
        "respondent_type",
        True,
        "Which organisation are you responding for?",
        "",
        [],
        ("respondent-type", "organisation"),
    ),
    (
        "services-used",
        3,
        "multiple_choice",
        "services_used",
        False,
        "Which of these services have you used?",
        "Select all that apply.",
        SERVICES,
        None,
    ),
    (
        "centres-used",
        4,
        "multiple_choice",
        "services_used",
        False,
        "Which of these children's centres have you used?",
        "Select all that apply.",
        CENTRES,
        None,
    ),
    (
        "agree-integrated-service",
        5,
        "single_choice",
        "views",
        True,
        "To what extent do you agree or disagree with the proposal to bring Flying Start Children's Centres, "
        "Early Help, Fresh Start and Manor Contact Centre together into one integrated Family Resources Service?",
        "",
        AGREE_SCALE,
        None,
    ),
    (
        "agree-hubs",
        6,
        "single_choice",
        "views",
        False,
        "To what extent do you agree or disagree with the two family resource hubs (Manor Contact Centre and "
        "the Leagrave area) and the two outreach bases (London Road Resource Centre and Beech Hill Children's "
        "Centre)?",
        "",
        AGREE_SCALE,
        None,
    ),
    (
        "impact-rating",
        7,
        "rating",
        "views",
        False,
        "How much would the proposals affect you or your family?",
        "1 means not at all, 5 means a great deal.",
        [],
        None,
    ),
    (
        "impact-how",
        7,
        "free_text",
        "views",
        False,
        "How would our proposals affect you accessing the support you need?",
        "",
        [],
        None,
    ),
    (
        "anything-else",
        8,
        "free_text",
        "views",
        False,
        "Is there anything else you would like us to consider when shaping the new service?",
        "",
        [],
        None,
    ),
    (
        "postcode",
        9,
        "postcode",
        "location",
        False,
        "What is your postcode?",
        "Optional. We use it only to see which neighbourhoods responses come from.",
        [],
        None,
    ),
    (
        "age-band",
        10,
        "single_choice",
        "equality",
        False,
        "What is your age?",
        "",
        [*AGE_BANDS, PREFER_NOT_TO_SAY],
        None,
    ),
    (
        "sex",
        10,
        "single_choice",
        "equality",
        False,
        "What is your sex?",
        "",
        [("female", "Female"), ("male", "Male"), PREFER_NOT_TO_SAY],
        None,
    ),
    (
        "ethnicity",
        11,
        "single_choice",
        "equality",
        False,
        "What is your ethnic group?",
        "",
        [*ETHNICITIES, PREFER_NOT_TO_SAY],
        None,
    ),
    (
        "disability",
        12,
        "single_choice",
        "equality",
        False,
        "Do you consider yourself to have a disability?",
        "",
        YES_NO_PREFER,
        None,
    ),
    (
        "main-language",
        12,
        "single_choice",
        "equality",
        False,
        "What is your main language?",
        "",
        [*LANGUAGES, PREFER_NOT_TO_SAY],
        None,
    ),
    (
        "used-childrens-centre",
        13,
        "single_choice",
        "equality",
        False,
        "Have you or your family used a children's centre in the last two years?",
        "",
        YES_NO_PREFER,
        None,
    ),
    (
        "receipt-email",
        14,
        "email",
        "contact",
        False,
        "Email address for a receipt",
        "Optional. We will send your receipt here and use it for nothing else.",
        [],
        None,
    ),
]
