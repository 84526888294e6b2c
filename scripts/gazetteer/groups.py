"""data/region-groups.json: named groups of admin-1 regions (Russia).

Members are ISO 3166-2 codes of data/regions-10m.geojson. The build checks
that every member exists there with country RU and that every Russian
region (except NOT_IN_ANY_DISTRICT) is in exactly one federal district.
"""

FD_SOURCE = ("Presidential Decree No. 849 of 13 May 2000 \"On the Plenipotentiary Representative of the President "
             "of the Russian Federation in a Federal District\", as amended (North Caucasian FD split from the "
             "Southern FD by Decree No. 82 of 19 January 2010; Republic of Buryatia and Zabaykalsky Krai moved "
             "from the Siberian to the Far Eastern FD by Decree No. 632 of 3 November 2018)")
ARCTIC_SOURCE = ("Presidential Decree No. 296 of 2 May 2014 \"On the land territories of the Arctic zone of the "
                 "Russian Federation\", as amended in 2017, 2019 and 2020")

NOT_RECOGNISED = ("Russia also lists the Autonomous Republic of Crimea (UA-43) and Sevastopol (UA-40) (since 2016; "
                  "from 2014 to 2016 as a 'Crimean Federal District') and, since its claimed annexation of 2022, the Donetsk (UA-14), "
                  "Luhansk (UA-09), Zaporizhzhia (UA-23) and Kherson (UA-65) oblasts of Ukraine as members of this "
                  "district. These are Ukrainian territory (UN GA resolutions 68/262 and ES-11/4) and are not "
                  "members here.")

FEDERAL_DISTRICTS = [
    dict(name="Central Federal District",
         aliases=["Central FD", "Центральный федеральный округ", "ЦФО", "Центральний федеральний округ"],
         members=["RU-BEL", "RU-BRY", "RU-VLA", "RU-VOR", "RU-IVA", "RU-KLU", "RU-KOS", "RU-KRS", "RU-LIP",
                  "RU-MOS", "RU-MOW", "RU-ORL", "RU-RYA", "RU-SMO", "RU-TAM", "RU-TVE", "RU-TUL", "RU-YAR"],
         note="18 federal subjects; administrative centre Moscow."),
    dict(name="Northwestern Federal District",
         aliases=["Northwestern FD", "North-Western Federal District", "Северо-Западный федеральный округ", "СЗФО",
                  "Північно-Західний федеральний округ"],
         members=["RU-KR", "RU-KO", "RU-ARK", "RU-NEN", "RU-VLG", "RU-KGD", "RU-LEN", "RU-MUR", "RU-NGR", "RU-PSK",
                  "RU-SPE"],
         note="11 federal subjects, including the Kaliningrad exclave; administrative centre Saint Petersburg. "
              "The Nenets Autonomous Okrug is constitutionally also part of Arkhangelsk Oblast; both are listed."),
    dict(name="Southern Federal District",
         aliases=["Southern FD", "Южный федеральный округ", "ЮФО", "Південний федеральний округ"],
         members=["RU-AD", "RU-KL", "RU-KDA", "RU-AST", "RU-VGG", "RU-ROS"],
         note="6 federal subjects; administrative centre Rostov-on-Don. " + NOT_RECOGNISED),
    dict(name="North Caucasian Federal District",
         aliases=["North Caucasian FD", "North Caucasus Federal District", "Северо-Кавказский федеральный округ",
                  "СКФО", "Північнокавказький федеральний округ"],
         members=["RU-DA", "RU-IN", "RU-KB", "RU-KC", "RU-SE", "RU-CE", "RU-STA"],
         note="7 federal subjects; administrative centre Pyatigorsk."),
    dict(name="Volga Federal District",
         aliases=["Volga FD", "Privolzhsky Federal District", "Приволжский федеральный округ", "ПФО",
                  "Приволзький федеральний округ"],
         members=["RU-BA", "RU-ME", "RU-MO", "RU-TA", "RU-UD", "RU-CU", "RU-PER", "RU-KIR", "RU-NIZ", "RU-ORE",
                  "RU-PNZ", "RU-SAM", "RU-SAR", "RU-ULY"],
         note="14 federal subjects; administrative centre Nizhny Novgorod. (Natural Earth's `region` attribute "
              "'Volga' for many regions is not this district.)"),
    dict(name="Ural Federal District",
         aliases=["Ural FD", "Urals Federal District", "Уральский федеральный округ", "УрФО",
                  "Уральський федеральний округ"],
         members=["RU-KGN", "RU-SVE", "RU-TYU", "RU-CHE", "RU-KHM", "RU-YAN"],
         note="6 federal subjects; administrative centre Yekaterinburg. The Khanty-Mansi and Yamalo-Nenets "
              "autonomous okrugs are constitutionally also part of Tyumen Oblast; all three are listed."),
    dict(name="Siberian Federal District",
         aliases=["Siberian FD", "Siberia", "Сибирский федеральный округ", "СФО", "Сибірський федеральний округ"],
         members=["RU-AL", "RU-TY", "RU-KK", "RU-ALT", "RU-KYA", "RU-IRK", "RU-KEM", "RU-NVS", "RU-OMS", "RU-TOM"],
         note="10 federal subjects since 3 November 2018; administrative centre Novosibirsk. The alias "
              "'Siberia' is colloquial: Siberia in the usual geographic sense is larger (it also takes in most "
              "of the Ural FD east of the Urals and much of the Far Eastern FD, e.g. Sakha, Buryatia, "
              "Zabaykalsky Krai)."),
    dict(name="Far Eastern Federal District",
         aliases=["Far Eastern FD", "Far East", "Russian Far East", "Дальневосточный федеральный округ", "ДФО",
                  "Дальний Восток", "Далекосхідний федеральний округ"],
         members=["RU-BU", "RU-SA", "RU-ZAB", "RU-KAM", "RU-PRI", "RU-KHA", "RU-AMU", "RU-MAG", "RU-SAK",
                  "RU-YEV", "RU-CHU"],
         note="11 federal subjects since 3 November 2018 (Buryatia and Zabaykalsky Krai added); administrative "
              "centre Vladivostok. 'Far East' and 'Russian Far East' are used loosely for this district."),
]

