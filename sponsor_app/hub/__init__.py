"""The hub: a PostgreSQL database an umbrella organisation runs, where its groups' laptops
share sealed records (never Qt; never a group file).

Its schema `sponsor_hub` is managed with Alembic (`migrations/`, with its version table in the
same schema). One PostgreSQL login per group; row-level security keeps each group's login to its
own group's rows. `transport.py` is the laptops' side, `admin.py` the administrator's.
"""

SCHEMA = "sponsor_hub"
GROUP_ROLE = "sponsor_hub_group"  # the NOLOGIN role every group's login is a member of
HEAD = "0001"  # the newest hub revision this Sponsor Desk knows
