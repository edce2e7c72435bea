"""Word pools for the drawn splits (``drawn.py``): people, organisations, proposals, wording.

Person names are split between the tuning and unseen splits (alternate entries of each
sorted list), so no name of the unseen split was ever seen while tuning. None of the names
used by the hand-written sample series (``samples/specs``) is in these lists.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    return text.split()


FIRST_NAMES = sorted(
    _words(
    """Abigail Adrian Aileen Alastair Amelia Angus Anita Anwen Arjun Barry Beatrice Bethan
    Bronwen Bryony Callum Carys Catriona Cerys Charlotte Ciaran Clive Conor Craig Damian
    Deborah Declan Deepak Denise Derek Dominic Duncan Dylan Eilidh Eleanor Elliot Eloise Esme
    Euan Farah Felicity Ffion Finlay Fraser Gavin Geoffrey Georgina Gillian Glenn Gordon
    Gwen Hamish Harriet Hazel Heidi Hugo Iain Imogen Imran Isla Ivor Jasmine Jocelyn Jonathan
    Judith Kate Keith Kerry Kirsty Lachlan Leanne Lewis Lindsay Lorna Lucinda Lynne Malcolm
    Margaret Matilda Maureen Megan Miriam Morag Nadia Neil Niall Niamh Nigel Olivia
    Owain Pamela Philippa Piers Priya Rajesh Rhiannon Rhys Robin Rosalind Rowan Ruth Samira
    Shona Siobhan Sunita Tariq Teresa Theo Toby Trevor Una Vikram Wendy Yasmin Zara""")
)

SURNAMES = sorted(
    _words(
    """Abbott Ainsworth Akhtar Armitage Ashworth Atherton Bainbridge Bancroft Barraclough
    Bellamy Blackwood Blundell Bradshaw Brennan Buckley Calder Carmichael Cartwright Chadwick
    Chowdhury Coleman Cranfield Crowther Dalton Dobson Doherty Drummond Eastwood Ellison Farrow
    Fenwick Fairbairn Fitzgerald Fletcher Gallagher Garside Gilchrist Goodwin Greenhalgh
    Haworth Hargreaves Hartley Henshaw Hollis Holroyd Hussain Ingram Iqbal Jarvis Kavanagh
    Kirkby Lockwood Lomax MacLeod Mahmood Marsden McAllister McIntyre Mellor Merriman Naylor
    Nicholls Oakley Ormerod Osborne Pemberton Pickering Pilkington Prentice Pritchard Quayle
    Radcliffe Ramsbottom Rowntree Sandhu Sedgwick Shackleton Sinclair Stanfield Sutcliffe
    Tennant Thornton Threlfall Tindall Underwood Vaughan Wainwright Whittaker
    Wilkinson Winstanley Wolstenholme Yardley""")
)


# A third pool, in neither half above nor in the sample series: a tuning draw made from it
# (``FRESH_POOL_SPLITS``) meets names no rule was written against, as the unseen split does,
# so the errors that only unfamiliar names cause show up while tuning, not first in the exam.
FRESH_FIRST_NAMES = sorted(
    _words(
    """Agnieszka Ailsa Aled Alfie Anil Anjali Annabel Aoife Arthur Benedict Bernadette Blessing
    Brendan Bryn Caitlin Camilla Cecily Chidi Colm Cormac Dafydd Daisy Darren Delyth Dervla
    Ebony Edmund Eira Emrys Erin Femi Fergus Fintan Florence Gareth Gethin Grainne Gregor
    Harpreet Harvey Heather Hector Ingrid Isobel Iwan Jago Jamal Jessica Joanna Josephine Kamal
    Karen Kenneth Kieran Kirsten Kwame Laura Leona Liam Lowri Lucy Lukasz Magnus Mairead Mared
    Marianne Martha Meera Mhairi Mohammed Moira Nathan Nerys Nia Nkechi Noel Oisin Orla Patrick
    Phoebe Pooja Quentin Ravi Rebecca Rhona Roisin Rory Rosemary Ruaridh Rupert Sadie Sanjay
    Saoirse Sean Seren Sinead Sophie Stanley Stuart Tegan Tobias Tomasz Ursula Vanessa Warren
    Wilfred Xavier Yusuf Zainab Zoe""")
)

FRESH_SURNAMES = sorted(
    _words(
    """Ackroyd Adeyemi Ahmed Allardyce Balogun Bamford Barlow Begum Beresford Birtwistle Boyle
    Brierley Brocklehurst Byrne Cadwallader Campbell Chan Chaudhry Costello Crabtree Dewhurst
    Docherty Doyle Dunleavy Ellwood Entwistle Fairclough Fawcett Ferguson Fothergill Gaskell
    Gledhill Greaves Griffiths Grimshaw Hallam Heathcote Hebblethwaite Hepworth Higginbottom
    Horrocks Hughes Illingworth Jagger Jowett Kaur Kelly Kerr Kershaw Kilbride Kowalski
    Leadbetter Lofthouse Lumb MacDonald Macaulay Madden Mensah Moorhouse Mulholland Murphy
    Nolan Nowak Nuttall Openshaw Osei Parkinson Patel Pogson Postlethwaite Quigley Quinlan
    Rahman Rawcliffe Reid Rigby Roberts Robertson Scholes Shah Sowerby Stewart Szymanski
    Tattersall Thistlethwaite Thomson Tolley Uttley Varley Walmsley Walsh Whitworth Wong Wragg
    Yates""")
)

FRESH_POOL_SPLITS = ("tuning6", "tuning7", "tuning8", "tuning9", "tuning10",
                     "tuning11", "tuning12", "tuning13", "tuning14",
                     "tuning15", "tuning16")


def names_for(split: str) -> tuple[list[str], list[str]]:
    """The first names and surnames one split draws from (the tuning draws, the fresh-pool draw and
    the unseen split are disjoint)."""
    if split in FRESH_POOL_SPLITS:
        return FRESH_FIRST_NAMES, FRESH_SURNAMES
    k = 0 if split.startswith("tuning") else 1
    return FIRST_NAMES[k::2], SURNAMES[k::2]


def places_for(split: str) -> list[str]:
    """The place names a split's generic bodies are named after (disjoint like the names)."""
    if split in FRESH_POOL_SPLITS:
        return FRESH_PLACES
    return PLACES[0 if split.startswith("tuning") else 1::2]


