// decline — progressive enhancement only: every page works without this file.
// 1. Live review: as the letter is edited, ask /api/v1/review (debounced) and mark spans.
// 2. Compare: moving a priority slider re-ranks in place.
// 3. Write: changing a choice composes the letter again, unless the person edited it.
"use strict";

(function () {
  function debounce(fn, wait) {
    let timer = null;
    return function () {
      const args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, wait);
    };
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return String(values[key]); });
  }

  // Python offsets count code points; JavaScript strings count UTF-16 units.
  function unitIndex(text) {
    const map = [];
    let point = 0;
    let unit = 0;
    while (unit < text.length) {
      map[point] = unit;
      unit += text.codePointAt(unit) > 0xffff ? 2 : 1;
      point += 1;
    }
    map[point] = text.length;
    return function (index) { return map[Math.min(index, point)]; };
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // As the server's segments(): where findings overlap, the more severe one is drawn (then
  // the earlier); a finding with no stretch of its own is a point at its start.
  const RANK = { error: 0, warning: 1, suggestion: 2 };

  function paintHighlights(box, text, findings) {
    const unit = unitIndex(text);
    const spans = findings.map(function (f) {
      return [unit(f.offset), unit(f.offset + f.length)];
    });
    const rank = function (i) {
      const r = RANK[findings[i].severity];
      return r === undefined ? 3 : r;
    };
    const cuts = Array.from(new Set([0, text.length].concat(...spans))).sort(function (a, b) {
      return a - b;
    });
    const runs = [];
    for (let c = 0; c + 1 < cuts.length; c += 1) {
      const start = cuts[c], end = cuts[c + 1];
      let best = null;
      spans.forEach(function (span, i) {
        if (span[0] <= start && end <= span[1] && span[0] < span[1]) {
          if (best === null || rank(i) < rank(best)) best = i;
        }
      });
      runs.push([start, end, best]);
    }
    const shown = new Set(runs.map(function (run) { return run[2]; }));
    const points = [];
    spans.forEach(function (span, i) { if (!shown.has(i)) points.push([span[0], i]); });
    points.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    box.replaceChildren();
    let last = null;  // the last mark, and which finding it shows
    let lastFinding = null;
    const add = function (piece, index) {
      if (piece && last && lastFinding === index && last.textContent) {
        last.textContent += piece;
        return;
      }
      if (index === null) {
        if (piece) box.append(piece);
        last = null;
        lastFinding = null;
        return;
      }
      const mark = element("mark", "sev-" + findings[index].severity + (piece ? "" : " point"));
      mark.dataset.finding = String(index);
      mark.textContent = piece;
      box.append(mark);
      last = mark;
      lastFinding = index;
    };
    let waiting = 0;
    runs.forEach(function (run) {
      while (waiting < points.length && points[waiting][0] <= run[0]) {
        add("", points[waiting][1]);
        waiting += 1;
      }
      add(text.slice(run[0], run[1]), run[2]);
    });
    for (; waiting < points.length; waiting += 1) add("", points[waiting][1]);
    // a trailing newline needs a character after it to take up its line
    box.append("\n");
  }

  function paintPanel(verdict, data) {
    const report = data.report;
    const t = verdict.dataset;
    const state = report.ready_to_send ? t.tReady : (report.graceful ? t.tGraceful : t.tNotGraceful);
    verdict.textContent = format(t.tVerdict, { score: report.score, words: report.words }) + " · " + state;
    verdict.className = "verdict " + (report.ready_to_send ? "good" : "bad");
    data.checklist.forEach(function (row) {
      const item = document.querySelector('#checklist li[data-principle="' + row.principle + '"]');
      if (!item) return;
      item.className = row.ok ? "ok" : "todo";
      item.querySelector(".mark").textContent = row.ok ? "✓" : "✗";
      item.querySelector(".status-word").textContent = row.ok ? t.tDone : t.tTodo;
      item.querySelector(".problem").textContent = row.problem || "";
    });
    const list = document.getElementById("findings");
    list.replaceChildren();
    if (!report.findings.length) {
      list.append(element("li", "none", list.dataset.empty));
      return;
    }
    report.findings.forEach(function (finding, index) {
      const item = element("li", "sev-" + finding.severity);
      item.dataset.finding = String(index);
      item.append(element("span", "badge", t["t" + finding.severity[0].toUpperCase() + finding.severity.slice(1)]));
      item.append(element("code", "", finding.rule));
      item.append((finding.principle ? " (" + finding.principle + ") " : " ") + finding.message);
      item.append(element("br"));
      item.append(element("span", "suggestion", list.dataset.suggestion + ": " + finding.suggestion));
      list.append(item);
    });
  }

  function liveReview() {
    const editor = document.querySelector("[data-review]");
    const verdict = document.getElementById("verdict");
    if (!editor || !verdict) return;
    const textarea = editor.querySelector("textarea");
    const box = editor.querySelector(".highlights");
    const backdrop = editor.querySelector(".backdrop");
    const form = textarea.form;
    let sequence = 0;
    // grow with the letter, so it reads as a page and never scrolls inside itself
    function fit() {
      textarea.style.height = "auto";
      textarea.style.height = textarea.scrollHeight + 4 + "px";
    }
    fit();
    textarea.addEventListener("input", fit);
    window.addEventListener("resize", fit);
    textarea.addEventListener("scroll", function () {
      backdrop.scrollTop = textarea.scrollTop;
    });
    const check = debounce(function () {
      const text = textarea.value;
      const mine = ++sequence;
      if (!text.trim()) {
        box.replaceChildren(text);
        verdict.textContent = verdict.dataset.tNothing;
        verdict.className = "verdict";
        return;
      }
      const lang = form.elements.letter_lang ? form.elements.letter_lang.value : "auto";
      const body = { text: text, lang: lang || "auto" };
      if (form.elements.offer && form.elements.offer.value) body.offer = form.elements.offer.value;
      fetch("/api/v1/review", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify(body),
        credentials: "same-origin",
      }).then(function (response) { return response.json(); }).then(function (data) {
        if (mine !== sequence) return; // a newer check is on its way
        if (!data.ok) {
          box.replaceChildren(text + "\n");
          verdict.textContent = data.error;
          verdict.className = "verdict bad";
          return;
        }
        paintHighlights(box, text, data.report.findings);
        paintPanel(verdict, data);
        backdrop.scrollTop = textarea.scrollTop;
        editor.dataset.reviewed = String(mine);
      }).catch(function () { /* offline or stopped: the Check button still works */ });
    }, 250);
    textarea.addEventListener("input", check);
    const select = document.querySelector("select#letter-lang");
    if (select) select.addEventListener("change", check);
  }

  function liveCompare() {
    const form = document.getElementById("priorities");
    if (!form || !document.getElementById("results")) return;
    const keep = document.getElementById("save-priorities");
    const update = debounce(function () {
      const query = new URLSearchParams(new FormData(form)).toString();
      fetch("/compare?" + query, { credentials: "same-origin" })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          const page = new DOMParser().parseFromString(html, "text/html");
          const fresh = page.getElementById("results");
          const current = document.getElementById("results");
          if (fresh && current) current.replaceWith(fresh);
          history.replaceState(null, "", "/compare?" + query);
        }).catch(function () {});
    }, 300);
    form.querySelectorAll('input[type="range"]').forEach(function (slider) {
      slider.addEventListener("input", function () {
        const output = document.getElementById("v-" + slider.id.slice(2));
        if (output) output.textContent = slider.value;
        const hidden = keep && keep.querySelector('input[name="' + slider.name + '"]');
        if (hidden) hidden.value = slider.value;
        update();
      });
    });
  }

  // Write: a changed choice recomposes in place when the letter is unedited; an edited
  // letter is kept and the person is offered to replace it. Nothing submits on "change",
  // so arrow keys move through a select's options and the focus stays where it is.
  function recompose() {
    const form = document.getElementById("letter-form");
    const choose = document.getElementById("choose");
    if (!form || !choose) return;
    const textarea = form.querySelector("textarea");
    const composed = document.getElementById("composed");
    const kept = document.getElementById("kept");
    const part = document.getElementById("letter-part");
    const points = document.getElementById("talking-points");
    const title = document.getElementById("letter-title");
    let sequence = 0;
    function edited() {
      const now = textarea.value.replace(/\r\n/g, "\n").trim();
      return now !== "" && now !== composed.value.replace(/\r\n/g, "\n").trim();
    }
    function show(letter) {
      const callPoints = letter.talking_points || "";
      textarea.value = letter.text;
      composed.value = letter.text;
      form.elements.letter_lang.value = letter.lang;
      points.querySelector("pre").textContent = callPoints;
      points.hidden = !callPoints;
      title.textContent = callPoints ? title.dataset.tCall : title.dataset.tLetter;
      const notes = document.getElementById("notes");
      notes.replaceChildren();
      letter.notes.forEach(function (note) { notes.append(element("li", "", note)); });
      part.hidden = false;
      kept.hidden = true;
      textarea.dispatchEvent(new Event("input")); // the live review reads it again
    }
    function update() {
      if (edited()) {
        kept.hidden = false; // the person's text stays; replacing it is their choice
        return;
      }
      const mine = ++sequence;
      const body = {};
      ["offer", "reason", "tone", "channel", "lang"].forEach(function (name) {
        body[name] = form.elements[name].value;
      });
      if (form.elements.register) body.register = form.elements.register.value;
      body.variant = Number(form.elements.variant.value || "0");
      fetch("/api/v1/write", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify(body),
        credentials: "same-origin",
      }).then(function (response) { return response.json(); }).then(function (data) {
        if (mine !== sequence) return;
        choose.querySelectorAll("p.error").forEach(function (problem) {
          problem.hidden = !(!data.ok && problem.id === "e-" + data.field);
          problem.textContent = problem.hidden ? "" : data.error;
          const control = document.getElementById("c-" + problem.id.slice(2));
          if (control) control.toggleAttribute("aria-invalid", !problem.hidden);
        });
        if (data.ok && !edited()) show(data.letter);
      }).catch(function () { /* the Write button still works */ });
    }
    choose.querySelectorAll("select, input").forEach(function (control) {
      control.addEventListener("change", update);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    liveReview();
    liveCompare();
    recompose();
  });
})();