ARCTIC = dict(
    name="Arctic zone of the Russian Federation",
    aliases=["Arctic zone of Russia", "Russian Arctic zone", "Арктическая зона Российской Федерации",
             "Арктическая зона России", "Арктична зона Російської Федерації"],
    members=["RU-MUR", "RU-NEN", "RU-YAN", "RU-CHU"],
    partial=["RU-KR", "RU-KO", "RU-ARK", "RU-KYA", "RU-SA"],
    note="Whole regions: Murmansk Oblast and the Nenets, Yamalo-Nenets and Chukotka autonomous okrugs. Partly "
         "(listed municipalities only): the Republic of Karelia, the Komi Republic (e.g. Vorkuta), Arkhangelsk "
         "Oblast (with Novaya Zemlya and Franz Josef Land), Krasnoyarsk Krai (e.g. Norilsk and the Taymyr "
         "district) and the Sakha Republic (Yakutia) (northern uluses); the decree also covers the islands of "
         "the Arctic Ocean. The amendments of 2017, 2019 and 2020 added municipalities of the partial members. "
         "Region polygons cannot tell which part of a partial member is in the zone.",
)

# Natural Earth's unnamed sliver RUS+99? (Russia, about 0.01 square degrees
# at 67.1-67.4 E, 68.8 N, between the Komi Republic and Yamalo-Nenets AO)
# is no federal subject.
NOT_IN_ANY_DISTRICT_NOTE = "Natural Earth's unnamed Russian sliver feature (code {code}) is no federal subject"


def build_groups():
    groups = []
    for fd in FEDERAL_DISTRICTS:
        groups.append(dict(name=fd["name"], aliases=fd["aliases"], country="RU", members=fd["members"], partial=[],
                           source=FD_SOURCE, note=fd["note"]))
    groups.append(dict(name=ARCTIC["name"], aliases=ARCTIC["aliases"], country="RU", members=ARCTIC["members"],
                       partial=ARCTIC["partial"], source=ARCTIC_SOURCE, note=ARCTIC["note"]))
    return groups


def check_groups(groups, regions_fc, check, log):
    props = {f["properties"]["code"]: f["properties"] for f in regions_fc["features"]}
    for g in groups:
        missing = [c for c in g["members"] + g["partial"] if c not in props or props[c]["country"] != "RU"]
        check(not missing, f"group {g['name']}: all {len(g['members'])} members and {len(g['partial'])} partial "
                           f"members are regions of country RU {missing}")
        check(not set(g["members"]) & set(g["partial"]), f"group {g['name']}: members and partial disjoint")
        bad = [c for c in ("UA-43", "UA-40", "UA-14", "UA-09", "UA-23", "UA-65") if c in g["members"] + g["partial"]]
        check(not bad, f"group {g['name']}: no Ukrainian region among its members {bad}")
    fds = [g for g in groups if g["name"].endswith("Federal District")]
    check(len(fds) == 8, "eight federal districts")
    ru = sorted(c for c, p in props.items() if p["country"] == "RU")
    count = {c: 0 for c in ru}
    for g in fds:
        for c in g["members"]:
            count[c] = count.get(c, 0) + 1
    unnamed = [c for c in ru if not any(c in g["members"] for g in fds) and props[c]["name"].startswith("Unnamed region")]
    exceptions = {c: NOT_IN_ANY_DISTRICT_NOTE.format(code=c) for c in unnamed}
    wrong = {c: n for c, n in sorted(count.items()) if c not in exceptions and n != 1}
    check(not wrong, f"every Russian region is in exactly one federal district (not: {wrong})")
    check(len(exceptions) <= 1, f"at most one documented exception: {sorted(exceptions)}")
    log(f"Russian regions in regions-10m.geojson: {len(ru)}; in a federal district: {sum(1 for c in ru if count[c] == 1)}; "
        f"exceptions: {exceptions}")
    return exceptions
