DROP TABLE region_month_figures;
DROP TABLE region_day_figures;
