/// The console's one script, `/app/static/passkey.js` (the CSP allows scripts from the server only): the
/// WebAuthn ceremonies behind the "Add a passkey" and "Use a passkey" buttons. It asks the server for the
/// options, turns their base64url fields into buffers, calls `navigator.credentials`, and posts the answer
/// back as base64url JSON with the page's CSRF token in a header. Errors show beside the button.
enum PasskeyScript {
    static let source = """
        "use strict";
        (function () {
          function bytes(text) {
            var b = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
            return Uint8Array.from(b, function (c) { return c.charCodeAt(0); });
          }
          function text(buffer) {
            var s = String.fromCharCode.apply(null, new Uint8Array(buffer));
            return btoa(s).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
          }
          function post(url, csrf, body) {
            return fetch(url, {method: "POST", credentials: "same-origin", headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf},
              body: JSON.stringify(body || {})}).then(function (response) {
              return response.json().then(function (json) {
                if (!response.ok) { throw new Error(json.error || ("the server answered " + response.status)); }
                return json;
              });
            });
          }
          function show(error) {
            var p = document.getElementById("passkey-error");
            if (p) { p.textContent = error.message || String(error); }
          }
          function ids(list) { return (list || []).map(function (c) { return {type: c.type, id: bytes(c.id)}; }); }
          var add = document.getElementById("passkey-add");
          if (add) {
            add.addEventListener("click", function () {
              var csrf = add.getAttribute("data-csrf");
              show("");
              post("/app/passkeys/options", csrf).then(function (o) {
                o.challenge = bytes(o.challenge);
                o.user.id = bytes(o.user.id);
                o.excludeCredentials = ids(o.excludeCredentials);
                return navigator.credentials.create({publicKey: o});
              }).then(function (c) {
                return post("/app/passkeys", csrf, {id: c.id, clientDataJSON: text(c.response.clientDataJSON),
                  attestationObject: text(c.response.attestationObject)});
              }).then(function (r) { window.location.assign(r.next); }, show);
            });
          }
          var signIn = document.getElementById("passkey-sign-in");
          if (signIn) {
            signIn.addEventListener("click", function () {
              var csrf = signIn.getAttribute("data-csrf");
              show("");
              post("/app/sign-in/passkey/options", csrf).then(function (o) {
                o.challenge = bytes(o.challenge);
                o.allowCredentials = ids(o.allowCredentials);
                return navigator.credentials.get({publicKey: o});
              }).then(function (c) {
                return post("/app/sign-in/passkey", csrf, {id: c.id, clientDataJSON: text(c.response.clientDataJSON),
                  authenticatorData: text(c.response.authenticatorData), signature: text(c.response.signature)});
              }).then(function (r) { window.location.assign(r.next); }, show);
            });
          }
        })();
        """
}
