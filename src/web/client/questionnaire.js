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

// The two lists of rows: their inputs' names, and the keys a row has in the API.
const LISTS = {
  outputs: ["outputValue", "outputUnit", "value", "unit"],
  evidence: ["evidenceUrl", "evidenceTitle", "url", "title"],
};

/** The form as typed; each row that is not wholly empty keeps its place in the form (`row`). */
function read(f) {
  const d = new FormData(f);
  const s = (n) => String(d.get(n) ?? "").trim() || null;
  const rows = ([a, b, x, y]) =>
    d
      .getAll(a)
      .map((v, i) => ({
        [x]: String(v).trim(),
        [y]: String(d.getAll(b)[i] ?? "").trim(),
        row: i + 1,
      }))
      .filter((r) => r[x] || r[y]);
  return {
    contributes: d.get("contributes") ?? "unknown",
    activities: s("activities"),
    collaboratorIds: d.getAll("collaborators").map(Number),
    collaboratorsText: s("collaboratorsText"),
    difficulties: s("difficulties"),
    outputs: rows(LISTS.outputs),
    evidence: rows(LISTS.evidence),
  };
}

/**
 * The API's body: every row as typed, the ones that are not valid yet included (the server reads
 * "12,5" with the domain's rule and keeps the others in the draft, marked). `pos` says where in
 * the form the server's row n is: row n of a list is its n-th row not wholly empty.
 */
function wire(a) {
  const body = {
    ...a,
    outputs: a.outputs.map((r) => ({ value: String(r.value ?? ""), unit: r.unit ?? "" })),
    evidence: a.evidence.map((r) => ({ url: r.url ?? "", title: r.title || null })),
  };
  const at = (list) => list.map((r, i) => Number(r.row) || i + 1);
  return { body, pos: { outputs: at(a.outputs), evidence: at(a.evidence) } };
}

/** The value/unit or link/title pairs of one list, in the order of the form. */
const pairsOf = (f, list) =>
  [...f.querySelectorAll(`[name=${LISTS[list][0]}]`)].map((i) => i.closest(".pair"));

/** Adds empty pairs until the list has `n`, each numbered as the server numbers them. */
function grow(f, list, n) {
  for (let ps = pairsOf(f, list); ps.length < n; ps = pairsOf(f, list)) {
    const pair = ps.at(-1).cloneNode(true);
    unmark(pair);
    for (const input of pair.querySelectorAll("input")) input.value = "";
    pair.querySelector("input").id = `${f.dataset.code}-${list}-${ps.length + 1}`;
    ps.at(-1).after(pair);
  }
}

function fill(f, a) {
  for (const r of f.querySelectorAll("[name=contributes]")) r.checked = r.value === a.contributes;
  for (const n of ["activities", "collaboratorsText", "difficulties"])
    f.elements[n].value = a[n] ?? "";
  for (const o of f.querySelectorAll("[name=collaborators] option"))
    o.selected = a.collaboratorIds.includes(Number(o.value));
  for (const list of ["outputs", "evidence"]) {
    const [, , x, y] = LISTS[list];
    const rows = a[list] ?? [];
    // Each row goes back where it was typed; the stored answer may have fewer rows than that.
    const at = rows.map((r, i) => (Number(r.row) || i + 1) - 1);
    if (at.length) grow(f, list, Math.max(...at) + 2);
    pairsOf(f, list).forEach((pair, i) => {
      const r = rows[at.indexOf(i)];
      const [v, w] = pair.querySelectorAll("input");
      const [nv, nw] = [String(r?.[x] ?? ""), String(r?.[y] ?? "")];
      // A mark the server put beside a row stays only while the row holds what it was about.
      if (v.value !== nv || w.value !== nw) unmark(pair);
      v.value = nv;
      w.value = nw;
    });
  }
}

/** Removes a row's mark and its line in the list under the status note. */
function unmark(pair) {
  pair.classList.remove("invalid");
  pair.querySelector("p.error")?.remove();
  for (const i of pair.querySelectorAll("input")) {
    i.removeAttribute("aria-invalid");
    i.removeAttribute("aria-describedby");
    pair.closest("form")?.querySelector(`[data-kept] [data-for="${i.id}"]`)?.remove();
  }
}

/**
 * Marks the rows the server kept as typed but could not count (`problems`, numbered as in the
 * body sent; `pos` places them in the form), with the reason beside each, as the page does
 * without JavaScript, and lists them under the status note.
 */
