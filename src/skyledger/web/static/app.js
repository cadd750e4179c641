// skyledger dashboard. Everything comes from this server: /api/* and /static/*.
// Text from the ledger is only ever inserted as text nodes (never innerHTML).
"use strict";

const PAGE = 50;
const MAX_SERIES = 8;  // lines drawn at once; the rest are named, never added together
// Form fields a URL keeps, so a shared link restores the view.
const VIEW_FIELDS = ["weapon", "claim_type", "claimant", "since", "until", "q", "measure"];
const COLORS = ["#fee8c8", "#fdd49e", "#fdbb84", "#fc8d59", "#e34a33", "#b30000"];
const EMPTY = "#f4f1ea";
const LINE_COLORS = ["#2b4c7e", "#c0392b", "#27ae60", "#8e44ad", "#d68910", "#7f8c8d"];
const SVG_NS = "http://www.w3.org/2000/svg";

const state = {
  admin1: null,
  mapReady: null,  // resolves once the regions are drawn
  shown: [],       // claims listed in the table (and marked on the map)
  cursor: null,
  generation: 0,
  layers: {},      // ISO 3166-2 code -> Leaflet layer
  markers: null,   // conflict marks on the map
  names: {},       // code -> English name
  regionData: {},  // code -> {claims, events, conflicts, claimed}
};

const $ = (selector) => document.querySelector(selector);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

