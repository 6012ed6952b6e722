// Autosave and offline outbox over the questionnaire's plain forms: every change is kept in
// IndexedDB, saves wait there with a client id and go out in order (a resend is stored once).
// What is kept belongs to its owner (the account or invitation the page was rendered for): it
// is sent only from that owner's page, and signing out deletes it.
const box = document.getElementById("outbox");
const forms = [...document.querySelectorAll("form.answer[data-code]")];
const owner = box?.dataset.owner || "";
// "/q/2023/psi/d" -> "2023/psi/d" (not f.action: the buttons named "action" hide it)
const key = (f) => f.getAttribute("action").slice(3);
const prefix = forms[0] ? key(forms[0]).replace(/[^/]+$/, "") : "\n";
// A draft is stored under its owner and its answer's key (cycle/partner/indicator).
const dkey = (k) => `${owner} ${k}`;
// Messages come from the page's catalogue: "{n}" takes the number, "{n|one|other}" the word form
// that number calls for (the same rule as domain/message.ts).
const plural = new Intl.PluralRules(document.documentElement.lang || "fr");
const say = (k, n) =>
  (box?.dataset[k] || "").replace(/\{\w+(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (_, one, other) =>
    one === undefined ? n : plural.select(Number(n)) === "one" ? one : other,
  );
const hex = (b) => b.toString(16).padStart(2, "0");
const newId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), hex).join("");
const timers = new Map();
let idb;
let busy = false;
let again = false;
let timer = 0;
let wait = 0;
let sent = false;
let refused = false;
let persisted = false;

const req = (r) =>
  new Promise((ok, ko) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => ko(r.error);
  });

// Every step is one transaction over both stores: they take turns, so steps never interleave.
async function tx(fn) {
  idb ??= new Promise((ok, ko) => {
    const r = indexedDB.open("jalon-questionnaire", 2);
    r.onupgradeneeded = (ev) => {
      if (ev.oldVersion < 1) {
        r.result.createObjectStore("drafts");
        r.result.createObjectStore("outbox", { autoIncrement: true });
      }
      // Version 1 kept no owner: its entries stay, owned by nobody, and no session sends them.
    };
    req(r).then((db) => {
      db.onversionchange = () => db.close();
      ok(db);
    }, ko);
  });
  const t = (await idb).transaction(["drafts", "outbox"], "readwrite");
  const done = new Promise((ok, ko) => {
    t.oncomplete = ok;
    t.onabort = () => ko(t.error);
  });
  return (await Promise.all([fn(t.objectStore("drafts"), t.objectStore("outbox")), done]))[0];
}

async function all(o) {
  const [keys, values] = await Promise.all([req(o.getAllKeys()), req(o.getAll())]);
  return values.map((v, i) => ({ ...v, key: keys[i] }));
}

/** This owner's queued saves of this questionnaire, oldest first. */
async function entries(o) {
  return (await all(o)).filter((e) => e.owner === owner && e.k.startsWith(prefix));
}

/**
 * A number as French and English write it: "12,5" or "12.5", thousands grouped by spaces
 * ("1 234,5", with normal, no-break or narrow no-break spaces). "1,2,3" is not a number.
 */
