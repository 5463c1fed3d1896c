// Harmattan's dashboard: one page over the REST API (/api/v1). Every number shown is one the
// server computed and formatted (the brief's figure texts, the series' counts); the page only
// lays them out. The view lives in the address (?country=MLI&from=…&to=…), so it can be shared.
'use strict';

/** ACLED's event types, each with a colour of the Okabe–Ito palette (safe for colour blindness). */
const EVENT_TYPES = [
  ['Battles', '#D55E00'],
  ['Explosions/Remote violence', '#E69F00'],
  ['Violence against civilians', '#CC79A7'],
  ['Protests', '#0072B2'],
  ['Riots', '#56B4E9'],
  ['Strategic developments', '#009E73'],
];
const TYPE_COLOUR = new Map(EVENT_TYPES);
/** The colour of "other" categories, beyond the eight the brief colours (Paul Tol's "muted"). */
const OTHER = '#9A9A9A';
const CORRIDOR_COLOUR = { open: '#009E73', disrupted: '#E69F00', blocked: '#D55E00', unknown: '#8c8c8c' };
const VIEW_KEYS = ['country', 'from', 'to', 'compare', 'eventType', 'subEventType', 'actor', 'admin1'];
/** The brief's figures count ACLED events unless told otherwise; the map and series do the same. */
const SOURCE = 'ACLED';
/** Sections shown open, in this order first; the rest follow as the brief orders them. */
const FIRST = ['summary', 'warning', 'capital', 'corridors', 'humanitarian', 'advisories'];
const OPEN = new Set(['summary', 'warning']);

const state = {
  session: null,
  coverage: [],
  views: [],
  view: null,
  interval: 'month',
  overview: null,
  series: null,
  comparison: null,
  loadSeq: 0,
  map: null,
  base: null,
  overlays: null,
  layerControl: null,
  /** The admin-1 regions of each country, as GET /api/v1/admin1 lists them (a promise each). */
  regions: new Map(),
  subtypes: new Set(),
  briefTimer: null,
};

// ---------------------------------------------------------------- HTTP

class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : 'the server answered ' + status);
    this.status = status;
    this.problem = problem;
  }
}

async function api(path, options = {}) {
  const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
  if (options.method && options.method !== 'GET' && state.session && state.session.csrf) {
    headers['X-CSRF-Token'] = state.session.csrf;
  }
  const response = await fetch(path, Object.assign({ credentials: 'same-origin' }, options, { headers }));
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, typeof body === 'object' ? body : null);
  }
  return body;
}

// ---------------------------------------------------------------- small DOM helpers

/** A User Timing mark (what the browser benchmark reads: counts, figures, map of a view). */
function mark(name) {
  if (window.performance && performance.mark) performance.mark(name);
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function svg(tag, attrs = {}, text) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

const $ = (id) => document.getElementById(id);

/**
 * Leaflet sets a string tooltip's or layer name's content as HTML; place names, categories and
 * layer names come from the data, so they go in as a text node (tooltips) or escaped (the layers
 * control, which takes only strings). Nothing else in the dashboard builds HTML from data.
 */
function tip(text) {
  return el('span', { text: String(text) });
}

function htmlText(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function showMessage(text) {
  const m = $('message');
  m.textContent = text || '';
  m.hidden = !text;
}

// ---------------------------------------------------------------- the view and the address

function readView() {
  const p = new URLSearchParams(location.search);
  const v = {};
  for (const k of VIEW_KEYS) {
    const value = p.get(k);
    if (value !== null && value !== '') v[k] = value;
  }
  return v;
}

function query(view, keys = VIEW_KEYS) {
  const p = new URLSearchParams();
  for (const k of keys) {
    if (view[k]) p.set(k, view[k]);
  }
  return p;
}

/** The view to open on: the server's opening view of the country asked for, or the store's. */
function defaultView(views, country) {
  const view = country ? views.find((v) => v.country === country) : views[0];
  if (!view) return null;
  const out = { country: view.country, from: view.from, to: view.to };
  if (view.compare) out.compare = view.compare;
  return out;
}

function fillForm(view) {
  $('f-country').value = view.country || '';
  $('f-from').value = view.from || '';
  $('f-to').value = view.to || '';
  $('f-compare').value = view.compare || '';
  $('f-eventType').value = view.eventType || '';
  $('f-subEventType').value = view.subEventType || '';
  setOption($('f-actor'), view.actor || '');
  setOption($('f-admin1'), view.admin1 || '');
}

function setOption(select, value) {
  if (value && ![...select.options].some((o) => o.value === value)) {
    select.append(el('option', { value, text: value }));
  }
  select.value = value;
}

function formView() {
  const v = {};
  for (const k of VIEW_KEYS) {
    const value = $('f-' + k).value.trim();
    if (value) v[k] = value;
  }
  return v;
}

function go(view, push = true) {
  const url = '?' + query(view).toString();
  if (push) history.pushState(view, '', url);
  else history.replaceState(view, '', url);
  load(view);
}

// ---------------------------------------------------------------- start

async function start() {
  try {
    state.session = await api('/api/v1/session');
  } catch (e) {
    if (e.status === 401) {
      state.session = null;
      showWho();
      signIn(true);
      return;
    }
    showMessage('The server cannot be reached: ' + e.message);
    return;
  }
  showWho();
  setUpForm();
  setUpMap();
  setUpTimeline();
  $('start-brief').addEventListener('click', startBrief);
  window.addEventListener('popstate', () => load(readView()));
  // A full view in the address loads at once; the store's coverage (the country list, and the
  // default view when the address has none) arrives meanwhile.
  const asked = readView();
  const complete = asked.country && asked.from && asked.to;
  if (complete) {
    setOption($('f-country'), asked.country);
    load(asked);
  }
  api('/api/v1/actors').then((r) => {
    const s = $('f-actor');
    const current = s.value;
    s.replaceChildren(el('option', { value: '', text: 'All' }),
      ...r.actors.map((a) => el('option', { value: a.id, text: a.name })));
    setOption(s, current || (readView().actor || ''));
  }).catch(() => {});
  loadBriefs();
  try {
    const c = await api('/api/v1/coverage');
    state.coverage = c.coverage;
    state.views = c.views;
  } catch (e) {
    showMessage('The store cannot be read: ' + e.message);
    return;
  }
  const countries = [...new Set(state.coverage.map((c) => c.country))].sort();
  const select = $('f-country');
  select.replaceChildren(...countries.map((c) => el('option', { value: c, text: c })));
  if (state.view && state.view.country) setOption(select, state.view.country);
  if (!countries.length) {
    $('sections').replaceChildren(
      el('p', { text: 'The store holds no events yet. Ingest an export (harmattan ingest FILE, or POST /api/v1/ingest) and reload.' }));
    showMessage('The store is empty.');
    return;
  }
  if (!complete) {
    const view = Object.assign(defaultView(state.views, asked.country) || {}, asked);
    history.replaceState(view, '', '?' + query(view).toString());
    load(view);
  }
  if (state.session.role === 'admin') loadAdmin();
}

function showWho() {
  const who = $('who');
  const s = state.session;
  if (!s) {
    who.replaceChildren(el('button', { type: 'button', onclick: () => signIn(false), text: 'Sign in' }));
    return;
  }
  if (s.anonymous) {
    who.replaceChildren(`Visitor (${s.role}) `,
      el('button', { type: 'button', onclick: () => signIn(false), text: 'Sign in' }));
  } else {
    who.replaceChildren(`${s.user} (${s.role}) `,
      el('button', { type: 'button', onclick: signOut, text: 'Sign out' }));
  }
}

function signIn(required) {
  const d = $('signin');
  const form = $('signin-form');
  $('signin-cancel').hidden = required;
  $('signin-cancel').onclick = () => d.close();
  d.oncancel = (e) => { if (required) e.preventDefault(); };
  form.onsubmit = async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    try {
      await api('/api/v1/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: data.get('name'), password: data.get('password') }),
      });
      location.reload();
    } catch (err) {
      $('signin-error').textContent = err.message;
    }
  };
  d.showModal();
}