function mark(f, problems, pos) {
  for (const list of ["outputs", "evidence"]) for (const p of pairsOf(f, list)) unmark(p);
  f.querySelector("[data-kept]")?.remove();
  const items = [];
  for (const p of problems) {
    const at = pos[p.list]?.[p.row - 1] ?? p.row;
    const pair = pairsOf(f, p.list === "evidence" ? "evidence" : "outputs")[at - 1];
    const key = `row${String(p.reason).replace(/^./, (c) => c.toUpperCase())}`;
    if (!pair || !box?.dataset[key]) continue;
    const [first, second] = pair.querySelectorAll("input");
    first.id ||= `${f.dataset.code}-${p.list}-${at}`;
    const text = say(key, at);
    const error = el("p", text, { class: "error", id: `${first.id}-e` });
    pair.classList.add("invalid");
    pair.append(error);
    const input = p.reason === "unit" ? second : first;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", error.id);
    const li = el("li", "", { "data-for": first.id });
    li.append(el("a", text, { href: `#${first.id}` }));
    items.push(li);
  }
  f.dataset.kept = items.length || "";
  if (items.length) {
    const ul = el("ul", "", { class: "errors", "data-kept": "" });
    ul.append(...items);
    f.querySelector("[data-status]")?.after(ul);
  }
}

/** A submission refused by the server: the reason beside the yes/no answer, or the rows. */
function refuse(f, why, detail, pos) {
  f.dataset.refused = why;
  note(f, say(why === "contributes" ? "refusedContributes" : "refusedRows"), true);
  if (why !== "contributes") {
    // Every row in the way, from the refusal itself (the draft saved next lists them again).
    if (detail?.length) mark(f, detail, pos);
    return;
  }
  const set = f.querySelector("[name=contributes]")?.closest("fieldset");
  if (!set || set.querySelector("[data-refusal]")) return;
  const id = `${f.dataset.code}-contributes-e`;
  set
    .querySelector("legend")
    .after(el("p", say("errContributes"), { class: "error", id, "data-refusal": "" }));
  set.setAttribute("aria-describedby", id);
  for (const r of set.querySelectorAll("input")) r.setAttribute("aria-invalid", "true");
}

/** The yes/no answer changed: its refusal mark goes. */
function unrefuse(f) {
  const set = f.querySelector("[data-refusal]")?.closest("fieldset");
  f.querySelector("[data-refusal]")?.remove();
  set?.removeAttribute("aria-describedby");
  for (const r of set?.querySelectorAll("input") ?? []) r.removeAttribute("aria-invalid");
}

/** The counter at the top of the page, from the one every write answers with. */
function progress(p) {
  const e = document.getElementById("progress");
  if (!e?.dataset.template || !p) return;
  e.textContent = e.dataset.template.replace(/\{(\w+)\}/g, (w, n) => (n in p ? String(p[n]) : w));
}

function note(f, text, bad) {
  const p = f?.querySelector("[data-status]");
  // A refused submission stays said until the next keystroke, whatever autosave says meanwhile.
  if (!p || (!bad && f.dataset.refused)) return;
  p.textContent = text;
  p.className = bad ? "error" : "muted";
}

/**
 * Shows the stored version beside what was typed, or (without `theirs`) removes it; `help` says
 * why they differ (changed elsewhere, or a save of this device stored with other content).
 */
function conflict(f, theirs, why = "help") {
  f.querySelector("[data-remote]")?.remove();
  if (theirs === undefined) return;
  const div = document.createElement("div");
  div.className = "alert";
  div.setAttribute("role", "alert");
  div.dataset.remote = "";
  div.innerHTML = "<p></p><p><b></b></p><p class=pre></p>";
  const [help, head, text] = div.querySelectorAll("p");
  help.textContent = say(why);
  head.firstChild.textContent = say("theirs");
  text.textContent = theirs;
  f.querySelector("fieldset").before(div);
  note(f, say("conflict"), true);
}

