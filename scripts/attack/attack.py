#!/usr/bin/env python3
"""The attacker of SPEC §4.5: reads a suppressed build's slutrapport.xml,
slutrapport.xlsx and slutrapport.md (built with --lang en), rebuilds every linear relation between its counts from
SPEC §4's definitions (model.py), and for every primary hidden count solves,
with integer programs (scipy.optimize.milp), the smallest and the largest
value it can prove. The promise: 1 and N−1, unless an always-shown total
(the project's participants, active, ended) is smaller.

Before attacking, the relations are checked on the true figures, worked out
from the project's own input files (truth.py): a relation that does not hold
there is a bug in this test and fails it loudly. Every figure a build shows
(the suppressed one and the plain one) is compared with the true figure too,
and every hiding mark with what it is documented to mean.

  attack.py --project DIR --suppressed OUT_S/<id> [--plain OUT_P/<id>] --suppress-below N [--as-of D] [--json]

Exit status: 0 nothing narrowed and every check held; 1 otherwise.
"""
import argparse
import json
import os
import sys

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_matrix

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import Rel, kstr, read_xml, relations  # noqa: E402
from truth import load_project, true_figures  # noqa: E402
from workbook import read_md, read_xlsx  # noqa: E402

RESULT_ESF = ("job_searching", "education_training", "employment", "qualification")
# Counts the report shows whatever their size: the project's own totals (SPEC §4.5), the ESF+ total
# (the same number), and the timeline's monthly totals (docs/disclosure.md §7).
ALWAYS_SHOWN = {("P", "proj", "T"), ("A", "proj", "T"), ("E", "proj", "T"), ("ESF", "total", "T")}


def always_shown(key):
    return key in ALWAYS_SHOWN or (key[0] == "TLS" and key[-1] == "T") or key[0] == "TLE"


def load(build_dir, project, n_main, read_workbook=True):
    xml = os.path.join(build_dir, "slutrapport.xml")
    pub, st = read_xml(xml, project, n_main)
    unplaced = []
    for name, reader in (("slutrapport.xlsx", read_xlsx), ("slutrapport.md", read_md)):
        path = os.path.join(build_dir, name)
        if read_workbook and os.path.exists(path):
            if st.lang == "en":
                unplaced += reader(path, pub, st, project)
            else:
                unplaced.append(f"{name} not read: build with --lang en")
    return pub, st, unplaced


def secondary_floor(n, mode):
    if mode == "doc":
        # docs/disclosure.md §3-4: every 0 < c < N is hidden first, then ".." hides the smallest
        # *shown non-zero* cell, and zeros are never hidden: a ".." is at least N (at least 1 when
        # the cell's own table has no N).
        return max(n, 1)
    return int(mode)