async function api(path, params) {
  const query = params && params.toString() ? `?${params}` : "";
  const headers = { Accept: "application/json" };
  const token = sessionStorage.getItem("skyledger-review-token"); // a private ledger's reads need it
  if (token && path.startsWith("/api/")) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${path}${query}`, { headers });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

function nextDay(day) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function filterParams() {
  const form = $("#filters");
  const params = new URLSearchParams();
  for (const name of ["weapon", "claim_type", "claimant", "q"]) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  if (form.elements.since.value) params.set("since", form.elements.since.value);
  if (form.elements.until.value) params.set("until", nextDay(form.elements.until.value)); // inclusive day
  if (!form.elements.undated.checked) params.set("undated", "false");
  else if (params.has("since") || params.has("until")) params.set("undated", "true");
  if (state.admin1) params.set("admin1", state.admin1);
  return params;
}

// -- the view in the URL ----------------------------------------------------------------------

function viewParams() {
  const form = $("#filters");
  const params = new URLSearchParams();
  for (const name of VIEW_FIELDS) {
    const value = form.elements[name].value.trim();
    if (value && !(name === "measure" && value === "claims")) params.set(name, value);
  }
  if (!form.elements.undated.checked) params.set("undated", "false");
  if (state.admin1) params.set("admin1", state.admin1);
  return params;
}

function saveView() {
  const query = viewParams().toString();
  const target = query ? `?${query}` : window.location.pathname;
  if (target !== window.location.search) window.history.replaceState(null, "", target);
}

function restoreView(search) {
  const params = new URLSearchParams(search);
  const form = $("#filters");
  for (const name of VIEW_FIELDS) {
    const value = params.get(name);
    if (value === null) continue;
    const field = form.elements[name];
    if (field.tagName === "SELECT" && ![...field.options].some((o) => o.value === value)) {
      if (name !== "claimant") continue; // claimants are offered once the totals load
      field.append(el("option", { value }, value));
    }
    field.value = value;
  }
  form.elements.undated.checked = params.get("undated") !== "false";
  const area = (params.get("admin1") || "").toUpperCase();
  if (/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(area)) showArea(area);
}

function withParams(base, extra) {
  const params = new URLSearchParams(base);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params;
}

const regionName = (code) => (code ? `${state.names[code] || code} (${code})` : "");
const day = (stamp) => (stamp ? stamp.slice(0, 10) : "");

function countText(claim) {
  if (claim.claim_type === "casualties") {
    return `killed ${claim.killed ?? "?"}, injured ${claim.injured ?? "?"}`;
  }
  if (claim.count === null || claim.count === undefined) return "—";
  const mark = { at_least: "≥", approx: "~" }[claim.count_qualifier] || "";
  return `${mark}${claim.count}`;
}

// -- map ------------------------------------------------------------------------------------

let map;
let overlay;

function setupMap(regions, context) {
  map = L.map("map", { zoomSnap: 0.25, minZoom: 2, worldCopyJump: false }).setView([51.5, 36], 5);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Made with Natural Earth · GeoNames (CC BY 4.0) · Leaflet");
  L.geoJSON(context, {
    interactive: false,
    style: { color: "#9aa3ad", weight: 0.6, fillColor: "#e9ebee", fillOpacity: 1 },
  }).addTo(map);
  L.geoJSON(regions, {
    style: { color: "#666", weight: 0.7, fillColor: EMPTY, fillOpacity: 0.7 },
    onEachFeature(feature, layer) {
      const code = feature.properties.iso3166_2;
      state.layers[code] = layer;
      state.names[code] = feature.properties.name_en;
      layer.on("click", () => setArea(state.admin1 === code ? null : code));
      layer.bindTooltip(() => regionTooltip(code, feature.properties), { sticky: true });
    },
  }).addTo(map);
  for (const [code, layer] of Object.entries(state.layers)) {
    const path = layer.getElement();
    path.classList.add("region");
    path.dataset.admin1 = code;
  }
  overlay = L.layerGroup().addTo(map);
  state.markers = L.layerGroup().addTo(map);
}

function regionTooltip(code, props) {
  const data = state.regionData[code] || { claims: 0, events: 0, conflicts: 0, claimed: 0 };
  return el(
    "div",
    {},
    el("b", {}, `${props.name_en} (${code})`),
    el("br"),
    `${props.name_ru} · ${props.name_uk}`,
    el("br"),
    `${data.claims} claims (claimed total ${data.claimed}), ${data.events} events`,
    data.conflicts ? el("span", { class: "conflict" }, ` · ⚠ ${data.conflicts} conflicting`) : null,
  );
}

function colorFor(value, max) {
  if (!value) return EMPTY;
  const step = Math.log(value + 1) / Math.log(max + 1);
  return COLORS[Math.min(COLORS.length - 1, Math.floor(step * (COLORS.length - 1e-9)))];
}

function paintRegions(items) {
  const measure = $("#filters").elements.measure.value;
  state.regionData = {};
  for (const item of items) state.regionData[item.admin1] = item;
  const values = items.map((item) => item[measure]);
  const max = Math.max(0, ...values);
  for (const [code, layer] of Object.entries(state.layers)) {
    const data = state.regionData[code] || { claims: 0, events: 0, conflicts: 0 };
    const value = data[measure] || 0;
    const selected = code === state.admin1;
    layer.setStyle({
      fillColor: colorFor(value, max),
      fillOpacity: value ? 0.85 : 0.7,
      color: data.conflicts ? "#a4161a" : selected ? "#111" : "#666",
      weight: selected ? 2.5 : data.conflicts ? 1.8 : 0.7,
      dashArray: data.conflicts ? "5 3" : null,
    });
    const path = layer.getElement();
    path.classList.toggle("has-claims", data.claims > 0);
    path.classList.toggle("has-conflict", data.conflicts > 0);
    path.dataset.claims = data.claims;
    path.dataset.events = data.events;
  }
  markConflicts();
  drawLegend(max, measure);
}

// A ⚠ on each region whose claimants disagree, visible on any fill, leading to the
// conflicts view of that region.
function markConflicts() {
  state.markers.clearLayers();
  for (const [code, data] of Object.entries(state.regionData)) {
    if (!data.conflicts || !state.layers[code]) continue;
    const icon = L.divIcon({ className: "conflict-mark", html: "", iconSize: [22, 22] });
    const mark = L.marker(state.layers[code].getBounds().getCenter(), { icon, keyboard: true, title: `${regionName(code)}: claimants disagree` });
    mark.on("click", () => {
      if (state.admin1 !== code) setArea(code);
      $("#conflicts-panel").scrollIntoView({ block: "start" });
    });
    mark.addTo(state.markers);
    const node = mark.getElement();
    node.dataset.admin1 = code;
    node.textContent = "⚠";
  }
}

function drawLegend(max, measure) {
  const legend = $("#legend");
  legend.replaceChildren(el("span", {}, `${measure} per region:`));
  legend.append(el("span", {}, el("span", { class: "swatch", style: `background:${EMPTY}` }), "none"));
  if (max > 0) {
    legend.append(el("span", {}, el("span", { class: "swatch", style: `background:${COLORS[0]}` }), "few"));
    legend.append(el("span", {}, el("span", { class: "swatch", style: `background:${COLORS[5]}` }), `most (${max})`));
  }
  legend.append(el("a", { class: "conflict", href: "#conflicts-panel" }, "⚠ and dashed red border: claimants disagree"));
  legend.append(el("span", {}, "● named place · ╌ between two places · shaded area: known only to the region"));
}

function drawOverlay(claims) {
  overlay.clearLayers();
  for (const claim of claims) {
    const places = claim.places || [];
    const points = places.filter((p) => p.geo_precision === "place" && p.lat != null && p.lon != null);
    const between = places.filter((p) => p.geo_precision === "between-places" && p.lat != null && p.lon != null);
    const tip = () => el("div", {}, `${claim.claimant || "unattributed"}: ${claim.claim_type} ${countText(claim)}`,
      el("br"), `precision: ${claim.geo_precision}`);
    if (points.length) {
      for (const p of points) {
        L.circleMarker([p.lat, p.lon], { radius: 6, color: "#1d2630", weight: 1, fillColor: "#2b4c7e", fillOpacity: 0.9, className: "claim-point" })
          .bindTooltip(tip).on("click", () => showClaim(claim.id)).addTo(overlay);
      }
    } else if (between.length >= 2) {
      // Between two places: the segment, never a point on it.
      L.polyline(between.map((p) => [p.lat, p.lon]), { color: "#2b4c7e", weight: 3, dashArray: "6 4", className: "claim-segment" })
        .bindTooltip(tip).on("click", () => showClaim(claim.id)).addTo(overlay);
    }
  }
}

// -- time series ----------------------------------------------------------------------------

// One line per claim type and claimant: figures of different claims are never added.
function drawTimeseries(items) {
  const box = $("#timeseries");
  box.replaceChildren();
  $("#ts-area").textContent = state.admin1 ? regionName(state.admin1) : "all areas";
  if (!items.length) {
    box.append(el("p", { class: "hint" }, "No dated claims for these filters."));
    return;
  }
  const series = new Map();
  for (const item of items) {
    const key = `${item.claim_type} · ${item.claimant || "unattributed"}`;
    if (!series.has(key)) series.set(key, { key, total: 0, perDay: new Map() });
    const entry = series.get(key);
    entry.total += item.claimed;
    entry.perDay.set(item.day, (entry.perDay.get(item.day) || 0) + item.claimed); // areas of one claim type and claimant
  }
  const ranked = [...series.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  const drawn = ranked.slice(0, MAX_SERIES);
  const time = (d) => Date.parse(`${d}T00:00:00Z`);
  const days = [...new Set(items.map((i) => i.day))].sort();
  const [first, last] = [time(days[0]), time(days[days.length - 1])];
  const width = 460, height = 200, left = 36, right = 12, bottom = 22, top_ = 8;
  const max = Math.max(1, ...drawn.flatMap((s) => [...s.perDay.values()]));
  // A real time axis: days far apart are drawn far apart.
  const x = (d) => (first === last ? (left + width - right) / 2 : left + ((time(d) - first) / (last - first)) * (width - left - right));
  const y = (v) => height - bottom - (v / max) * (height - bottom - top_);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", "aria-label": "Claimed per day, one line per claim type and claimant" });
  chart.append(svg("line", { x1: left, y1: y(0), x2: width - right, y2: y(0), stroke: "#999" }));
  chart.append(svg("text", { x: 2, y: y(max) + 4 }, String(max)));
  chart.append(svg("text", { x: 2, y: y(0) }, "0"));
  const ticks = first === last ? [days[0]] : tickDays(first, last);
  ticks.forEach((d, i) => {
    const anchor = ticks.length === 1 ? "middle" : i === 0 ? "start" : i === ticks.length - 1 ? "end" : "middle";
    chart.append(svg("line", { x1: x(d), y1: y(0), x2: x(d), y2: y(0) + 4, stroke: "#999" }));
    chart.append(svg("text", { x: x(d), y: height - 6, "text-anchor": anchor, class: "tick" }, d));
  });
  const legend = el("div", { class: "hint ts-legend" });
  drawn.forEach((entry, index) => {
    const color = LINE_COLORS[index % LINE_COLORS.length];
    const points = [...entry.perDay.keys()].sort();
    const line = svg("polyline", { points: points.map((d) => `${x(d)},${y(entry.perDay.get(d))}`).join(" "), fill: "none", stroke: color, "stroke-width": 2, class: "series" });
    if (index >= LINE_COLORS.length) line.setAttribute("stroke-dasharray", "4 3");
    line.dataset.series = entry.key;
    chart.append(line);
    for (const d of points) {
      const dot = svg("circle", { cx: x(d), cy: y(entry.perDay.get(d)), r: 2.5, fill: color, class: "point" });
      dot.append(svg("title", {}, `${d} · ${entry.key}: ${entry.perDay.get(d)}`));
      chart.append(dot);
    }
    legend.append(el("span", { class: "series-name" }, el("span", { style: `color:${color}` }, "━ "), entry.key));
  });
  box.append(chart, legend);
  if (ranked.length > drawn.length) {
    box.append(el("p", { class: "hint" }, `${ranked.length - drawn.length} more series not drawn: choose a claimant or claim type to see them.`));
  }
}

// Calendar days for the axis, evenly spaced in time from the first to the last.
function tickDays(first, last) {
  const dayMs = 86400000;
  const step = Math.max(1, Math.ceil(Math.round((last - first) / dayMs) / 4)) * dayMs;
  const ticks = [];
  for (let t = first; last - t >= step * 0.8; t += step) ticks.push(new Date(t).toISOString().slice(0, 10));
  ticks.push(new Date(last).toISOString().slice(0, 10));
  return ticks;
}

// -- events, table, source text ---------------------------------------------------------------

const statementsOf = (event) => (event.detail && event.detail.statements) || [];

function figureText(statement) {
  if (statement.killed != null || statement.injured != null) {
    return `killed ${statement.killed ?? "?"}, injured ${statement.injured ?? "?"}`;
  }
  if (statement.count === null || statement.count === undefined) return "no figure";
  const mark = { at_least: "≥", approx: "~" }[statement.count_qualifier] || "";
  return `${mark}${statement.count}`;
}

function eventTitle(event) {
  return `${day(event.first_reported) || "date unknown"} · ${regionName(event.admin1) || event.country || "?"} · ${event.claim_type} ${event.weapon || ""}`;
}

// Who said what on one line: "Governor of Kaluga Oblast 11 · Russian Ministry of Defense 10".
function whoSaidWhat(event) {
  return statementsOf(event).map((s) => `${s.claimant || "unattributed"} ${figureText(s)}`).join(" · ");
}

function drawEvents(items) {
  const list = $("#events");
  list.replaceChildren();
  if (!items.length) list.append(el("li", { class: "hint" }, "No events for these filters."));
  for (const event of items) {
    const range = event.low === event.high ? `${event.best ?? "?"}` : `${event.low}–${event.high} (best ${event.best})`;
    list.append(
      el("li", { class: event.conflict ? "conflict-event" : "", dataset: { eventId: event.id }, tabindex: 0, role: "button",
        onclick: () => showEvent(event), onkeydown: (e) => { if (e.key === "Enter") showEvent(event); } },
        event.conflict ? el("span", { class: "conflict", title: "claimants disagree" }, "⚠ ") : "",
        `${eventTitle(event)} · ${range} · ${statementsOf(event).length} claim(s)`,
        el("br"), el("small", { class: "who" }, whoSaidWhat(event))),
    );
  }
}

// An event's claimants side by side: one column per claimant with its figure, where and
// when it was published, and its words one click away.
function eventCard(event) {
  const statements = statementsOf(event);
  const cited = (s) => (s.citations || [])[0] || {};
  const row = (name, cells) => el("tr", {}, el("th", { scope: "row" }, name), cells);
  const table = el("table", { class: "side-by-side" },
    el("thead", {}, el("tr", {}, el("th", {}), statements.map((s) => el("th", { scope: "col", class: "claimant" }, s.claimant || "unattributed")))),
    el("tbody", {},
      row("claimed", statements.map((s) => el("td", { class: "figure" }, figureText(s)))),
      row("published", statements.map((s) => el("td", {}, `${day(cited(s).published) || "time unknown"} · ${cited(s).source || ""}`))),
      row("evidence", statements.map((s) => el("td", {},
        el("button", { type: "button", class: "evidence-link", dataset: { claimId: s.claim_id }, onclick: () => showClaim(s.claim_id) }, "show the words"))))));
  return el("article", { class: event.conflict ? "event-card conflict-event" : "event-card", dataset: { eventId: event.id } },
    el("h3", {}, event.conflict ? el("span", { class: "conflict" }, "⚠ claimants disagree: ") : "", eventTitle(event)),
    el("div", { class: "scroll-x" }, table));
}

function showEvent(event) {
  $("#event-detail").replaceChildren(eventCard(event));
  $("#event-panel").hidden = false;
  $("#event-panel").scrollIntoView({ block: "nearest" });
}

function drawConflicts(items) {
  const box = $("#conflicts");
  box.replaceChildren();
  if (!items.length) box.append(el("p", { class: "hint" }, "No conflicting claims for these filters."));
  for (const event of items) box.append(eventCard(event));
}

function claimRow(claim) {
  const places = (claim.places || []).map((p) => p.name || p.normal || p.text).join(", ");
  return el(
    "tr",
    { dataset: { claimId: claim.id }, onclick: () => showClaim(claim.id), tabindex: 0 },
    el("td", {}, day(claim.published) || el("span", { class: "hint" }, "undated")),
    el("td", {}, claim.claimant || "unattributed"),
    el("td", {}, claim.claim_type),
    el("td", {}, claim.weapon || ""),
    el("td", {}, countText(claim)),
    el("td", {}, claim.admin1 ? regionName(claim.admin1) : claim.country || ""),
    el("td", {}, places || claim.region_text || ""),
    el("td", {}, el("span", { class: "precision" }, claim.geo_precision)),
    el("td", {}, claim.event_id ? (claim.event_conflict ? el("span", { class: "conflict", title: "claimants disagree" }, `⚠ #${claim.event_id}`) : `#${claim.event_id}`) : ""),
  );
}

