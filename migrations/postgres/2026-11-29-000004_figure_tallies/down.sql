DROP INDEX monthly_plans_month_idx;
DROP INDEX projects_search_text_idx;
ALTER TABLE projects DROP COLUMN declared_domestic;
ALTER TABLE projects DROP COLUMN declared_total;
ALTER TABLE projects DROP COLUMN center_hires;
ALTER TABLE projects DROP COLUMN jobs_created;
DROP TABLE region_figures;
DROP TABLE region_month_figures;
DROP TABLE region_day_figures;
