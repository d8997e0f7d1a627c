// The Monte Carlo of the what-if page, in a Web Worker so the page stays responsive. This text
// follows the engine's own script (BegrotingRekenkern) in the worker's source. Only the newest
// request is computed: requests that arrive while one runs replace each other.
(function () {
  'use strict';
  let engine = null, risico = null, latest = null, busy = false;
  const ready = BegrotingRekenkern().then((mod) => {
    engine = mod;
    risico = (x) => JSON.parse(mod.cwrap('bg_risico', 'string', ['string'])(JSON.stringify(x)));
  });
  function run() {
    if (busy || !latest || !engine) return;
    const job = latest;
    latest = null;
    busy = true;
    const t0 = performance.now();
    const antwoord = risico({ wijzigingen: job.wijzigingen, paden: job.paden, seed: job.seed });
    postMessage({ job: job.job, antwoord, ms: performance.now() - t0 });
    busy = false;
    setTimeout(run, 0);
  }
  self.onmessage = (e) => {
    const m = e.data;
    if (m.soort === 'laad') {
      ready.then(() => {
        const l = JSON.parse(engine.cwrap('bg_laad', 'string', ['string'])(JSON.stringify(m.scenario)));
        if (!l.ok) postMessage({ job: 0, antwoord: l, ms: 0 });
        setTimeout(run, 0);
      });
    } else {
      latest = m;
      ready.then(() => setTimeout(run, 0));
    }
  };
})();
