// Registers a passkey with Spring Security's WebAuthn endpoints, then goes on to the portal.
(function () {
  var button = document.getElementById('register-passkey');
  var page = { portal: button.dataset.portal, csrfHeader: button.dataset.csrfHeader, csrfToken: button.dataset.csrfToken };
  function b64urlToBytes(s) {
    var b64 = s.replace(/-/g, '+').replace(/_/g, '/');
    var bin = atob(b64);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    return bytes.buffer;
  }
  function bytesToB64url(buffer) {
    return btoa(String.fromCharCode.apply(null, new Uint8Array(buffer)))
      .replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_');
  }
  function post(url, body) {
    var headers = { 'Content-Type': 'application/json' };
    headers[page.csrfHeader] = page.csrfToken;
    return fetch(url, { method: 'POST', headers: headers, body: body ? JSON.stringify(body) : undefined })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); });
  }
  function showError() {
    document.getElementById('passkey-error').hidden = false;
  }
  document.getElementById('register-passkey').addEventListener('click', function () {
    post('/webauthn/register/options').then(function (options) {
      options.user.id = b64urlToBytes(options.user.id);
      options.challenge = b64urlToBytes(options.challenge);
      options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
        return Object.assign({}, c, { id: b64urlToBytes(c.id) });
      });
      return navigator.credentials.create({ publicKey: options });
    }).then(function (cred) {
      return post('/webauthn/register', {
        publicKey: {
          credential: {
            id: cred.id,
            rawId: bytesToB64url(cred.rawId),
            response: {
              attestationObject: bytesToB64url(cred.response.attestationObject),
              clientDataJSON: bytesToB64url(cred.response.clientDataJSON),
              transports: cred.response.getTransports ? cred.response.getTransports() : []
            },
            type: cred.type,
            clientExtensionResults: cred.getClientExtensionResults(),
            authenticatorAttachment: cred.authenticatorAttachment
          },
          label: document.getElementById('label').value
        }
      });
    }).then(function (result) {
      if (!result || !result.success) { throw new Error('not registered'); }
      window.location.href = page.portal;
    }).catch(function (e) { console.error(e); showError(); });
  });
})();
