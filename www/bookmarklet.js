// The bookmarklet: loads the loader from where ClaimLens is hosted and
// toggles ClaimLens on the current page. When even the loader cannot load,
// it says why itself: the page's CSP blocked scripts from that host (a
// violation naming the host was reported), or the host could not be
// reached. The build turns this file into a `javascript:` link on the
// install page (whole-line comments only; every statement ends in `;`).
(() => {
  const url = "__CLAIMLENS_BASE__claimlens.js";
  const from = new URL(url);
  let blocked = false;
  const seen = (event) => {
    if (event.disposition !== "report" && String(event.blockedURI).startsWith(from.origin)) blocked = true;
  };
  document.addEventListener("securitypolicyviolation", seen);
  import(url).then((loader) => loader.toggle()).catch((error) => {
    if (String(error && error.message).startsWith("ClaimLens:")) return;
    const old = document.querySelector("claimlens-notice");
    if (old) { old.remove(); return; }
    const say = () => {
      const notice = document.createElement("claimlens-notice");
      notice.setAttribute("role", "alert");
      const box = document.createElement("p");
      box.className = "box";
      box.textContent = blocked
        ? "ClaimLens: this page's security policy (Content-Security-Policy) does not allow scripts from " + from.origin + ". Open the article in the ClaimLens preview, or ask the publisher to allow it. (Click to close.)"
        : "ClaimLens: could not load ClaimLens from " + from.host + ". Check the connection, or try again later. (Click to close.)";
      box.style.cssText = "position:fixed;z-index:2147483647;left:12px;right:12px;bottom:12px;max-width:32rem;margin:0 auto;padding:12px 14px;border-radius:8px;font:15px/1.4 system-ui,sans-serif;background:#1f2023;color:#ececf1";
      notice.attachShadow({ mode: "open" }).append(box);
      notice.addEventListener("click", () => notice.remove());
      document.body.append(notice);
    };
    // Violation events are queued: let them arrive before deciding.
    setTimeout(say, 50);
  }).finally(() => setTimeout(() => document.removeEventListener("securitypolicyviolation", seen), 60));
})();
