/* HKD Kaart, published public map: Leaflet (vendored), one GeoJSON layer of PC4 areas with public figures only,
   a search for postcode, wijk and buurt (and address when a geocoder is configured), and the wijk borders and
   names for orientation when zoomed in. Every name reaches the page as text (textContent or tekst()), never as HTML. */
(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("hkd-config").textContent);
  var details = document.getElementById("details");
  var kaartEl = document.getElementById("kaart");
  var woonvormen = null;
  var perPc4 = {};      // pc4 -> Leaflet layer
  var gebieden = { gebied: [], buurt: [] };
  var gemarkeerd = [];
  var adresStip = null;
  var LABEL_PX = 150 * 48;  // map pixels a name needs around it (fewer names at low zoom, none overlapping much)

  function tekst(s) { var d = document.createElement("div"); d.textContent = s == null ? "" : String(s); return d.innerHTML; }
  function plaatsen(p) { return p == null ? cfg.verborgen : String(p); }
  function aantal(n, enkelvoud, meervoud) { return n + " " + (n === 1 ? enkelvoud : meervoud); }
  function kleur(n) {
    if (n == null) { return cfg.geenData; }
    for (var i = 0; i < cfg.breaks.length; i++) { if (n <= cfg.breaks[i]) { return cfg.kleuren[i]; } }
    return cfg.kleuren[Math.min(cfg.breaks.length, cfg.kleuren.length - 1)];
  }
  function samenvatting(p) {
    return "Postcode " + p.pc4 + " (" + p.plaats + "): " + aantal(p.voorzieningen, "voorziening", "voorzieningen") +
      ", plaatsen: " + plaatsen(p.plaatsen);
  }
  function cijfers(p) {
    var h = "<p><strong>Postcode " + tekst(p.pc4) + "</strong> (" + tekst(p.plaats) + ")<br>" +
      tekst(aantal(p.voorzieningen, "voorziening", "voorzieningen")) + ", plaatsen: " + tekst(plaatsen(p.plaatsen)) + "</p>";
    var rijen = woonvormen && woonvormen[p.pc4];
    if (rijen && rijen.length) {
      h += "<table><caption>Per woonvorm</caption><thead><tr><th scope=\"col\">Woonvorm</th>" +
        "<th scope=\"col\">Voorz.</th><th scope=\"col\">Plaatsen</th></tr></thead><tbody>";
      rijen.forEach(function (r) {
        h += "<tr><td>" + tekst(r[0]) + "</td><td>" + tekst(r[1]) + "</td><td>" + tekst(plaatsen(r[2])) + "</td></tr>";
      });
      h += "</tbody></table>";
    }
    return h;
  }
  function toonDetails(p) { details.innerHTML = cijfers(p); }

  // The search form is in the page's first layout (hidden only without script, by a <noscript> style): unhidden here,
  // or after the areas arrived, it laid the page out again on the way to the map's first paint (issue 27).
  var form = document.getElementById("zoek");

  var kaart = L.map("kaart", { zoomSnap: 0.25, preferCanvas: false, attributionControl: true });
  // What lies below the map (the rule, the tables) is laid out after the map's first paint: laid out with it, the
  // tables doubled the work of the frame that first shows the areas (issue 27). Without script it is there at once;
  // it shows at the latest after 3 s, whatever happens to the layer.
  var wortel = document.documentElement;
  wortel.classList.add("kaart-eerst");
  function toonRest() { wortel.classList.remove("kaart-eerst"); }
  setTimeout(toonRest, 3000);
  kaart.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  if (cfg.basemap) {
    L.tileLayer(cfg.basemap, { attribution: tekst(cfg.attributie), maxZoom: 19, crossOrigin: true }).addTo(kaart);
  }
  function zoomStand() { kaartEl.setAttribute("data-zoom", String(kaart.getZoom())); }
  // Zoomed in, the areas let what lies under and over them through (the basemap, the schematic water and roads,
  // the names): one area filling the window in full colour was a flat colour field.
  // Before the first view (no zoom yet) the fill is the first view's: it frames all areas, zoomed out (issue 27: at
  // 0.55 first, every area was restyled at the first zoomend, before the first paint).
  function vulling() { var z = kaart.getZoom(); return z === undefined || z < 13 ? 0.85 : cfg.basemap ? 0.4 : 0.55; }
  var stijl = function (f) {
    return { color: "#444", weight: 0.6, fillOpacity: vulling(), fillColor: kleur(f.properties.voorzieningen) };
  };
  var laag = null, laagVulling = 0.85;

  /* ---- orientation without a basemap: the schematic Maas and main roads (geo.context) with their names ---- */
  var contextPane = kaart.createPane("context");
  contextPane.style.zIndex = 450;
  contextPane.style.pointerEvents = "none";
  var water = [], contextNamen = [];
  function context() {  // drawn after the areas' first paint (an orientation aid, not what the map shows)
    (cfg.context || []).forEach(function (l) {
      var lijn = L.polyline(l.punten.map(function (c) { return [c[1], c[0]]; }), { pane: "context",
        color: cfg.contextKleur[l.soort], weight: l.soort === "water" ? waterDikte() : 2.5, opacity: 1, interactive: false,
        lineCap: "round", lineJoin: "round" }).addTo(kaart);
      if (l.soort === "water") { water.push(lijn); }
      contextNamen.push({ naam: l.naam, lijn: lijn, ll: L.latLng(l.label[1], l.label[0]), m: L.marker([l.label[1], l.label[0]], {
        icon: L.divIcon({ className: "naam contextnaam " + l.soort, html: "<span>" + tekst(l.naam) + "</span>",
          iconSize: null }), interactive: false, keyboard: false, pane: "context" }) });
    });
    toonNamen();
  }
  function waterDikte() { var z = kaart.getZoom(); return z >= 14 ? 14 : z >= 12 ? 8 : 5; }
  function naZoom() {
    water.forEach(function (l) { l.setStyle({ weight: waterDikte() }); });
    var v = vulling();  // restyle the areas only when their fill changes (not on every zoom: 4,000 areas nationally)
    if (laag && v !== laagVulling) { laagVulling = v; laag.eachLayer(function (l) { l.setStyle({ fillOpacity: v }); }); }
  }

  /* ---- orientation: wijk borders and names, or buurt names once they fit (toonNamen) ---- */
  // Borders and name markers are made when first needed: at national scale the first view holds thousands of wijken,
  // whose borders would cover the layer and keep the page busy right after its first paint (issue 27).
  var RANDEN_MAX = 250;  // wijk borders are drawn when at most this many wijken are in view
  var randen = null, namen = L.layerGroup().addTo(kaart), namenGebied = [], namenBuurt = [];
  function naamLabel(naam, punt, klasse) { return { naam: naam, ll: L.latLng(punt[1], punt[0]), klasse: klasse, m: null }; }
  function marker(n) {
    if (!n.m) {
      n.m = L.marker(n.ll, { icon: L.divIcon({ className: "naam " + n.klasse, html: "<span>" + tekst(n.naam) + "</span>",
        iconSize: null }), interactive: false, keyboard: false });
    }
    return n.m;
  }
  function maakRanden() {
    randen = L.layerGroup();
    gebieden.gebied.forEach(function (r) {
      (r[5] || []).forEach(function (lijn) {
        L.polyline(lijn.map(function (c) { return [c[1], c[0]]; }),
          { color: "#222", weight: 1.4, opacity: 0.7, dashArray: "4 3", interactive: false }).addTo(randen);
      });
    });
  }
  function orientatie(g) {
    gebieden = g;
    g.gebied.forEach(function (r) { namenGebied.push(naamLabel(r[1], r[3], "wijknaam")); });
    g.buurt.forEach(function (r) { namenBuurt.push(naamLabel(r[1], r[3], "buurtnaam")); });
    toonNamen();
  }
  function naamPunt(n, b) {
    // A line's name where the line is in view: at its own point, else at the vertex of its course in view that is
    // nearest the centre (zoomed in by the river, the river's name point lay outside the window).
    if (!n.lijn || b.contains(n.ll)) { return n.ll; }
    var c = b.getCenter(), beste = null;
    n.lijn.getLatLngs().forEach(function (ll) {
      if (b.contains(ll) && (!beste || c.distanceTo(ll) < c.distanceTo(beste))) { beste = ll; }
    });
    return beste || n.ll;
  }
  function toonNamen() {
    // Names only where they fit: buurt names when at most one per LABEL_PX of map in view, else wijk names.
    var b = kaart.getBounds(), maat = kaart.getSize(), ruimte = Math.floor(maat.x * maat.y / LABEL_PX);
    function inBeeld(rijen) { return rijen.filter(function (r) { return b.contains([r[3][1], r[3][0]]); }).length; }
    var wijken = inBeeld(gebieden.gebied), buurt = inBeeld(gebieden.buurt) <= ruimte, wijk = !buurt && wijken <= ruimte;
    if (wijken <= RANDEN_MAX && gebieden.gebied.length) {
      if (!randen) { maakRanden(); }
      if (!kaart.hasLayer(randen)) { randen.addTo(kaart); }
    } else if (randen && kaart.hasLayer(randen)) {
      kaart.removeLayer(randen);
    }
    // Placed by priority (water and roads, then the areas in their order), a name that would overlap one already
    // placed is left out: names never pile up, also not at the lowest zoom.
    var geplaatst = [];
    namen.clearLayers();
    contextNamen.concat(wijk ? namenGebied : buurt ? namenBuurt : []).forEach(function (n) {
      var ll = naamPunt(n, b);
      if (!b.contains(ll)) { return; }
      var p = kaart.latLngToContainerPoint(ll), w = n.naam.length * 8 + 8, h = 18;
      var vak = [p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2];
      if (geplaatst.some(function (v) { return vak[0] < v[2] && v[0] < vak[2] && vak[1] < v[3] && v[1] < vak[3]; })) {
        return;
      }
      geplaatst.push(vak);
      marker(n).setLatLng(ll).addTo(namen);
    });
  }

  /* ---- search ---- */
  var invoer = document.getElementById("zoekterm");
  var status = document.getElementById("zoekstatus");
  var lijst = document.getElementById("zoekresultaten");
  function normaal(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, " ").trim();
  }
  /* ---- the first view's overview, the full outlines once the reader zooms in (geo.overzicht) ---- */
  var eersteZoom = null, detail = null;
  function maakLaag(fc) {
    // One tooltip and one set of handlers on the layer, for every area (not one per area: thousands nationally).
    perPc4 = {};
    return L.geoJSON(fc, {
      style: stijl,
      onEachFeature: function (f, l) { perPc4[f.properties.pc4] = l; }
    }).on({
      mouseover: function (e) { e.layer.setStyle({ weight: 2.5, color: "#000" }); e.layer.bringToFront(); },
      mouseout: function (e) { if (gemarkeerd.indexOf(e.layer) < 0) { laag.resetStyle(e.layer); } },
      click: function (e) { toonDetails(e.layer.feature.properties); }
    });
  }
  var metTooltip = null;
  function tooltip(l) {
    if (metTooltip === l) { return; }
    metTooltip = l;
    l.bindTooltip(function (x) { return tekst(samenvatting(x.feature.properties)); }, { sticky: true });
  }
  function laadDetail() {
    // the full outlines, once: the overview's areas are replaced by them, with what was marked still marked
    if (!detail) {
      detail = fetch(cfg.detail, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      }).then(function (fc) {
        var codes = gemarkeerd.map(function (l) { return l.feature.properties.pc4; });
        var oud = laag;
        laag = maakLaag(fc).addTo(kaart);
        laagVulling = vulling();
        kaart.removeLayer(oud);
        tooltip(laag);
        markeer(codes);
        kaartEl.setAttribute("data-detail", String(fc.features.length));
      }).catch(function () { detail = null; });
    }
    return detail;
  }
  function naarDetail() { if (laag && eersteZoom !== null && kaart.getZoom() >= eersteZoom + 1) { laadDetail(); } }

  function markeer(pc4s) {
    gemarkeerd.forEach(function (l) { laag.resetStyle(l); });
    gemarkeerd = pc4s.map(function (c) { return perPc4[c]; }).filter(Boolean);
    gemarkeerd.forEach(function (l) { l.setStyle({ weight: 3, color: "#000" }); l.bringToFront(); });
  }
  function ga(r) {
    lijst.innerHTML = "";
    if (adresStip) { kaart.removeLayer(adresStip); adresStip = null; }
    var pc4s = r.pc4s.filter(function (c) { return perPc4[c]; });
    markeer(pc4s);
    if (r.punt) {
      kaart.setView([r.punt[1], r.punt[0]], 16);
      adresStip = L.circleMarker([r.punt[1], r.punt[0]], { radius: 7, color: "#000", weight: 2, fillColor: "#fff",
        fillOpacity: 1, interactive: false }).addTo(kaart);
    } else if (r.bbox) {
      kaart.fitBounds([[r.bbox[1], r.bbox[0]], [r.bbox[3], r.bbox[2]]], { padding: [24, 24], maxZoom: 15 });
    } else if (pc4s.length) {
      kaart.fitBounds(perPc4[pc4s[0]].getBounds(), { padding: [24, 24], maxZoom: 16 });
    }
    var h = "<p class=\"gevonden\">" + tekst(r.wat) + "</p>";
    if (!pc4s.length) { h += "<p>Dit ligt in geen postcodegebied met cijfers op deze kaart.</p>"; }
    else if (r.soort !== "pc4") {
      h += "<p>Ligt in " + (pc4s.length === 1 ? "postcodegebied " : "de postcodegebieden ") + tekst(pc4s.join(", ")) +
        ". De cijfers per postcodegebied:</p>";
    }
    pc4s.forEach(function (c) { h += cijfers(perPc4[c].feature.properties); });
    details.innerHTML = h;
    kaartEl.setAttribute("data-gezocht", r.soort + ":" + r.code);
    status.textContent = "Gevonden: " + r.wat + ". De kaart is ingezoomd. ";
    var naar = document.createElement("a");
    naar.href = "#details";
    naar.textContent = "Naar de cijfers";
    status.appendChild(naar);
  }
  function kandidaten(vraag) {
    var q = normaal(vraag), uit = [];
    if (!q) { return uit; }
    var m = /^([1-9][0-9]{3})( ?[a-z]{2})?\b/.exec(q.replace(/ (?=[a-z]{2}\b)/, ""));
    if (m && perPc4[m[1]]) {
      var p = perPc4[m[1]].feature.properties;
      return [{ soort: "pc4", code: p.pc4, wat: "Postcode " + p.pc4 + " (" + p.plaats + ")", pc4s: [p.pc4], score: 0 }];
    }
    [["buurt", "Buurt "], ["gebied", "Wijk "]].forEach(function (n) {
      (gebieden[n[0]] || []).forEach(function (r) {
        var naam = normaal(r[1]), score = naam === q ? 0 : naam.indexOf(q) === 0 ? 1 : naam.indexOf(" " + q) >= 0 ? 2 :
          naam.indexOf(q) >= 0 ? 3 : -1;
        if (score < 0 && normaal(r[0]) === q) { score = 0; }
        if (score >= 0) {
          uit.push({ soort: n[0], code: r[0], wat: n[1] + r[1] + (n[0] === "buurt" && r[5] ? " (wijk " + r[5] + ")" : ""),
            bbox: r[2], pc4s: r[4], score: score + (n[0] === "gebied" ? 0 : 0.5) });
        }
      });
    });
    uit.sort(function (a, b) { return a.score - b.score || a.wat.localeCompare(b.wat, "nl"); });
    return uit.slice(0, 8);
  }
  function inPolygoon(x, y, ring) {
    var binnen = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) { binnen = !binnen; }
    }
    return binnen;
  }
  function pc4Bij(lon, lat) {
    var gevonden = null;
    Object.keys(perPc4).forEach(function (c) {
      var g = perPc4[c].feature.geometry;
      var polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
      polys.forEach(function (poly) {
        var binnen = inPolygoon(lon, lat, poly[0]);
        for (var k = 1; k < poly.length; k++) { if (inPolygoon(lon, lat, poly[k])) { binnen = false; } }
        if (binnen) { gevonden = c; }
      });
    });
    return gevonden;
  }
  function adres(vraag) {
    var url = cfg.geocoder.replace(/\/+$/, "") + "/free?rows=5&fl=type,weergavenaam,centroide_ll" +
      "&fq=" + encodeURIComponent("type:(adres OR postcode OR weg)") + "&fq=" + encodeURIComponent("gemeentenaam:Rotterdam") +
      "&q=" + encodeURIComponent(vraag.slice(0, 80));
    return fetch(url, { credentials: "omit", referrerPolicy: "no-referrer" }).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    }).then(function (j) {
      return ((j.response && j.response.docs) || []).map(function (d) {
        var m = /POINT\(([-0-9.]+) ([-0-9.]+)\)/.exec(String(d.centroide_ll || ""));
        if (!m) { return null; }
        var lon = parseFloat(m[1]), lat = parseFloat(m[2]), c = pc4Bij(lon, lat);
        return { soort: "adres", code: String(d.weergavenaam || "").slice(0, 120), wat: String(d.weergavenaam || "").slice(0, 120),
          punt: [lon, lat], pc4s: c ? [c] : [] };
      }).filter(Boolean);
    });
  }
  function adresOf(vraag, terugval) {
    // an address through the configured geocoder; without an answer, what the published areas know (terugval); the
    // postcode area of an address is looked up in the full outlines
    status.textContent = "Adres zoeken\u2026";
    function anders() { if (terugval.length) { ga(terugval[0]); } else { niets(vraag); } }
    laadDetail().then(function () { return adres(vraag); }).then(function (a) {
      if (a.length === 1) { ga(a[0]); } else if (a.length) { toonKeuze(a, vraag); } else { anders(); }
    }, anders);
  }
  function toonKeuze(treffers, vraag) {
    lijst.innerHTML = "";
    treffers.forEach(function (r) {
      var li = document.createElement("li"), knop = document.createElement("button");
      knop.type = "button";
      knop.textContent = r.wat;
      knop.addEventListener("click", function () { ga(r); invoer.focus(); });
      li.appendChild(knop);
      lijst.appendChild(li);
    });
    status.textContent = treffers.length + " resultaten voor \u201c" + vraag + "\u201d: kies er een.";
  }
  function zoek(vraag) {
    vraag = String(vraag || "").replace(/[\u0000-\u001f]/g, "").trim().slice(0, 80);
    lijst.innerHTML = "";
    if (vraag.length < 2) { status.textContent = "Typ minstens 2 tekens."; return; }
    if (!laag) { status.textContent = "De kaart wordt nog geladen. Probeer het zo opnieuw."; return; }
    if (cfg.geocoder && /^\s*[1-9][0-9]{3}\s?[a-zA-Z]{2}\b/.test(vraag)) { adresOf(vraag, kandidaten(vraag)); return; }
    var treffers = kandidaten(vraag);
    var exact = treffers.filter(function (r) { return Math.floor(r.score) === 0; });
    if (treffers.length === 1 || exact.length === 1) { ga(exact.length === 1 ? exact[0] : treffers[0]); return; }
    if (treffers.length > 1) { toonKeuze(treffers, vraag); return; }
    if (cfg.geocoder) { adresOf(vraag, []); return; }
    niets(vraag);
  }
  function niets(vraag) {
    var pc = /^\s*([1-9][0-9]{3})/.exec(vraag);
    status.textContent = pc ? "Postcode " + pc[1] + " ligt niet op deze kaart (alleen de gemeente Rotterdam)." :
      "Niets gevonden voor \u201c" + vraag + "\u201d. Probeer een postcode van 4 cijfers of de naam van een wijk of buurt.";
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); zoek(invoer.value); });

  function naDeKaart() {
    fetch(cfg.gebieden).then(function (r) { return r.ok ? r.json() : null; }).then(function (g) {
      if (g) { orientatie(g); kaartEl.setAttribute("data-gebieden", String(g.gebied.length + g.buurt.length)); }
    }, function () { return null; });
    fetch(cfg.woonvormen).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (w) { woonvormen = w; }, function () { woonvormen = null; });
  }

  // The first view from the layer's box (in the page), as a static page sets its view first: the map is laid out
  // before the areas are added, not in the frame that first paints them (issue 27).
  if (cfg.omvang) { kaart.fitBounds(cfg.omvang, { padding: [8, 8] }); }
  // The first view's layer is in the page (#hkd-laag), read and drawn here, while the page is still being parsed:
  // fetched, even preloaded, it waited until the parser had laid down everything below the map (issue 27).
  var eerste = null;
  try {
    eerste = JSON.parse(document.getElementById("hkd-laag").textContent);
    laag = maakLaag(eerste).addTo(kaart);
  } catch (e) {
    laag = null;
  }
  if (!laag) {  // no layer in the page, or one Leaflet cannot draw: the figures are in the tables below
    toonRest();
    details.innerHTML = "<p>De kaart kon niet worden geladen. De cijfers staan in de tabel.</p>";
    return;
  }
  if (!cfg.omvang) { kaart.fitBounds(laag.getBounds(), { padding: [8, 8] }); }
  eersteZoom = kaart.getZoom();
  // What follows the first paint runs when the browser is idle after it (at the latest 300 ms later): the handlers
  // that follow the reader's moves, the sections below the map, the schematic water and roads, the tooltip. Run in
  // the first task after the paint, it kept the main thread for a frame of its own (issue 27). The per-woonvorm
  // figures and the wijken and buurten (search, orientation) come after that (at the latest after 1.5 s): parsing
  // them (700 kB nationally) and placing the names held up the frames right after the first paint.
  function straks(fn, ms) {
    if (window.requestIdleCallback) { requestIdleCallback(fn, { timeout: ms }); } else { setTimeout(fn, 0); }
  }
  requestAnimationFrame(function () {
    straks(function () {
      kaart.on("zoomend", naZoom).on("zoomend", naarDetail).on("zoomend moveend", zoomStand).on("moveend", toonNamen);
      zoomStand();
      toonRest();
      context();
      tooltip(laag);
      kaartEl.setAttribute("data-getekend", String(eerste.features.length));  // drawn, and answering hover and click
      straks(naDeKaart, 1500);
    }, 300);
  });
}());
