-- Issue 23: the person named in the audit log, the inzage log and every *_door column is bound per transaction.
--
-- Until now hkd.current_gebruiker() read the setting hkd.gebruiker, which any SQL in the transaction could change
-- with set_config. Now the app names the person once per transaction through hkd.zet_gebruiker (called by
-- queries.lagen.enter_layer and queries.db.acting_as right after the role switch); the name is kept in an
-- unlogged table keyed by the backend and the transaction id, which only this function (SECURITY DEFINER, owner)
-- writes. A second call with another name in the same transaction is refused; set_config changes nothing.
-- Without a binding the name is the login role itself (session_user), as the layer role already is.
--
-- What remains: SQL that can end the app's transaction and start its own (free SQL on a login, not injection into
-- one statement) can name itself once in that new transaction; the layer role recorded beside the name
-- (hkd.laag_rol(), db_rol) is the database's own and cannot be chosen.

CREATE UNLOGGED TABLE hkd.transactie_gebruiker (
    pid       integer PRIMARY KEY,
    xact      xid8 NOT NULL,
    gebruiker text NOT NULL
);
REVOKE ALL ON hkd.transactie_gebruiker FROM PUBLIC;
COMMENT ON TABLE hkd.transactie_gebruiker IS
  'Who acts in the open transaction of each backend (written only by hkd.zet_gebruiker, read by '
  'hkd.current_gebruiker). One row per backend, replaced by its next transaction.';

CREATE FUNCTION hkd.zet_gebruiker(p_gebruiker text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, hkd AS $$
DECLARE
    nu xid8 := pg_current_xact_id();
    naam text := left(btrim(coalesce(p_gebruiker, '')), 200);
    huidig text;
BEGIN
    IF naam = '' THEN
        RAISE EXCEPTION 'een transactie wordt op naam van een persoon gezet' USING ERRCODE = '22023';
    END IF;
    SELECT t.gebruiker INTO huidig FROM hkd.transactie_gebruiker t WHERE t.pid = pg_backend_pid() AND t.xact = nu;
    IF FOUND THEN
        IF huidig <> naam THEN
            RAISE EXCEPTION 'de gebruiker van deze transactie ligt al vast' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN;
    END IF;
    INSERT INTO hkd.transactie_gebruiker (pid, xact, gebruiker) VALUES (pg_backend_pid(), nu, naam)
    ON CONFLICT (pid) DO UPDATE SET xact = EXCLUDED.xact, gebruiker = EXCLUDED.gebruiker;
END $$;
REVOKE EXECUTE ON FUNCTION hkd.zet_gebruiker(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hkd.zet_gebruiker(text) TO hkd_aanbieder, hkd_beheer;

CREATE OR REPLACE FUNCTION hkd.current_gebruiker() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, hkd AS $$
    SELECT coalesce((SELECT t.gebruiker FROM hkd.transactie_gebruiker t
                     WHERE t.pid = pg_backend_pid() AND t.xact = pg_current_xact_id_if_assigned()),
                    session_user::text)
$$;