async function loadClaims(reset, generation) {
  const params = withParams(filterParams(), { limit: PAGE });
  if (!reset && state.cursor) params.set("cursor", state.cursor);
  const page = await api("/api/claims", params);
  await state.mapReady; // region names come with the map's shapes
  if (generation !== state.generation) return;
  const body = $("#claims-table tbody");
  if (reset) {
    body.replaceChildren();
    state.shown = [];
  }
  for (const claim of page.items) body.append(claimRow(claim));
  state.shown.push(...page.items);
  drawOverlay(state.shown); // the map marks the places of the claims listed, page by page
  if (reset && !page.items.length) body.append(el("tr", {}, el("td", { colspan: 9, class: "hint" }, "No claims for these filters.")));
  state.cursor = page.next;
  $("#more").hidden = !page.next;
}

// Split the text at every span edge; each piece is a text node, wrapped in <mark> when
// some field's evidence covers it.
function highlighted(text, spans) {
  const edges = new Set([0, text.length]);
  for (const s of spans) {
    edges.add(Math.max(0, Math.min(text.length, s.start)));
    edges.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const cuts = [...edges].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const piece = document.createTextNode(text.slice(from, to));
    const fields = spans.filter((s) => s.start <= from && s.end >= to).map((s) => s.field);
    if (fields.length) {
      const mark = el("mark", { class: "evidence", dataset: { field: fields.includes("claim") ? "claim" : fields[0] }, title: fields.join(", ") });
      mark.append(piece);
      nodes.push(mark);
    } else {
      nodes.push(piece);
    }
  }
  return nodes;
}

