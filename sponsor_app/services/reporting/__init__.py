"""What reports and data bundles say: each report's figures read in one snapshot,
anonymised through one disclosure rule, the bundle and the combining of many groups' bundles."""
