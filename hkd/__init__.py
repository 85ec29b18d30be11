"""HKD Kaart operations: settings, the project-local PostGIS server, migrations and the ``hkd`` command."""
