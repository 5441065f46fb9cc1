#!/usr/bin/python3
"""Checks the shipped reference data in data/reference/*.jsonl.

1. Format checks (always): every line is a JSON object in the gold fact format
   (see ../shared/gold/README.md and ONTOLOGY.md), key prefixes match labels,
   keys are unique per file, every edge end is defined in the same file, edge
   types and their end labels follow the ontology, and the first line is the
   file's own Document node (key doc:<file stem>).
2. Reference comparison (only where <repo root>/../shared/reference exists):
   UN member states against country-codes.csv, peace operations against
   un-peace-operations.csv.

Exit codes: 0 all checks passed; 1 a check failed; 77 format checks passed but
the reference lists are absent (comparison skipped).

Standard library only; run with /usr/bin/python3 tests/reference_data_test.py.
"""

import csv
import datetime
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DATA_DIR = os.path.join(REPO, "data", "reference")
SHARED_REF = os.path.normpath(os.path.join(REPO, "..", "shared", "reference"))

# label -> key prefix (ONTOLOGY.md, "Labels and key conventions")
PREFIX = {
    "State": "state",
    "UNBody": "unbody",
    "Network": "network",
    "Organization": "org",
    "Person": "person",
    "Resolution": "resolution",
    "Mission": "mission",
    "Framework": "framework",
    "Commitment": "commitment",
    "Event": "event",
    "Document": "doc",
    "Topic": "topic",
    "Place": "place",
}
ACTORS = {"State", "Organization", "UNBody"}
ANY = set(PREFIX)
# edge type -> (allowed source labels, allowed target labels) (ONTOLOGY.md, "Edge types")
EDGE_TYPES = {
    "MEMBER_OF": (ACTORS, {"Network", "Organization"}),
    "CHAIRS": (ACTORS | {"Person"}, {"Network", "Event", "UNBody"}),
    "SECRETARIAT_OF": ({"UNBody", "Organization"}, {"Network"}),
    "HOLDS_POSITION": ({"Person"}, {"UNBody", "Organization", "State", "Mission"}),
    "PARTICIPATED_IN": (ACTORS | {"Person"}, {"Event"}),
    "HOSTED": (ACTORS, {"Event"}),
    "HELD_IN": ({"Event"}, {"Place", "State"}),
    "PART_OF": ({"Event", "Framework", "Place", "UNBody"}, {"Event", "Framework", "State", "UNBody"}),
    "ADOPTED": ({"UNBody"}, {"Resolution", "Framework"}),
    "DEPLOYED_IN": ({"Mission"}, {"State", "Place"}),
    "MANDATED_BY": ({"Mission"}, {"Resolution"}),
    "PLEDGED": (ACTORS | {"Network"}, {"Commitment"}),
    "RECOMMENDED": (ACTORS | {"Network", "Event", "Document"}, {"Commitment"}),
    "ADDRESSED_TO": ({"Commitment"}, ANY),
    "UNDER": ({"Commitment", "Framework", "Event"}, {"Framework"}),
    "TARGETS": ({"Commitment"}, {"Mission", "State", "Place", "Network"}),
    "ABOUT": ({"Commitment", "Event", "Resolution", "Framework", "Document"}, {"Topic", "Resolution"}),
    "SIGNED": (ACTORS, {"Framework"}),
    "ISSUED": (ACTORS | {"Person"}, {"Framework", "Document"}),
    "IMPLEMENTS": (ACTORS | {"Mission"}, {"Framework", "Resolution"}),
    "MENTIONS": ({"Document"}, ANY),
}
# same-thing pairs per PART_OF row of the ontology
PART_OF_PAIRS = {("Event", "Event"), ("Framework", "Framework"), ("Place", "State"), ("UNBody", "UNBody")}
DATE_KEYS = {"from", "to", "as_of", "date", "start_date", "end_date"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
KEY_RE = re.compile(r"^[a-z]+:[A-Za-z0-9][A-Za-z0-9-]*$")
NODE_FIELDS = {"kind", "key", "label", "name", "aliases", "props", "evidence"}
EDGE_FIELDS = {"kind", "src", "type", "dst", "props", "evidence"}

errors = []


def err(msg):
    errors.append(msg)
    print("FAIL: " + msg)


def fold(s):
    """Case-, white-space- and punctuation-insensitive form, as the gold scoring compares names."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", s.casefold())


def fold_distinct(s):
    """fold(), but keeping "+": the text loader's gazetteer tells "A4P+" (Action for Peacekeeping
    Plus) from "A4P" (Action for Peacekeeping), so the two may name different nodes."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^\w+]+|_", "", s.casefold())