async function signOut() {
  try {
    await api('/api/v1/session', { method: 'DELETE' });
  } finally {
    location.reload();
  }
}

function setUpForm() {
  const types = $('f-eventType');
  types.replaceChildren(el('option', { value: '', text: 'All' }),
    ...EVENT_TYPES.map(([t]) => el('option', { value: t, text: t })));
  $('f-admin1').replaceChildren(el('option', { value: '', text: 'All' }));
  $('f-actor').replaceChildren(el('option', { value: '', text: 'All' }));
  const form = $('filters');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(formView());
  });
  for (const k of ['country', 'eventType', 'actor', 'admin1']) {
    $('f-' + k).addEventListener('change', () => {
      const v = formView();
      if (k === 'country') {
        delete v.admin1;
        delete v.actor;
      }
      go(v);
    });
  }
  for (const k of ['from', 'to', 'compare', 'subEventType']) {
    $('f-' + k).addEventListener('change', () => {
      if (form.checkValidity()) go(formView());
    });
  }
}

// ---------------------------------------------------------------- loading a view

async function load(view) {
  state.view = view;
  fillForm(view);
  showMessage('');
  const seq = ++state.loadSeq;
  mark('harmattan-load');
  const windowQuery = query(view);
  const filters = query(view, ['country', 'from', 'to', 'eventType', 'subEventType', 'actor', 'admin1']);
  filters.set('source', SOURCE);
  document.body.setAttribute('aria-busy', 'true');
  $('counts').replaceChildren(el('span', { class: 'note', text: 'Counting…' }));
  const current = () => seq === state.loadSeq;
  const failed = (what) => (e) => {
    if (!current()) return;
    showMessage(`${what}: ${e.message}`);
  };
  // The figures first: they take the server longest when it has not computed them yet.
  const overview = api("/api/v1/overview?" + windowQuery).then((o) => {
    if (!current()) return;
    state.overview = o;
    showOverview(o);
    mark('harmattan-figures');
    // The brief's map layers and the timeline's marks a task later, so that the key figures are
    // painted first: redrawing the outlines, corridors and hexagons takes the browser a while.
    return new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
      if (!current()) return;
      showBriefLayers(o);
      drawTimeline();
    });
  }).catch((e) => {
    if (!current()) return;
    state.overview = null;
    $('sections').replaceChildren(el('p', { class: 'error', text: 'The figures could not be computed: ' + e.message }));
    failed('The figures could not be computed')(e);
  });
  const seriesQuery = new URLSearchParams(filters);
  seriesQuery.set('interval', state.interval);
  state.comparison = null;
  const series = api('/api/v1/series?' + seriesQuery).then((s) => {
    if (!current()) return;
    state.series = s;
    showCounts(s);
    drawTimeline();
    mark('harmattan-counts');
  }).catch(failed('The timeline could not be loaded'));
  // The comparison year's line, once the window's own counts are on screen.
  const comparison = series.then(() => (current() ? loadComparison(seriesQuery, view) : null)).then((c) => {
    if (!current() || !c) return;
    state.comparison = c;
    drawTimeline();
  });
  const points = api('/api/v1/events/points?' + filters, { headers: { Accept: 'application/geo+json' } })
    .then((p) => {
      if (!current()) return;
      showPoints(p);
      mark('harmattan-map');
    })
    .catch(failed('The events could not be loaded'));
  const regions = loadRegions(view.country).catch(failed('The regions could not be listed'));
  $('warnings').replaceChildren(el('p', { class: 'note', text: 'Evaluating the rules…' }));
  // The signals per region once the figures, counts and map are on screen: asked for at once,
  // they would take the server's cores from the figures of a window not yet computed.
  const warnings = Promise.allSettled([overview, series, points]).then(() => (current() ? api('/api/v1/warnings?' + windowQuery) : null)).then((w) => {
    if (!current() || !w) return;
    showWarnings(w);
    mark('harmattan-warnings');
  }).catch((e) => {
    if (!current()) return;
    $('warnings').replaceChildren(el('p', { class: 'error', text: 'The early-warning signals could not be evaluated: ' + e.message }));
  });
  $('alerts').replaceChildren(el('p', { class: 'note', text: 'Loading…' }));
  // The alerts the store's rules raised in the window, after the signals (the least urgent).
  const alerts = warnings.then(() => (current() ? api('/api/v1/alerts?' + alertQuery(view)) : null)).then((a) => {
    if (!current() || !a) return;
    showAlerts(a, view);
    mark('harmattan-alerts');
  }).catch((e) => {
    if (!current()) return;
    $('alerts').replaceChildren(el('p', { class: 'error', text: 'The alerts could not be listed: ' + e.message }));
  });
  await Promise.allSettled([series, comparison, points, overview, regions, warnings, alerts]);
  if (current()) document.body.removeAttribute('aria-busy');
}