class Attack:
    def __init__(self, pub, st, project, truth=None, floor_mode="doc"):
        self.pub, self.st, self.truth = pub, st, truth
        self.structural = relations(st, project)
        self.rels = self.structural + pub.rels
        self.floor_mode = floor_mode
        self.errors = []
        self.total = pub.values.get(("P", "proj", "T"), (None,))[0]
        self.ub = self.total if self.total is not None else 10 ** 7

    # -- the self-check -------------------------------------------------------------------
    def self_check(self, label):
        t = self.truth
        if t is None:
            return
        for r in self.rels:
            ok, s = r.holds(lambda k: t[k])
            if not ok:
                terms = ", ".join(f"{c}×{kstr(k)}={t[k]}" for k, c in r.coeffs.items())
                self.errors.append(f"RELATION FAILS ON TRUE FIGURES ({label}): {r.why}: {s} not in "
                                   f"[{r.lo}, {r.hi}]  ({terms})")
        self.check_published(self.pub, label)

    def check_published(self, pub, label):
        t = self.truth
        for k, (v, where) in pub.values.items():
            if t[k] != v:
                self.errors.append(f"FIGURE ({label}): {where} shows {v}, the true figure is {t[k]}")
            n = pub.n_of(k, self.st.sensitive)
            if 0 < v < n and not always_shown(k):
                self.errors.append(f"SMALL COUNT SHOWN ({label}): {where} shows {v} < N={n}")
        for k, (n, where) in pub.primary.items():
            if not 1 <= t[k] <= n - 1:
                self.errors.append(f"MARK ({label}): {where} is '<{n}' but the true figure is {t[k]}")
        for k, (n, where) in pub.secondary.items():
            f = secondary_floor(n, self.floor_mode)
            if t[k] < f:
                self.errors.append(f"MARK ({label}): {where} is '..' (documented ≥ {f}) but the true figure is {t[k]}")
        for c in pub.conflicts:
            self.errors.append(f"FORMATS DISAGREE ({label}): {c}")

    # -- the attack -----------------------------------------------------------------------
    def bounds_of(self, k):
        pub = self.pub
        if k in pub.values:
            v = pub.values[k][0]
            return v, v
        if k in pub.primary:
            n = pub.primary[k][0]
            return 1, n - 1
        if k in pub.secondary:
            return secondary_floor(pub.secondary[k][0], self.floor_mode), self.ub
        return 0, self.ub

    def ideal(self, k):
        """1 and N−1, or less when the always-shown total the count is part of is smaller."""
        n = self.pub.primary[k][0]
        pv = self.pub.values
        big = self.ub
        if k[0] == "A":
            cap = pv.get(("A", "proj", "T"), (big,))[0]
        elif k[0] in ("E", "X", "BDE", "BDNSE", "TLE") or (k[0] == "ESF" and k[1] in RESULT_ESF) or \
                (k[0] == "ESFNS" and k[1] == "qualification"):
            cap = pv.get(("E", "proj", "T"), (big,))[0]
        else:
            cap = pv.get(("P", "proj", "T"), (big,))[0]
        return 1, min(n - 1, cap)

    def run(self, max_routes=3, max_narrowed=0, route_cells=None):
        pub = self.pub
        for k in [k for k in pub.primary if k in pub.secondary]:
            # one format says "<N", another "..": they contradict each other (the check reports it);
            # the attacker keeps only what both allow, that the count is not zero
            self.errors.append(f"MARKS DISAGREE: {pub.primary[k][1]} is '<{pub.primary[k][0]}', "
                               f"{pub.secondary[k][1]} is '..'")
            del pub.primary[k]
            pub.secondary[k] = (1, pub.secondary[k][1])
        self.primaries = list(pub.primary)
        keys = set(pub.keys)
        for r in self.rels:
            keys.update(r.coeffs)
        lb, ub = {}, {}
        for k in keys:
            lb[k], ub[k] = self.bounds_of(k)
            if lb[k] > ub[k]:
                self.errors.append(f"BOUNDS: {kstr(k)} cannot be in [{lb[k]}, {ub[k]}]")
        # 1. everything published; 2. the marks, the zeros and the always-shown totals on their own, with
        #    the relations of SPEC §4 (no other shown figure, share or goal; a shown count only as "not
        #    small"): what no report with these marks can avoid. A count is narrowed when 1 proves more than 2.
        full = Program(self.rels, lb, ub, self.truth)
        self.errors += full.errors
        lb2, ub2 = {}, {}
        for k in keys:
            if k in pub.values and k not in ALWAYS_SHOWN:
                # What the marks say of a count shown with no mark (docs/disclosure.md, "The proof"):
                # a zero is a zero (the method never hides one); any other is not small, at least its
                # N as a '..' is; a count shown though small (a month's totals) is what it is.
                v, n = pub.values[k][0], pub.n_of(k, self.st.sensitive)
                if v == 0 or v < n:
                    lb2[k], ub2[k] = v, v
                else:
                    lb2[k], ub2[k] = secondary_floor(n, self.floor_mode), self.ub
            else:
                lb2[k], ub2[k] = lb[k], ub[k]
        marks_only = Program(self.structural, lb2, ub2, self.truth)
        self.narrowed, self.inside = [], []
        self.complete = True
        routes_left = max_routes
        order = sorted(self.primaries, key=kstr)
        if route_cells:
            order = [k for k in order if kstr(k) in route_cells]
        for at in range(0, len(order), 8):
            if max_narrowed and len(self.narrowed) >= max_narrowed:
                self.complete = False
                break
            chunk = order[at:at + 8]
            ideal = {k: self.ideal(k) for k in chunk}
            got = full.bounds(chunk, {k: ideal[k][0] for k in chunk}, {k: ideal[k][1] for k in chunk})
            inside = [k for k in chunk if got[k][0] > ideal[k][0] or got[k][1] < ideal[k][1]]
            if not inside:
                continue
            # can the marks alone reach past what everything published proves?
            allowed = marks_only.bounds(inside, {k: got[k][0] - 1 for k in inside}, {k: got[k][1] + 1 for k in inside},
                                        lp_first=True)
            for k in inside:
                mn, mx = got[k]
                if route_cells and (allowed[k][0] < mn or allowed[k][1] > mx):
                    # narrowed, and shown with its route: the marks' own bounds, exactly
                    allowed[k] = marks_only.bounds([k], {k: -1}, {k: 10 ** 9})[k]
                a_lo, a_hi = max(allowed[k][0], ideal[k][0]), min(allowed[k][1], ideal[k][1])
                item = {"cell": kstr(k), "mark": pub.primary[k][1], "min": mn, "max": mx, "ideal": list(ideal[k]),
                        "allowed": [a_lo, a_hi], "allowedExact": bool(route_cells)}
                if k in pub.values:
                    item["route"] = [f"shown as {pub.values[k][0]} in {pub.values[k][1]}"]
                if mn > a_lo or mx < a_hi:
                    if (routes_left > 0 or route_cells) and "route" not in item:
                        item["route"] = full.route(k, (a_lo, mn - 1) if mn > a_lo else (mx + 1, a_hi), self)
                        routes_left -= 1
                    self.narrowed.append(item)
                else:
                    self.inside.append(item)
        self.errors += [e for e in marks_only.errors if e not in self.errors]
        return self

    def mark_text(self, x):
        if x in self.pub.primary:
            return f" '<{self.pub.primary[x][0]}'"
        if x in self.pub.secondary:
            return " '..'"
        if x in self.pub.hidden:
            return " (hidden)"
        if x in self.pub.values:
            return f"={self.pub.values[x][0]}"
        return " (not published)"


