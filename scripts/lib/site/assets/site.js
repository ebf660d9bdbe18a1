/* COP Atlas: progressive enhancement only. Every page works without this script.
   Loaded as an external file (the Content-Security-Policy forbids inline script);
   it never inserts HTML from data: only text nodes and elements it creates. */
(() => {
  const LANGS = ["ar", "zh", "en", "fr", "ru", "es"];

  /* A count in words that agree with it: the element carries one template per plural category
     of the page's language (data-count-one="# запись", data-count-many="# записей" ...), "#"
     standing for the number. */
  function countedText(element, n) {
    const lang = document.documentElement.getAttribute("lang") || "en";
    const template = element.getAttribute(`data-count-${new Intl.PluralRules(lang).select(n)}`) ?? element.getAttribute("data-count-other") ?? "";
    return template.replace("#", new Intl.NumberFormat(`${lang}-u-nu-latn`).format(n));
  }

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

  /* Browse: filters over the browse index (browse-index/*.json), results rendered a page at a
     time. The static list stays in the page for the unfiltered view; the query string keeps
     the choice (and the page) so that it survives a reload and can be shared. The index is
     fetched only once a filter is chosen, and the text of entries only for the shards that
     hold the page shown, so a phone downloads little at any size. */
  function browseFilters() {
    const form = document.getElementById("filters");
    const results = document.getElementById("browse-results");
    if (!form || !results) return;
    form.hidden = false;
    /* On a small screen the filters fold behind one button, so the results are in sight. */
    const fold = form.querySelector(".filter-fold");
    if (fold && window.matchMedia?.("(max-width: 48rem)").matches && !location.search) fold.open = false;
    const status = document.getElementById("result-count");
    const messages = document.getElementById("browse-messages");
    const text = (name) => (messages ? messages.getAttribute(`data-${name}`) || "" : "");
    const selects = Array.prototype.slice.call(form.querySelectorAll("select:not([data-sort])"));
    const sortSelect = form.querySelector("select[data-sort]");
    const SORTS = ["oldest", "title", "country"];
    const staticResults = Array.prototype.slice.call(results.childNodes);
    const staticCount = status ? status.textContent : "";
    const root = form.getAttribute("data-root") || "./";
    const lang = document.documentElement.getAttribute("lang") || "en";
    let index = null;
    let orders = null;
    const shards = {};
    let ticket = 0;

    function countText(n) {
      return messages ? countedText(messages, n) : String(n);
    }

    function load() {
      if (!index) {
        const get = (attr) =>
          fetch(new URL(form.getAttribute(attr), location.href).href).then((response) => {
            if (!response.ok) throw new Error(String(response.status));
            return response.json();
          });
        index = Promise.all([get("data-facets"), get("data-labels")]).then((both) => ({ facets: both[0], labels: both[1] }));
        index.catch(() => {
          index = null;
        });
      }
      return index;
    }

    function shard(n) {
      if (!shards[n]) {
        const url = new URL(`text-${n}.json`, new URL(form.getAttribute("data-labels"), location.href)).href;
        shards[n] = fetch(url).then((response) => {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        });
        shards[n].catch(() => {
          delete shards[n];
        });
      }
      return shards[n];
    }

    /* Title and country orders are per language, fetched only when one of them is chosen. */
    function order(sort) {
      if (sort !== "title" && sort !== "country") return Promise.resolve(null);
      if (!orders) {
        orders = fetch(new URL(form.getAttribute("data-order"), location.href).href).then((response) => {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        });
        orders.catch(() => {
          orders = null;
        });
      }
      return orders.then((all) => all[sort]);
    }

    /* The matches in the chosen order: the index is newest first. */
    function sorted(found, sort) {
      if (sort === "oldest") return Promise.resolve(found.slice().reverse());
      return order(sort).then((positions) => {
        if (!positions) return found;
        const wanted = {};
        found.forEach((i) => {
          wanted[i] = true;
        });
        return positions.filter((i) => wanted[i]);
      });
    }

    /* The state in the address: one value per facet, the sort and the page. */
    function readState() {
      const params = new URLSearchParams(location.search);
      const chosen = {};
      selects.forEach((select) => {
        const value = params.get(select.name);
        if (value && select.querySelector(`option[value="${CSS.escape(value)}"]`)) chosen[select.name] = value;
      });
      const page = Math.max(1, Number.parseInt(params.get("page") || "1", 10) || 1);
      const sort = SORTS.indexOf(params.get("sort")) >= 0 ? params.get("sort") : "";
      return { chosen, page, sort };
    }

    function currentSort() {
      return sortSelect && SORTS.indexOf(sortSelect.value) >= 0 ? sortSelect.value : "";
    }

    function queryOf(chosen, page) {
      const query = new URLSearchParams();
      selects.forEach((select) => {
        if (chosen[select.name]) query.set(select.name, chosen[select.name]);
      });
      if (currentSort()) query.set("sort", currentSort());
      if (page > 1) query.set("page", String(page));
      const value = query.toString();
      return value ? `?${value}` : "";
    }

    function formState() {
      const chosen = {};
      selects.forEach((select) => {
        if (select.value !== "") chosen[select.name] = select.value;
      });
      return chosen;
    }

    function pageWindow(current, total) {
      const shown = [];
      for (let page = 1; page <= total; page++) {
        if (page === 1 || page === total || Math.abs(page - current) <= 2) shown.push(page);
      }
      const out = [];
      shown.forEach((page) => {
        const previous = out[out.length - 1];
        if (typeof previous === "number" && page - previous === 2) out.push(previous + 1);
        else if (typeof previous === "number" && page - previous > 2) out.push(null);
        out.push(page);
      });
      return out;
    }

    function element(tag, attributes, content) {
      const node = document.createElement(tag);
      Object.keys(attributes || {}).forEach((name) => {
        node.setAttribute(name, attributes[name]);
      });
      if (content !== undefined) node.textContent = content;
      return node;
    }

    const dateFormats = {};
    function formatDate(locale, value) {
      if (!value) return "";
      const parts = value.slice(0, 10).split("-").map(Number);
      if (parts.length === 1) return String(parts[0]);
      const precision = parts.length === 2 ? "month" : "day";
      if (!dateFormats[precision]) {
        const options = { year: "numeric", month: "long", timeZone: "UTC" };
        if (precision === "day") options.day = "numeric";
        dateFormats[precision] = new Intl.DateTimeFormat(`${locale}-u-nu-latn`, options);
      }
      return dateFormats[precision].format(new Date(Date.UTC(parts[0], (parts[1] || 1) - 1, parts[2] || 1)));
    }

    /* A card, the same markup as the static list (components.ts entryList). */
    function card(data, row, words) {
      const labels = data.labels;
      const facets = data.facets;
      const at = (facet) => row[3 + facets.facets.indexOf(facet)];
      const textLang = words[2];
      const langAttributes = textLang ? { lang: textLang, dir: labels.rtl.indexOf(textLang) >= 0 ? "rtl" : "ltr" } : null;
      const li = element("li", { class: "entry" });
      const heading = element("h2", { class: "entry-title" });
      const link = element("a", { href: `${root}${lang}/${facets.owners[row[0]]}/activities/${row[1]}/index.html` });
      if (langAttributes) link.appendChild(element("span", langAttributes, words[0]));
      else link.textContent = words[0];
      heading.appendChild(link);
      const meta = element("p", { class: "entry-meta" });
      const owner = labels.owners[row[0]];
      if (typeof owner === "string") meta.appendChild(document.createTextNode(owner));
      else meta.appendChild(element("span", { lang: owner[1], dir: labels.rtl.indexOf(owner[1]) >= 0 ? "rtl" : "ltr" }, owner[0]));
      meta.appendChild(document.createTextNode(" · "));
      const kind = facets.values.kind[at("kind")];
      meta.appendChild(element("span", { class: `kind kind-${kind}` }, labels.labels.kind[at("kind")]));
      meta.appendChild(document.createTextNode(` · ${labels.labels.type[at("type")]}${row[2] ? ` · ${formatDate(labels.locale, row[2])}` : ""} `));
      const confirmation = facets.values.confirmation[at("confirmation")];
      meta.appendChild(element("span", { class: `badge badge-${confirmation}` }, labels.labels.confirmation[at("confirmation")]));
      const summary = element("p", Object.assign({ class: "entry-summary" }, langAttributes || {}), words[1]);
      li.appendChild(heading);
      li.appendChild(meta);
      li.appendChild(summary);
      return li;
    }

    function paginationNav(chosen, current, total) {
      const nav = element("nav", { class: "pagination", "aria-label": text("pagination") });
      const pageOf = (page) => text("page-of").replace("{page}", String(page)).replace("{total}", String(total));
      nav.appendChild(element("p", { class: "page-status" }, pageOf(current)));
      const list = element("ul");
      const item = (page, label, attributes, className) => {
        const li = element("li", className ? { class: className } : {});
        li.appendChild(element("a", Object.assign({ href: queryOf(chosen, page) || "?" }, attributes), label));
        list.appendChild(li);
      };
      if (current > 1) item(current - 1, text("previous"), { rel: "prev" }, "page-prev");
      pageWindow(current, total).forEach((page) => {
        if (page === null) list.appendChild(element("li", { class: "page-gap", "aria-hidden": "true" }, "…"));
        else item(page, String(page), page === current ? { "aria-current": "page", "aria-label": pageOf(page) } : { "aria-label": pageOf(page) });
      });
      if (current < total) item(current + 1, text("next"), { rel: "next" }, "page-next");
      nav.appendChild(list);
      return nav;
    }

    function showStatic() {
      results.textContent = "";
      staticResults.forEach((node) => {
        results.appendChild(node);
      });
      if (status) status.textContent = staticCount;
    }

    /* Each option's count is what choosing it would show, given the other filters: the
       entries that match every other chosen filter and have that value. An option that would
       show nothing is disabled (unless chosen), so a reader never walks into an empty list. */
    selects.forEach((select) => {
      Array.prototype.forEach.call(select.options, (option) => {
        option.setAttribute("data-label", option.textContent.replace(/ \([0-9]+\)$/, ""));
        option.setAttribute("data-static", option.textContent);
      });
    });
    function updateCounts(data, chosen) {
      const facets = data.facets;
      selects.forEach((select) => {
        const others = Object.assign({}, chosen);
        delete others[select.name];
        const column = 3 + facets.facets.indexOf(select.name);
        const counts = {};
        matches(data, others).forEach((i) => {
          const cell = facets.entries[i][column];
          (typeof cell === "number" ? [cell] : cell).forEach((v) => {
            counts[v] = (counts[v] || 0) + 1;
          });
        });
        const values = facets.values[select.name] || [];
        Array.prototype.forEach.call(select.options, (option) => {
          if (!option.value) return;
          const n = counts[values.indexOf(option.value)] || 0;
          option.textContent = `${option.getAttribute("data-label")} (${n})`;
          option.disabled = n === 0 && option.value !== chosen[select.name];
        });
      });
    }
    function restoreCounts() {
      selects.forEach((select) => {
        Array.prototype.forEach.call(select.options, (option) => {
          option.textContent = option.getAttribute("data-static");
          option.disabled = false;
        });
      });
    }

    /* Nothing matches: say which filters together exclude everything, and offer a reset. */
    function emptyResult(chosen) {
      const box = element("div", { class: "empty-result" });
      box.appendChild(element("p", {}, text("empty")));
      const list = element("ul");
      selects.forEach((select) => {
        if (!chosen[select.name]) return;
        const label = form.querySelector(`label[for="${select.id}"]`);
        const option = select.options[select.selectedIndex];
        list.appendChild(element("li", {}, `${label ? label.textContent : select.name}: ${option ? option.getAttribute("data-label") : chosen[select.name]}`));
      });
      box.appendChild(list);
      const reset = element("button", { type: "button" }, text("reset"));
      reset.addEventListener("click", () => {
        form.reset();
      });
      box.appendChild(reset);
      return box;
    }

    function matches(data, chosen) {
      const facets = data.facets;
      const wanted = [];
      for (const name in chosen) {
        const value = facets.values[name] ? facets.values[name].indexOf(chosen[name]) : -1;
        if (value < 0) return [];
        wanted.push([3 + facets.facets.indexOf(name), value]);
      }
      const found = [];
      facets.entries.forEach((row, i) => {
        for (let w = 0; w < wanted.length; w++) {
          const cell = row[wanted[w][0]];
          if (typeof cell === "number" ? cell !== wanted[w][1] : cell.indexOf(wanted[w][1]) < 0) return;
        }
        found.push(i);
      });
      return found;
    }

    /* Shows the state: the static list when nothing is chosen, otherwise a page of matches. */
    function render(state, focus) {
      const mine = ++ticket;
      const names = Object.keys(state.chosen);
      if (names.length === 0 && !state.sort) {
        /* Unfiltered and newest first, the static pages are the list (browse/page/<n>/), with their own links. */
        showStatic();
        restoreCounts();
        return Promise.resolve();
      }
      results.setAttribute("aria-busy", "true");
      if (status) status.textContent = text("loading");
      return load()
        .then((data) => sorted(matches(data, state.chosen), state.sort).then((found) => ({ data, found })))
        .then(({ data, found }) => {
          updateCounts(data, state.chosen);
          const size = data.facets.pageSize;
          const total = Math.max(1, Math.ceil(found.length / size));
          const page = Math.min(state.page, total);
          const shown = found.slice((page - 1) * size, page * size);
          const shardSize = data.facets.shardSize;
          const needed = [];
          shown.forEach((i) => {
            const n = Math.floor(i / shardSize);
            if (needed.indexOf(n) < 0) needed.push(n);
          });
          return Promise.all(needed.map(shard)).then((texts) => {
            if (mine !== ticket) return;
            const byShard = {};
            needed.forEach((n, k) => {
              byShard[n] = texts[k];
            });
            results.textContent = "";
            if (shown.length > 0) {
              const list = element("ul", { class: "entries" });
              shown.forEach((i) => {
                list.appendChild(card(data, data.facets.entries[i], byShard[Math.floor(i / shardSize)][i % shardSize]));
              });
              results.appendChild(list);
            } else {
              results.appendChild(emptyResult(state.chosen));
            }
            if (total > 1) results.appendChild(paginationNav(state.chosen, page, total));
            if (status) {
              status.textContent = countText(found.length);
              if (focus) status.focus();
            }
          });
        })
        .catch(() => {
          if (mine !== ticket) return;
          /* Opened from disk, or offline: one filter still has its static "browse by" page. */
          if (names.length === 1 && location.protocol === "file:") {
            location.href = `${root}${lang}/browse/${names[0]}/${state.chosen[names[0]]}/index.html`;
            return;
          }
          showStatic();
          if (status) status.textContent = text("unavailable");
        })
        .then(() => {
          if (mine === ticket) results.removeAttribute("aria-busy");
        });
    }

    function setForm(chosen, sort) {
      selects.forEach((select) => {
        select.value = chosen[select.name] || "";
      });
      if (sortSelect) sortSelect.value = sort || "";
    }

    function applyForm() {
      const chosen = formState();
      if (history.replaceState) history.replaceState(null, "", location.pathname + queryOf(chosen, 1));
      render({ chosen, page: 1, sort: currentSort() }, false);
    }

    /* Downloads of the list as shown (filters and order): the rows of activities.csv and the
       records of activities.json, taken from those files as published, so a download has
       exactly their columns, fields and encoding. */
    const downloadStatus = document.getElementById("download-status");
    function csvRecords(textOfFile) {
      const records = [];
      let start = 0;
      let quoted = false;
      for (let i = 0; i < textOfFile.length; i++) {
        const code = textOfFile.charCodeAt(i);
        /* A doubled quote inside a quoted value toggles twice: the state stays right. */
        if (code === 34) quoted = !quoted;
        else if (code === 10 && !quoted) {
          records.push(textOfFile.slice(start, i + 1));
          start = i + 1;
        }
      }
      if (start < textOfFile.length) records.push(textOfFile.slice(start));
      return records;
    }
    function firstCell(record) {
      const cell = /^(?:"((?:[^"]|"")*)"|([^,\r\n]*))/.exec(record);
      return cell ? (cell[1] !== undefined ? cell[1].replace(/""/g, '"') : cell[2]) : "";
    }
    function fetchText(attribute) {
      return fetch(new URL(form.getAttribute(attribute), location.href).href).then((response) => {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      });
    }
    function save(content, type, name) {
      const url = URL.createObjectURL(new Blob([content], { type }));
      const link = element("a", { href: url, download: name });
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    }
    function download(format) {
      const state = { chosen: formState(), sort: currentSort() };
      if (downloadStatus) downloadStatus.textContent = text("preparing");
      return load()
        .then((data) =>
          sorted(matches(data, state.chosen), state.sort).then((found) =>
            found.map((i) => {
              const row = data.facets.entries[i];
              return `${data.facets.owners[row[0]].replace(/^.*\//, "")}/${row[1]}`;
            }),
          ),
        )
        .then((ids) => {
          const parts = Object.keys(state.chosen).map((name) => `${name}-${state.chosen[name]}`);
          const name = `cop-atlas-activities${parts.length ? `-${parts.join("-")}` : ""}.${format}`;
          if (format === "csv") {
            return fetchText("data-csv").then((textOfFile) => {
              const records = csvRecords(textOfFile);
              const byId = {};
              records.slice(1).forEach((record) => {
                byId[firstCell(record)] = record;
              });
              /* fetch's text() drops the file's byte-order mark; without it a spreadsheet reads the
                 UTF-8 as a local code page and garbles Arabic, Chinese and Russian titles. */
              save(`\uFEFF${records[0]}${ids.map((id) => byId[id] || "").join("")}`, "text/csv;charset=utf-8", name);
            });
          }
          return fetchText("data-json").then((textOfFile) => {
            const all = JSON.parse(textOfFile);
            const byId = {};
            all.activities.forEach((record) => {
              byId[record.id] = record;
            });
            const activities = ids.map((id) => byId[id]).filter(Boolean);
            const subset = Object.assign({}, all, { count: activities.length, activities });
            save(`${JSON.stringify(subset, null, 1)}\n`, "application/json", name);
          });
        })
        .then(() => {
          if (downloadStatus) downloadStatus.textContent = "";
        })
        .catch(() => {
          if (downloadStatus) downloadStatus.textContent = text("download-failed");
        });
    }
    Array.prototype.forEach.call(form.querySelectorAll("[data-download]"), (button) => {
      button.addEventListener("click", () => {
        download(button.getAttribute("data-download"));
      });
    });
    if (sortSelect) sortSelect.addEventListener("change", applyForm);

    selects.forEach((select) => {
      select.addEventListener("change", applyForm);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      applyForm();
    });
    form.addEventListener("reset", () => {
      setTimeout(applyForm, 0);
    });
    /* The pages of filtered results: links that work as they are, followed without a reload. */
    results.addEventListener("click", (event) => {
      const link = event.target.closest ? event.target.closest(".pagination a") : null;
      if (!link || !history.pushState || Object.keys(formState()).length === 0) return;
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      history.pushState(null, "", location.pathname + link.getAttribute("href").replace(/^\?$/, ""));
      const state = readState();
      render(state, true);
      if (status?.scrollIntoView) status.scrollIntoView({ block: "start" });
    });
    window.addEventListener("popstate", () => {
      const state = readState();
      setForm(state.chosen, state.sort);
      render(state, false);
    });
    const initial = readState();
    setForm(initial.chosen, initial.sort);
    render(initial, false);
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
          /* A large language's index comes in parts (by country or organisation): the first is
             loaded, the others are merged into it, and one search covers them all. */
          const parts = (form.getAttribute("data-pagefind-merge") || "").split(" ").filter(Boolean);
          return pagefind
            .options({ baseUrl: root })
            .then(() => Promise.all(parts.map((part) => pagefind.mergeIndex(new URL(".", new URL(part, location.href)).href, { baseUrl: root }))))
            .then(() => pagefind);
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
            status.textContent = n === 0 ? status.getAttribute("data-none") : countedText(status, n);
            pages.forEach((page) => {
              const li = document.createElement("li");
              /* Whether the result is an entry (and of which kind) or a profile, in the page's language. */
              if (page.meta?.kind) {
                const kind = document.createElement("p");
                kind.className = "result-kind";
                kind.textContent = page.meta.kind;
                li.appendChild(kind);
              }
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

  /* Small screens: the languages and the navigation fold behind one "Menu" button, so that
     the header takes a line, not a third of the screen. Without this script they stay shown. */
  function menu() {
    const header = document.querySelector(".site-header");
    const button = header?.querySelector(".menu-toggle");
    if (!header || !button) return;
    header.classList.add("menu-ready");
    button.addEventListener("click", () => {
      const open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      header.classList.toggle("menu-open", open);
    });
  }

  function start() {
    menu();
    chooseLanguage();
    browseFilters();
    search();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
