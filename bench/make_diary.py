#!/usr/bin/env python3
"""Writes a synthetic backplan-diary-1 document (what `backplan diary import` reads):

  make_diary.py DAYS [LAST-DAY]     (LAST-DAY: YYYY-MM-DD, default 2026-11-29)

A session on most days for DAYS days ending on LAST-DAY (about six or seven a week, a second session on
some days), pains that drift down with flare-ups now and then, the side plank and bird dog
moving up and back down their ladders with the progression's reasons, a skipped step now and
then, a functional measure every two weeks and a PSFS rating every week. The same arguments
always give the same document (a fixed seed)."""
import datetime
import json
import random
import sys

days = int(sys.argv[1])
last = datetime.date.fromisoformat(sys.argv[2] if len(sys.argv) > 2 else "2026-11-29")
rng = random.Random(11)
levels = ["beginner", "standard", "advanced"]
sessions, measures, ratings = [], [], []
plank, stage = 0, 0
for i in range(days):
    date = last - datetime.timedelta(days=days - 1 - i)
    if rng.random() < 0.06:
        continue
    flare = rng.random() < 0.05
    base = max(0, 4 - i * 3 // max(days, 1))
    for n in range(2 if rng.random() < 0.08 else 1):
        before = min(10, base + rng.randint(0, 2) + (3 if flare else 0))
        during = min(10, before + rng.randint(-1, 2) + (2 if flare else 0))
        changes = []
        if flare and plank > 0 and n == 0:
            plank -= 1
            changes.append(f"Side plank: back to the {levels[plank]} version — pain reached {during} during the last session")
        elif n == 0 and i % 17 == 16 and plank < 2:
            plank += 1
            changes.append(f"Side plank: up to the {levels[plank]} version — pain stayed at 5 or below and settled by the morning in your last 3 sessions")
        elif n == 0 and i % 11 == 10:
            stage = (stage + 1) % 4
            changes.append(f"Bird dog: {6 + stage}-{4 + stage}-{2 + stage} repetitions — the last 3 sessions went well")
        steps = [
            {"id": "foam-roll-glutes", "slot": "foam-roll-glutes", "level": None, "stage": 0,
             "skipped": rng.random() < 0.1},
            {"id": "cat-camel", "slot": "cat-camel", "level": None, "stage": 0, "skipped": False},
            {"id": "side-plank-knees" if plank == 0 else "side-plank", "slot": "side-plank",
             "level": levels[plank], "stage": 0, "skipped": False},
            {"id": "bird-dog", "slot": "bird-dog", "level": "standard", "stage": stage,
             "skipped": False},
        ]
        sessions.append({
            "uid": f"bench-{date.isoformat()}-{n}", "date": date.isoformat(),
            "time": "07:30" if n == 0 else "18:15", "routine": "daily", "level": "standard",
            "profile": {}, "steps": steps, "pain_before": before, "pain_during": max(0, during),
            "pain_morning": None if rng.random() < 0.2 else max(0, before - rng.randint(0, 2)),
            "note": "Stiff after sitting, easier by the end" if rng.random() < 0.05 else "",
            "tags": ["lower-back"] if during >= 5 else [], "changes": changes})
    if i % 14 == 0:
        for kind, value in (("sitting-minutes", 20 + i * 25 // max(days, 1)),
                            ("toe-reach-cm", 12 - i * 6 // max(days, 1))):
            measures.append({"uid": f"m-{kind}-{date.isoformat()}", "date": date.isoformat(),
                             "kind": kind, "value": value})
    if i % 7 == 0:
        for goal in (1, 2):
            ratings.append({"uid": f"r-{goal}-{date.isoformat()}", "goal": goal,
                            "date": date.isoformat(),
                            "score": min(10, 2 + goal + i * 5 // max(days, 1))})
first = (last - datetime.timedelta(days=days - 1)).isoformat()
goals = [{"uid": "g-1", "number": 1, "activity": "Tie my shoes standing", "added": first, "dropped": None},
         {"uid": "g-2", "number": 2, "activity": "Garden for an hour", "added": first, "dropped": None}]
json.dump({"format": "backplan-diary-1", "sessions": sessions, "measures": measures,
           "goals": goals, "ratings": ratings}, sys.stdout, indent=1, ensure_ascii=False)
print()
