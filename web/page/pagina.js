// Minimal first version: load the engine, compute the scenario as loaded, show eigen vermogen.
(async function () {
  'use strict';
  const data = JSON.parse(document.getElementById('gegevens').textContent);
  const mod = await BegrotingRekenkern();
  const call = (name) => { const f = mod.cwrap(name, 'string', ['string']); return (x) => JSON.parse(f(JSON.stringify(x))); };
  const laad = call('bg_laad'), reken = call('bg_reken');
  const app = document.getElementById('app');
  const l = laad(data.scenario);
  if (!l.ok) { app.textContent = 'Fout: ' + l.fout; return; }
  const r = reken({});
  const euro = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
  const rows = r.jaren.map((y, i) => '<tr><th scope="row">' + y + '</th><td data-jaar="' + y + '" class="ev">' +
    euro.format(Math.round(r.regels.eigen_vermogen_31_december[i] / 100)) + '</td></tr>').join('');
  app.innerHTML = '<h1>Eigen vermogen 31-12</h1><table><tbody>' + rows + '</tbody></table>';
  app.setAttribute('aria-busy', 'false');
})();
