"""``hkd bench``: figures for speed and size per page and role, at demo and national scale."""
