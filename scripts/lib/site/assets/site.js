/* COP Atlas: progressive enhancement only. Every page works without this script.
   Loaded as an external file (the Content-Security-Policy forbids inline script);
   it never inserts HTML from data: only text nodes and elements it creates. */
(() => {
  const LANGS = ["ar", "zh", "en", "fr", "ru", "es"];

  /* dist/index.html: follow the browser's language preference once. */
  function chooseLanguage() {
    const list = document.getElementById("language-chooser");
    if (!list || !document.body.classList.contains("chooser")) return;
    const wanted = (navigator.languages || [navigator.language || ""]).map((tag) => String(tag).toLowerCase().split("-")[0]);
    for (let i = 0; i < wanted.length; i++) {
      if (LANGS.indexOf(wanted[i]) >= 0) {
        const link = list.querySelector(`a[hreflang="${wanted[i]}"]`);
        if (link) location.replace(link.getAttribute("href"));
        return;
      }
    }
  }

  /* Browse: filter the list in place; the query string keeps the choice shareable. */
  function browseFilters() {
    const form = document.getElementById("filters");
    if (!form) return;
    form.hidden = false;
    const items = Array.prototype.slice.call(document.querySelectorAll("ul.entries > li.entry"));
    const status = document.getElementById("result-count");
    const template = document.getElementById("result-count-template");
    const selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    const params = new URLSearchParams(location.search);
    selects.forEach((select) => {
      const value = params.get(select.name);
      if (value && select.querySelector(`option[value="${CSS.escape(value)}"]`)) select.value = value;
    });

    function countText(n) {
      if (!template) return String(n);
      if (n === 0) return template.getAttribute("data-zero");
      if (n === 1) return template.getAttribute("data-one");
      return template.getAttribute("data-many").replace("2", String(n));
    }

    function apply(updateUrl) {
      const chosen = selects.filter((s) => s.value !== "");
      let shown = 0;
      items.forEach((item) => {
        const match = chosen.every((select) => {
          const values = (item.getAttribute(`data-${select.name}`) || "").split(" ");
          return values.indexOf(select.value) >= 0;
        });
        item.hidden = !match;
        if (match) shown++;
      });
      if (status) status.textContent = countText(shown);
      if (updateUrl && history.replaceState) {
        const query = new URLSearchParams();
        chosen.forEach((s) => {
          query.set(s.name, s.value);
        });
        const text = query.toString();
        history.replaceState(null, "", location.pathname + (text ? `?${text}` : ""));
      }
    }

    selects.forEach((select) => {
      select.addEventListener("change", () => {
        apply(true);
      });
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      apply(true);
    });
    form.addEventListener("reset", () => {
      setTimeout(() => {
        apply(true);
      }, 0);
    });
    apply(false);
  }

  /* Search: Pagefind's index for this page's language, loaded from this site only. */
  function search() {
    const form = document.getElementById("search-form");
    if (!form) return;
    const note = document.getElementById("search-needs-script");
    if (note) note.hidden = true;
    const input = document.getElementById("search-input");
    const status = document.getElementById("search-status");
    const results = document.getElementById("search-results");
    let engine = null;
    let latest = 0;

    function load() {
      if (!engine) {
        engine = import(new URL(form.getAttribute("data-pagefind"), location.href).href).then((pagefind) => {
          const root = new URL(form.getAttribute("data-root") || "./", location.href).pathname;
          return pagefind.options({ baseUrl: root }).then(() => pagefind);
        });
      }
      return engine;
    }

    function excerptNodes(excerpt) {
      const fragment = document.createDocumentFragment();
      const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html");
      parsed.body.firstChild.childNodes.forEach((node) => {
        if (node.nodeName === "MARK") {
          const mark = document.createElement("mark");
          mark.textContent = node.textContent;
          fragment.appendChild(mark);
        } else {
          fragment.appendChild(document.createTextNode(node.textContent || ""));
        }
      });
      return fragment;
    }

    function run(term) {
      const ticket = ++latest;
      if (!term.trim()) {
        results.textContent = "";
        status.textContent = "";
        return;
      }
      load()
        .then((pagefind) => pagefind.search(term))
        .then((found) => {
          if (ticket !== latest) return null;
          return Promise.all(found.results.slice(0, 20).map((r) => r.data())).then((pages) => {
            if (ticket !== latest) return;
            results.textContent = "";
            const n = found.results.length;
            status.textContent =
              n === 0 ? status.getAttribute("data-none") : n === 1 ? status.getAttribute("data-one") : status.getAttribute("data-many").replace("2", String(n));
            pages.forEach((page) => {
              const li = document.createElement("li");
              const heading = document.createElement("h2");
              const link = document.createElement("a");
              link.href = page.url;
              link.textContent = page.meta?.title || page.url;
              heading.appendChild(link);
              const excerpt = document.createElement("p");
              excerpt.appendChild(excerptNodes(page.excerpt || ""));
              li.appendChild(heading);
              li.appendChild(excerpt);
              results.appendChild(li);
            });
          });
        })
        .catch(() => {
          status.textContent = status.getAttribute("data-none");
        });
    }

    let timer = null;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        run(input.value);
      }, 250);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const query = new URLSearchParams();
      if (input.value) query.set("q", input.value);
      if (history.replaceState) history.replaceState(null, "", location.pathname + (input.value ? `?${query.toString()}` : ""));
      run(input.value);
    });
    const initial = new URLSearchParams(location.search).get("q");
    if (initial) {
      input.value = initial;
      run(initial);
    }
  }

  function start() {
    chooseLanguage();
    browseFilters();
    search();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
