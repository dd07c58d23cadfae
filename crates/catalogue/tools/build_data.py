#!/usr/bin/env python3
"""Compact the public O*NET 29.3 and ESCO 1.2.0 files into the catalogue's bundled data.

Usage: python3 crates/catalogue/tools/build_data.py /path/to/shared/data [out_dir]

Reads the reference data directory (with onet/, esco/ and crosswalks/ inside) and writes
gzip'd tab-separated files into crates/catalogue/data/ (or out_dir). The Rust crate embeds
those files with include_bytes!, so nothing is read from the reference directory at run time.

Only the Python standard library is used. The eval/ directory is never opened: it holds the
answers used to measure the product and must not leak into it.

Every output file is UTF-8, one record per line, fields separated by a tab, with tabs, line
breaks and carriage returns inside values replaced by spaces. The first line of each file is a
header starting with '#'. Output is deterministic (sorted, fixed gzip mtime) so re-running the
script on the same input gives byte-identical files.
"""

import collections
import csv
import gzip
import os
import re
import sys

ONET_VERSION = "29.3"
ESCO_VERSION = "1.2.0"
MAX_ROLE_SKILLS = 60
MAX_ISCO_FALLBACK_OCCUPATIONS = 12
SKILL_DESCRIPTION_MAX = 300
SKILL_ALT_TEXT_MAX = 240
ESCO_SKILL_PREFIX = "http://data.europa.eu/esco/skill/"
ESCO_OCCUPATION_PREFIX = "http://data.europa.eu/esco/occupation/"

csv.field_size_limit(10_000_000)


def read_csv(root, rel):
    """Yield dict rows of one CSV file below the data root (never eval/)."""
    if rel.split("/")[0] == "eval":
        raise SystemExit("refusing to read evaluation data: " + rel)
    with open(os.path.join(root, rel), newline="", encoding="utf-8") as handle:
        yield from csv.DictReader(handle)


def clean(value):
    """Make a value safe for a single TSV field."""
    value = (value or "").replace("\u200b", "")
    return re.sub(r"[\t\r\n]+", " ", value).strip()


