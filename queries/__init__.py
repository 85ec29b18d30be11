"""SQL access for HKD Kaart: named statements from ``queries/*.sql`` and typed functions around them."""
