// GOV.UK Frontend's components (error summary focus, service navigation menu, skip link).
// Kept in a file, never inline: the content security policy allows scripts from this site only.
// The WebJar's versioned address: a browser keeps static files for a year, so a version-less address would keep
// the old script after an upgrade (StaticFilesTest fails when this version is not the one the portal ships).
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// Picking a member from the search results fills in the counterpart without a round trip.
document.addEventListener('click', (event) => {
  const pick = event.target.closest('[data-pick-member]');
  if (!pick) {
    return;
  }
  const field = document.getElementById('counterpart');
  const chosen = document.getElementById('counterpart-chosen');
  if (field) {
    event.preventDefault();
    field.value = pick.getAttribute('data-pick-member');
    if (chosen) {
      chosen.textContent = pick.getAttribute('data-pick-name');
    }
    const results = document.getElementById('counterpart-results');
    if (results) {
      results.replaceChildren();
    }
  }
});
