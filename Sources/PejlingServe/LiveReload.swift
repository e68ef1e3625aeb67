/// The small script that `serve` adds to every HTML page it serves (never to a built file).
///
/// It listens on ``PreviewRoute/eventsPath`` for the version of its own page; when that
/// changes it fetches the page again and swaps the new `<body>` (and `<head>`, keeping
/// stylesheet links) into the open page, so the scroll position stays and no navigation
/// happens. While the build fails the error page takes the page's place, scrolled to the
/// top; when the page comes back, it comes back where the reader was (the position is kept
/// in the script, and in `sessionStorage` should the tab reload meanwhile). When only a
/// stylesheet changed, it reloads the stylesheet links. A page in a
/// background tab lets go of its connection (browsers allow only six per server) and catches
/// up when it is shown again.
///
/// ```swift
/// let html = LiveReload.inject(into: builtBytes, version: "a1-3", stylesheetVersion: "a1-1")
/// ```
public enum LiveReload {
    /// The attribute that marks the script, so that a swapped-in page's copy is not run again.
    static let marker = "data-pejling-reload"

    /// The `<script>` element for a page whose current version is `version`.
    public static func script(version: String, stylesheetVersion: String) -> String {
        "<script \(marker) data-version=\"\(attribute(version))\" data-css=\"\(attribute(stylesheetVersion))\">\n"
            + source + "</script>\n"
    }

    /// The page's bytes with the script inserted before the last `</body>` (or at the end, for a
    /// fragment without one). Everything else stays byte for byte as built.
    public static func inject(into html: [UInt8], version: String, stylesheetVersion: String) -> [UInt8] {
        let script = Array(script(version: version, stylesheetVersion: stylesheetVersion).utf8)
        guard let index = lastBodyClose(in: html) else { return html + script }
        var out = html
        out.insert(contentsOf: script, at: index)
        return out
    }

    /// Where the last `</body>` starts, ignoring case.
    static func lastBodyClose(in html: [UInt8]) -> Int? {
        let needle = Array("</body".utf8)
        guard html.count >= needle.count else { return nil }
        var index = html.count - needle.count
        while index >= 0 {
            var matches = true
            for offset in 0..<needle.count {
                var byte = html[index + offset]
                if byte >= 0x41, byte <= 0x5A { byte += 0x20 }
                if byte != needle[offset] { matches = false; break }
            }
            if matches { return index }
            index -= 1
        }
        return nil
    }

    private static func attribute(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
    }

    /// The script itself: plain ES2017, no dependencies.
    static let source = #"""
    (function () {
      "use strict";
      var self = document.currentScript;
      if (!self || window.__pejlingReload) { return; }
      window.__pejlingReload = true;
      var version = self.getAttribute("data-version");
      var css = self.getAttribute("data-css");
      var source = null;
      var latest = 0;
      var scrollKey = "pejling-scroll:" + location.pathname;
      // Where the reader was on the page while the error page shows in its place.
      var kept = null;
      try { kept = JSON.parse(sessionStorage.getItem(scrollKey) || "null"); } catch (e) { kept = null; }

      function isErrorPage(doc) { return !!doc.getElementById("pejling-fejl"); }
      function keep(position) {
        kept = position;
        try {
          if (position) { sessionStorage.setItem(scrollKey, JSON.stringify(position)); }
          else { sessionStorage.removeItem(scrollKey); }
        } catch (e) { /* storage may be off: the variable is enough without a reload */ }
      }
      if (kept && !isErrorPage(document)) {
        window.scrollTo(kept.x, kept.y);
        keep(null);
      }

      function bare(href) { return String(href || "").replace(/[?#].*$/, ""); }
      function stylesheetKey(node) {
        return node.nodeName === "LINK" && /\bstylesheet\b/i.test(node.getAttribute("rel") || "")
          ? bare(node.getAttribute("href")) : null;
      }

      function reloadStylesheets(tag) {
        var links = document.querySelectorAll("link[rel~='stylesheet']");
        for (var i = 0; i < links.length; i++) {
          links[i].setAttribute("href", bare(links[i].getAttribute("href")) + "?v=" + encodeURIComponent(tag));
        }
      }

      function syncHead(fresh) {
        var head = document.head, kept = {};
        Array.prototype.slice.call(head.childNodes).forEach(function (node) {
          var key = stylesheetKey(node);
          if (key !== null && !(key in kept)) { kept[key] = node; } else { head.removeChild(node); }
        });
        var used = {};
        Array.prototype.slice.call(fresh.childNodes).forEach(function (node) {
          var key = stylesheetKey(node);
          if (key !== null && kept[key]) { used[key] = true; return; }
          head.appendChild(document.adoptNode(node));
        });
        Object.keys(kept).forEach(function (key) { if (!used[key]) { head.removeChild(kept[key]); } });
      }

      function swap(text) {
        var fresh = new DOMParser().parseFromString(text, "text/html");
        var script = fresh.querySelector("script[data-pejling-reload]");
        if (script) {
          version = script.getAttribute("data-version") || version;
          script.parentNode.removeChild(script);
        }
        var x = window.scrollX, y = window.scrollY;
        var wasError = isErrorPage(document), isError = isErrorPage(fresh);
        if (!wasError && isError) { keep({ x: x, y: y }); x = 0; y = 0; }
        if (wasError && !isError && kept) { x = kept.x; y = kept.y; keep(null); }
        document.title = fresh.title;
        var lang = fresh.documentElement.getAttribute("lang");
        if (lang) { document.documentElement.setAttribute("lang", lang); }
        syncHead(fresh.head);
        var body = document.adoptNode(fresh.body);
        body.appendChild(self);
        document.documentElement.replaceChild(body, document.body);
        window.scrollTo(x, y);
        document.dispatchEvent(new CustomEvent("pejling:refreshed", { detail: { version: version } }));
      }

      function refresh() {
        var ticket = ++latest;
        fetch(location.href, { cache: "no-store", credentials: "same-origin" })
          .then(function (response) { return response.text(); })
          .then(function (text) { if (ticket === latest) { swap(text); } })
          .catch(function () { location.reload(); });
      }

      function connect() {
        if (source) { return; }
        source = new EventSource("/_pejling/events?path=" + encodeURIComponent(location.pathname));
        source.addEventListener("build", function (event) {
          var data = JSON.parse(event.data);
          if (data.css !== css) { css = data.css; reloadStylesheets(css); }
          if (data.page !== version) { version = data.page; refresh(); }
        });
      }

      function disconnect() {
        if (source) { source.close(); source = null; }
      }

      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden") { disconnect(); } else { connect(); }
      });
      window.addEventListener("pagehide", disconnect);
      window.addEventListener("pageshow", function (event) { if (event.persisted) { connect(); } });
      if (document.visibilityState !== "hidden") { connect(); }
    })();

    """#
}
