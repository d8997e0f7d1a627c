// The what-if page: controls -> changes {pad: {jaar: waarde}} -> the engine (WebAssembly, the same
// C++ as `begroting run`) -> chart, budget table, signals. This script only formats and draws;
// it never computes a budget figure itself.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('gegevens').textContent);
  const sc = data.scenario;
  const years = [];
  for (let y = sc.jaren.van; y <= sc.jaren.tot_en_met; y++) years.push(y);
  const $ = (id) => document.getElementById(id);

  // ---- Dutch numbers ----
  const fmt0 = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
  const fmt2 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const fmtPct = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 4 });
  /** Whole euros from cents, half away from zero (as the reports). */
  const euros = (c) => (c < 0 ? -1 : 1) * Math.floor((Math.abs(c) + 50) / 100);
  const eur = (c) => fmt0.format(euros(c));
  const eurSigned = (c) => (c > 0 ? '+' : '') + fmt0.format(euros(c));
  /** Dutch input: ',' is the decimal sign, '.' groups thousands ("1.234,56"); "452.37" (a dot
   *  not followed by groups of three digits) is read as a decimal point. NaN when not a number. */
  function parseNl(text) {
    let t = String(text).trim().replace(/\s|\u00a0|€|%/g, '');
    if (t === '' || t === '-' || t === '+') return NaN;
    if (t.includes(',')) t = t.replace(/\./g, '').replace(',', '.');
    else if (/^[-+]?\d{1,3}(\.\d{3})+$/.test(t)) t = t.replace(/\./g, '');
    if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return NaN;
    return Number(t);
  }
  const round2 = (v) => Math.round(v * 100) / 100;
  const round6 = (v) => Math.round(v * 1e6) / 1e6;

  // ---- the engine ----
  let engine = null;
  function call(name) {
    const f = engine.cwrap(name, 'string', ['string']);
    return (x) => JSON.parse(f(JSON.stringify(x)));
  }

  const state = { wijzigingen: {}, base: null, current: null, schema: null, lines: null, extra: [] };
  const spec = (pad) => state.schema.find((p) => p.pad === pad);
  const baseValue = (pad, y) => { const v = sc.parameters[pad] || sc.stromen[pad]; return v ? v[String(y)] : undefined; };
  function paramYears(pad) {
    const p = spec(pad);
    if (!p) return [];
    if (p.vorm === 'enkel') return [0];
    const out = [];
    for (let y = p.jaren[0]; y <= p.jaren[1]; y++) out.push(y);
    return out;
  }

  // ---- controls ----
  // A "whole horizon" control: one value for every year of each of its parameters.
  const BEDRAG = 'regulier_onderwijs.ondersteuningsbedrag_per_leerling';
  const ZWARE = 'tarieven.zware_ondersteuning';
  const groeiControls = [
    { id: 'so', label: 'Groei SO (categorie I, II en III)', pads: ['leerlingen.so_cat1.groei', 'leerlingen.so_cat2.groei', 'leerlingen.so_cat3.groei'], sign: 1 },
    { id: 'sbo', label: 'Groei SBO en IKC', pads: ['leerlingen.sbo.groei', 'leerlingen.ikc.groei'], sign: 1 },
    { id: 'bo', label: 'Krimp bo (regulier basisonderwijs)', pads: ['leerlingen.bo.groei'], sign: -1 },
    { id: 'personeel', label: 'Groei personeelskosten', pads: ['personeel.groei'], sign: 1 },
  ];
  const controls = {};  // id -> {value (fraction, in the control's sign) or null: as loaded}

  function commonValue(pads) {
    let v;
    for (const pad of pads)
      for (const y of paramYears(pad)) {
        const b = baseValue(pad, y);
        if (v === undefined) v = b;
        else if (b !== v) return null;
      }
    return v === undefined ? null : v;
  }

  function buildControls() {
    const box = $('groei');
    for (const c of groeiControls) {
      if (!c.pads.every((p) => spec(p))) continue;
      const common = commonValue(c.pads);
      const shown = common === null ? '' : fmtPct.format(round6(c.sign * common * 100));
      const div = document.createElement('div');
      div.className = 'rij';
      div.innerHTML = `<div><label for="c-${c.id}">${c.label} (% per jaar)</label>
        <input type="range" id="r-${c.id}" min="-10" max="15" step="0.1" aria-label="${c.label}, schuif"></div>
        <div><input type="text" inputmode="decimal" id="c-${c.id}" autocomplete="off" data-pads="${c.pads.join(' ')}"
        value="${shown}" placeholder="wisselend" aria-describedby="u-${c.id}"></div>
        <span class="uitleg" id="u-${c.id}" style="grid-column:1/3">${common === null ? 'verschilt per jaar in het scenario' : 'scenario: ' + shown + '%'}</span>`;
      box.appendChild(div);
      const text = div.querySelector('#c-' + c.id), range = div.querySelector('#r-' + c.id);
      range.value = common === null ? 0 : c.sign * common * 100;
      controls[c.id] = { c, common, value: null, text };
      const fromText = () => {
        const v = text.value.trim() === '' ? null : parseNl(text.value);
        const bad = v !== null && (Number.isNaN(v) || c.sign * v <= -100 || Math.abs(v) > 100);
        text.classList.toggle('ongeldig', bad);
        if (bad) return;
        controls[c.id].value = v === null ? null : round6(c.sign * v / 100);
        if (v !== null) range.value = v;
        schedule();
      };
      text.addEventListener('input', fromText);
      text.addEventListener('change', () => { if (controls[c.id].value !== null) text.value = fmtPct.format(round6(c.sign * controls[c.id].value * 100)); });
      range.addEventListener('input', () => { text.value = fmtPct.format(Number(range.value)); fromText(); });
    }
    // Bedrag per leerling: one input per year.
    const bb = $('bedragen');
    for (const y of paramYears(BEDRAG)) {
      const b = baseValue(BEDRAG, y);
      const d = document.createElement('div');
      d.innerHTML = `<label for="b-${y}">${y}</label><input type="text" inputmode="decimal" id="b-${y}" data-jaar="${y}" autocomplete="off" value="${fmt2.format(b)}">`;
      bb.appendChild(d);
      const inp = d.querySelector('input');
      inp.addEventListener('input', () => {
        const v = parseNl(inp.value);
        const bad = Number.isNaN(v) || v < 0 || v > spec(BEDRAG).max;
        inp.classList.toggle('ongeldig', bad);
        if (!bad) schedule();
      });
      inp.addEventListener('change', () => { const v = parseNl(inp.value); if (!Number.isNaN(v)) inp.value = fmt2.format(round2(v)); });
    }
    const zy = goalYears();
    $('zoek-uitleg').textContent = `Het hoogste vaste bedrag per leerling ${zy[0]}-${zy[zy.length - 1]} waarbij het eigen vermogen op 31-12 ` +
      'in elk jaar minstens het niveau van het weerstandsvermogen is (zoals begroting solve).';
    // Korting: from a year on.
    const kv = $('korting-vanaf');
    for (const y of paramYears(ZWARE)) kv.add(new Option(String(y), String(y)));
    kv.value = String(years[Math.min(1, years.length - 1)]);
    $('korting').addEventListener('input', () => {
      const v = parseNl($('korting').value);
      const bad = Number.isNaN(v) || v < 0;
      $('korting').classList.toggle('ongeldig', bad);
      if (!bad) schedule();
    });
    kv.addEventListener('change', schedule);
    // Search box: every parameter of the registry.
    const dl = $('parameterlijst');
    for (const p of state.schema) dl.appendChild(new Option(p.beschrijving, p.pad));
    const add = () => {
      const pad = $('zoekveld').value.trim();
      if (!spec(pad)) { $('fout').textContent = `Onbekende parameter '${pad}'; kies er een uit de lijst.`; return; }
      $('fout').textContent = '';
      addExtra(pad);
      $('zoekveld').value = '';
    };
    $('voeg-toe').addEventListener('click', add);
    $('zoekveld').addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } });
    $('terug').addEventListener('click', reset);
    $('zoek').addEventListener('click', goalSeek);
    $('bewaar').addEventListener('click', save);
  }

  function addExtra(pad) {
    if (state.extra.includes(pad) || [BEDRAG].includes(pad)) {
      const first = document.querySelector(`[data-pad="${pad}"]`);
      if (first) first.focus();
      return;
    }
    state.extra.push(pad);
    const p = spec(pad);
    const box = document.createElement('fieldset');
    box.className = 'extra';
    const pct = p.eenheid.startsWith('fractie');
    box.innerHTML = `<legend>${pad}</legend><p class="uitleg">${p.beschrijving} (${pct ? '%' : p.eenheid}; ${p.bron})</p><div class="jaren"></div>`;
    const grid = box.querySelector('.jaren');
    for (const y of paramYears(pad)) {
      const b = baseValue(pad, y);
      const shown = b === null || b === undefined ? '' : pct ? fmtPct.format(round6(b * 100)) : p.geld ? fmt2.format(b) : fmtPct.format(b);
      const d = document.createElement('div');
      const id = `x-${pad.replace(/\W/g, '_')}-${y}`;
      d.innerHTML = `<label for="${id}">${y === 0 ? 'waarde' : y}</label><input type="text" inputmode="decimal" id="${id}" data-pad="${pad}" data-jaar="${y}" data-pct="${pct}" autocomplete="off" value="${shown}" placeholder="niet opgegeven">`;
      grid.appendChild(d);
      d.querySelector('input').addEventListener('input', schedule);
    }
    $('extra').appendChild(box);
    box.querySelector('input').focus();
  }

  function goalYears() { const ys = paramYears(BEDRAG); return ys.length > 1 ? ys.slice(1) : ys; }

  /** The changes the controls describe, {pad: {jaar: waarde}}; only values that differ from the
   *  scenario as loaded. Invalid fields are left out (and marked). */
  function collect({ withoutBedrag = false } = {}) {
    const w = {};
    const put = (pad, y, v) => {
      if (baseValue(pad, y) === v) { if (w[pad]) delete w[pad][y]; return; }
      (w[pad] = w[pad] || {})[y] = v;
    };
    for (const inp of document.querySelectorAll('#extra input[data-pad]')) {
      if (inp.value.trim() === '') continue;
      let v = parseNl(inp.value);
      if (Number.isNaN(v)) { inp.classList.add('ongeldig'); continue; }
      inp.classList.remove('ongeldig');
      const p = spec(inp.dataset.pad);
      if (inp.dataset.pct === 'true') v = round6(v / 100);
      else if (p.geld) v = round2(v);
      put(inp.dataset.pad, Number(inp.dataset.jaar), v);
      inp.classList.toggle('gewijzigd', baseValue(inp.dataset.pad, Number(inp.dataset.jaar)) !== v);
    }
    for (const id in controls) {
      const { c, value } = controls[id];
      controls[id].text.classList.toggle('gewijzigd', value !== null && value !== controls[id].common);
      if (value === null) continue;
      for (const pad of c.pads) for (const y of paramYears(pad)) put(pad, y, value);
    }
    if (!withoutBedrag)
      for (const inp of document.querySelectorAll('#bedragen input')) {
        const v = parseNl(inp.value), y = Number(inp.dataset.jaar);
        if (Number.isNaN(v) || v < 0) continue;
        put(BEDRAG, y, round2(v));
        inp.classList.toggle('gewijzigd', round2(v) !== baseValue(BEDRAG, y));
      }
    const k = parseNl($('korting').value), vanaf = Number($('korting-vanaf').value);
    if (!Number.isNaN(k) && k > 0)
      for (const y of paramYears(ZWARE))
        if (y >= vanaf) {
          const b = (w[ZWARE] && w[ZWARE][y] !== undefined) ? w[ZWARE][y] : baseValue(ZWARE, y);
          put(ZWARE, y, round2(b - round2(k)));
        }
    for (const pad of Object.keys(w)) if (Object.keys(w[pad]).length === 0) delete w[pad];
    return w;
  }

  // ---- recompute ----
  let pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; recompute(); });
  }

  function recompute() {
    const t0 = performance.now();
    const w = collect();
    const r = state.reken(w);
    const ms = performance.now() - t0;
    if (!r.ok) { $('fout').textContent = 'De rekenkern weigert deze waarden: ' + r.fout; return; }
    $('fout').textContent = '';
    state.wijzigingen = w;
    state.current = r;
    render();
    const n = Object.values(w).reduce((a, m) => a + Object.keys(m).length, 0);
    // A variant (--set) says so, and which values the --set changed (issue 12.2).
    const set = data.variant ? `--set ${data.set.join('; ')}` : '';
    const stand = n === 0 ? (data.variant ? `VARIANT zoals geladen (${set})` : 'zoals geladen')
                          : n + ' gewijzigde waarde(n)' + (data.variant ? ` bovenop de VARIANT (${set})` : '');
    $('kop').textContent = `${data.bestand} · gemaakt ${data.datum} · ${stand} · ` +
      `berekend door de rekenkern (WebAssembly) in ${fmt0.format(Math.max(1, Math.round(ms)))} ms`;
    document.body.dataset.rekentijdMs = ms.toFixed(1);
    document.body.dataset.berekeningen = String(Number(document.body.dataset.berekeningen || 0) + 1);
    if (state.risk) state.risk.request(w);
  }

  function reset() {
    for (const id in controls) { controls[id].value = null; controls[id].text.value = controls[id].common === null ? '' : fmtPct.format(round6(controls[id].c.sign * controls[id].common * 100)); }
    for (const inp of document.querySelectorAll('#bedragen input')) inp.value = fmt2.format(baseValue(BEDRAG, Number(inp.dataset.jaar)));
    $('korting').value = '0';
    $('extra').innerHTML = '';
    state.extra = [];
    $('zoek-uitkomst').innerHTML = '';
    schedule();
  }

  // ---- output ----
  const line = (r, id) => r.regels[id];
  function render() {
    renderChart();
    renderSignals();
    renderTable();
  }

  function svgEl(tag, attrs, text) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** A year chart: series [{naam, kleur, waarden (cents), streep, punten}], bands [{van, tot, kleur}]. */
  function yearChart(box, chartId, series, bands = []) {
    const W = 860, H = 300, L = 90, R = 20, T = 14, B = 30;
    const all = series.flatMap((s) => s.waarden).concat(bands.flatMap((b) => b.van.concat(b.tot)));
    let lo = Math.min(0, ...all), hi = Math.max(...all);
    if (hi === lo) hi = lo + 100;
    const step = niceStep((hi - lo) / 5);
    lo = Math.floor(lo / step) * step; hi = Math.ceil(hi / step) * step;
    const x = (i) => L + (years.length === 1 ? (W - L - R) / 2 : i * (W - L - R) / (years.length - 1));
    const y = (v) => T + (hi - v) * (H - T - B) / (hi - lo);
    const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': chartId + '-t', id: chartId });
    svg.appendChild(svgEl('title', { id: chartId + '-t' }, series.map((s) => s.naam).join(', ') + ' per jaar, in euro'));
    for (let v = lo; v <= hi + step / 2; v += step) {
      svg.appendChild(svgEl('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: v === 0 ? '#888' : '#e4e4e4' }));
      svg.appendChild(svgEl('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end' }, fmt0.format(euros(v))));
    }
    years.forEach((yr, i) => svg.appendChild(svgEl('text', { x: x(i), y: H - 8, 'text-anchor': 'middle' }, String(yr))));
    for (const b of bands) {
      const pts = b.tot.map((v, i) => `${x(i)},${y(v)}`).concat(b.van.map((v, i) => `${x(i)},${y(v)}`).reverse());
      svg.appendChild(svgEl('polygon', { points: pts.join(' '), fill: b.kleur, stroke: 'none' }));
    }
    for (const s of series) {
      svg.appendChild(svgEl('polyline', { points: s.waarden.map((v, i) => `${x(i)},${y(v)}`).join(' '), fill: 'none', stroke: s.kleur,
        'stroke-width': s.dik ? 3 : 2, 'stroke-dasharray': s.streep ? '6 4' : 'none' }));
      if (s.punten)
        s.waarden.forEach((v, i) => {
          const c = svgEl('circle', { cx: x(i), cy: y(v), r: 4, fill: s.kleur, 'data-chart': chartId, 'data-series': s.id, 'data-year': years[i], 'data-value': String(euros(v)) });
          c.appendChild(svgEl('title', {}, `${s.naam} ${years[i]}: ${eur(v)}`));
          svg.appendChild(c);
        });
    }
    box.replaceChildren(svg);
    const leg = document.createElement('div');
    leg.className = 'legenda';
    for (const s of series) { const sp = document.createElement('span'); sp.style.setProperty('--kleur', s.kleur); sp.textContent = s.naam; leg.appendChild(sp); }
    for (const b of bands) { const sp = document.createElement('span'); sp.style.setProperty('--kleur', b.kleur); sp.textContent = b.naam; leg.appendChild(sp); }
    box.appendChild(leg);
  }
  function niceStep(raw) {
    const p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
    return 10 * p;
  }

  function renderChart() {
    const r = state.current, b = state.base;
    const series = [
      { id: 'eigen_vermogen', naam: 'Eigen vermogen (met de wijzigingen)', kleur: '#1f4e79', waarden: line(r, 'eigen_vermogen_31_december'), punten: true, dik: true },
      { id: 'eigen_vermogen_geladen', naam: data.variant ? 'Eigen vermogen (variant zoals geladen, met --set)' : 'Eigen vermogen (scenario zoals geladen)', kleur: '#7f9bb5', waarden: line(b, 'eigen_vermogen_31_december'), streep: true },
      { id: 'niveau', naam: 'Niveau weerstandsvermogen', kleur: '#b00020', waarden: line(r, 'weerstandsvermogen_niveau'), punten: true },
      { id: 'signaleringswaarde', naam: 'Signaleringswaarde Inspectie', kleur: '#b35c00', waarden: line(r, 'signaleringswaarde_inspectie'), streep: true, punten: true },
    ];
    yearChart($('grafiek'), 'eigen-vermogen', series);
  }

  function renderSignals() {
    const ul = $('signalen');
    ul.replaceChildren();
    const f = state.current.signalen.slice().sort((a, b) => a.jaar - b.jaar);  // by year, engine order within a year
    if (!f.length) { const li = document.createElement('li'); li.className = 'geen'; li.textContent = 'Geen signalen.'; ul.appendChild(li); return; }
    for (const s of f) {
      const li = document.createElement('li');
      li.dataset.soort = s.soort;
      li.textContent = `${s.jaar}: ${s.melding}`;
      ul.appendChild(li);
    }
  }

  const KERN = new Set(['resultaat', 'eigen_vermogen_31_december', 'weerstandsvermogen_niveau', 'signaleringswaarde_inspectie']);
  function renderTable() {
    const r = state.current, b = state.base;
    const rows = state.lines.filter((d) => d.geld && (d.soort !== 'memo' || KERN.has(d.id) || d.id.endsWith('ondersteuningsbedrag_per_leerling')) &&
      !d.id.startsWith('waterbed.') && (line(r, d.id).some((v) => v !== 0) || line(b, d.id).some((v) => v !== 0) || KERN.has(d.id)));
    const t = document.createElement('table');
    t.innerHTML = '<caption class="klein" style="text-align:left">Bedragen in hele euro\'s, afgerond uit de centen van de rekenkern</caption><thead><tr><th scope="col">Regel</th>' +
      years.map((y) => `<th scope="col">${y}</th>`).join('') + '</tr></thead>';
    const tb = document.createElement('tbody');
    const niveau = line(r, 'weerstandsvermogen_niveau');
    for (const d of rows) {
      const tr = document.createElement('tr');
      tr.className = d.soort === 'subtotaal' ? 'subtotaal' : KERN.has(d.id) ? 'kern' : '';
      const cells = line(r, d.id).map((v, i) => {
        const delta = v - line(b, d.id)[i];
        const onder = d.id === 'eigen_vermogen_31_december' && v < niveau[i];
        const perLeerling = d.eenheid === 'EUR per leerling';
        const dtext = perLeerling ? (delta !== 0 ? `<span class="verschil">(${delta > 0 ? '+' : ''}${fmt2.format(delta / 100)})</span>` : '')
          : euros(delta) !== 0 ? `<span class="verschil">(${eurSigned(delta)})</span>` : '';
        return `<td data-regel="${d.id}" data-jaar="${years[i]}"${onder ? ' class="onder"' : ''}>${perLeerling ? fmt2.format(v / 100) : eur(v)}${dtext}</td>`;
      });
      tr.innerHTML = `<th scope="row" title="${d.id} (${d.bron})">${d.label}</th>` + cells.join('');
      tb.appendChild(tr);
    }
    t.appendChild(tb);
    $('begroting').replaceChildren(t);
  }

  // ---- goal seek: the engine's solve() (bridge bg_zoek) ----
  function goalSeek() {
    const t0 = performance.now();
    const jaren = goalYears();
    const z = state.zoek({ parameter: BEDRAG, jaren, wijzigingen: collect({ withoutBedrag: true }) });
    const box = $('zoek-uitkomst');
    if (!z.ok) { box.innerHTML = ''; const p = document.createElement('p'); p.className = 'fout'; p.textContent = 'Geen antwoord: ' + z.fout; box.appendChild(p); return; }
    box.innerHTML = `<div class="zoekantwoord"><p>Hoogste bedrag per leerling ${jaren[0]}-${jaren[jaren.length - 1]}: <strong id="zoek-waarde" data-waarde="${z.waarde}">€ ${fmt2.format(z.waarde)}</strong>
      (het eigen vermogen raakt het niveau in ${z.bindend_jaar}${z.buur ? '; bij € ' + fmt2.format(z.buur.waarde) + ' komt het eronder' : ''};
      ${fmt0.format(Math.round(performance.now() - t0))} ms).</p><button type="button" id="neem-over">Neem dit bedrag over</button></div>`;
    $('neem-over').addEventListener('click', () => {
      for (const y of jaren) $('b-' + y).value = fmt2.format(z.waarde);
      schedule();
      $('b-' + jaren[0]).focus();
    });
  }

  // ---- save as a child scenario ----
  function yamlNumber(v) {
    let t = String(v);
    if (/e/i.test(t)) t = v.toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
    return t;
  }
  function childYaml() {
    // Values from --set when the page was made, then the page's own changes.
    const all = {};
    for (const src of [sc.herkomst, sc.herkomst_stromen])
      for (const pad in src)
        for (const y in src[pad])
          if (src[pad][y].soort === 'set') (all[pad] = all[pad] || {})[y] = baseValue(pad, y);
    for (const pad in state.wijzigingen) for (const y in state.wijzigingen[pad]) (all[pad] = all[pad] || {})[y] = state.wijzigingen[pad][y];
    const tree = {};
    for (const pad of Object.keys(all).sort()) {
      const parts = pad.split('.');
      let node = tree;
      for (const p of parts.slice(0, -1)) node = node[p] = node[p] || {};
      node[parts[parts.length - 1]] = { __waarden: all[pad] };
    }
    const lines = [];
    const walk = (node, depth) => {
      for (const k of Object.keys(node)) {
        const ind = '  '.repeat(depth), v = node[k];
        if (v.__waarden) {
          const ys = Object.keys(v.__waarden);
          if (ys.length === 1 && ys[0] === '0') lines.push(`${ind}${k}: ${yamlNumber(v.__waarden['0'])}`);
          else lines.push(`${ind}${k}: {` + ys.map((y) => `${y}: ${yamlNumber(v.__waarden[y])}`).join(', ') + '}');
        } else { lines.push(`${ind}${k}:`); walk(v, depth + 1); }
      }
    };
    walk(tree, 0);
    const q = (s) => JSON.stringify(s);
    return [
      `# Wat-als-scenario, bewaard uit de pagina van ${data.bestand} (gemaakt ${data.datum}).`,
      '# Rekenen: begroting run DIT-BESTAND.yaml. `extends` wijst naar het geladen scenario; staat dat',
      '# bestand op een andere plek, pas dan het pad aan. Bedragen in euro\'s, groei als fractie (0.06 = 6%).',
      `extends: ${q(data.extends)}`,
      `naam: ${q((sc.naam || data.bestand) + ' (wat als)')}`,
      `beschrijving: ${q('Gewijzigd op de wat-als-pagina: ' + (Object.keys(all).join(', ') || 'niets'))}`,
      ...lines,
      '',
    ].join('\n');
  }
  function save() {
    const text = childYaml();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'application/x-yaml' }));
    const base = data.bestand.split(/[\\/]/).pop().replace(/\.ya?ml$/i, '');
    a.download = base + '-wat-als.yaml';
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  // ---- Monte Carlo in a Web Worker (the engine's run_risk) ----
  function startRisk() {
    if (!sc.onzekerheden.length) return;
    $('risico').hidden = false;
    let worker;
    try {
      const src = document.getElementById('rekenkern').textContent + '\n' + document.getElementById('werker').textContent;
      worker = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
    } catch (e) {
      $('risico-status').textContent = 'De Monte Carlo kan in deze browser niet naast de pagina draaien: ' + e.message;
      return;
    }
    let job = 0, shown = 0;
    const paden = data.paden || 10000, seed = data.seed || 2024;
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.job < shown) return;
      shown = m.job;
      if (!m.antwoord.ok) { $('risico-status').textContent = 'Monte Carlo: ' + m.antwoord.fout; return; }
      renderRisk(m.antwoord, m.ms, m.job === job);
    };
    worker.onerror = (e) => { $('risico-status').textContent = 'Monte Carlo: ' + e.message; };
    worker.postMessage({ soort: 'laad', scenario: sc });
    state.risk = {
      request(w) {
        job++;
        $('risico-status').textContent = `Monte Carlo van ${fmt0.format(paden)} paden loopt (in een Web Worker; de pagina blijft bruikbaar) ...`;
        document.body.dataset.risicoKlaar = 'nee';
        worker.postMessage({ soort: 'reken', job, wijzigingen: w, paden, seed });
      },
    };
  }
  function renderRisk(r, ms, latest) {
    const col = (k) => r.jaren.map((y) => y.ev_p[k]);
    yearChart($('waaier'), 'waaier', [
      { id: 'p50', naam: 'Mediaan (P50)', kleur: '#1f4e79', waarden: col(2), punten: true, dik: true },
      { id: 'plan', naam: 'Zonder onzekerheid', kleur: '#333', waarden: r.jaren.map((y) => y.ev_plan), streep: true },
      { id: 'niveau', naam: 'Niveau weerstandsvermogen', kleur: '#b00020', waarden: r.jaren.map((y) => y.niveau) },
    ], [
      { naam: 'P5-P95', kleur: 'rgba(31,78,121,.15)', van: col(0), tot: col(4) },
      { naam: 'P25-P75', kleur: 'rgba(31,78,121,.30)', van: col(1), tot: col(3) },
    ]);
    const k90 = r.zekerheden.indexOf(0.9);
    const t = document.createElement('table');
    t.innerHTML = '<thead><tr><th scope="col">Per jaar</th>' + r.jaren.map((y) => `<th scope="col">${y.jaar}</th>`).join('') + '</tr></thead><tbody>' +
      '<tr class="kern"><th scope="row">Benodigd weerstandsvermogen bij 90% zekerheid</th>' + r.jaren.map((y) => `<td data-regel="benodigd_90" data-jaar="${y.jaar}">${eur(y.benodigd[k90])}</td>`).join('') + '</tr>' +
      '<tr><th scope="row">Kans eigen vermogen onder het niveau</th>' + r.jaren.map((y) => `<td>${fmt0.format(Math.round(y.p_onder_weerstandsvermogen * 100))}%</td>`).join('') + '</tr>' +
      '<tr><th scope="row">Kans eigen vermogen onder nul</th>' + r.jaren.map((y) => `<td>${fmt0.format(Math.round(y.p_onder_nul * 100))}%</td>`).join('') + '</tr></tbody>';
    $('benodigd').replaceChildren(t);
    $('risico-status').textContent = `${fmt0.format(r.paden)} paden (seed ${r.seed}), ${r.onzekerheden.length} onzekerheden, ` +
      `berekend in ${fmt0.format(Math.round(ms))} ms${latest ? '' : '; de laatste wijziging wordt nog doorgerekend ...'}`;
    if (latest) document.body.dataset.risicoKlaar = 'ja';
  }

  // ---- start ----
  BegrotingRekenkern().then((mod) => {
    engine = mod;
    const laad = call('bg_laad');
    state.reken = call('bg_reken');
    state.zoek = call('bg_zoek');
    const l = laad(sc);
    if (!l.ok) { $('kop').textContent = 'De rekenkern kan dit scenario niet laden: ' + l.fout; return; }
    state.schema = l.parameters;
    state.lines = l.regels;
    const b = state.reken({});
    if (!b.ok) { $('kop').textContent = 'Fout: ' + b.fout; return; }
    state.base = b;
    buildControls();
    startRisk();
    recompute();
    $('app').setAttribute('aria-busy', 'false');
    document.body.dataset.klaarMs = performance.now().toFixed(0);
    document.body.dataset.klaar = 'ja';
  }).catch((e) => { $('kop').textContent = 'De rekenkern start niet: ' + e; });
})();