async function showClaim(id) {
  const claim = await api(`/api/claims/${encodeURIComponent(id)}`);
  for (const row of document.querySelectorAll("#claims-table tr.selected")) row.classList.remove("selected");
  const row = document.querySelector(`#claims-table tr[data-claim-id="${Number(id)}"]`);
  if (row) row.classList.add("selected");
  const report = claim.report;
  const spans = Object.entries(claim.evidence || {}).map(([field, span]) => ({ field, start: span[0], end: span[1] }));
  for (const place of claim.places || []) {
    if (place.span) spans.push({ field: "place", start: place.span[0], end: place.span[1] });
  }
  const link = report.url && /^https?:\/\//i.test(report.url)
    ? el("a", { href: report.url, rel: "noopener noreferrer", target: "_blank" }, report.url)
    : report.url || "";
  const placeText = (claim.places || [])
    .map((p) => `${p.name || p.normal || p.text} [${p.geo_precision}]`)
    .join("; ");
  const fields = [
    ["Claimant", claim.claimant || "unattributed"],
    ["Claim", `${claim.claim_type} ${claim.weapon || ""} ${claim.model ? `(${claim.model})` : ""}`],
    ["Count", countText(claim)],
    ["Region", [regionName(claim.admin1) || claim.country || "—", claim.region_text ? ` · as written: ${claim.region_text}` : ""].join("")],
    ["Places", placeText || "—"],
    ["Precision", el("span", { class: "precision", id: "claim-precision" }, claim.geo_precision)],
    ["Window", claim.window_start ? `${claim.window_start} → ${claim.window_end || "?"}` : "not stated"],
    ["Event", claim.event_id ? (claim.event_conflict ? el("span", { class: "conflict" }, `⚠ #${claim.event_id}: claimants disagree`) : `#${claim.event_id}`) : "—"],
    ["Report", [`${report.source} · ${report.published || "time unknown"} · `, link]],
  ];
  $("#claim-fields").replaceChildren(...fields.flatMap(([name, value]) => [el("dt", {}, name), el("dd", {}, value)]));
  const text = $("#source-text");
  text.setAttribute("lang", report.lang || "und");
  text.replaceChildren(...highlighted(report.text, spans));
  // A claim known only to its region (or a district in it) is shown as that whole area.
  highlightArea(["admin1", "admin2"].includes(claim.geo_precision) ? claim.admin1 : null);
  $("#source-panel").hidden = false;
  $("#source-panel").scrollIntoView({ block: "nearest" });
}

