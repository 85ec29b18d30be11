-- A provider may withdraw its own initiative, and that is the only step it may record: one row 'ingetrokken', dated
-- today, with a reason; no advice, meeting or location. The stappenplan trigger still checks the step is allowed
-- (not after an end step), and row-level security keeps every other provider's initiatives out of reach.
CREATE POLICY aanbieder_intrekken ON hkd.initiatief_stappen FOR INSERT TO hkd_aanbieder
    WITH CHECK (
        stap = 'ingetrokken'
        AND advies IS NULL AND fase IS NULL AND overleg_datum IS NULL AND locatie_id IS NULL AND voorwaarden = ''
        AND datum = (now() AT TIME ZONE 'Europe/Amsterdam')::date
        AND initiatief_id IN (SELECT i.id FROM hkd.initiatieven i WHERE i.aanbieder_id = hkd.eigen_aanbieder_id())
    );
GRANT INSERT (initiatief_id, stap, datum, reden) ON hkd.initiatief_stappen TO hkd_aanbieder;
GRANT USAGE ON SEQUENCE hkd.initiatief_stappen_id_seq TO hkd_aanbieder;
