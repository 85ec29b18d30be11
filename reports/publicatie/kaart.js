/* HKD Kaart, published public map: Leaflet (vendored), one GeoJSON layer of PC4 areas with public figures only. */
(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("hkd-config").textContent);
  var details = document.getElementById("details");
  var woonvormen = null;

  function tekst(s) { var d = document.createElement("div"); d.textContent = s == null ? "" : String(s); return d.innerHTML; }
  function plaatsen(p) { return p == null ? cfg.verborgen : String(p); }
  function kleur(n) {
    if (n == null) { return cfg.geenData; }
    for (var i = 0; i < cfg.breaks.length; i++) { if (n <= cfg.breaks[i]) { return cfg.kleuren[i]; } }
    return cfg.kleuren[Math.min(cfg.breaks.length, cfg.kleuren.length - 1)];
  }
  function aantal(n, enkelvoud, meervoud) { return n + " " + (n === 1 ? enkelvoud : meervoud); }
  function samenvatting(p) {
    return "Postcode " + p.pc4 + " (" + p.plaats + "): " + aantal(p.voorzieningen, "voorziening", "voorzieningen") +
      ", plaatsen: " +
      plaatsen(p.plaatsen);
  }
  function toonDetails(p) {
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
    details.innerHTML = h;
  }

  var kaart = L.map("kaart", { zoomSnap: 0.25, preferCanvas: false, attributionControl: true });
  kaart.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  if (cfg.basemap) {
    L.tileLayer(cfg.basemap, { attribution: tekst(cfg.attributie), maxZoom: 19, crossOrigin: true }).addTo(kaart);
  }
  var stijl = function (f) {
    return { color: "#444", weight: 0.6, fillOpacity: 0.85, fillColor: kleur(f.properties.voorzieningen) };
  };
  fetch(cfg.data, { credentials: "same-origin", mode: "cors" }).then(function (r) {
    if (!r.ok) { throw new Error(r.status); }
    return r.json();
  }).then(function (fc) {
    var laag = L.geoJSON(fc, {
      style: stijl,
      onEachFeature: function (f, l) {
        l.bindTooltip(tekst(samenvatting(f.properties)), { sticky: true });
        l.on({
          mouseover: function () { l.setStyle({ weight: 2.5, color: "#000" }); l.bringToFront(); },
          mouseout: function () { laag.resetStyle(l); },
          click: function () { toonDetails(f.properties); }
        });
      }
    }).addTo(kaart);
    kaart.fitBounds(laag.getBounds(), { padding: [8, 8] });
    document.getElementById("kaart").setAttribute("data-getekend", String(fc.features.length));
    // The per-woonvorm figures for the click panel come after the map has drawn.
    return fetch(cfg.woonvormen).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (w) { woonvormen = w; }, function () { woonvormen = null; });
  }).catch(function () {
    details.innerHTML = "<p>De kaart kon niet worden geladen. De cijfers staan in de tabel.</p>";
  });
}());