function highlightArea(code) {
  for (const path of document.querySelectorAll("path.region.claim-area")) path.classList.remove("claim-area");
  if (!code || !state.layers[code]) return;
  state.layers[code].bringToFront();
  state.layers[code].getElement().classList.add("claim-area");
}

// -- source health ----------------------------------------------------------------------------

function drawSources(items) {
  const body = $("#sources-table tbody");
  body.replaceChildren();
  for (const source of items) {
    const max = Math.max(1, ...source.per_day.map((d) => d.reports));
    const spark = el("span", { class: "spark", title: source.per_day.map((d) => `${d.day}: ${d.reports}`).join("\n") },
      source.per_day.map((d) => el("span", { class: d.reports ? "" : "zero", style: `height:${Math.max(1, (18 * d.reports) / max)}px` })));
    const status = source.silent
      ? el("span", { class: "silent" }, source.silent_days === null ? "silent: no reports" : `silent for ${source.silent_days} days`)
      : "active";
    body.append(el("tr", { class: source.silent ? "silent-source" : "" },
      el("td", {}, `${source.name} (${source.kind})`), el("td", {}, source.claimant || ""),
      el("td", {}, source.reports), el("td", {}, spark), el("td", {}, status)));
  }
}

// -- wiring -----------------------------------------------------------------------------------

