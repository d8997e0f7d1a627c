// CTest wasm_*: the engine inside the what-if page (WebAssembly, run here by node) gives the same
// figures as the native `begroting`, to the cent. Usage:
//   node wasm_vs_native.js BEGROTING_EXE SCENARIO.yaml WORKDIR
// Makes the page with `report --interactief`, takes the engine and the scenario data out of it
// (what a browser runs), and compares: every money line of `run --format json` with no change and
// with changes given as --set; the goal seek with `solve` per target year; with onzekerheden, the
// Monte Carlo with `risk --paths 10000 --seed 2024`. Also for scenarios with lines of their own:
// every line of the model is in the page's result, so the model's own lines are compared too.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const [exe, scenario, workdir] = process.argv.slice(2);
fs.mkdirSync(workdir, { recursive: true });
const page = path.join(workdir, path.basename(scenario, '.yaml') + '.html');
execFileSync(exe, ['report', scenario, '--format', 'html', '--interactief', '--output', page]);
const html = fs.readFileSync(page, 'utf8');

function scriptById(id) {
  const m = html.match(new RegExp('<script[^>]*id="' + id + '"[^>]*>([\\s\\S]*?)</script>'));
  if (!m) throw new Error('de pagina mist <script id="' + id + '">');
  return m[1];
}
const data = JSON.parse(scriptById('gegevens'));
let failures = 0;
function check(ok, what) {
  if (!ok) { failures++; console.error('FOUT: ' + what); }
}
function cli(args, opts = {}) { return JSON.parse(execFileSync(exe, args, { maxBuffer: 1 << 28, ...opts }).toString()); }