function number(text) {
  const s = text.trim();
  if (!/^(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?$/.test(s)) return Number.NaN;
  return Number(s.replace(/[ \u00a0\u202f]/g, "").replace(",", "."));
}

/** The form as typed, incomplete rows included. */
function read(f) {
  const d = new FormData(f);
  const s = (n) => String(d.get(n) ?? "").trim() || null;
  // A number field holding something that is no number reads as empty: keep that it was not.
  const values = [...f.querySelectorAll("[name=outputValue]")].map((i) =>
    i.validity?.badInput ? "?" : i.value,
  );
  const rows = (a, b, x, y) =>
    a
      .map((v, i) => ({ [x]: v.trim(), [y]: String(b[i] ?? "").trim(), row: i + 1 }))
      .filter((r) => r[x] || r[y]);
  return {
    contributes: d.get("contributes") ?? "unknown",
    activities: s("activities"),
    collaboratorIds: d.getAll("collaborators").map(Number),
    collaboratorsText: s("collaboratorsText"),
    difficulties: s("difficulties"),
    outputs: rows(values, d.getAll("outputUnit"), "value", "unit"),
    evidence: rows(d.getAll("evidenceUrl"), d.getAll("evidenceTitle"), "url", "title"),
  };
}

/** The API's body (complete rows only), and what is wrong with the others. */
function wire(a) {
  const errors = [];
  const outputs = [];
  const evidence = [];
  for (const { value, unit, row } of a.outputs) {
    const n = number(value);
    if (Number.isFinite(n) && n >= 0 && unit) outputs.push({ value: n, unit });
    else errors.push(say("errOutputs", row));
  }
  for (const { url, title, row } of a.evidence) {
    if (/^https?:\/\/\S+$/.test(url)) evidence.push({ url, title: title || null });
    else if (url) errors.push(say("errEvidence", row));
  }
  return { body: { ...a, outputs, evidence }, errors };
}

function fill(f, a) {
  for (const r of f.querySelectorAll("[name=contributes]")) r.checked = r.value === a.contributes;
  for (const n of ["activities", "collaboratorsText", "difficulties"])
    f.elements[n].value = a[n] ?? "";
  for (const o of f.querySelectorAll("[name=collaborators] option"))
    o.selected = a.collaboratorIds.includes(Number(o.value));
  for (const [list, x, y] of [
    [a.outputs, "value", "unit"],
    [a.evidence, "url", "title"],
  ]) {
    const sel = `[name=${x === "url" ? "evidenceUrl" : "outputValue"}]`;
    // The stored answer may have fewer rows than the draft.
    while (f.querySelectorAll(sel).length < list.length) {
      const pair = [...f.querySelectorAll(sel)].at(-1).closest(".pair");
      pair.after(pair.cloneNode(true));
    }
    f.querySelectorAll(sel).forEach((input, i) => {
      const [v, w] = input.closest(".pair").querySelectorAll("input");
      v.value = list[i]?.[x] ?? "";
      w.value = list[i]?.[y] ?? "";
    });
  }
}

function note(f, text, bad, stuck) {
  const p = f?.querySelector("[data-status]");
  // A row error stays until the next keystroke, whatever autosave says meanwhile.
  if (!p || (!bad && f.dataset.stuck)) return;
  f.dataset.stuck = stuck ? "1" : "";
  p.textContent = text;
  p.className = bad ? "error" : "muted";
}

/** Shows the stored version beside what was typed, or (without `theirs`) removes it. */
function conflict(f, theirs) {
  f.querySelector("[data-remote]")?.remove();
  if (theirs === undefined) return;
  const div = document.createElement("div");
  div.className = "alert";
  div.setAttribute("role", "alert");
  div.dataset.remote = "";
  div.innerHTML = "<p></p><p><b></b></p><p class=pre></p>";
  const [help, head, text] = div.querySelectorAll("p");
  help.textContent = say("help");
  head.firstChild.textContent = say("theirs");
  text.textContent = theirs;
  f.querySelector("fieldset").before(div);
  note(f, say("conflict"), true);
}

/** Queues a draft, merged into an unsent older save of the same answer if there is one. */
function enqueue(O, queued, k, d, submit) {
  const e = queued.find((x) => x.k === k && !x.tried);
  const next = { k, owner, body: wire(d.answer).body, submit, base: d.base, at: d.at };
  if (e) O.put({ ...e, ...next, base: e.base, submit: e.submit || submit }, e.key);
  else O.add({ ...next, id: newId() });
  // Answers waiting on the device are worth keeping when storage runs short.
  if (!persisted) {
    persisted = true;
    navigator.storage?.persist?.().catch(() => {});
  }
}

/** What the note says while an answer waits on the device. */
const waiting = (submit) => say(submit ? "queuedSubmit" : "local");

/** Keeps what was typed; with `send`, queues it, replacing an unsent older save. */
async function keep(f, send, submit = false, explicit = false) {
  clearTimeout(timers.get(f));
  timers.delete(f);
  const k = key(f);
  const answer = read(f);
  const { errors } = wire(answer);
  const go = send && !(explicit && errors.length);
  const at = Date.now() + Math.random();
  const held = await tx(async (D, O) => {
    const base = Number(f.dataset.version) || 0;
    const d = { base, ...(await req(D.get(dkey(k)))), owner, answer, at };
    // Saving on purpose after a conflict overwrites the stored version knowingly.
    if (d.conflict && explicit && go) {
      d.base = d.conflict.version;
      delete d.conflict;
    }
    D.put(d, dkey(k));
    if (!go || d.conflict) return d.conflict;
    enqueue(O, await entries(O), k, d, submit);
  });
  if (send && !go) note(f, errors.join(" "), true, true);
  else if (held && go) note(f, say("conflict"), true);
  else if (go) {
    conflict(f);
    note(f, waiting(submit));
    flush();
  }
}

async function flush() {
  if (busy) {
    again = true;
    return;
  }
  busy = true;
  clearTimeout(timer);
  try {
    do again = false;
    while ((await next()) || again);
  } finally {
    busy = false;
  }
  show();
}

/** Sends the oldest entry; false when nothing more can be done now. */
async function next() {
  if (!navigator.onLine || refused) return false;
  const e = await tx(async (_, O) => {
    const [first] = await entries(O);
    // Once tried, an entry is never merged into: a resend must carry what its id went out with.
    if (first) O.put({ ...first, tried: true }, first.key);
    return first;
  });
  if (!e) return false;
  const f = forms.find((x) => key(x) === e.k);
  show(true);
  note(f, say("saving"));
  const res = await fetch(`/api/q/${e.k}`, {
    method: "PUT",
    headers: {
      "content-type": "application/json",
      // Always the version the draft was typed on: the server refuses a write made on another.
      "if-match": `"${Number(e.base) || 0}"`,
      "x-client-id": e.id,
      "x-jalon-owner": owner,
      "x-csrf-token": document.querySelector("[name=_csrf]")?.value,
    },
    body: JSON.stringify({ answer: e.body, submit: e.submit }),
  }).catch(() => ({ status: 0 }));
  const s = res.status;
  if (!s || s === 401 || s === 403 || s === 429 || s >= 500) {
    // Offline or server down: retry later; signed out, or another session's page (a copy kept
    // offline): keep everything and wait for this owner's next page.
    wait = Math.min(wait * 2 || 2e3, 6e4);
    if (s === 401 || s === 403) refused = true;
    else timer = setTimeout(flush, wait);
    note(f, waiting(e.submit));
    return false;
  }
  wait = 0;
  sent = true;
  const j = await res.json().catch(() => ({}));
  await tx(async (D, O) => {
    O.delete(e.key);
    // Later saves of this answer were typed on top of this one; a refusal stops them too.
    for (const x of await entries(O))
      if (x.k === e.k && res.ok) O.put({ ...x, base: j.version }, x.key);
      else if (x.k === e.k && s !== 400) O.delete(x.key);
    const d = await req(D.get(dkey(e.k)));
    if (res.ok && d?.at === e.at) D.delete(dkey(e.k));
    else if (d && res.ok) D.put({ ...d, base: j.version }, dkey(e.k));
    else if (d && s === 412)
      D.put({ ...d, conflict: { version: j.current?.version ?? 0 } }, dkey(e.k));
  });
  if (res.ok && f) {
    f.dataset.version = f.elements.version.value = Math.max(j.version, f.dataset.version);
    const done = j.state === "submitted";
    badge(
      f,
      say(done ? "stSubmitted" : "stDraft"),
      `mark ${done ? "st-published" : "st-collection"}`,
    );
    note(f, say(e.submit ? "submitted" : "saved"));
  } else if (f && s === 412) conflict(f, j.current?.activities ?? "");
  else if (f) note(f, say(s === 409 ? "closed" : "invalid"), true);
  return true;
}

/** Sets an answer's state mark; the one the server rendered is kept to come back to. */
function badge(f, text, css) {
  const b = f.querySelector("[data-state]");
  if (!b) return;
  b.dataset.was ??= JSON.stringify([b.textContent, b.className]);
  b.textContent = text;
  b.className = css;
  if (!css.includes("st-queued")) b.dataset.was = JSON.stringify([text, css]);
}

function el(tag, text, attrs = {}) {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/** The outbox panel: what waits to be sent, and what another session left on this device. */
async function show(sending) {
  const [mine, others] = await tx(async (_, O) => {
    const everything = await all(O);
    return [
      everything.filter((e) => e.owner === owner && e.k.startsWith(prefix)),
      everything.filter((e) => e.owner !== owner),
    ];
  });
  // One line per answer, however many saves of it wait.
  const waitingAnswers = new Map();
  for (const e of mine) waitingAnswers.set(e.k, (waitingAnswers.get(e.k) ?? false) || e.submit);
  for (const f of forms) {
    const b = f.querySelector("[data-state]");
    if (waitingAnswers.has(key(f))) badge(f, say("stQueued"), "mark st-queued");
    else if (b?.dataset.was) [b.textContent, b.className] = JSON.parse(b.dataset.was);
  }
  if (!box) return;
  const clash = forms.some((f) => f.querySelector("[data-remote]"));
  const n = waitingAnswers.size;
  const foreign = new Set(others.map((e) => `${e.owner} ${e.k}`)).size;
  box.replaceChildren();
  if (sending) box.append(el("p", say("saving")));
  else if (clash) box.append(el("p", say("conflict")));
  else if (n) {
    const head = el("p");
    head.append(el("b", say("pending", n)));
    const list = el("ul");
    for (const [k, submit] of waitingAnswers) {
      const f = forms.find((x) => key(x) === k);
      const li = el("li");
      li.append(
        el("a", f?.querySelector("h3")?.textContent ?? k, { href: `#${f?.id ?? ""}` }),
        ` — ${say(submit ? "itemSubmit" : "itemDraft")}`,
      );
      list.append(li);
    }
    box.append(head, ...(navigator.onLine ? [] : [el("p", say("offline"))]), list);
  } else if (sent) box.append(el("p", say("sent")));
  if (foreign) {
    const discard = el("button", say("discard"), { type: "button", class: "secondary" });
    discard.addEventListener("click", () => {
      if (confirm(say("discardConfirm"))) forgetOthers().then(() => show());
    });
    const row = el("p");
    row.append(discard);
    box.append(el("p", say("others", foreign), { "data-others": "" }), row);
  }
  box.hidden = box.childNodes.length === 0;
  box.className = clash && !sending ? "alert" : n || foreign ? "pending" : "notice";
}

/** Deletes, on this device, what other sessions left unsent (asked for first). */
function forgetOthers() {
  return tx(async (D, O) => {
    for (const e of await all(O)) if (e.owner !== owner) O.delete(e.key);
    for (const k of await req(D.getAllKeys())) if (!k.startsWith(`${owner} `)) D.delete(k);
  });
}

/**
 * Signing out: what can still be sent goes first; what cannot is announced, then deleted from
 * this device with the pages kept for offline use (the service worker does the same).
 */
function guardSignOut() {
  const out = document.getElementById("logout");
  out?.addEventListener("submit", async (ev) => {
    if (out.dataset.go) return;
    ev.preventDefault();
    try {
      for (const f of [...timers.keys()]) await keep(f, true);
      await flush();
      const n = await tx(async (D) =>
        (await req(D.getAllKeys())).filter((k) => k.startsWith(`${owner} `)),
      );
      if (n.length && !confirm(say("logoutPending", n.length))) return;
      await tx(async (D, O) => {
        for (const e of await all(O)) if (e.owner === owner) O.delete(e.key);
        for (const k of n) D.delete(k);
      });
      const store = globalThis.caches;
      for (const name of (await store?.keys()) ?? [])
        if (name.startsWith("jalon-pages")) await store.delete(name);
    } catch {
      // Storage failing must not keep anyone signed in.
    }
    out.dataset.go = "1";
    out.submit();
  });
}

/** The page works offline from its next opening: the worker keeps it and the client module. */
function installWorker() {
  const sw = navigator.serviceWorker;
  if (!sw) return;
  // A page the worker did not serve (the first visit) asks it to keep a copy.
  const served = Boolean(sw.controller);
  sw.register("/sw.js")
    .then(() => sw.ready)
    .then((r) => served || r.active?.postMessage({ visited: location.pathname }))
    .catch(() => {});
}

async function start() {
  if (!owner) return;
  // What the server has not confirmed goes back into the forms.
  await tx(async (D, O) => {
    const queued = await entries(O);
    for (const f of forms) {
      const k = key(f);
      const d = await req(D.get(dkey(k)));
      if (!d) continue;
      const theirs = read(f).activities ?? "";
      fill(f, d.answer);
      if (d.conflict) {
        D.put({ ...d, conflict: { version: Number(f.dataset.version) } }, dkey(k));
        conflict(f, theirs);
      } else {
        // Typed after its last save (or never queued): queue it again.
        if (!queued.some((e) => e.k === k && e.at === d.at)) enqueue(O, queued, k, d, false);
        note(f, waiting(queued.some((e) => e.k === k && e.submit)));
      }
    }
  });
  for (const f of forms) {
    f.addEventListener("input", () => {
      f.dataset.stuck = "";
      keep(f, false);
      timers.set(f, setTimeout(keep, 1500, f, true));
    });
    f.addEventListener("focusout", () => timers.has(f) && keep(f, true));
    f.addEventListener("submit", (ev) => {
      if (f.dataset.native) return;
      ev.preventDefault();
      keep(f, true, ev.submitter?.value === "submit", true).catch(() => {
        // Storage failed: post the form plainly rather than lose the answer.
        f.dataset.native = "1";
        f.requestSubmit(ev.submitter);
      });
    });
  }
  addEventListener("online", () => {
    wait = 0;
    flush();
  });
  addEventListener("offline", () => show());
  guardSignOut();
  installWorker();
  flush();
}

// Without IndexedDB nothing is attached: the forms post as they do without JavaScript.
start().catch(() => {});
