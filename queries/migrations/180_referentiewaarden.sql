-- Reference values (Nederland, G4, Rotterdam) are indicators like any other, on their own level "referentie"
-- with the codes NL, G4 and GM0599, so that Figuur 3-x can index every series against the Dutch average
-- (100 = Nederland) and a user loads them with the same importers (with their source).
ALTER TABLE hkd.indicatoren DROP CONSTRAINT IF EXISTS indicatoren_niveau_check;
ALTER TABLE hkd.indicatoren ADD CONSTRAINT indicatoren_niveau_check
    CHECK (niveau IN ('gemeente', 'gebied', 'buurt', 'wijkprofiel', 'pc4', 'referentie'));
ALTER TABLE hkd.indicatoren ADD CONSTRAINT indicatoren_referentie_code
    CHECK (niveau <> 'referentie' OR gebied_code IN ('NL', 'G4', 'GM0599'));
