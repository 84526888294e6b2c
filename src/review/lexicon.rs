//! The words `review` reads claims by: line words, direction words,
//! country adjectives, group words, and the words that stop or disqualify
//! a count. Every list is lower case unless it says otherwise.

/// Words after a length that make it the length of a line.
pub(crate) const LINE_WORDS: &[&str] = &[
    "front line",
    "frontline",
    "front-line",
    "line of contact",
    "contact line",
    "front",
    "border",
    "frontier",
    "coastline",
    "boundary",
];

/// Line words that mean the front line (the others are borders).
pub(crate) fn is_front(word: &str) -> bool {
    word.starts_with("front") || word.contains("contact")
}

/// Direction words and their bearings in degrees from north; `None` for
/// "central".
pub(crate) const DIRECTIONS: &[(&str, Option<f64>)] = &[
    ("north-eastern", Some(45.0)),
    ("northeastern", Some(45.0)),
    ("north-east", Some(45.0)),
    ("northeast", Some(45.0)),
    ("south-eastern", Some(135.0)),
    ("southeastern", Some(135.0)),
    ("south-east", Some(135.0)),
    ("southeast", Some(135.0)),
    ("south-western", Some(225.0)),
    ("southwestern", Some(225.0)),
    ("south-west", Some(225.0)),
    ("southwest", Some(225.0)),
    ("north-western", Some(315.0)),
    ("northwestern", Some(315.0)),
    ("north-west", Some(315.0)),
    ("northwest", Some(315.0)),
    ("northern", Some(0.0)),
    ("southern", Some(180.0)),
    ("eastern", Some(90.0)),
    ("western", Some(270.0)),
    ("north", Some(0.0)),
    ("south", Some(180.0)),
    ("east", Some(90.0)),
    ("west", Some(270.0)),
    ("central", None),
];

/// The bearing a direction word names (`Some(None)` for "central").
pub(crate) fn direction(word: &str) -> Option<Option<f64>> {
    let w = word.to_lowercase();
    DIRECTIONS.iter().find(|(d, _)| *d == w).map(|(_, b)| *b)
}

/// Country adjectives (capitalised as written) and the ISO code they name.
const ADJECTIVES: &[(&str, &str)] = &[
    ("Ukrainian", "UA"),
    ("Russian", "RU"),
    ("Belarusian", "BY"),
    ("Polish", "PL"),
    ("Moldovan", "MD"),
    ("Romanian", "RO"),
    ("Georgian", "GE"),
    ("Turkish", "TR"),
    ("Hungarian", "HU"),
    ("Slovak", "SK"),
    ("Lithuanian", "LT"),
    ("Latvian", "LV"),
    ("Estonian", "EE"),
    ("Finnish", "FI"),
    ("Syrian", "SY"),
    ("Israeli", "IL"),
    ("Iranian", "IR"),
    ("Lebanese", "LB"),
    ("Yemeni", "YE"),
    ("Sudanese", "SD"),
];

/// The country code a country adjective names ("Ukrainian" → `UA`).
pub(crate) fn country_of_adjective(word: &str) -> Option<&'static str> {
    ADJECTIVES.iter().find(|(a, _)| *a == word).map(|(_, c)| *c)
}

/// Nouns in "the Ukrainian city of Kharkiv" (after up to two lower-case
/// words: "the Ukrainian border town of", "the Russian port city of").
pub(crate) const PLACE_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "port",
    "port city",
    "capital",
    "settlement",
    "region",
    "oblast",
    "province",
    "air base",
    "airbase",
    "airfield",
    "base",
    "peninsula",
    "island",
];

/// Group words: a phrase a distance claim uses for several subjects, and
/// the place kind it means (`None`: any place).
pub(crate) const GROUP_WORDS: &[(&str, Option<crate::model::PlaceKind>)] = &[
    ("the air bases", Some(crate::model::PlaceKind::AirBase)),
    ("the airbases", Some(crate::model::PlaceKind::AirBase)),
    ("the airfields", Some(crate::model::PlaceKind::AirBase)),
    ("the bases", Some(crate::model::PlaceKind::AirBase)),
    ("the targets", None),
    ("the sites", None),
    ("the cities", Some(crate::model::PlaceKind::City)),
    ("the towns", Some(crate::model::PlaceKind::City)),
    ("all of them", None),
    ("they", None),
];

/// Words that stand for the last place named before ("it", "the city").
pub(crate) const PRONOUNS: &[&str] = &[
    "it",
    "the city",
    "the town",
    "the base",
    "the air base",
    "the airfield",
    "the village",
    "the port",
    "the site",
    "the plant",
    "the refinery",
];

/// Words after a name that make it a region ("Saratov region", "Kursk
/// oblast"), each with its leading space.
pub(crate) const REGION_SUFFIXES: &[&str] = &[
    " region",
    " oblast",
    " province",
    " krai",
    " republic",
    " district",
];

/// Words before a name that make it a landmark ("near Moscow", "from
/// Kyiv", "outside Kharkiv"), not a subject a later group word or pronoun
/// stands for.
pub(crate) const LANDMARK_WORDS: &[&str] = &["near", "from", "outside", "towards", "toward"];