/** Queues a draft, merged into an unsent older save of the same answer if there is one. */
function enqueue(O, queued, k, d, submit) {
  const e = queued.find((x) => x.k === k && !x.tried);
  const next = { k, owner, ...wire(d.answer), submit, base: d.base, at: d.at };
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
  const at = Date.now() + Math.random();
  const held = await tx(async (D, O) => {
    const base = Number(f.dataset.version) || 0;
    const d = { base, ...(await req(D.get(dkey(k)))), owner, answer, at };
    // Saving on purpose after a conflict overwrites the stored version knowingly.
    if (d.conflict && explicit && send) {
      d.base = d.conflict.version;
      delete d.conflict;
    }
    D.put(d, dkey(k));
    if (!send || d.conflict) return d.conflict;
    enqueue(O, await entries(O), k, d, submit);
  });
  if (held && send) note(f, say("conflict"), true);
  else if (send) {
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
  const pos = e.pos ?? wire(e.body).pos;
  // A submission the server refuses (no yes/no, rows to correct) writes nothing.
  const refusal =
    s === 400 && e.submit && ["contributes", "outputs", "evidence"].includes(j.subject)
      ? j.subject
      : null;
  await tx(async (D, O) => {
    O.delete(e.key);
    // Later saves of this answer were typed on top of this one; a refusal stops them too.
    const later = (await entries(O)).filter((x) => x.k === e.k);
    for (const x of later)
      if (res.ok) O.put({ ...x, base: j.version }, x.key);
      else if (s !== 400) O.delete(x.key);
    const d = await req(D.get(dkey(e.k)));
    // What was typed is never dropped: a refused write leaves it in the draft, even if the
    // draft went meanwhile (it is rebuilt from what was sent).
    const mine = d ?? { base: e.base, owner, at: e.at, answer: typedOf(e.body, pos) };
    if (res.ok && d?.at === e.at) D.delete(dkey(e.k));
    else if (d && res.ok) D.put({ ...d, base: j.version }, dkey(e.k));
    else if (s === 412 || s === 422)
      D.put({ ...mine, conflict: { version: j.current?.version ?? 0 } }, dkey(e.k));
    else if (!res.ok) D.put(mine, dkey(e.k));
    // Refused as a submission, the answer is still saved as a draft (as autosave would have).
    const { key: _, tried: __, id: ___, ...again } = e;
    if (refusal && later.length === 0) O.add({ ...again, submit: false, id: newId() });
  });
  if (!f) return true;
  if (res.ok) {
    f.dataset.version = f.elements.version.value = Math.max(j.version, f.dataset.version);
    const st = j.state === "submitted" || j.state === "returned" ? j.state : "draft";
    badge(f, say(`st${st[0].toUpperCase()}${st.slice(1)}`), `mark ${STATE_CSS[st]}`);
    progress(j.progress);
    const problems = Array.isArray(j.problems) ? j.problems : [];
    mark(f, problems, pos);
    // "Saved" only when everything was; otherwise what was not is listed beside its row.
    if (f.dataset.refused) refuse(f, f.dataset.refused);
    else if (problems.length) note(f, say("kept"), true);
    else note(f, say(e.submit ? "submitted" : "saved"));
  } else if (s === 412 || s === 422)
    conflict(f, j.current?.activities ?? "", s === 422 ? "reused" : "help");
  else if (refusal)
    refuse(
      f,
      refusal === "contributes" ? "contributes" : "rows",
      (Array.isArray(j.issues) ? j.issues : []).map((i) => ({
        list: i.path,
        row: i.params?.row,
        reason: i.code,
      })),
      pos,
    );
  else note(f, say(s === 409 ? "closed" : s === 428 ? "precondition" : "invalid"), true);
  return true;
}

const STATE_CSS = { draft: "st-collection", submitted: "st-published", returned: "s-off_track" };

/** A body sent back into the form's shape: each row at its place in the form. */
function typedOf(body, pos) {
  const at = (list) => (body[list] ?? []).map((r, i) => ({ ...r, row: pos[list]?.[i] ?? i + 1 }));
  return { ...body, outputs: at("outputs"), evidence: at("evidence") };
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
  const held = forms.filter((f) => f.dataset.kept);
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
  } else if (held.length) {
    // Sent, but not all saved: the answers with rows kept as typed, to correct.
    const head = el("p");
    head.append(el("b", say("keptHead", held.length)));
    const list = el("ul");
    for (const f of held) {
      const li = el("li");
      li.append(
        el("a", f.querySelector("h3")?.textContent ?? "", { href: `#${f.id}` }),
        ` — ${say("keptRows", f.dataset.kept)}`,
      );
      list.append(li);
    }
    box.append(head, list);
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
  box.className =
    clash && !sending ? "alert" : n || foreign || (held.length && !sending) ? "pending" : "notice";
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
    f.addEventListener("input", (ev) => {
      f.dataset.refused = "";
      // A row's mark was about what it held before: checked again when sent.
      const pair = ev.target.closest?.(".pair");
      if (pair) unmark(pair);
      // Typing into the last row of a list opens an empty one under it.
      const list = ev.target.name?.startsWith("evidence") ? "evidence" : "outputs";
      const ps = pair ? pairsOf(f, list) : [];
      if (pair && ps.at(-1) === pair && ev.target.value) grow(f, list, ps.length + 1);
      if (ev.target.name === "contributes") unrefuse(f);
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