/** The same intervals of the comparison year, or null without one (or when it fails). */
async function loadComparison(seriesQuery, view) {
  if (!view.compare) return null;
  const shift = Number(view.compare) - Number(view.from.slice(0, 4));
  const c = new URLSearchParams(seriesQuery);
  c.set('from', shiftYear(view.from, shift));
  c.set('to', shiftYear(view.to, shift));
  return api('/api/v1/series?' + c).catch(() => null);
}

function shiftYear(iso, years) {
  const y = Number(iso.slice(0, 4)) + years;
  let rest = iso.slice(4);
  if (rest === '-02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) rest = '-02-28';
  return String(y).padStart(4, '0') + rest;
}

function showCounts(series) {
  const n = new Intl.NumberFormat('en-GB');
  $('counts').replaceChildren(
    el('div', {}, el('span', { class: 'count', id: 'count-events', text: n.format(series.events) }),
      el('span', { class: 'what', text: 'events (' + SOURCE + ', this view)' })),
    el('div', {}, el('span', { class: 'count', id: 'count-fatalities', text: n.format(series.fatalities) }),
      el('span', { class: 'what', text: 'reported deaths' })));
  $('counts').title = series.query;
}

// ---------------------------------------------------------------- early-warning signals per region

const RULE_NAMES = { 'acled.surge': 'Surge (7 days)', 'acled.threat': 'Threat (30 days)' };

/** A number of the signals' answer: a button that opens its citation, which the answer carries. */
function citedButton(cited) {
  const f = cited.figure;
  return el('button', {
    type: 'button', class: 'fig', 'data-figure': f.id, title: f.label + ' (click for its citation)',
    onclick: () => showCitation(f, cited.text), text: cited.text,
  });
}

const days = (p) => Math.round((day(p.to) - day(p.from)) / DAY) + 1;
const dayText = (iso) => new Date(iso + 'T00:00:00Z').toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function showWarnings(w) {
  const fired = w.regions.filter((r) => r.signals.length);
  const quiet = w.regions.filter((r) => !r.signals.length);
  const nodes = [el('p', { class: 'note', text: `As of ${dayText(w.asOf)}, the window's last day. ${w.rules}` })];
  if (fired.length) {
    nodes.push(el('ul', { class: 'regions' }, fired.map((r) => el('li', { 'data-region': r.name },
      el('h3', { text: `${r.label}: ${r.signals.map((s) => s.level).join(', ')}` }),
      el('ul', {}, r.signals.map((s) => el('li', { 'data-rule': s.ruleId },
        el('span', { class: 'rule', title: s.rule, text: (RULE_NAMES[s.ruleId] || s.ruleId) + ': ' }),
        citedButton(s.observed), ` from ${dayText(s.observedWindow.from)} to ${dayText(s.observedWindow.to)}, against `,
        citedButton(s.baseline), ` per ${days(s.observedWindow)} days on average from ${dayText(s.baselineWindow.from)} to ${dayText(s.baselineWindow.to)}`,
        s.pValue ? ['; p = ', citedButton(s.pValue)] : null,
        s.notes.length ? ` (${s.notes.join('; ')})` : null, '.')))))));
  } else {
    nodes.push(el('p', { class: 'quiet-all', text: 'No rule fired in any region.' }));
  }
  if (quiet.length && fired.length) {
    nodes.push(el('p', { class: 'quiet', text: 'No rule fired in ' + quiet.map((r) => r.label).join(', ') + '.' }));
  } else if (!w.regions.length) {
    nodes.push(el('p', { class: 'note', text: 'The store names no region for these events.' }));
  }
  $('warnings').replaceChildren(...nodes);
}

// ---------------------------------------------------------------- alerts raised

/** The alerts shown at most; the rest are counted and left to the feed. */
const ALERTS_SHOWN = 10;

function alertQuery(view) {
  return new URLSearchParams({ from: view.from, to: view.to, limit: '1000' });
}

/** A figure of an alert as a button opening its citation (the alert carries the figure whole). */
function alertFigure(f) {
  const text = fmt(f.value) + (f.unit && f.unit !== 'events' && f.unit !== 'status' ? ' ' + f.unit : '');
  return citedButton({ figure: f, text });
}

function showAlerts(a, view) {
  const mine = a.alerts.filter((x) => x.country === view.country);
  const name = $('f-country').selectedOptions.length ? $('f-country').selectedOptions[0].textContent : view.country;
  const nodes = [el('p', { class: 'note' },
    `Raised by the store's alert rules (harmattan alerts run, or the watch) for ${name} from ${dayText(view.from)} to ${dayText(view.to)}, newest first; `,
    el('a', { href: '/api/v1/alerts/feed?' + alertQuery(view), text: 'Atom feed' }), '.')];
  if (!mine.length) {
    nodes.push(el('p', { class: 'quiet-all', text: 'No alert was raised for ' + name + ' in this window.' }));
  } else {
    nodes.push(el('ul', { class: 'alerts' }, mine.slice(0, ALERTS_SHOWN).map((x) => el('li', { 'data-alert': x.id, class: 'sev-' + x.severity },
      el('details', {},
        el('summary', {},
          el('span', { class: 'when', text: dayText(x.date) }), ' ',
          el('span', { class: 'severity', text: x.severity }), ' ',
          el('span', { class: 'headline', text: x.headline })),
        el('p', { text: x.text }),
        x.figures.length ? el('p', {}, 'Figures: ', x.figures.flatMap((f, i) => [i ? ', ' : '', el('span', { title: f.label }, alertFigure(f))])) : null,
        el('p', {}, el('a', { href: '/api/v1/alerts/' + encodeURIComponent(x.id) + '/cap', text: 'CAP 1.2 message' })))))));
    if (mine.length > ALERTS_SHOWN) {
      nodes.push(el('p', { class: 'note more', text: `and ${mine.length - ALERTS_SHOWN} earlier alerts in this window (in the feed).` }));
    }
  }
  $('alerts').replaceChildren(...nodes);
}

// ---------------------------------------------------------------- the brief's sections

function figureButton(id, style) {
  const o = state.overview;
  const f = o.figures[id];
  if (!f) return el('span', { text: '?' });
  const text = style === 'number' ? f.number : f.text;
  return el('button', {
    type: 'button', class: 'fig', 'data-figure': id, title: f.label + ' (click for its citation)',
    onclick: () => openCitation(id), text,
  });
}

function parts(list) {
  return list.map((p) => (p.figure ? figureButton(p.figure, p.style) : document.createTextNode(p.text)));
}

function block(b) {
  switch (b.type) {
    case 'paragraph':
      return el('p', {}, parts(b.parts));
    case 'bullets':
      return el('ul', {}, b.items.map((i) => el('li', {}, parts(i))));
    case 'table':
      return el('table', {},
        el('caption', { text: b.caption }),
        el('thead', {}, el('tr', {}, b.headers.map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, b.rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, parts(c)))))));
    case 'judgements':
      return el('table', { class: 'judgements' },
        el('caption', { text: 'Judgement by area (rules in the method section)' }),
        el('tbody', {}, b.judgements.map((j) => el('tr', {},
          el('th', { scope: 'row', text: j.area }),
          el('td', { class: 'verdict ' + j.verdict.replace(' ', '-'), title: j.rule, text: j.verdict }),
          el('td', {}, parts(j.basis))))));
    case 'chart':
      if (b.id === 'monthly-events') {
        return el('p', { class: 'note', text: b.caption + ': see the timeline.' });
      }
      return el('table', { class: 'chart-values' },
        el('caption', { text: b.caption }),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: '' }),
          b.series.map((s) => el('th', { scope: 'col', text: s.name })))),
        el('tbody', {}, chartRows(b)));
    case 'map':
      return el('p', { class: 'note', text: 'On the map: ' + b.caption });
    default:
      return null;
  }
}

