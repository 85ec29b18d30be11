-- name: upsert_indicator
-- Store one value per area, year and indicator (a newer load of the same key replaces the value).
INSERT INTO hkd.indicatoren (niveau, gebied_code, jaar, indicator, waarde, bron)
VALUES (:niveau, :gebied_code, :jaar, :indicator, :waarde, :bron)
ON CONFLICT (niveau, gebied_code, jaar, indicator)
DO UPDATE SET waarde = EXCLUDED.waarde, bron = EXCLUDED.bron;

-- name: upsert_definitie
-- One indicator of the catalogue (core/indicatoren.py); a row that is already as declared is left alone.
INSERT INTO hkd.indicator_definities (code, label, eenheid, hoger_beter, soort, bereik_min, bereik_max,
                                      min_waarnemingen, waarnemingen_uit, cbs_buurtregel, reeks, bron_dataset,
                                      bron_uitgever)
VALUES (:code, :label, :eenheid, :hoger_beter, :soort, :bereik_min, :bereik_max, :min_waarnemingen,
        :waarnemingen_uit, :cbs_buurtregel, :reeks, :bron_dataset, :bron_uitgever)
ON CONFLICT (code) DO UPDATE SET
    label = EXCLUDED.label, eenheid = EXCLUDED.eenheid, hoger_beter = EXCLUDED.hoger_beter,
    soort = EXCLUDED.soort, bereik_min = EXCLUDED.bereik_min, bereik_max = EXCLUDED.bereik_max,
    min_waarnemingen = EXCLUDED.min_waarnemingen, waarnemingen_uit = EXCLUDED.waarnemingen_uit,
    cbs_buurtregel = EXCLUDED.cbs_buurtregel, reeks = EXCLUDED.reeks, bron_dataset = EXCLUDED.bron_dataset,
    bron_uitgever = EXCLUDED.bron_uitgever
WHERE (hkd.indicator_definities.*) IS DISTINCT FROM (EXCLUDED.*);

-- name: verwijder_definities_behalve
-- Indicators no longer in the catalogue.
DELETE FROM hkd.indicator_definities WHERE code <> ALL (CAST(:codes AS text[]));

-- name: definities
-- The catalogue as the database holds it.
SELECT code, label, eenheid, hoger_beter, soort, bereik_min, bereik_max, min_waarnemingen, waarnemingen_uit,
       cbs_buurtregel, reeks, bron_dataset, bron_uitgever
FROM hkd.indicator_definities
ORDER BY code;

-- name: upsert_indicatoren_geteld
-- Store a load's values in one statement (arrays of equal length): a new key is inserted, a key loaded before
-- with another value, source or number of observations is replaced, one loaded before as it is stays untouched.
-- Returns one row per inserted or replaced value: whether it was new.
INSERT INTO hkd.indicatoren AS i (niveau, gebied_code, jaar, indicator, waarde, bron, waarnemingen)
SELECT * FROM unnest(CAST(:niveau AS text[]), CAST(:gebied_code AS text[]), CAST(:jaar AS integer[]),
                     CAST(:indicator AS text[]), CAST(:waarde AS double precision[]), CAST(:bron AS text[]),
                     CAST(:waarnemingen AS integer[]))
ON CONFLICT (niveau, gebied_code, jaar, indicator) DO UPDATE
    SET waarde = EXCLUDED.waarde, bron = EXCLUDED.bron, waarnemingen = EXCLUDED.waarnemingen
    WHERE (i.waarde, i.bron, i.waarnemingen) IS DISTINCT FROM (EXCLUDED.waarde, EXCLUDED.bron, EXCLUDED.waarnemingen)
RETURNING (xmax = 0) AS nieuw;
