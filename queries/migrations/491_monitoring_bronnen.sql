-- Seed 001, "Monitoring beheersafspraken": besides beheercommissies and voor- en nametingen, contractmanagement
-- ("HKD op agenda") and the Overleg Zorg en Veiligheid per gebied monitor the leefbaarheid around the facilities.
-- What they signal about a location is recorded as a melding with that source; the same codes as
-- core.domain.MELDING_BRONNEN (a test keeps both equal).
ALTER TABLE hkd.meldingen DROP CONSTRAINT meldingen_bron_check;
ALTER TABLE hkd.meldingen ADD CONSTRAINT meldingen_bron_check
    CHECK (bron IN ('omwonende', 'politie', 'aanbieder', 'gemeente', 'contractmanagement', 'ozv', 'anders'));
