#!/usr/bin/env python3
"""Writes N valid hire rows (employment-center hires, unique IINs) as the hire import's CSV.

Usage: hires_csv.py N START_SERIAL HIRE_DATE > hires.csv
Used by scripts/bench; the IINs are built with the same check digit as domain::identifier.
"""
import sys


def check_digit(d11):
    digits = [int(c) for c in d11]
    s = sum(d * w for d, w in zip(digits, range(1, 12))) % 11
    if s == 10:
        s = sum(d * w for d, w in zip(digits, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])) % 11
    return None if s == 10 else s


def iins(start):
    n = start
    while True:
        # Born 1940-1964 (25 years of 336 days), before anyone `jobmap seed` generates, so
        # no row meets a seeded worker's active job (rule 4). Serial 0-9999.
        day = n % 8400
        serial = n // 8400 % 10000
        year = 1940 + day // 336
        month = 1 + (day % 336) // 28
        dom = 1 + day % 28
        sex = 3
        d11 = f"{year % 100:02}{month:02}{dom:02}{sex}{serial:04}"
        n += 1
        c = check_digit(d11)
        if c is not None:
            yield d11 + str(c)


def main():
    count, start, hired = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    out = sys.stdout
    out.write("iin,full_name,home_settlement,position,hire_date,kind,channel,"
              "referral_number,referral_date,arrived_from_other_settlement,monthly_wage_tenge\n")
    for i, iin in zip(range(count), iins(start)):
        out.write(f"{iin},Тестов Тест,Уральск,Бетонщик,{hired},temporary,employment_center,"
                  f"ЦЗ-B/{start + i},{hired},false,150000\n")


if __name__ == "__main__":
    main()
