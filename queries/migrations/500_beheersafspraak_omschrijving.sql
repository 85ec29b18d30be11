-- Issue 22: a beheersafspraak is recorded with a form (location detail, Escalatieladder; the provider's own
-- locations, Aanbiederskaart), and says in a few words what was agreed and where it is written down (seed 001:
-- "vastgelegd in ondersteuningsplannen, huisregels" for provider-client, "in contracten" for provider-gemeente).
-- The words are free text: no personal data (the same check as a melding's omschrijving, migration 304), at most
-- 300 characters. Rows recorded before this column say nothing ('').
ALTER TABLE hkd.beheersafspraken
    ADD COLUMN omschrijving text NOT NULL DEFAULT '' CHECK (char_length(omschrijving) <= 300);
CREATE TRIGGER beheersafspraken_geen_persoonsgegevens BEFORE INSERT ON hkd.beheersafspraken
    FOR EACH ROW EXECUTE FUNCTION hkd.weiger_persoonsgegevens('omschrijving|De omschrijving|');
GRANT INSERT (omschrijving) ON hkd.beheersafspraken TO hkd_beheer;

-- Seed 001: the agreements between provider and client are the provider's own (its support plans and house
-- rules), so a provider records that kind for its own locations; the contract with the gemeente (soort
-- 'gemeente') and the beheerconvenant among all parties stay HKD's to record. Row-level security decides.
CREATE POLICY aanbieder_eigen_client_vastleggen ON hkd.beheersafspraken FOR INSERT TO hkd_aanbieder
    WITH CHECK (soort = 'client'
                AND locatie_id IN (SELECT l.id FROM hkd.locaties l WHERE l.aanbieder_id = hkd.eigen_aanbieder_id()));
GRANT INSERT (locatie_id, soort, datum, omschrijving) ON hkd.beheersafspraken TO hkd_aanbieder;
GRANT USAGE ON SEQUENCE hkd.beheersafspraken_id_seq TO hkd_aanbieder;
