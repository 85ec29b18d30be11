-- name: upsert_indicator
-- Store one value per area, year and indicator (a newer load of the same key replaces the value).
INSERT INTO hkd.indicatoren (niveau, gebied_code, jaar, indicator, waarde, bron)
VALUES (:niveau, :gebied_code, :jaar, :indicator, :waarde, :bron)
ON CONFLICT (niveau, gebied_code, jaar, indicator)
DO UPDATE SET waarde = EXCLUDED.waarde, bron = EXCLUDED.bron;
