#!/usr/bin/env python3
"""Writes N valid hires (employment-center hires, unique IINs) as the body of the bulk hire API.

Usage: hires_json.py N START_SERIAL HIRE_DATE > batch.json
The same rows as `hires_csv.py N START_SERIAL HIRE_DATE`, so the API and the CSV import can be
timed on the same data (used by scripts/bench_api_bulk).
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hires_csv import iins  # noqa: E402


def main():
    count, start, hired = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    jobs = [
        {
            "iin": iin,
            "full_name": "Тестов Тест",
            "home_settlement": "Уральск",
            "position": "Бетонщик",
            "hire_date": hired,
            "kind": "temporary",
            "channel": "employment_center",
            "referral_number": f"ЦЗ-B/{start + i}",
            "referral_date": hired,
            "arrived_from_other_settlement": False,
            "monthly_wage_tenge": 150000,
        }
        for i, iin in zip(range(count), iins(start))
    ]
    json.dump({"jobs": jobs}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