function chartRows(b) {
  const labels = [];
  for (const s of b.series) for (const p of s.points) if (!labels.includes(p.label)) labels.push(p.label);
  return labels.map((label) => el('tr', {}, el('th', { scope: 'row', text: label }),
    b.series.map((s) => {
      const p = s.points.find((x) => x.label === label);
      return el('td', {}, p ? figureButton(p.figure, 'number') : '');
    })));
}

function showOverview(o) {
  const banner = $('banner');
  banner.hidden = !o.synthetic;
  banner.textContent = o.synthetic ? 'SYNTHETIC DATA: these events were generated by Harmattan\u2019s demo scenario; they are not real.' : '';
  document.title = o.title + ' \u2014 Harmattan';
  const order = [...o.sections].sort((a, b) => rank(a.id) - rank(b.id));
  const sections = order.map((s) => el('details', { open: OPEN.has(s.id), id: 'section-' + s.id },
    el('summary', {}, el('h2', { text: s.title })),
    s.blocks.map(block)));
  $('sections').replaceChildren(el('p', { class: 'note', text: o.title }), ...sections);
  $('attribution').textContent = o.attribution;
}

function rank(id) {
  const i = FIRST.indexOf(id);
  return i < 0 ? FIRST.length + (id === 'method' ? 1 : 0) : i;
}

async function openCitation(id) {
  const d = $('citation');
  const body = $('citation-body');
  body.replaceChildren(el('p', { class: 'note', text: 'Loading…' }));
  d.showModal();
  try {
    const r = await api('/api/v1/figures/' + encodeURIComponent(id) + '?' + query(state.view));
    const shown = state.overview && state.overview.figures[id] ? state.overview.figures[id].text : String(r.figure.value);
    citationBody(r.figure, shown);
  } catch (e) {
    body.replaceChildren(el('p', { class: 'error', text: 'The citation could not be loaded: ' + e.message }));
  }
}

/** Opens the citation of a figure the page already holds whole (value, query, citation). */
function showCitation(f, shown) {
  $('citation').showModal();
  citationBody(f, shown);
}