def valid_date(s):
    if not isinstance(s, str) or not DATE_RE.match(s):
        return False
    parts = [int(p) for p in s.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def check_props(where, props):
    if not isinstance(props, dict):
        err("%s: props is not an object" % where)
        return
    for k, v in props.items():
        if isinstance(v, float) or v is None or isinstance(v, (list, dict)):
            err("%s: prop %r has a non-scalar or non-integer value %r" % (where, k, v))
        elif k in DATE_KEYS and not valid_date(v):
            err("%s: date prop %r=%r is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)" % (where, k, v))
        elif k not in DATE_KEYS and isinstance(v, str) and DATE_RE.match(v) and len(v) > 4:
            err("%s: prop %r looks like a date but is not under a date key" % (where, k))


def load_file(path):
    """Format checks for one file; returns {key: node} or None if unreadable."""
    stem = os.path.splitext(os.path.basename(path))[0]
    name = os.path.basename(path)
    nodes, edges, seen_edges = {}, [], set()
    try:
        with open(path, "rb") as f:
            raw = f.read()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        err("%s: cannot read as UTF-8: %s" % (name, e))
        return None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        err("%s: empty file" % name)
        return None
    for i, line in enumerate(lines, 1):
        where = "%s:%d" % (name, i)
        if not line.strip():
            err("%s: blank line" % where)
            continue
        try:
            o = json.loads(line)
        except ValueError as e:
            err("%s: invalid JSON: %s" % (where, e))
            continue
        if not isinstance(o, dict):
            err("%s: not a JSON object" % where)
            continue
        kind = o.get("kind")
        if kind == "node":
            extra = set(o) - NODE_FIELDS
            if extra:
                err("%s: unknown node fields %s" % (where, sorted(extra)))
            key, label, nm = o.get("key"), o.get("label"), o.get("name")
            if not isinstance(key, str) or not KEY_RE.match(key):
                err("%s: bad key %r" % (where, key))
                continue
            if label not in PREFIX:
                err("%s: unknown label %r" % (where, label))
            elif key.split(":", 1)[0] != PREFIX[label]:
                err("%s: key %s does not have the prefix %s: of label %s" % (where, key, PREFIX[label], label))
            if not isinstance(nm, str) or not nm.strip():
                err("%s: node %s has no name" % (where, key))
            al = o.get("aliases", [])
            if not isinstance(al, list) or not all(isinstance(a, str) and a.strip() for a in al):
                err("%s: node %s: aliases must be a list of non-empty strings" % (where, key))
            elif len(set(al)) != len(al):
                err("%s: node %s has duplicate aliases" % (where, key))
            if "props" in o:
                check_props(where, o["props"])
            if key in nodes:
                err("%s: duplicate key %s" % (where, key))
            nodes[key] = o
            if i == 1:
                if key != "doc:" + stem or label != "Document":
                    err("%s: first line must be the Document node doc:%s" % (where, stem))
                elif (o.get("props") or {}).get("kind") != "reference_data":
                    err("%s: Document node must have props kind=reference_data" % where)
        elif kind == "edge":
            extra = set(o) - EDGE_FIELDS
            if extra:
                err("%s: unknown edge fields %s" % (where, sorted(extra)))
            if i == 1:
                err("%s: first line must be the Document node doc:%s" % (where, stem))
            if o.get("type") not in EDGE_TYPES:
                err("%s: unknown edge type %r" % (where, o.get("type")))
            if "props" in o:
                check_props(where, o["props"])
            sig = (o.get("src"), o.get("type"), o.get("dst"))
            if sig in seen_edges:
                err("%s: duplicate edge %s" % (where, sig))
            seen_edges.add(sig)
            edges.append((where, o))
        else:
            err("%s: kind must be node or edge, not %r" % (where, kind))
    for where, o in edges:
        src, typ, dst = o.get("src"), o.get("type"), o.get("dst")
        for end in (src, dst):
            if end not in nodes:
                err("%s: edge end %r is not defined as a node in %s" % (where, end, name))
        if typ in EDGE_TYPES and src in nodes and dst in nodes:
            sl, dl = nodes[src]["label"], nodes[dst]["label"]
            ok_src, ok_dst = EDGE_TYPES[typ]
            if sl not in ok_src or dl not in ok_dst or (typ == "PART_OF" and (sl, dl) not in PART_OF_PAIRS):
                err("%s: %s edge %s(%s) -> %s(%s) not allowed by the ontology" % (where, typ, src, sl, dst, dl))
            if src == dst:
                err("%s: self-loop on %s" % (where, src))
    # one name/alias must not name two different nodes of the same label
    names = {}
    for key, o in nodes.items():
        for s in [o.get("name", "")] + list(o.get("aliases", [])):
            if not isinstance(s, str):
                continue
            f = (o.get("label"), fold_distinct(s))
            if f[1] and f in names and names[f] != key:
                err("%s: name/alias %r is used by both %s and %s" % (name, s, names[f], key))
            names.setdefault(f, key)
    return nodes


def check_file_specifics(all_nodes):
    """Content checks that need no outside data."""
    ms = all_nodes.get("un-member-states")
    if ms is None:
        err("un-member-states.jsonl is missing")
    else:
        states = [o for o in ms.values() if o["label"] == "State"]
        members = [o for o in states if (o.get("props") or {}).get("un_member") is True]
        observers = [o for o in states if (o.get("props") or {}).get("observer") is True]
        if len(members) != 193:
            err("un-member-states: %d UN member states, expected 193" % len(members))
        if sorted(o["key"] for o in observers) != ["state:PSE", "state:VAT"]:
            err("un-member-states: observers are %s, expected state:PSE and state:VAT" % sorted(o["key"] for o in observers))
        seen2, seen49 = {}, {}
        for o in states:
            p = o.get("props") or {}
            k = o["key"]
            if p.get("iso3") != k.split(":")[1]:
                err("un-member-states: %s has iso3 %r" % (k, p.get("iso3")))
            if not (isinstance(p.get("iso2"), str) and re.match(r"^[A-Z]{2}$", p["iso2"])):
                err("un-member-states: %s has a bad iso2 %r" % (k, p.get("iso2")))
            if not isinstance(p.get("m49"), int) or isinstance(p.get("m49"), bool):
                err("un-member-states: %s: m49 must be an integer" % k)
            for d, v in ((seen2, p.get("iso2")), (seen49, p.get("m49"))):
                if v in d:
                    err("un-member-states: %s and %s share the code %r" % (d[v], k, v))
                d[v] = k
    ops = all_nodes.get("un-peace-operations")
    if ops is None:
        err("un-peace-operations.jsonl is missing")
    else:
        for o in ops.values():
            if o["label"] != "Mission":
                continue
            p = o.get("props") or {}
            k = o["key"]
            if p.get("kind") not in ("peacekeeping_operation", "special_political_mission", "other_operation"):
                err("un-peace-operations: %s has kind %r" % (k, p.get("kind")))
            if p.get("lead_department") not in ("DPO", "DPPA"):
                err("un-peace-operations: %s has lead_department %r" % (k, p.get("lead_department")))
            if not isinstance(p.get("start_year"), int):
                err("un-peace-operations: %s has no integer start_year" % k)
            if p.get("active") is not ("end_year" not in p):
                err("un-peace-operations: %s: active=%r disagrees with end_year=%r" % (k, p.get("active"), p.get("end_year")))
            for yk, dk in (("start_year", "start_date"), ("end_year", "end_date")):
                if dk in p and str(p.get(yk)) != p[dk][:4]:
                    err("un-peace-operations: %s: %s=%r disagrees with %s=%r" % (k, yk, p.get(yk), dk, p[dk]))


def compare_states(nodes):
    """country-codes.csv rows with a UNTERM English Short name are the states that UNTERM
    lists. UNTERM marks non-member observer States with one asterisk ("Holy See (the) *") and
    non-member States that are neither members nor observers with two ("Niue **"); those
    two-asterisk rows are not UN member or observer States and must not be listed as such."""
    path = os.path.join(SHARED_REF, "country-codes.csv")
    ours = {o["key"].split(":")[1]: o for o in nodes.values() if o["label"] == "State"}
    n = 0
    listed, all_rows = set(), {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            all_rows[row["ISO3166-1-Alpha-3"].strip()] = row
            short = (row.get("UNTERM English Short") or "").strip()
            if not short:
                continue
            iso3 = row["ISO3166-1-Alpha-3"].strip()
            o = ours.get(iso3)
            if short.endswith("**"):
                if o is not None and ((o.get("props") or {}).get("un_member") or (o.get("props") or {}).get("observer")):
                    err("country-codes.csv: %s (%s) is neither a member nor an observer, but we mark it so" % (iso3, short))
                continue
            n += 1
            listed.add(iso3)
            observer = short.endswith("*")
            if o is None:
                err("country-codes.csv: %s (%s) is not in un-member-states.jsonl" % (iso3, short))
                continue
            p = o.get("props") or {}
            if bool(p.get("observer")) != observer or bool(p.get("un_member")) == observer:
                err("country-codes.csv: %s (%s): un_member=%r observer=%r disagree with the reference" % (
                    iso3, short, p.get("un_member"), p.get("observer")))
            if p.get("iso2") != row["ISO3166-1-Alpha-2"].strip():
                err("country-codes.csv: %s: iso2 %r, reference has %r" % (iso3, p.get("iso2"), row["ISO3166-1-Alpha-2"]))
            try:
                m49 = int(row["M49"].strip())
            except ValueError:
                m49 = row["M49"]
            if p.get("m49") != m49:
                err("country-codes.csv: %s: m49 %r, reference has %r" % (iso3, p.get("m49"), row["M49"]))
    # Our states that the reference does not list under a UNTERM name: acceptable only where the
    # reference has the country with the same codes and merely lacks its UNTERM name.
    for iso3 in sorted(set(ours) - listed):
        row, p = all_rows.get(iso3), ours[iso3].get("props") or {}
        if row is not None and row["ISO3166-1-Alpha-2"].strip() == p.get("iso2") and \
                row["M49"].strip() == str(p.get("m49")) and row.get("is_independent", "").strip() == "Yes":
            print("NOTE: country-codes.csv has no UNTERM name for %s (%s); codes agree" % (
                iso3, row.get("official_name_en") or ours[iso3]["name"]))
        else:
            err("un-member-states.jsonl: %s (%s) is not a UN member or observer State in country-codes.csv" % (
                iso3, ours[iso3]["name"]))
    print("country-codes.csv: %d UN member and observer States with UNTERM names; ours: %d" % (n, len(ours)))


def acr_fold(s):
    return re.sub(r"[^A-Za-z0-9]", "", s).upper()


def year(s):
    s = (s or "").strip()
    return int(s[:4]) if re.match(r"^\d{4}", s) else None


# Rows of un-peace-operations.csv that name no operation we can identify. Each entry needs a
# reason; the comparison prints a NOTE for it instead of failing.
UNIDENTIFIED_ROWS = {
    "UNFOR": "\"United Nations Force\" (HQ Zagreb) has no start or end date and names no distinct "
             "operation; the UN forces in the former Yugoslavia are UNPROFOR and UNPF",
}
COMBINED_RE = re.compile(r"\((I+(?:\s*(?:&|and|,)\s*I+)+)\)\s*$")


def compare_missions(nodes):
    """Every row of un-peace-operations.csv must be one of our missions with the same start
    and end year. A row is matched by acronym (our key), else by an acronym alias, else by
    name (a second acronym for the same operation). A "(I & II)" row combines several of our
    missions: it must span from the first part's start to the last part's end. Where several
    rows describe one mission with different years, ours must equal one of them."""
    path = os.path.join(SHARED_REF, "un-peace-operations.csv")
    by_key, by_alias, by_name = {}, {}, {}
    for o in nodes.values():
        if o["label"] != "Mission":
            continue
        k = o["key"]
        by_key[acr_fold(k.split(":", 1)[1])] = k
        for a in o.get("aliases", []):
            if re.match(r"^[A-Z][A-Za-z0-9 -]*$", a) and len(a) <= 12 and a.upper() == a:
                by_alias.setdefault(acr_fold(a), k)
        for s in [o["name"]] + list(o.get("aliases", [])):
            by_name.setdefault(fold(s), k)
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))

    def props(k):
        return nodes[k].get("props") or {}

    def fold_name(s):
        return fold(re.sub(r"^UN ", "United Nations ", s.replace("\u2019", "'").strip()))

    checks = {}  # mission key -> list of (acronym, [problems])
    for row in rows:
        acr = row["mission_acronym"].strip()
        name = row["mission_name"].strip()
        ref_start, ref_end = year(row["start_date"]), year(row["end_date"])
        ref_active = row["mission_isactive"].strip().lower() == "yes"
        snapshot = (row.get("last_update") or "").strip()
        m = COMBINED_RE.search(name)
        if m:
            parts = re.findall(r"I+", m.group(1))
            keys = [by_key.get(acr_fold(acr + p)) for p in parts]
            if None in keys:
                err("un-peace-operations.csv: %s (%s) combines %s, not all of which are our missions" % (
                    acr, name, ["%s %s" % (acr, p) for p in parts]))
                continue
            s0, e1 = props(keys[0]).get("start_year"), props(keys[-1]).get("end_year")
            if (ref_start, ref_end) != (s0, e1):
                err("un-peace-operations.csv: %s (%s): spans %r-%r, our %s..%s span %r-%r" % (
                    acr, name, ref_start, ref_end, keys[0], keys[-1], s0, e1))
            continue
        k = by_key.get(acr_fold(acr)) or by_alias.get(acr_fold(acr)) or by_name.get(fold_name(name))
        if k is None:
            if acr in UNIDENTIFIED_ROWS:
                print("NOTE: un-peace-operations.csv row %s not compared: %s" % (acr, UNIDENTIFIED_ROWS[acr]))
            else:
                err("un-peace-operations.csv: %s (%s) has no mission in un-peace-operations.jsonl" % (acr, name))
            continue
        p = props(k)
        problems = []
        if ref_start is not None and p.get("start_year") != ref_start:
            problems.append("start_year %r, reference has %r" % (p.get("start_year"), ref_start))
        our_end = p.get("end_year")
        if our_end == ref_end:
            pass
        elif acr_fold(acr) == "MINUSMA" and ref_end is None and our_end == 2023:
            pass  # documented fault (../shared/reference/README.md): still marked active, closed 2023-12-31
        elif ref_end is None and ref_active and snapshot and (p.get("end_date") or "") > snapshot:
            pass  # the list is a snapshot as of last_update; the mission closed after it
        elif ref_end is None and not ref_active:
            pass  # closed, but the reference gives no end date: nothing to compare
        else:
            problems.append("end_year %r, reference has %r" % (our_end, ref_end))
        checks.setdefault(k, []).append((acr, problems))
    for k, results in sorted(checks.items()):
        if any(not probs for _, probs in results):
            for acr, probs in results:
                if probs:
                    print("NOTE: un-peace-operations.csv rows for %s disagree; row %s: %s (another row matches)" % (
                        k, acr, "; ".join(probs)))
            continue
        for acr, probs in results:
            err("un-peace-operations.csv: %s -> %s: %s" % (acr, k, "; ".join(probs)))


