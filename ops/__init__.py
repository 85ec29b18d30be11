"""Roof: the ``hkd`` command, the project-local PostGIS cluster, backup/restore and serving the dashboard."""