function citationBody(f, shown) {
  const body = $('citation-body');
  const c = f.citation;
  const rows = [
    ['Figure', f.label],
    ['Value', shown],
    ['Period', f.period.from + ' to ' + f.period.to],
    f.comparison ? ['Compared with', f.comparison.from + ' to ' + f.comparison.to] : null,
    Object.keys(f.filters).length ? ['Filters', Object.entries(f.filters).map(([k, v]) => k + ': ' + v).join('; ')] : null,
    f.vintage ? ['Data of', f.vintage] : null,
    f.note ? ['Note', f.note] : null,
    ['Query', el('code', { text: f.query })],
    ['Records', String(c.recordCount)],
    ['Sources', el('ul', {}, c.sources.map((s) => el('li', {}, `${s.system}: ${s.dataset} `, el('code', { text: 'SHA-256 ' + s.sha256 }))))],
    c.accessed ? ['Read in', c.accessed] : null,
    c.eventIds && c.eventIds.length ? ['Events', eventIds(c.eventIds)] : null,
    f.synthetic ? ['Data', 'SYNTHETIC: not real events'] : null,
  ].filter(Boolean);
  $('citation-title').textContent = 'Citation: ' + f.label;
  body.replaceChildren(el('dl', {}, rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', {}, v)])));
}

function eventIds(ids) {
  const max = 60;
  const shown = ids.slice(0, max).join(', ');
  return el('span', {}, el('code', { text: shown }), ids.length > max ? ` and ${ids.length - max} more (all in figures.json)` : '');
}

// ---------------------------------------------------------------- the map

function setUpMap() {
  const map = L.map('map', { zoomSnap: 0.25, minZoom: 2, maxZoom: 14, keyboard: true });
  map.setView([15, 0], 4);
  map.attributionControl.setPrefix(false);
  // Outlines under everything; influence cells under the events, corridors and rings.
  map.createPane('base').style.zIndex = 350;
  map.createPane('areas').style.zIndex = 390;
  state.map = map;
  state.events = L.markerClusterGroup({
    maxClusterRadius: 40, showCoverageOnHover: false, chunkedLoading: true, disableClusteringAtZoom: 11,
  });
  state.events.addTo(map);
  state.layerControl = L.control.layers(null, { Events: state.events }, { collapsed: false, position: 'topright' }).addTo(map);
}

function showPoints(fc) {
  const group = state.events;
  group.clearLayers();
  const markers = [];
  const subtypes = new Set();
  for (const f of fc.features) {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    if (p.subEventType) subtypes.add(p.subEventType);
    const colour = TYPE_COLOUR.get(p.eventType) || OTHER;
    const m = L.circleMarker([lat, lon], {
      radius: 4 + Math.min(8, Math.sqrt(p.fatalities || 0)), color: '#222', weight: 0.6,
      fillColor: colour, fillOpacity: 0.85,
    });
    m.bindPopup(() => eventPopup(f));
    markers.push(m);
  }
  group.addLayers(markers);
  const list = $('subtypes');
  for (const s of subtypes) state.subtypes.add(s);
  list.replaceChildren(...[...state.subtypes].sort().map((s) => el('option', { value: s })));
  const n = new Intl.NumberFormat('en-GB');
  $('map-note').textContent = fc.total > fc.shown
    ? `The map shows the ${n.format(fc.shown)} deadliest of ${n.format(fc.total)} events; narrow the period or filters to see all.`
    : `${n.format(fc.total)} events on the map (${SOURCE}); events without coordinates are not drawn.`;
  if (!state.base && markers.length) {
    state.map.fitBounds(group.getBounds(), { padding: [20, 20] });
  }
  drawLegend();
}

/**
 * Fills the region filter with the country's admin-1 regions as the store's events name them (GET
 * /api/v1/admin1), asked once per country.
 */
function loadRegions(country) {
  if (!country) return Promise.resolve();
  if (!state.regions.has(country)) {
    const asked = api('/api/v1/admin1?country=' + encodeURIComponent(country)).catch((e) => {
      state.regions.delete(country);
      throw e;
    });
    state.regions.set(country, asked);
  }
  return state.regions.get(country).then((r) => {
    if (!state.view || state.view.country !== country) return;
    const s = $('f-admin1');
    s.replaceChildren(el('option', { value: '', text: 'All' }),
      ...r.regions.map((g) => el('option', { value: g.name, text: g.label })));
    setOption(s, state.view.admin1 || '');
  });
}

function eventPopup(f) {
  const p = f.properties;
  const rows = [
    ['Date', p.date], ['Type', p.eventType + (p.subEventType ? ' \u2014 ' + p.subEventType : '')],
    ['Actor 1', p.actor1], ['Actor 2', p.actor2], ['Deaths', String(p.fatalities)],
    ['Place', [p.location, p.admin1].filter(Boolean).join(', ')],
    ['Source', p.source + (p.dataset ? ' (' + p.dataset + ')' : '')], ['Event', f.id],
    p.notes !== undefined ? ['Notes', p.notes || ''] : null,
  ].filter((r) => r && r[1]);
  return el('dl', { class: 'event' }, rows.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
}

function showBriefLayers(o) {
  const map = state.map;
  if (state.base) state.base.forEach((l) => map.removeLayer(l));
  if (state.overlays) {
    for (const l of Object.values(state.overlays)) {
      map.removeLayer(l);
      state.layerControl.removeLayer(l);
    }
  }
  state.base = [];
  state.overlays = {};
  const maps = o.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'map');
  const seen = new Set();
  let bounds = null;
  let countryBounds = null;
  state.categories = null;
  for (const m of maps) {
    // The widest map's area: the country's, not the capital's surroundings.
    if (!bounds || area(m.bounds) > area(bounds)) bounds = m.bounds;
    for (const layer of m.layers) {
      const key = layer.kind + ':' + layer.name;
      if (seen.has(key)) continue;
      seen.add(key);
      if (layer.kind === 'outlines' && layer.outline === 'country') {
        countryBounds = L.geoJSON(layer.features).getBounds();
      }
      if (layer.kind === 'outlines') {
        const style = {
          neighbour: { color: '#9a9a9a', weight: 0.8, fillColor: '#ecebe6', fillOpacity: 1 },
          country: { color: '#222', weight: 1.6, fillColor: '#fffdf6', fillOpacity: 1 },
          admin1: { color: '#777', weight: 0.7, dashArray: '3 3', fill: false },
        }[layer.outline] || { color: '#777', weight: 0.7, fill: false };
        const g = L.geoJSON(layer.features, { style, pane: 'base', interactive: layer.outline === 'admin1' });
        if (layer.outline === 'admin1') g.eachLayer((l) => l.bindTooltip(tip(l.feature.properties.label), { sticky: true }));
        g.addTo(map);
        state.base.push(g);
      } else if (layer.kind === 'rings') {
        const f = layer.features.features[0];
        const [lon, lat] = f.geometry.coordinates;
        const g = L.layerGroup(f.properties.radiiKm.map((km) => L.circle([lat, lon], {
          radius: km * 1000, color: '#17324d', weight: 1.2, dashArray: '6 4', fill: false, interactive: false,
        }).bindTooltip(km + ' km', { permanent: false })));
        state.overlays[layer.name + ' (50/100/200 km)'] = g;
      } else if (layer.kind === 'points') {
        if (layer.features.features.length > 20) continue; // event points come from the events layer
        const labels = layer.features.features.map((f) => f.properties.label).sort().join('|');
        if (seen.has('labels:' + labels)) continue;
        seen.add('labels:' + labels);
        const g = L.layerGroup(layer.features.features.map((f) => {
          const [lon, lat] = f.geometry.coordinates;
          const place = f.properties.category === 'capital' || f.properties.category === 'town';
          // Places are named on the map; other marks (passage-affecting events) on hover.
          return L.circleMarker([lat, lon], place
            ? { radius: 5, color: '#000', weight: 2, fillColor: '#fff', fillOpacity: 1 }
            : { radius: 5, color: '#000', weight: 1.5, fillColor: TYPE_COLOUR.get(f.properties.category) || '#fff', fillOpacity: 1 })
            .bindTooltip(tip(f.properties.label), place
              ? { permanent: true, direction: 'right', className: 'place-label' }
              : { direction: 'top' });
        }));
        state.overlays[layer.name] = g;
      } else if (layer.kind === 'lines') {
        const g = L.geoJSON(layer.features, {
          style: (f) => ({ color: CORRIDOR_COLOUR[f.properties.style] || '#555', weight: 4, opacity: 0.9 }),
          onEachFeature: (f, l) => l.bindTooltip(tip(f.properties.label + ': ' + f.properties.style), { sticky: true }),
        });
        state.overlays[layer.name] = g;
        state.corridors = true;
      } else if (layer.kind === 'cells') {
        const hot = /hot/i.test(layer.name);
        let g;
        if (hot) {
          g = L.geoJSON(layer.features, {
            style: (f) => ({ color: f.properties.colour || '#7A0000', weight: f.properties.intensity > 0.7 ? 2 : 1, fill: false }),
            pane: 'areas',
            interactive: false,
          });
        } else {
          const colours = categoryColours(layer.features.features);
          state.categories = colours;
          g = L.geoJSON(layer.features, {
            style: (f) => ({
              color: '#0003', weight: 0.4, fillColor: colours.get(f.properties.category) || OTHER,
              fillOpacity: 0.25 + 0.55 * f.properties.intensity,
            }),
            pane: 'areas',
            onEachFeature: (f, l) => l.bindTooltip(tip(f.properties.category), { sticky: true }),
          });
        }
        state.overlays[layer.name] = g;
      }
    }
  }
  for (const [name, g] of Object.entries(state.overlays)) {
    state.layerControl.addOverlay(g, htmlText(name));
    if (!/hot/i.test(name)) g.addTo(map);
  }
  if (state.boundsFor !== o.country.iso3 && (countryBounds || bounds)) {
    map.fitBounds(countryBounds || [[bounds[1], bounds[0]], [bounds[3], bounds[2]]], { padding: [8, 8] });
    state.boundsFor = o.country.iso3;
  }
  drawLegend();
}

function area(b) {
  return (b[2] - b[0]) * (b[3] - b[1]);
}

/**
 * The colour of each category as the brief chose it (the eight leading actors with most cells each
 * their own, the rest grey), most cells first.
 */
function categoryColours(features) {
  const counts = new Map();
  const colours = new Map();
  for (const f of features) {
    counts.set(f.properties.category, (counts.get(f.properties.category) || 0) + 1);
    colours.set(f.properties.category, f.properties.colour || OTHER);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return new Map(ranked.map(([c]) => [c, colours.get(c)]));
}

function drawLegend() {
  const legend = $('legend');
  if (!legend) return;
  const group = (title, entries) => el('div', { class: 'group' }, el('h3', { text: title }), el('ul', {}, entries));
  const item = (cls, colour, text) => el('li', {}, el('span', { class: cls, style: (cls === 'line' ? 'border-color:' : 'background:') + colour }), text);
  const groups = [group('Events by type (size: deaths)', EVENT_TYPES.map(([t, c]) => item('swatch', c, t)))];
  if (state.corridors) {
    groups.push(group('Corridors', Object.entries(CORRIDOR_COLOUR).map(([s, c]) => item('line', c, s))));
  }
  if (state.categories && state.categories.size) {
    const entries = [];
    let other = false;
    for (const [c, colour] of state.categories) {
      if (colour === OTHER) { other = true; continue; }
      entries.push(item('cell', colour, c));
    }
    if (other) entries.push(item('cell', OTHER, 'other actors'));
    groups.push(group('Leading actor per cell (opacity: its share)', entries));
  }
  legend.replaceChildren(...groups);
}

// ---------------------------------------------------------------- the timeline

function setUpTimeline() {
  for (const i of ['week', 'month']) {
    $('i-' + i).addEventListener('click', () => {
      if (state.interval === i) return;
      state.interval = i;
      $('i-week').setAttribute('aria-pressed', String(i === 'week'));
      $('i-month').setAttribute('aria-pressed', String(i === 'month'));
      load(state.view);
    });
  }
  const chart = $('timeline');
  let start = null;
  let rect = null;
  chart.addEventListener('pointerdown', (e) => {
    if (!state.scale) return;
    start = localX(e);
    rect = svg('rect', { y: state.scale.top, height: state.scale.height, fill: '#0b539433', stroke: '#0b5394' });
    chart.append(rect);
    chart.setPointerCapture(e.pointerId);
  });
  chart.addEventListener('pointermove', (e) => {
    if (start === null) return;
    const x = localX(e);
    rect.setAttribute('x', Math.min(start, x));
    rect.setAttribute('width', Math.abs(x - start));
  });
  chart.addEventListener('pointerup', (e) => {
    if (start === null) return;
    const x = localX(e);
    const a = Math.min(start, x);
    const b = Math.max(start, x);
    start = null;
    rect.remove();
    if (b - a < 4) return;
    const from = state.scale.date(a);
    const to = state.scale.date(b);
    if (from > to) return;
    go(Object.assign({}, state.view, { from, to }));
  });
  window.addEventListener('resize', () => drawTimeline());
}

function localX(e) {
  const box = $('timeline').getBoundingClientRect();
  const s = state.scale;
  return Math.max(s.left, Math.min(s.right, e.clientX - box.left));
}

const DAY = 86400000;
const day = (iso) => Date.parse(iso + 'T00:00:00Z');
const iso = (t) => new Date(t).toISOString().slice(0, 10);

function drawTimeline() {
  const chart = $('timeline');
  const s = state.series;
  if (!s) return;
  const width = chart.clientWidth || 800;
  const height = chart.clientHeight || 210;
  const left = 46;
  const right = width - 46;
  const top = 14;
  const bottom = height - 24;
  const t0 = day(s.period.from);
  const t1 = day(s.period.to) + DAY;
  const x = (t) => left + ((t - t0) / (t1 - t0)) * (right - left);
  const shift = state.comparison ? day(s.period.from) - day(state.comparison.period.from) : 0;
  const comparison = state.comparison ? state.comparison.points : [];
  const maxEvents = Math.max(1, ...s.points.map((p) => p.events), ...comparison.map((p) => p.events));
  const maxDeaths = Math.max(1, ...s.points.map((p) => p.fatalities));
  const yE = (v) => bottom - (v / maxEvents) * (bottom - top);
  const yD = (v) => bottom - (v / maxDeaths) * (bottom - top);
  state.scale = {
    left, right, top, height: bottom - top,
    date: (px) => iso(Math.min(t1 - DAY, Math.max(t0, t0 + Math.floor(((px - left) / (right - left)) * (t1 - t0) / DAY) * DAY))),
  };
  const nodes = [svg('title', { id: 'timeline-title' }, 'Events and deaths over time')];
  // value gridlines and axes
  for (const v of ticks(maxEvents)) {
    nodes.push(svg('line', { x1: left, x2: right, y1: yE(v), y2: yE(v), stroke: '#e6e6e6' }));
    nodes.push(svg('text', { x: left - 4, y: yE(v) + 4, 'text-anchor': 'end' }, fmt(v)));
  }
  for (const v of ticks(maxDeaths)) {
    nodes.push(svg('text', { x: right + 4, y: yD(v) + 4, fill: '#8a1c00' }, fmt(v)));
  }
  nodes.push(svg('text', { x: 2, y: 10 }, 'events'));
  nodes.push(svg('text', { x: right + 4, y: 10, fill: '#8a1c00' }, 'deaths'));
  // bars: events
  for (const p of s.points) {
    const a = x(day(p.start));
    const b = x(day(p.end) + DAY);
    const bar = svg('rect', { x: a + 0.5, width: Math.max(1, b - a - 1), y: yE(p.events), height: bottom - yE(p.events), fill: '#6f8fb0' });
    bar.append(svg('title', {}, `${p.start} to ${p.end}: ${fmt(p.events)} events, ${fmt(p.fatalities)} deaths`));
    nodes.push(bar);
  }
  // comparison: events, dashed
  if (comparison.length) {
    const pts = comparison.map((p) => [x((day(p.start) + day(p.end) + DAY) / 2 + shift), yE(p.events)]);
    nodes.push(svg('polyline', { points: pts.map((q) => q.join(',')).join(' '), fill: 'none', stroke: '#333', 'stroke-width': 1.5, 'stroke-dasharray': '5 4' }));
  }
  // deaths: line
  const deaths = s.points.map((p) => [x((day(p.start) + day(p.end) + DAY) / 2), yD(p.fatalities)]);
  nodes.push(svg('polyline', { points: deaths.map((q) => q.join(',')).join(' '), fill: 'none', stroke: '#8a1c00', 'stroke-width': 2 }));
  // time axis
  nodes.push(svg('line', { x1: left, x2: right, y1: bottom, y2: bottom, stroke: '#888' }));
  for (const [t, label] of timeTicks(t0, t1, right - left)) {
    nodes.push(svg('line', { x1: x(t), x2: x(t), y1: bottom, y2: bottom + 4, stroke: '#888' }));
    nodes.push(svg('text', { x: x(t) + 2, y: bottom + 16 }, label));
  }
  // marks: political timeline and advisory changes, numbered, listed below
  const marks = timelineMarks().filter((m) => day(m.date) >= t0 && day(m.date) < t1);
  marks.forEach((m, i) => {
    const mx = x(day(m.date) + DAY / 2);
    nodes.push(svg('line', { x1: mx, x2: mx, y1: top, y2: bottom, stroke: '#17324d', 'stroke-dasharray': '2 3' }));
    const label = svg('text', { x: mx + 2, y: top + 10 + (i % 3) * 11, fill: '#17324d', 'font-weight': 700 }, String(i + 1));
    label.append(svg('title', {}, m.date + ': ' + m.label));
    nodes.push(label);
  });
  chart.replaceChildren(...nodes);
  chart.setAttribute('aria-label', `Events per ${s.interval}, ${s.period.from} to ${s.period.to}: ${fmt(s.events)} events, ${fmt(s.fatalities)} deaths`);
  $('marks').replaceChildren(...marks.map((m) => el('li', { text: `${m.date}: ${m.label}` })));
  const key = [
    el('li', {}, el('span', { class: 'swatch', style: 'background:#6f8fb0' }), `events per ${s.interval}`),
    el('li', {}, el('span', { class: 'solid' }), 'deaths'),
  ];
  if (comparison.length) key.push(el('li', {}, el('span', { class: 'dash' }), `events, same ${s.interval}s of ${state.comparison.period.from.slice(0, 4)}`));
  $('timeline-key').replaceChildren(...key);
  $('timeline-values').querySelector('div').replaceChildren(el('table', {},
    el('thead', {}, el('tr', {}, ['From', 'To', 'Events', 'Deaths'].map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, s.points.map((p) => el('tr', {}, el('td', { text: p.start }), el('td', { text: p.end }),
      el('td', { text: fmt(p.events) }), el('td', { text: fmt(p.fatalities) }))))));
}

function timelineMarks() {
  const o = state.overview;
  if (!o) return [];
  for (const s of o.sections) {
    for (const b of s.blocks) {
      if (b.type === 'chart' && b.id === 'monthly-events') return b.annotations;
    }
  }
  return [];
}

const fmt = (v) => new Intl.NumberFormat('en-GB').format(v);

function ticks(max) {
  const step = niceStep(max / 4);
  const out = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}

function niceStep(raw) {
  const p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return Math.max(1, m * p);
  return 10 * p;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Month or year starts inside [t0, t1), thinned so that labels are at least 52 px apart. */
function timeTicks(t0, t1, width) {
  const months = [];
  const d = new Date(t0);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth();
  if (d.getUTCDate() !== 1) m += 1;
  for (;;) {
    if (m > 11) { m = 0; y += 1; }
    const t = Date.UTC(y, m, 1);
    if (t >= t1) break;
    months.push([t, m === 0 ? String(y) : MONTHS[m]]);
    m += 1;
  }
  const room = Math.max(1, Math.floor(width / 52));
  if (months.length <= room) return months;
  const years = months.filter(([, l]) => /^\d{4}$/.test(l));
  const every = Math.ceil(years.length / room);
  return years.filter((_, i) => i % every === 0);
}

// ---------------------------------------------------------------- briefs

async function loadBriefs() {
  const canStart = state.session && ['analyst', 'admin'].includes(state.session.role);
  $('start-brief').disabled = !canStart;
  $('desk-note').textContent = canStart ? '' : 'Writing briefs needs an analyst account.';
  let jobs;
  try {
    jobs = (await api('/api/v1/briefs')).briefs;
  } catch (e) {
    $('briefs').replaceChildren(el('li', { class: 'error', text: 'The briefs could not be listed: ' + e.message }));
    return;
  }
  $('briefs').replaceChildren(...(jobs.length ? jobs.slice(0, 12).map(briefItem)
    : [el('li', { class: 'note', text: 'No brief written yet.' })]));
  clearTimeout(state.briefTimer);
  if (jobs.some((j) => j.status === 'queued' || j.status === 'running')) {
    state.briefTimer = setTimeout(loadBriefs, 2000);
  }
}

function briefItem(j) {
  const r = j.request;
  const scope = [].concat(r.admin1 || [], r.eventType || [], r.subEventType || [], r.actor ? [r.actor] : []).join('; ');
  const what = `${r.country} ${r.from} to ${r.to}${r.compare ? ' vs ' + r.compare : ''}${scope ? ' (' + scope + ')' : ''}`;
  const links = j.status === 'done'
    ? [' ', el('a', { href: j.links.html, target: '_blank', rel: 'noopener', text: 'HTML' }), ' ',
      el('a', { href: j.links.pdf, target: '_blank', rel: 'noopener', text: 'PDF' })]
    : [];
  return el('li', { 'data-brief': j.id, 'data-status': j.status }, `${what}: ${j.status}`,
    j.error ? el('span', { class: 'error', text: ' \u2014 ' + (j.error.detail || j.error.message || 'failed') }) : null, ...links);
}

async function startBrief() {
  try {
    await api('/api/v1/briefs?' + query(state.view), { method: 'POST' });
    loadBriefs();
  } catch (e) {
    showMessage('The brief could not be started: ' + e.message);
  }
}

// ---------------------------------------------------------------- admin

async function loadAdmin() {
  $('admin').hidden = false;
  const n = new Intl.NumberFormat('en-GB');
  $('coverage').replaceChildren(el('table', {}, el('caption', { text: 'Coverage' }),
    el('thead', {}, el('tr', {}, ['Country', 'Source', 'Events', 'First', 'Last', 'Read in'].map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, state.coverage.map((c) => el('tr', {}, [c.country, c.source, n.format(c.events), c.first, c.last, c.accessed]
      .map((v) => el('td', { text: v == null ? '' : String(v) })))))));
  try {
    const q = await api('/api/v1/quarantine');
    const rows = q.rows || [];
    $('quarantine').replaceChildren(el('h3', { text: `Quarantine: ${n.format(q.total !== undefined ? q.total : rows.length)} rows` }),
      el('table', {}, el('tbody', {}, rows.slice(0, 20).map((r) => el('tr', {},
        el('td', { text: (r.path || r.file || '') + ':' + (r.lineNumber || '') }), el('td', { text: r.message || '' }))))));
  } catch (e) {
    $('quarantine').textContent = 'The quarantine could not be read: ' + e.message;
  }
}

document.addEventListener('DOMContentLoaded', start);
