"""Documents people take away: PDF, Excel and static HTML, rendered from data handed in (no database access)."""
