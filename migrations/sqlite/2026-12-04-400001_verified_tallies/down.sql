DROP TABLE region_verified_tallies;
DROP TABLE contract_verified_tallies;