async function refresh() {
  const generation = ++state.generation;
  document.body.dataset.state = "loading";
  document.body.dataset.totals = "loading";
  const params = filterParams();
  saveView();
  try {
    const [regions, series, eventsPage, conflictsPage] = await Promise.all([
      api("/api/regions", params),
      api("/api/timeseries", withParams(params, { by_area: state.admin1 ? "true" : "false" })),
      api("/api/events", withParams(params, { limit: 100 })),
      api("/api/events", withParams(params, { limit: 100, conflict: "true" })),
      loadClaims(true, generation),
    ]);
    await state.mapReady;
    if (generation !== state.generation) return;
    paintRegions(regions.items);
    drawTimeseries(series.items);
    drawEvents(eventsPage.items);
    drawConflicts(conflictsPage.items);
    document.body.dataset.state = "ready";
    // The totals line comes last and on its own: the map and table need not wait for it.
    const totals = await api("/api/stats", params);
    if (generation !== state.generation) return;
    $("#summary").textContent = `${totals.claims} claims · ${totals.events} events (${totals.conflicting_events} with conflicting claims)`;
    fillClaimants(totals.claims_by_claimant);
    document.body.dataset.totals = "ready";
  } catch (error) {
    $("#summary").textContent = `Could not load: ${error.message}`;
    document.body.dataset.state = "error";
  }
}

