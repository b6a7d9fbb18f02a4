// The bookmarklet: loads the loader from where ClaimLens is hosted and
// toggles ClaimLens on the current page. When even the loader cannot load
// (the page's CSP blocks scripts from that host), it says so itself. The
// build turns this file into a `javascript:` link on the install page.
(() => {
  const url = "__CLAIMLENS_BASE__claimlens.js";
  import(url).then((loader) => loader.toggle()).catch((error) => {
    if (String(error && error.message).startsWith("ClaimLens:")) return;
    const old = document.querySelector("claimlens-notice");
    if (old) { old.remove(); return; }
    const host = document.createElement("claimlens-notice");
    host.setAttribute("role", "alert");
    const box = document.createElement("p");
    box.className = "box";
    box.textContent = "ClaimLens: this page's security policy (Content-Security-Policy) does not allow scripts from " + new URL(url).origin + ". Open the article in the ClaimLens preview, or ask the publisher to allow it. (Click to close.)";
    box.style.cssText = "position:fixed;z-index:2147483647;left:12px;right:12px;bottom:12px;max-width:32rem;margin:0 auto;padding:12px 14px;border-radius:8px;font:15px/1.4 system-ui,sans-serif;background:#1f2023;color:#ececf1";
    host.attachShadow({ mode: "open" }).append(box);
    host.addEventListener("click", () => host.remove());
    document.body.append(host);
  });
})();
