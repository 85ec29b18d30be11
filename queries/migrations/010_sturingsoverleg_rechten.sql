-- Sturingsoverleg (escalatieladder, overleg, locations register): what the HKD role may read and write.
-- Deny by default: only hkd_beheer gets these grants. hkd_aanbieder and hkd_publiek get no write on the history,
-- so the database itself refuses a decision recorded under a provider's or the public role.
-- Updates and deletes on the history stay impossible for everyone (append-only triggers of 001).

GRANT USAGE ON SCHEMA hkd TO hkd_beheer;

-- Reading: the map, the timeline, the checklist, the Wijkprofiel context, the import's lookups.
GRANT SELECT ON hkd.locaties, hkd.aanbieders, hkd.woonvormen, hkd.gebieden, hkd.geografie, hkd.indicatoren,
                hkd.fase_besluiten, hkd.beheer_status
    TO hkd_beheer;
GRANT EXECUTE ON FUNCTION hkd.fase_op(date), hkd.beheer_op(date), hkd.area_code_at(geometry, text),
                          hkd.current_gebruiker()
    TO hkd_beheer;

-- Writing decisions: append only (INSERT), never UPDATE or DELETE.
GRANT INSERT ON hkd.fase_besluiten, hkd.beheer_status TO hkd_beheer;
GRANT USAGE ON SEQUENCE hkd.fase_besluiten_id_seq, hkd.beheer_status_id_seq TO hkd_beheer;

-- The locations register import: new locations and changes to register fields of existing ones.
-- The derived area columns (pc4, buurt_code, gebied_code, wijkprofiel_code) are set by trigger only.
GRANT INSERT (code, naam, aanbieder_id, woonvorm, doelgroep, plaatsen, straat, huisnummer, postcode, plaats, geom)
    ON hkd.locaties TO hkd_beheer;
GRANT UPDATE (naam, aanbieder_id, woonvorm, doelgroep, plaatsen, straat, huisnummer, postcode, plaats, geom)
    ON hkd.locaties TO hkd_beheer;
GRANT USAGE ON SEQUENCE hkd.locaties_id_seq TO hkd_beheer;

-- The Beheer page shows the latest writes.
GRANT SELECT ON hkd.audit_log TO hkd_beheer;
