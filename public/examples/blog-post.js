// The article's own script: it reads the figures' fits into the text. An external file, so the
// page works under a Content-Security-Policy without 'unsafe-inline'.
const stepFigure = document.getElementById('step-figure');
const lengthscaleOutput = document.getElementById('step-lengthscale');

// <gp-sensitivity> dispatches `change` after each new fit; `detail` holds θ̂.
stepFigure.addEventListener('change', (event) => {
  lengthscaleOutput.value = event.detail.lengthscale.toPrecision(3);
});

// The iframe posts the same detail to its parent.
window.addEventListener('message', (event) => {
  if (event.origin !== window.location.origin) return;
  if (event.data?.type !== 'gp-sensitivity:change') return;
  document.getElementById('outlier-figure').dataset.noiseStd = String(event.data.detail.noiseStd);
});
