"""The published public site: a self-contained static site of the public layer (``hkd publiceer``).

:func:`site_bestanden` renders every file of the site from the data handed in (``queries.publiek.OpenbareKaart``,
read by the caller under the public role); writing, switching and serving the folder is the job of ``ops``.
"""

from reports.publicatie.site import (
    CSV_GEVAARLIJK,
    LEAFLET_BESTANDEN,
    Leaflet,
    csv_tekst,
    data_versie,
    herkomst,
    site_bestanden,
)

__all__ = ["CSV_GEVAARLIJK", "LEAFLET_BESTANDEN", "Leaflet", "csv_tekst", "data_versie", "herkomst", "site_bestanden"]