def trim(text, limit):
    """Shorten text to at most `limit` characters, cutting at a word and adding an ellipsis."""
    text = clean(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def fmt(value):
    """Format a number compactly (no trailing zeros)."""
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text if text else "0"


def write_tsv(out_dir, name, header, rows):
    """Write rows as a gzip'd TSV with a '#' header line; returns the compressed size."""
    path = os.path.join(out_dir, name)
    lines = ["#" + "\t".join(header)]
    for row in rows:
        fields = [clean(str(field)) for field in row]
        if len(fields) != len(header):
            raise SystemExit(f"{name}: row has {len(fields)} fields, header {len(header)}")
        lines.append("\t".join(fields))
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(payload)
    size = os.path.getsize(path)
    print(f"  {name:<24} {len(lines) - 1:>7} rows {size / 1024:>8.1f} KiB", file=sys.stderr)
    return size


def uuid_of(uri, prefix):
    """The trailing UUID of an ESCO concept URI."""
    if not uri.startswith(prefix):
        raise SystemExit("unexpected ESCO URI: " + uri)
    return uri[len(prefix):]


def words(text):
    """Lower-case, crudely singular word tokens used to compare occupation titles."""
    tokens = set(re.findall(r"[a-z0-9]+", text.lower())) - STOP_WORDS
    return {t[:-1] if len(t) > 3 and t.endswith("s") and not t.endswith("ss") else t for t in tokens}


STOP_WORDS = {"and", "or", "of", "the", "a", "an", "in", "for", "to", "all", "other", "except"}


# --------------------------------------------------------------------------- O*NET


def build_onet(root):
    """Collect per-occupation O*NET data into plain Python structures."""
    roles = {}
    for row in read_csv(root, "onet/occupations.csv"):
        roles[row["code"]] = {
            "title": row["title"],
            "description": row["description"],
            "job_zone": "",
            "education": "",
            "experience": "",
            "training": "",
        }
    for row in read_csv(root, "onet/job_zones.csv"):
        if row["code"] in roles:
            roles[row["code"]]["job_zone"] = row["job_zone"]

    # Education, experience and training: the category most respondents reported.
    labels = {}
    for row in read_csv(root, "onet/education_training_experience_categories.csv"):
        label = row["category_description"].strip() or "None"
        labels[(row["scale"], row["category"])] = label
    best = {}
    field_of = {"RL": "education", "RW": "experience", "OJ": "training"}
    for row in read_csv(root, "onet/education_training_experience.csv"):
        if row["scale"] not in field_of or row["recommend_suppress"] == "Y":
            continue
        if row["code"] not in roles or not row["value"]:
            continue
        key = (row["code"], row["scale"])
        share = float(row["value"])
        if key not in best or share > best[key][0]:
            best[key] = (share, row["category"])
    for (code, scale), (_, category) in best.items():
        roles[code][field_of[scale]] = labels.get((scale, category), "")

    # Tasks, with the DWAs each one maps to (DWA ids become indexes in a shared table).
    dwa_titles = {}
    task_dwas = collections.defaultdict(list)
    for row in read_csv(root, "onet/tasks_to_dwas.csv"):
        dwa_titles[row["dwa_id"]] = row["dwa_title"]
        key = (row["code"], row["task_id"])
        if row["dwa_id"] not in task_dwas[key]:
            task_dwas[key].append(row["dwa_id"])
    dwa_ids = sorted(dwa_titles)
    dwa_index = {dwa: i for i, dwa in enumerate(dwa_ids)}
    tasks = []
    for row in read_csv(root, "onet/task_statements.csv"):
        if row["code"] not in roles:
            continue
        kind = {"Core": "C", "Supplemental": "S"}.get(row["task_type"], "")
        linked = ",".join(str(dwa_index[d]) for d in task_dwas.get((row["code"], row["task_id"]), []))
        tasks.append((row["code"], row["task_id"], kind, linked, row["task"]))
    tasks.sort(key=lambda t: (t[0], t[2] != "C", t[2] == "", int(t[1])))

    # Ratings: skills and knowledge (IM + LV), work values (EX), interests (OI).
    elements = {}
    ratings = {}

    def rate(kind, rel, scales):
        for row in read_csv(root, rel):
            if row["code"] not in roles or row["scale"] not in scales:
                continue
            if row.get("recommend_suppress") == "Y":
                continue
            if row["scale"] == "LV" and row.get("not_relevant") == "Y":
                continue
            elements[(kind, row["element_id"])] = row["element_name"]
            key = (row["code"], kind, row["element_id"])
            slot = ratings.setdefault(key, ["", ""])
            slot[scales.index(row["scale"])] = fmt(row["value"])

    rate("S", "onet/occupation_skills.csv", ["IM", "LV"])
    rate("K", "onet/occupation_knowledge.csv", ["IM", "LV"])
    rate("V", "onet/work_values.csv", ["EX"])
    rate("I", "onet/interests.csv", ["OI"])
    estimate(roles, ratings, task_dwas)
    rating_rows = sorted(
        (code, kind, element, first, second)
        for (code, kind, element), (first, second) in ratings.items()
        if first != ""  # an LV without its IM is not usable on its own
    )
    element_rows = sorted((kind, element, name) for (kind, element), name in elements.items())

    # Other names for each occupation.
    titles = []
    seen = set()

    def add_title(code, kind, title):
        title = clean(title)
        key = (code, title.lower())
        if code in roles and title and key not in seen and title.lower() != roles[code]["title"].lower():
            seen.add(key)
            titles.append((code, kind, title))

    for row in read_csv(root, "onet/sample_of_reported_titles.csv"):
        add_title(row["code"], "R", row["reported_title"])
    for row in read_csv(root, "onet/alternate_titles.csv"):
        add_title(row["code"], "A", row["alternate_title"])
        add_title(row["code"], "S", row["short_title"])
    order = {"R": 0, "A": 1, "S": 2}
    titles.sort(key=lambda t: (t[0], order[t[1]], t[2].lower()))

    # Technology skills: name, hot / in-demand flags, category.
    tech = sorted(
        {
            (row["code"], row["example"], row["hot_technology"] == "Y", row["in_demand"] == "Y",
             row["commodity_title"])
            for row in read_csv(root, "onet/technology_skills.csv")
            if row["code"] in roles
        },
        key=lambda t: (t[0], not t[3], not t[2], t[1].lower()),
    )
    tech_rows = [(c, n, "Y" if h else "N", "Y" if d else "N", cat) for c, n, h, d, cat in tech]

    return {
        "roles": roles,
        "tasks": tasks,
        "dwas": [(d, dwa_titles[d]) for d in dwa_ids],
        "elements": element_rows,
        "ratings": rating_rows,
        "titles": titles,
        "technology": tech_rows,
    }


def estimate(roles, ratings, task_dwas):
    """Fill in descriptors O*NET does not rate for some occupations, marking them estimated.

    O*NET publishes no ratings for its "All Other" residual occupations and for a few recently
    revised ones (e.g. 15-1252.00 Software Developers in 29.3). For those we take the
    occupations most like them that are rated: by overlap (Jaccard) of detailed work activities
    when the occupation has tasks, else the rated occupations in the same SOC detailed, broad or
    minor group. Ratings are the similarity-weighted mean of up to five such neighbours; job
    zone the rounded weighted mean; education, experience and training the nearest neighbour's.
    """
    by_role = collections.defaultdict(dict)
    for (code, kind, element), values in ratings.items():
        if values[0] != "":
            by_role[code][(kind, element)] = values
    rated = sorted(c for c in roles if any(k == "S" for k, _ in by_role[c]))
    dwas = collections.defaultdict(set)
    for (code, _), ids in task_dwas.items():
        dwas[code].update(ids)

    for code in sorted(roles):
        kinds_present = {kind for kind, _ in by_role[code]}
        missing = [k for k in "SKVI" if k not in kinds_present]
        missing_zone = roles[code]["job_zone"] == ""
        if not missing and not missing_zone:
            continue
        neighbours = []
        if dwas.get(code):
            mine = dwas[code]
            for other in rated:
                if other != code and dwas.get(other):
                    shared = len(mine & dwas[other])
                    if shared:
                        neighbours.append((shared / len(mine | dwas[other]), other))
            neighbours.sort(key=lambda n: (-n[0], n[1]))
            neighbours = neighbours[:5]
        if not neighbours:
            for width in (7, 6, 4):
                group = [o for o in rated if o != code and o[:width] == code[:width]]
                if group:
                    neighbours = [(1.0, o) for o in group[:12]]
                    break
        if not neighbours:
            continue
        fields = []
        for kind in missing:
            elements = sorted({key for _, o in neighbours for key in by_role[o] if key[0] == kind})
            for key in elements:
                sums = [0.0, 0.0]
                weights = [0.0, 0.0]
                for weight, other in neighbours:
                    values = by_role[other].get(key)
                    for slot in (0, 1):
                        if values and values[slot] != "":
                            sums[slot] += weight * float(values[slot])
                            weights[slot] += weight
                if weights[0]:
                    ratings[(code, key[0], key[1])] = [
                        fmt(sums[slot] / weights[slot]) if weights[slot] else "" for slot in (0, 1)
                    ]
            fields.append(kind)
        if missing_zone:
            zones = [(w, int(roles[o]["job_zone"])) for w, o in neighbours if roles[o]["job_zone"]]
            if zones:
                roles[code]["job_zone"] = str(round(sum(w * z for w, z in zones) / sum(w for w, _ in zones)))
                fields.append("Z")
        nearest = neighbours[0][1]
        if not any(roles[code][f] for f in ("education", "experience", "training")):
            for f in ("education", "experience", "training"):
                roles[code][f] = roles[nearest][f]
            fields.append("E")
        roles[code]["estimated"] = "".join(fields)
        roles[code]["estimated_from"] = ",".join(o for _, o in neighbours)


# --------------------------------------------------------------------------- ESCO


def split_skill_text(row):
    """Recover alternative-label text and a description from `label_altlabels_description`.

    The source column concatenates the preferred label, the alternative labels and the
    description with spaces. When the description column is empty we take, as description, the
    first tail that starts with a capitalised word (not one in the label), reads as a sentence
    and ends with punctuation; what lies between label and description is alt-label text.
    """
    label = row["preferred_label"]
    text = clean(row["label_altlabels_description"])
    rest = text[len(label):] if text.startswith(label) else text
    description = clean(row["description"])
    if description and rest.endswith(description):
        return clean(rest[: len(rest) - len(description)]), description
    if description:
        return "", description
    label_words = set(label.split())
    for match in re.finditer(r"(?:(?<=\s)|^)([A-Z][a-z]+)\b", rest):
        if match.group(1) in label_words:
            continue
        tail = rest[match.start():].strip()
        parts = tail.split()
        if len(parts) < 4 or not tail.rstrip("'\"").endswith((".", "!", "?", ")")):
            continue
        if not (parts[1][0].islower() or parts[1][0] in "(,"):
            continue
        return clean(rest[: match.start()]), tail
    return clean(rest), ""


def build_esco(root, onet):
    """Skills taxonomy plus the ESCO skills of each O*NET role via the crosswalks."""
    kind_code = {"skill/competence": "S", "knowledge": "K"}
    skills = []
    skill_index = {}
    for row in sorted(read_csv(root, "esco/skills.csv"), key=lambda r: r["uri"]):
        if not row["preferred_label"].strip():
            continue  # 8 reconstructed concepts lost their label; no occupation lists them
        alt_text, description = split_skill_text(row)
        uri = row["uri"]
        skill_index[uri] = len(skills)
        pillars = row["pillar_roots"].split("|") if row["pillar_roots"] else []
        kind = kind_code.get(row["skill_type"], "")
        if "L" in pillars:
            kind = "L"  # language skills and knowledge
        skills.append([
            uuid_of(uri, ESCO_SKILL_PREFIX),
            row["preferred_label"],
            kind,
            row["reuse_level"],
            "T" if "T" in pillars else "",
            "",  # collections, filled below
            trim(description, SKILL_DESCRIPTION_MAX),
            trim(alt_text, SKILL_ALT_TEXT_MAX),
        ])
    collections_of = collections.defaultdict(set)
    short = {"digComp": "D", "green": "G", "language": "L", "research": "R", "transversal": "T"}
    for row in read_csv(root, "esco/skill_collections.csv"):
        if row["uri"] in skill_index:
            collections_of[row["uri"]].add(short.get(row["collection"], row["collection"][:1].upper()))
    for uri, tags in collections_of.items():
        skills[skill_index[uri]][5] = "".join(sorted(tags))

    # ESCO occupations and their skill lists.
    esco_occ = {}
    for row in read_csv(root, "esco/occupations.csv"):
        alts = [a.strip() for a in row["alt_labels"].split("|") if a.strip()]
        esco_occ[row["uri"]] = {"label": row["preferred_label"], "isco": row["isco_group"], "alts": alts}
    occ_skills = collections.defaultdict(dict)
    for row in read_csv(root, "esco/occupation_skill.csv"):
        if row["skill_uri"] in skill_index:
            essential = row["relation_type"] == "essential"
            prior = occ_skills[row["occupation_uri"]].get(row["skill_uri"], False)
            occ_skills[row["occupation_uri"]][row["skill_uri"]] = prior or essential

    # 1. Direct Nesta crosswalk.
    roles = onet["roles"]
    direct = collections.defaultdict(set)
    for row in read_csv(root, "crosswalks/esco_onet_crosswalk.csv"):
        if row["onet_soc_2019_code"] in roles and row["esco_uri"] in occ_skills:
            direct[row["onet_soc_2019_code"]].add(row["esco_uri"])
    # 2. Same SOC detailed occupation (first 7 characters, e.g. 11-3051).
    by_soc = collections.defaultdict(set)
    for code, uris in direct.items():
        by_soc[code[:7]] |= uris
    # 3. O*NET-SOC 2019 -> SOC 2010 -> ISCO-08 unit group -> ESCO occupations, narrowed to those
    #    whose labels share the most words with the role's titles.
    to_2010 = collections.defaultdict(set)
    for row in read_csv(root, "crosswalks/onet_soc2010_to_2019_crosswalk.csv"):
        to_2010[row["onet_soc_2019_code"]].add(row["onet_soc_2010_code"][:7])
    soc_to_isco = collections.defaultdict(set)
    for row in read_csv(root, "crosswalks/isco08_soc2010_crosswalk.csv"):
        soc_to_isco[row["soc2010_code"]].add(row["isco08_code"])
    by_isco = collections.defaultdict(set)
    for uri, occ in esco_occ.items():
        if uri in occ_skills:
            by_isco[occ["isco"]].add(uri)
    role_titles = collections.defaultdict(set)
    for code, _, title in onet["titles"]:
        role_titles[code] |= words(title)

    links = {}
    for code in sorted(roles):
        if direct.get(code):
            links[code] = ("D", sorted(direct[code]))
            continue
        if by_soc.get(code[:7]):
            links[code] = ("O", sorted(by_soc[code[:7]]))
            continue
        candidates = set()
        for soc in to_2010.get(code, ()):
            for isco in soc_to_isco.get(soc, ()):
                candidates |= by_isco.get(isco, set())
        if not candidates:
            links[code] = ("", [])
            continue
        title = words(roles[code]["title"])
        mine = title | role_titles[code]
        scored = []
        for uri in candidates:
            label = words(esco_occ[uri]["label"])
            theirs = set(label)
            for alt in esco_occ[uri]["alts"]:
                theirs |= words(alt)
            # The role's own title against the ESCO preferred label counts most.
            overlap = 2 * len(title & label) + len(mine & theirs) / (len(theirs) ** 0.5 or 1)
            scored.append((-overlap, uri))
        scored.sort()
        if scored[0][0] < 0:
            # Keep the closest labels: those scoring at least 3/4 of the best one.
            cutoff = 0.75 * scored[0][0]
            chosen = [uri for score, uri in scored if score <= cutoff][:MAX_ISCO_FALLBACK_OCCUPATIONS]
        else:
            chosen = [uri for _, uri in scored]
        links[code] = ("I", sorted(chosen))

    role_skill_rows = []
    role_occ_rows = []
    for code, (method, uris) in links.items():
        roles[code]["esco_match"] = method
        for uri in uris:
            role_occ_rows.append((code, uuid_of(uri, ESCO_OCCUPATION_PREFIX), esco_occ[uri]["label"]))
        listed = collections.Counter()
        essential = collections.Counter()
        for uri in uris:
            for skill, is_essential in occ_skills[uri].items():
                listed[skill] += 1
                essential[skill] += int(is_essential)
        # An essential listing counts fully, an optional one half: a skill every linked
        # occupation lists as optional ranks with one that half of them call essential.
        score = {s: essential[s] + 0.5 * (listed[s] - essential[s]) for s in listed}
        ranked = sorted(
            listed,
            key=lambda s: (-score[s], -listed[s], skills[skill_index[s]][1].lower()),
        )[:MAX_ROLE_SKILLS]
        for skill in ranked:
            is_essential = essential[skill] * 2 >= listed[skill]
            weight = score[skill] / len(uris)
            role_skill_rows.append((code, skill_index[skill], "E" if is_essential else "O", fmt(weight)))

    return {"skills": skills, "role_skills": role_skill_rows, "role_occupations": role_occ_rows}


# --------------------------------------------------------------------------- main


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    root = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "data")
    os.makedirs(out_dir, exist_ok=True)

    onet = build_onet(root)
    esco = build_esco(root, onet)
    roles = onet["roles"]

    print("writing", os.path.abspath(out_dir), file=sys.stderr)
    total = 0
    total += write_tsv(
        out_dir, "roles.tsv.gz",
        ["code", "title", "job_zone", "education", "experience", "training", "esco_match", "estimated",
         "estimated_from", "description"],
        [(code, r["title"], r["job_zone"], r["education"], r["experience"], r["training"],
          r.get("esco_match", ""), r.get("estimated", ""), r.get("estimated_from", ""), r["description"])
         for code, r in sorted(roles.items())],
    )
    total += write_tsv(out_dir, "tasks.tsv.gz", ["code", "task_id", "type", "dwas", "task"], onet["tasks"])
    total += write_tsv(out_dir, "dwas.tsv.gz", ["dwa_id", "title"], onet["dwas"])
    total += write_tsv(out_dir, "elements.tsv.gz", ["kind", "element_id", "name"], onet["elements"])
    total += write_tsv(out_dir, "ratings.tsv.gz", ["code", "kind", "element_id", "value", "level"], onet["ratings"])
    total += write_tsv(out_dir, "titles.tsv.gz", ["code", "kind", "title"], onet["titles"])
    total += write_tsv(out_dir, "technology.tsv.gz", ["code", "name", "hot", "in_demand", "category"], onet["technology"])
    total += write_tsv(
        out_dir, "esco_skills.tsv.gz",
        ["id", "label", "kind", "reuse", "transversal", "collections", "description", "alt_text"],
        esco["skills"],
    )
    total += write_tsv(out_dir, "role_skills.tsv.gz", ["code", "skill", "relation", "weight"], esco["role_skills"])
    total += write_tsv(out_dir, "role_esco.tsv.gz", ["code", "esco_occupation_id", "label"], esco["role_occupations"])
    print(f"  total {total / 1024 / 1024:.2f} MiB", file=sys.stderr)

    matched = collections.Counter(r.get("esco_match", "") for r in roles.values())
    estimated = sum(1 for r in roles.values() if r.get("estimated"))
    print(f"  roles with estimated descriptors: {estimated}", file=sys.stderr)
    print("  ESCO link per role: direct %d, same SOC %d, ISCO %d, none %d" % (
        matched["D"], matched["O"], matched["I"], matched[""]), file=sys.stderr)


if __name__ == "__main__":
    main()