// The claimant list offers those with claims in view, and keeps the one chosen.
function fillClaimants(counts) {
  const select = $("#filters").elements.claimant;
  const chosen = select.value;
  const names = Object.keys(counts);
  if (chosen && !names.includes(chosen)) names.unshift(chosen);
  select.replaceChildren(el("option", { value: "" }, "all"), ...names.map((name) =>
    el("option", { value: name }, counts[name] ? `${name} (${counts[name]})` : name)));
  select.value = chosen;
}

function showArea(code) {
  state.admin1 = code;
  $("#area-chip").hidden = !code;
  $("#area-name").textContent = code ? regionName(code) : "";
}

function setArea(code) {
  showArea(code);
  refresh();
}

async function init() {
  // The map's shapes load while the first data is asked for; drawing waits for both.
  const shapes = Promise.all([api("/static/data/regions.geojson"), api("/static/data/context.geojson")]);
  state.mapReady = shapes.then(([regions, context]) => setupMap(regions, context));
  const form = $("#filters");
  // The whole ledger, unless the URL names a view.
  restoreView(window.location.search);
  form.addEventListener("change", () => refresh());
  form.addEventListener("submit", (event) => { event.preventDefault(); refresh(); });
  $("#area-clear").addEventListener("click", () => setArea(null));
  $("#more").addEventListener("click", () => loadClaims(false, state.generation));
  $("#source-close").addEventListener("click", () => { $("#source-panel").hidden = true; });
  $("#event-close").addEventListener("click", () => { $("#event-panel").hidden = true; });
  await refresh();
  // Source health sits below the fold: asked for once the view is drawn.
  drawSources((await api("/api/sources", new URLSearchParams({ days: 14 }))).items);
}

init().catch((error) => {
  document.body.dataset.state = "error";
  $("#summary").textContent = `Could not start: ${error.message}`;
});