# --- SEC parties ----------------------------------------------------------------------
LARGE_SUPPLIERS = ["British Gas", "EDF Energy", "E.ON", "ScottishPower", "SSE", "npower",
                   "OVO Energy", "Octopus Energy"]
SMALL_SUPPLIERS = ["Utilita", "Good Energy", "Ecotricity", "Green Energy UK", "Bristol Energy",
                   "Robin Hood Energy", "Co-operative Energy", "Bulb"]
ELEC_NETWORKS = ["Western Power Distribution", "UK Power Networks", "Northern Powergrid",
                 "Electricity North West", "SP Energy Networks", "Scottish and Southern Electricity Networks"]
GAS_NETWORKS = ["Cadent", "SGN", "Wales & West Utilities", "Northern Gas Networks"]
OTHER_PARTIES = ["Landis+Gyr", "Secure Meters", "Utiligroup", "Elexon", "Xoserve", "Itron",
                 "Honeywell", "Toshiba"]

SEC_TITLES = [
    "Improving the Communications Hub returns process",
    "Alert storm protection for Network Operators",
    "Time-of-use tariff configuration on SMETS1 meters",
    "Removal of obsolete Service Requests",
    "Clarifying the obligations on Shared Resource Providers",
    "Extending the validity period of Organisation Certificates",
    "Enduring approach to Communications Hub firmware upgrades",
    "Adding the Meter Point Administration Number to install alerts",
    "Changes to the Threshold Anomaly Detection procedures",
    "Incorporating the Performance Assurance Framework",
    "Reducing the notice period for planned maintenance",
    "Introducing a Prepayment Meter top-up audit trail",
    "Correcting the Device Model Combinations list",
    "Gas Proxy Function configuration after Change of Supplier",
    "Dual-band Communications Hub deployment rules",
    "Registration data for Export Suppliers",
    "Managing duplicate Device IDs in the Smart Meter Inventory",
    "Consumer access to half-hourly consumption data",
    "Aligning the SMKI Recovery Procedure with industry practice",
    "Self-Service Interface access for Supplier agents",
    "Enabling remote disablement of lost Prepayment Interface Devices",
    "User Security Assessment timetable changes",
    "Clarifying the definition of a Non-Domestic Premises",
    "Service Request volumes during peak periods",
    "Migrating SMETS1 Alt HAN installations",
    "Reporting on Communications Hub power outages",
    "Transfer of CoS Party certificates",
    "Billing Calendar synchronisation for prepayment meters",
    "Requirements for Post-Commissioning reports",
    "Extending the Test Environment availability",
    "Changes to the Parse and Correlate software distribution",
    "Smart Metering Key Infrastructure revocation timescales",
    "Retention of Service Audit Trail records",
    "Handling of Unknown Remote Party errors",
    "Improving SM WAN coverage reporting",
    "Firmware version reporting for Electricity Smart Metering Equipment",
    "Network Operator access to voltage quality data",
    "Clarification of the Incident Management Policy",
    "Daylight saving clock change handling",
    "Revised Panel Information Policy",
]

RELEASES = ["February", "June", "November"]

# --- generic bodies -----------------------------------------------------------------
PLACES = ["Ashcombe", "Little Marston", "Kirkby Underdale", "Hollins Cross", "Welford on Avon",
          "Thornbury Green", "Market Lavington", "Upper Coldwell", "Brackenfield", "Stowe Parva",
          "Hessleby", "Great Oakley", "Nether Wyresdale", "Caldecote", "Fernhill Heath"]
FRESH_PLACES = ["Coldharbour", "Eastrop", "Lower Slaughterford", "Pennington Vale", "Shipley Bridge",
                "Wickham Bishops", "Over Haddon", "Saltmarsh End"]
STREETS = ["Mill Lane", "Church Street", "Station Road", "The Green", "Back Lane", "Chapel Row",
           "School Lane", "High Street", "Orchard Close", "Manor Road"]
PROJECTS = ["GridSense", "OpenFlex", "PowerCanvas", "TariffKit", "VoltWatch", "HeatLedger",
            "MeterMesh", "FlexBroker", "SunCast", "LoadShaper"]
FOUNDATIONS = ["Open Grid Foundation", "Energy Commons Foundation", "Open Utility Alliance"]
AUDITORS = ["Grant Thornton", "Mazars", "Crowe", "RSM", "Haysmacintyre"]