def main():
    if not os.path.isdir(DATA_DIR):
        err("no directory %s" % DATA_DIR)
        return 1
    files = sorted(f for f in os.listdir(DATA_DIR) if f.endswith(".jsonl"))
    if not files:
        err("no .jsonl files in %s" % DATA_DIR)
    all_nodes = {}
    for fn in files:
        nodes = load_file(os.path.join(DATA_DIR, fn))
        if nodes is not None:
            all_nodes[fn[:-len(".jsonl")]] = nodes
    # a key defined fully in one file and minimally in others must keep one name
    first_name = {}
    for stem, nodes in sorted(all_nodes.items()):
        for key, o in nodes.items():
            if key in first_name and first_name[key][1] != o.get("name"):
                err("%s: %s is named %r here but %r in %s" % (stem, key, o.get("name"), first_name[key][1], first_name[key][0]))
            first_name.setdefault(key, (stem, o.get("name")))
    check_file_specifics(all_nodes)
    print("format checks: %d files, %d nodes, %d errors" % (
        len(files), sum(len(n) for n in all_nodes.values()), len(errors)))
    if errors:
        return 1
    if not os.path.isdir(SHARED_REF):
        print("SKIP: ../shared/reference not found; reference comparison skipped")
        return 77
    if "un-member-states" in all_nodes:
        compare_states(all_nodes["un-member-states"])
    if "un-peace-operations" in all_nodes:
        compare_missions(all_nodes["un-peace-operations"])
    if errors:
        print("%d mismatches" % len(errors))
        return 1
    print("OK: reference data matches %s" % SHARED_REF)
    return 0


if __name__ == "__main__":
    sys.exit(main())