(async () => {
  // The engine exactly as the page holds it, loaded as a node module (emscripten's node path).
  // One file per scenario: CTest runs these tests in parallel in the same directory, and one test
  // must never require() the file while another is still writing it.
  const engineFile = path.join(workdir, 'rekenkern-uit-pagina-' + path.basename(scenario, '.yaml') + '.js');
  fs.writeFileSync(engineFile, scriptById('rekenkern'));
  const mod = await require(path.resolve(engineFile))();
  const call = (name) => { const f = mod.cwrap(name, 'string', ['string']); return (x) => JSON.parse(f(JSON.stringify(x))); };
  const laad = call('bg_laad'), reken = call('bg_reken'), zoek = call('bg_zoek'), risico = call('bg_risico');

  const loaded = laad(data.scenario);
  check(loaded.ok, 'bg_laad: ' + loaded.fout);
  const years = [];
  for (let y = data.scenario.jaren.van; y <= data.scenario.jaren.tot_en_met; y++) years.push(y);

  // Every money line, every year: wasm cents == native euros x 100.
  function compare(changes, sets, label) {
    const w = reken(changes);
    check(w.ok, label + ': bg_reken: ' + w.fout);
    if (!w.ok) return;
    const n = cli(['run', scenario, '--format', 'json', ...sets.flatMap((s) => ['--set', s])]);
    let compared = 0;
    for (const id of w.geld) {
      const native = n.lines[id];
      check(native !== undefined, label + ': ' + id + ' ontbreekt in run --format json');
      if (!native) continue;
      w.regels[id].forEach((c, i) => {
        compared++;
        check(Math.round(native[i] * 100) === c, `${label}: ${id} ${years[i]}: wasm ${c / 100}, run ${native[i]}`);
      });
    }
    check(compared > 100, label + ': te weinig bedragen vergeleken (' + compared + ')');
    for (const id of Object.keys(n.lines)) check(w.regels[id] !== undefined, label + ': ' + id + ' ontbreekt in de pagina');
    check(w.signalen.length === n.findings.length, label + ': aantal signalen ' + w.signalen.length + ' tegen ' + n.findings.length);
    console.log(label + ': ' + compared + ' bedragen gelijk op de cent');
  }
  compare({}, [], 'zonder wijziging');
  const p = data.scenario.parameters;
  const changes = {}, sets = [];
  const groei = p['leerlingen.so_cat1.groei'];
  changes['leerlingen.so_cat1.groei'] = {};
  for (const y of Object.keys(groei)) changes['leerlingen.so_cat1.groei'][y] = 0.06;
  sets.push('leerlingen.so_cat1.groei=0.06');
  changes['regulier_onderwijs.ondersteuningsbedrag_per_leerling'] = { 2027: 452.37 };
  sets.push('regulier_onderwijs.ondersteuningsbedrag_per_leerling.2027=452.37');
  compare(changes, sets, 'SO-groei 6% en bedrag per leerling 2027');

  // A change outside the parameter's range is refused with a message, not computed.
  const bad = reken({ 'leerlingen.so_cat1.groei': { [years[0]]: -2 } });
  check(!bad.ok && /buiten het bereik/.test(bad.fout), 'groei -200% geweigerd: ' + JSON.stringify(bad).slice(0, 200));

  // Goal seek: the highest bedrag per leerling 2025.. with eigen vermogen >= niveau in every year
  // equals one `begroting solve --every-year` (the same engine call, issue 12.7).
  const param = 'regulier_onderwijs.ondersteuningsbedrag_per_leerling';
  const jaren = years.slice(1);
  const z = zoek({ parameter: param, jaren, wijzigingen: {} });
  // One `begroting solve --every-year` is the same engine call as the page's goal seek (issue 12.7).
  let sv = null, err = '';
  try {
    sv = cli(['solve', scenario, '--param', param, '--years', jaren[0] + '-' + jaren[jaren.length - 1], '--target',
      'eigen_vermogen_31_december', '--every-year', '--at-least-line', 'weerstandsvermogen_niveau', '--format', 'json'], { stdio: 'pipe' });
  } catch (e) {
    err = String(e.stderr);
  }
  if (sv) {
    check(z.ok && z.waarde === sv.answer.value, `doelzoeken: wasm ${z.waarde} (${z.fout || 'ok'}), solve ${sv.answer.value}`);
    check(z.bindend_jaar === sv.answer.year, `bindend jaar: wasm ${z.bindend_jaar}, solve ${sv.answer.year}`);
    console.log('doelzoeken: ' + z.waarde + ', ' + z.bindend_jaar + ' beslist (solve: ' + sv.answer.value + ')');
  } else if (/hangt niet af/.test(err)) {
    // a model without the ondersteuningsbedrag (its own structure): both say so
    check(!z.ok && /hangt in geen jaar/.test(z.fout), 'doelzoeken zonder afhankelijkheid: ' + JSON.stringify(z).slice(0, 200));
    console.log('doelzoeken: het eigen vermogen hangt niet van ' + param + ' af (solve evenmin)');
  } else {
    // a year below the niveau whatever the value: no answer from either
    check(/geen enkele waarde in het bereik haalt het doel/.test(err), 'solve --every-year: ' + err.slice(0, 300));
    check(!z.ok && /blijft het eigen vermogen onder het niveau weerstandsvermogen, welk bedrag ook/.test(z.fout),
      'doelzoeken met een jaar onder het niveau: ' + JSON.stringify(z).slice(0, 200));
    console.log('doelzoeken: ' + z.fout + ' (solve: geen antwoord)');
  }

  if (data.scenario.onzekerheden.length) {
    const r = risico({ wijzigingen: {}, paden: 10000, seed: 2024 });
    check(r.ok, 'bg_risico: ' + r.fout);
    const n = cli(['risk', scenario, '--paths', '10000', '--seed', '2024', '--format', 'json']);
    r.jaren.forEach((y, i) => {
      ['P5', 'P25', 'P50', 'P75', 'P95'].forEach((q, k) =>
        check(Math.round(n.eigen_vermogen[q][i] * 100) === y.ev_p[k], `risico ${y.jaar} ${q}: wasm ${y.ev_p[k] / 100}, risk ${n.eigen_vermogen[q][i]}`));
      check(Math.round(n.benodigd_weerstandsvermogen['90'][i] * 100) === y.benodigd[1], `risico ${y.jaar} benodigd 90%`);
    });
    console.log('risico: 10.000 paden gelijk aan begroting risk');
  }
  if (failures) { console.error(failures + ' verschil(len)'); process.exit(1); }
  console.log('wasm == native');
})().catch((e) => { console.error(e); process.exit(1); });
