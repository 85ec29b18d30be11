-- Boundary sources were stored as the file's path on the machine that loaded them ("CBS/Kadaster-grenzen uit
-- /some/folder"); people expect the dataset's name and year. Rewrite what earlier loads stored that way.
UPDATE hkd.gebieden
   SET bron = CASE niveau
                WHEN 'gemeente' THEN 'CBS/Kadaster gemeentegrens '
                WHEN 'gebied' THEN 'CBS/Kadaster Wijk- en Buurtkaart, wijken '
                WHEN 'buurt' THEN 'CBS/Kadaster Wijk- en Buurtkaart, buurten '
                WHEN 'wijkprofiel' THEN 'Wijkprofiel-wijken (samengesteld uit CBS-buurten) '
                WHEN 'pc4' THEN 'CBS postcode-4-gebieden '
                ELSE niveau || ' '
              END || jaar
 WHERE bron LIKE '%/%' OR bron LIKE '%\%';

UPDATE hkd.geografie g
   SET omschrijving = (SELECT string_agg(b.bron, '; ' ORDER BY b.niveau)
                         FROM (SELECT DISTINCT ON (niveau) niveau, bron FROM hkd.gebieden
                               ORDER BY niveau, jaar DESC) b)
 WHERE g.soort = 'echt' AND (g.omschrijving LIKE '%/%' OR g.omschrijving LIKE '%\%');
