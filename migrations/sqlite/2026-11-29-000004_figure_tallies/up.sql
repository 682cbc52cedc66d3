-- The programme's figures as running deltas, per region and day and per region and month,
-- written by the transaction that changes what they count (a hire, a status change, a
-- contract, a lifting payment). The figures as of a date are the sum of the deltas up to
-- it, so the dashboard reads a few hundred rows whatever the number of jobs.
CREATE TABLE region_day_figures (
    region_code          TEXT NOT NULL REFERENCES regions (code),
    day                  DATE NOT NULL,
    projects_selected    BIGINT NOT NULL DEFAULT 0,
    projects_approved    BIGINT NOT NULL DEFAULT 0,
    projects_started     BIGINT NOT NULL DEFAULT 0,
    projects_completed   BIGINT NOT NULL DEFAULT 0,
    planned_jobs         BIGINT NOT NULL DEFAULT 0,
    planned_center_hires BIGINT NOT NULL DEFAULT 0,
    planned_permanent    BIGINT NOT NULL DEFAULT 0,
    budget_tenge         BIGINT NOT NULL DEFAULT 0,
    jobs_created         BIGINT NOT NULL DEFAULT 0,
    center_hires         BIGINT NOT NULL DEFAULT 0,
    youth_hires          BIGINT NOT NULL DEFAULT 0,
    permanent_created    BIGINT NOT NULL DEFAULT 0,
    lifting_paid         BIGINT NOT NULL DEFAULT 0,
    lifting_paid_tenge   BIGINT NOT NULL DEFAULT 0,
    contracts_value      BIGINT NOT NULL DEFAULT 0,
    contracts_domestic   BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (region_code, day)
);
-- (day, jobs_created) covers the monthly chart's query.
CREATE INDEX region_day_figures_day_idx ON region_day_figures (day, jobs_created);

-- day is the first day of the month.
CREATE TABLE region_month_figures (
    region_code          TEXT NOT NULL REFERENCES regions (code),
    day                  DATE NOT NULL,
    projects_selected    BIGINT NOT NULL DEFAULT 0,
    projects_approved    BIGINT NOT NULL DEFAULT 0,
    projects_started     BIGINT NOT NULL DEFAULT 0,
    projects_completed   BIGINT NOT NULL DEFAULT 0,
    planned_jobs         BIGINT NOT NULL DEFAULT 0,
    planned_center_hires BIGINT NOT NULL DEFAULT 0,
    planned_permanent    BIGINT NOT NULL DEFAULT 0,
    budget_tenge         BIGINT NOT NULL DEFAULT 0,
    jobs_created         BIGINT NOT NULL DEFAULT 0,
    center_hires         BIGINT NOT NULL DEFAULT 0,
    youth_hires          BIGINT NOT NULL DEFAULT 0,
    permanent_created    BIGINT NOT NULL DEFAULT 0,
    lifting_paid         BIGINT NOT NULL DEFAULT 0,
    lifting_paid_tenge   BIGINT NOT NULL DEFAULT 0,
    contracts_value      BIGINT NOT NULL DEFAULT 0,
    contracts_domestic   BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (region_code, day)
);
CREATE INDEX region_month_figures_day_idx ON region_month_figures (day, jobs_created);

-- The running totals: today's figures (nothing is dated after today), one row per region.
CREATE TABLE region_figures (
    region_code          TEXT PRIMARY KEY NOT NULL REFERENCES regions (code),
    projects_selected    BIGINT NOT NULL DEFAULT 0,
    projects_approved    BIGINT NOT NULL DEFAULT 0,
    projects_started     BIGINT NOT NULL DEFAULT 0,
    projects_completed   BIGINT NOT NULL DEFAULT 0,
    planned_jobs         BIGINT NOT NULL DEFAULT 0,
    planned_center_hires BIGINT NOT NULL DEFAULT 0,
    planned_permanent    BIGINT NOT NULL DEFAULT 0,
    budget_tenge         BIGINT NOT NULL DEFAULT 0,
    jobs_created         BIGINT NOT NULL DEFAULT 0,
    center_hires         BIGINT NOT NULL DEFAULT 0,
    youth_hires          BIGINT NOT NULL DEFAULT 0,
    permanent_created    BIGINT NOT NULL DEFAULT 0,
    lifting_paid         BIGINT NOT NULL DEFAULT 0,
    lifting_paid_tenge   BIGINT NOT NULL DEFAULT 0,
    contracts_value      BIGINT NOT NULL DEFAULT 0,
    contracts_domestic   BIGINT NOT NULL DEFAULT 0
);

-- Each approved project's hires and declared contract value, kept by the hire and contract
-- transactions like the contracts' own counters, so that the map and the region pages list
-- thousands of projects without aggregating contracts per request.
ALTER TABLE projects ADD COLUMN jobs_created INTEGER NOT NULL DEFAULT 0;
ALTER TABLE projects ADD COLUMN center_hires INTEGER NOT NULL DEFAULT 0;
ALTER TABLE projects ADD COLUMN declared_total BIGINT NOT NULL DEFAULT 0;
ALTER TABLE projects ADD COLUMN declared_domestic BIGINT NOT NULL DEFAULT 0;

-- Project search reads this narrow index instead of the table: a substring (LIKE '%…%')
-- cannot seek, but it scans a few hundred kilobytes at national scale instead of megabytes.
CREATE INDEX projects_search_text_idx ON projects (search_text);

-- The national monthly plan, summed month by month, read from the index alone.
CREATE INDEX monthly_plans_month_idx ON monthly_plans (month, planned_jobs);