/// Whether `before` (the sentence up to a name) ends with a landmark word.
pub(crate) fn after_landmark_word(before: &str) -> bool {
    before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| LANDMARK_WORDS.iter().any(|l| w.eq_ignore_ascii_case(l)))
}

/// Words that end a counted noun phrase before its noun: a figure followed
/// by one of these counts nothing ("one near a school", "3 was").
pub(crate) const COUNT_STOP_WORDS: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "over", "from", "to", "and", "or", "was", "were",
    "is", "are", "had", "have", "has", "with", "by", "for", "as", "that", "which", "who", "near",
    "across", "into", "per", "than", "this", "these", "those", "it", "its", "they", "their", "he",
    "she", "we", "his", "her", "our", "us", "after", "before", "since", "during", "until", "when",
    "where", "while", "said", "says", "more", "less", "times", "out", "percent", "cent", "against",
    "between", "about", "around", "under", "among",
];

/// Nouns a figure may be followed by that are not counts of things: time,
/// units, money and ordinals.
pub(crate) const NOT_COUNTED: &[&str] = &[
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
    "seconds",
    "decades",
    "centuries",
    "nights",
    "times",
    "percent",
    "dollars",
    "euros",
    "pounds",
    "rubles",
    "roubles",
    "hryvnias",
    "degrees",
    "kilograms",
    "tonnes",
    "tons",
    "litres",
    "liters",
    "gallons",
    "barrels",
    "points",
    "votes",
    "bps",
    "hectares",
    "acres",
    "kms",
];

/// Words ending in "s" that are not plural nouns.
const NOT_PLURAL: &[&str] = &[
    "as",
    "is",
    "was",
    "has",
    "this",
    "his",
    "its",
    "us",
    "thus",
    "yes",
    "perhaps",
    "always",
    "across",
    "less",
    "news",
    "whereas",
    "besides",
    "towards",
    "afterwards",
    "says",
    "does",
    "goes",
    "plus",
    "bus",
    "gas",
    "series",
    "species",
    "means",
    "minus",
    "status",
    "campus",
    "virus",
    "bonus",
    "focus",
    "chaos",
    "canvas",
    "atlas",
    "analysis",
    "crisis",
    "basis",
];

/// Plural nouns that do not end in "s".
const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "personnel",
    "aircraft",
    "children",
    "men",
    "women",
    "staff",
    "police",
    "infantry",
    "militia",
    "cattle",
    "civilians",
    "fighters",
];

/// Whether a lower-case word looks like a plural noun.
pub(crate) fn is_plural(word: &str) -> bool {
    if IRREGULAR_PLURALS.contains(&word) {
        return true;
    }
    word.len() > 2
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("'s")
        && !word.ends_with("\u{2019}s")
        && !NOT_PLURAL.contains(&word)
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// Month names and abbreviations, lower case: a figure beside one is a date.
pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
];

/// Fraction words of a share, longest first.
pub(crate) const FRACTION_WORDS: &[&str] = &[
    "three quarters",
    "three-quarters",
    "two thirds",
    "two-thirds",
    "one quarter",
    "a quarter",
    "one third",
    "a third",
    "one-third",
    "one half",
    "half",
];

/// Capitalised words that are never part of a place name (case as written).
pub(crate) const NOT_NAME_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "On",
    "In",
    "At",
    "It",
    "He",
    "She",
    "They",
    "We",
    "But",
    "And",
    "Or",
    "If",
    "As",
    "By",
    "For",
    "From",
    "With",
    "This",
    "That",
    "These",
    "Those",
    "After",
    "Before",
    "When",
    "While",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "President",
    "Minister",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Gen",
    "General",
    "Air",
    "Force",
    "Defence",
    "Defense",
    "Ministry",
    "Army",
    "Navy",
    "AP",
    "AFP",
    "Reuters",
    "Russian",
    "Ukrainian",
    "There",
    "Officials",
    "Some",
    "All",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "Meanwhile",
    "However",
    "Also",
    "Later",
    "Earlier",
    "Overnight",
    "Residents",
    "Emergency",
    "Debris",
    "Drones",
    "Missiles",
    "Troops",
    "Forces",
    "Fighting",
    "Talks",
    "Police",
    "Witnesses",
    "Analysts",
    "Moscow-based",
    "Kyiv-based",
    "Then",
    "Now",
    "Yet",
    "So",
    "Here",
    "According",
    "Despite",
    "During",
    "Since",
    "Until",
    "Under",
    "Over",
    "Near",
    "Of",
    "To",
    "Not",
    "No",
    "Both",
    "Each",
    "Every",
    "Many",
    "Most",
    "Several",
    "Such",
    "What",
    "Which",
    "Who",
    "Why",
    "How",
];

/// Lower-case nouns that may follow a name and stay part of the place
/// ("the Engels air base", "the Alabuga plant"); the name is tried with the
/// noun's proper form first when it is a base ("Engels Air Base").
pub(crate) const AFTER_NAME_NOUNS: &[&str] = &[
    "air base",
    "airbase",
    "air bases",
    "airfield",
    "airfields",
    "airport",
    "base",
    "bases",
    "plant",
    "factory",
    "refinery",
    "depot",
    "port",
    "village",
    "town",
    "city",
    "station",
    "oil depot",
    "power plant",
    "dam",
    "bridge",
];
