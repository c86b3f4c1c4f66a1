// Passkey sign-in with Spring Security's script (/login/webauthn.js); the CSRF token rides on the button,
// since the page allows no inline script.
window.addEventListener('load', function () {
  var button = document.getElementById('sign-in-with-passkey');
  if (!button || !window.setupLogin) { return; }
  var headers = {};
  headers[button.dataset.csrfHeader] = button.dataset.csrfToken;
  setupLogin(headers, '', button);
});