class Program:
    """The attacker's integer program: relations, a range per count; split into connected components
    of the counts it does not know."""

    def __init__(self, rels, lb, ub, truth):
        self.lb, self.ub, self.truth = lb, ub, truth
        self.errors = []
        fixed = {k: lb[k] for k in lb if lb[k] == ub[k]}
        self.fixed = fixed
        reduced = []
        for r in rels:
            const = sum(c * fixed[k] for k, c in r.coeffs.items() if k in fixed)
            free = {k: c for k, c in r.coeffs.items() if k not in fixed}
            lo = None if r.lo is None else r.lo - const
            hi = None if r.hi is None else r.hi - const
            if not free:
                if (lo is not None and lo > 0) or (hi is not None and hi < 0):
                    self.errors.append(f"PUBLISHED FIGURES BREAK A RELATION: {r.why} "
                                       f"({', '.join(f'{c}×{kstr(k)}={fixed[k]}' for k, c in r.coeffs.items())})")
                continue
            reduced.append((free, lo, hi, r))
        parent = {}

        def find(x):
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x
        for free, _, _, _ in reduced:
            ks = list(free)
            for k in ks[1:]:
                a, b = find(ks[0]), find(k)
                if a != b:
                    parent[a] = b
        self.comp_of = {k: find(k) for k in lb if k not in fixed}
        self.comp_rels = {}
        for item in reduced:
            self.comp_rels.setdefault(find(next(iter(item[0]))), []).append(item)
        self.comp_vars = {}
        for k, c in self.comp_of.items():
            self.comp_vars.setdefault(c, []).append(k)
        self.cache = {}

    def component(self, root):
        if root in self.cache:
            return self.cache[root]
        vars_ = sorted(self.comp_vars[root], key=kstr)
        crels = self.comp_rels.get(root, [])
        idx = {k: i for i, k in enumerate(vars_)}
        rows, cols, data, lo, hi = [], [], [], [], []
        for j, (free, l, h, _) in enumerate(crels):
            for k, c in free.items():
                rows.append(j)
                cols.append(idx[k])
                data.append(c)
            lo.append(-np.inf if l is None else l)
            hi.append(np.inf if h is None else h)
        A = csr_matrix((data, (rows, cols)), shape=(len(crels), len(vars_))) if crels else None
        comp = {"vars": vars_, "rels": crels, "idx": idx, "A": A, "lo": np.array(lo), "hi": np.array(hi),
                "L": np.array([self.lb[k] for k in vars_], dtype=float),
                "U": np.array([self.ub[k] for k in vars_], dtype=float)}
        self.cache[root] = comp
        return comp

    def solve(self, comp, c, extra=None, mask=None, relaxed=False):
        n = len(comp["vars"])
        cons = []
        A = comp["A"]
        if A is not None:
            if mask is None:
                cons.append(LinearConstraint(A, comp["lo"], comp["hi"]))
            elif mask.any():
                cons.append(LinearConstraint(A[mask], comp["lo"][mask], comp["hi"][mask]))
        L, U = comp["L"].copy(), comp["U"].copy()
        for i, (a, b) in (extra or {}).items():
            L[i], U[i] = max(L[i], a), min(U[i], b)
        if (L > U).any():
            return None
        res = milp(c, constraints=cons, integrality=np.zeros(n) if relaxed else np.ones(n), bounds=Bounds(L, U),
                   options={"time_limit": 60})
        if res.status == 0:
            return res.x if relaxed else np.round(res.x).astype(int)
        if res.status == 2:
            return None
        raise RuntimeError(f"milp: {res.message}")

    def bounds(self, targets, lo_goal, hi_goal, lp_first=False):
        """{k: (mn, mx)}: mn is the proven minimum when that is above lo_goal[k], else some
        feasible value at or below it; mx likewise against hi_goal[k]. With lp_first, a linear
        relaxation that already rules out lo_goal[k] gives mn as the relaxation's bound rounded up
        (a proven lower bound above lo_goal, not always the minimum)."""
        out = {}
        by_comp = {}
        for k in targets:
            if k in self.fixed:
                out[k] = (self.fixed[k], self.fixed[k])
            else:
                by_comp.setdefault(self.comp_of[k], []).append(k)
        for root, prim in by_comp.items():
            comp = self.component(root)
            idx, n = comp["idx"], len(comp["vars"])
            seen_lo, seen_hi = {}, {}

            def witness(x):
                for k in prim:
                    v = int(x[idx[k]])
                    seen_lo[k] = min(seen_lo.get(k, v), v)
                    seen_hi[k] = max(seen_hi.get(k, v), v)
            if self.truth is not None:
                x = np.array([self.truth[k] for k in comp["vars"]])
                A = comp["A"]
                if (x >= comp["L"]).all() and (x <= comp["U"]).all() and \
                        (A is None or ((A @ x >= comp["lo"]) & (A @ x <= comp["hi"])).all()):
                    witness(x)
            for sign, seen, goal in ((1, seen_lo, lo_goal), (-1, seen_hi, hi_goal)):
                for _ in range(4):
                    todo = [k for k in prim if k not in seen or (seen[k] > goal[k] if sign > 0 else seen[k] < goal[k])]
                    if not todo:
                        break
                    before = [seen.get(k) for k in todo]
                    c = np.zeros(n)
                    for k in todo:
                        c[idx[k]] = sign
                    x = self.solve(comp, c)
                    if x is None:
                        self.errors.append("INFEASIBLE: the published figures and the relations of a component with "
                                           + ", ".join(kstr(k) for k in prim[:5]) + " have no solution")
                        for k in prim:
                            out[k] = (lo_goal[k], hi_goal[k])
                        break
                    witness(x)
                    if [seen.get(k) for k in todo] == before or len(todo) == 1:
                        break
                else:
                    pass
                if len(out) and all(k in out for k in prim):
                    break
            if all(k in out for k in prim):
                continue
            for k in prim:
                mn, mx = seen_lo[k], seen_hi[k]
                if mn > lo_goal[k]:
                    c = np.zeros(n)
                    c[idx[k]] = 1
                    lp = self.solve(comp, c, relaxed=True) if lp_first else None
                    if lp is not None and np.ceil(lp[idx[k]] - 1e-6) > lo_goal[k]:
                        mn = int(np.ceil(lp[idx[k]] - 1e-6))
                    else:
                        x = self.solve(comp, c)
                        witness(x)
                        mn = int(x[idx[k]])
                if mx < hi_goal[k]:
                    c = np.zeros(n)
                    c[idx[k]] = -1
                    lp = self.solve(comp, c, relaxed=True) if lp_first else None
                    if lp is not None and np.floor(lp[idx[k]] + 1e-6) < hi_goal[k]:
                        mx = int(np.floor(lp[idx[k]] + 1e-6))
                    else:
                        x = self.solve(comp, c)
                        witness(x)
                        mx = int(x[idx[k]])
                out[k] = (mn, mx)
        return out

    def route(self, k, ruled_out, att):
        """A minimal set of relations that still rules out `ruled_out` for k (deletion filter)."""
        comp = self.component(self.comp_of[k])
        crels = comp["rels"]
        if len(crels) > 400:
            return [f"(a component of {len(comp['vars'])} unknown counts and {len(crels)} relations)"]
        i = comp["idx"][k]
        target = {i: ruled_out}
        mask = np.ones(len(crels), dtype=bool)
        zero = np.zeros(len(comp["vars"]))
        # drop the widest relations first, so that the route left is made of the narrow ones
        for j in sorted(range(len(crels)), key=lambda j: (-len(crels[j][0]), j)):
            mask[j] = False
            if self.solve(comp, zero, target, mask) is not None:
                mask[j] = True
        steps = []
        for j in np.nonzero(mask)[0]:
            free, _, _, r = crels[j]
            known = [f"{kstr(x)}={self.fixed[x]}" for x in r.coeffs if x in self.fixed]
            hidden = [f"{kstr(x)}{att.mark_text(x)}" for x in free]
            steps.append(f"{r.why}  [known: {', '.join(known) or '–'}; unknown: {', '.join(hidden)}]")
        return steps


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--project", required=True)
    ap.add_argument("--suppressed", required=True, help="the build's OUT/<id> folder")
    ap.add_argument("--plain", help="the same project built without --suppress-below")
    ap.add_argument("--suppress-below", type=int, default=0)
    ap.add_argument("--as-of")
    ap.add_argument("--secondary-floor", default="doc", help="what '..' is known to be at least: doc (N), 1 or 0")
    ap.add_argument("--routes", type=int, default=3)
    ap.add_argument("--max-narrowed", type=int, default=0, help="stop after this many narrowed counts (0: find all)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    result = attack_project(a.project, a.suppressed, a.plain, a.suppress_below, a.as_of, a.secondary_floor, a.routes, a.max_narrowed)
    if a.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print_result(result)
    return 1 if result["errors"] or result["narrowed"] else 0


def attack_project(project_dir, suppressed_dir, plain_dir, n_main, as_of=None, floor_mode="doc", routes=3,
                   max_narrowed=0, route_cells=None):
    project = load_project(project_dir)
    truth = true_figures(project_dir, as_of)
    pub, st, unplaced = load(suppressed_dir, project, n_main)
    att = Attack(pub, st, project, truth, floor_mode)
    att.self_check("suppressed build")
    if plain_dir:
        errors, punplaced = check_plain(project, plain_dir, truth, floor_mode)
        att.errors += errors
        unplaced += punplaced
    if truth is None:
        att.errors.append("no true figures: the project's input is not one the truth reader takes")
    att.run(max_routes=routes, max_narrowed=max_narrowed, route_cells=route_cells)
    return {"project": project_dir, "suppressBelow": n_main, "primary": len(att.primaries),
            "secondary": len(pub.secondary), "relations": len(att.rels), "narrowed": att.narrowed,
            "inside": att.inside, "complete": att.complete,
            "errors": att.errors, "unplaced": unplaced, "notes": pub.notes}


def check_plain(project, plain_dir, truth, floor_mode="doc"):
    """The plain build (no --suppress-below): every figure it shows against the true one, and
    without true figures, every relation whose counts it all shows."""
    ppub, pst, punplaced = load(plain_dir, project, 0)
    plain = Attack(ppub, pst, project, truth, floor_mode)
    plain.self_check("plain build")
    errors = [e for e in plain.errors if not e.startswith("RELATION FAILS")]
    if truth is None:
        for r in plain.rels:
            if all(k in ppub.values for k in r.coeffs):
                ok, s = r.holds(lambda k: ppub.values[k][0])
                if not ok:
                    errors.append(f"RELATION FAILS ON THE PLAIN BUILD: {r.why}: {s}")
    return errors, [u + " (plain)" for u in punplaced]


def print_result(r):
    print(f"{r['project']} --suppress-below {r['suppressBelow']}: {r['primary']} primary hidden counts, "
          f"{r['secondary']} secondary, {r['relations']} relations; {len(r['narrowed'])} narrowed beyond what the "
          f"marks and the always-shown totals allow, {len(r['inside'])} more narrowed inside 1..N−1 only by them")
    for e in r["errors"]:
        print("  ERROR", e)
    for n in r["narrowed"]:
        print(f"  NARROWED {n['cell']} ({n['mark']}): attacker proves [{n['min']}, {n['max']}], "
              f"marks and always-shown totals allow {'' if n.get('allowedExact') else 'at least '}"
              f"[{n['allowed'][0]}, {n['allowed'][1]}]")
        for step in n.get("route") or []:
            print("      via", step)
    for u in r["unplaced"]:
        print("  note:", u)


if __name__ == "__main__":
    sys.exit(main())
