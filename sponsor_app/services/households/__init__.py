"""Households and housing: the families, their members, properties and tenancies."""
