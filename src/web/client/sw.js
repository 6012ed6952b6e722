// The questionnaire's service worker: keeps the questionnaire pages a respondent opened and the
// client module, so that the questionnaire reopens without a connection. The answers typed live
// in IndexedDB (questionnaire.js); on sign-out the pages and the signed-out owner's answers go.
// The server fills in MODULE and OFFLINE_PAGE (web/client.ts): a new module is a new worker.
const MODULE = "%MODULE%";
const OFFLINE_PAGE = "%OFFLINE_PAGE%";
// Bump the version when what a cache holds changes shape; older caches are deleted on activation.
const PAGES = "jalon-pages-v1";
const STATIC = "jalon-static-v1";
const QUESTIONNAIRE = /^\/q(\/|$)/;
// On a cutting link, a page the network has not answered within this time comes from the cache.
const PATIENCE = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(STATIC)
      .then((c) => c.add(MODULE))
      .catch(() => {})
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith("jalon-") && name !== PAGES && name !== STATIC)
          await caches.delete(name);
      await prune();
      await self.clients.claim();
    })(),
  );
});

/** Drops the modules that neither this worker nor any kept page refers to any more. */
async function prune() {
  const pages = await caches.open(PAGES);
  const used = new Set([MODULE]);
  for (const key of await pages.keys()) {
    const text = await (await pages.match(key))?.text();
    for (const m of text?.matchAll(/\/static\/[\w.-]+\.js/g) ?? []) used.add(m[0]);
  }
  const assets = await caches.open(STATIC);
  for (const key of await assets.keys())
    if (!used.has(new URL(key.url).pathname)) await assets.delete(key);
}

// A page served without the worker (the first visit) asks to be kept.
self.addEventListener("message", (event) => {
  const path = event.data?.visited;
  if (typeof path === "string" && QUESTIONNAIRE.test(path))
    event.waitUntil(
      fetch(path, { credentials: "same-origin" })
        .then((r) => keep(path, r))
        .catch(() => {}),
    );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && url.pathname === "/logout")
    return event.respondWith(signOut(request));
  if (request.method !== "GET") return;
  if (request.mode === "navigate" && QUESTIONNAIRE.test(url.pathname))
    return event.respondWith(page(event, url));
  if (url.pathname.startsWith("/static/")) event.respondWith(asset(request));
});

/** Only a questionnaire shown in full is kept (not a redirect to sign in, not a refusal). */
async function keep(path, response) {
  if (!response.ok || response.redirected || response.type !== "basic" || path === "/q") return;
  await (await caches.open(PAGES)).put(path, response);
}

const offline = () =>
  new Response(OFFLINE_PAGE, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8" },
  });

async function cached(url) {
  const cache = await caches.open(PAGES);
  const options = { ignoreSearch: true, ignoreVary: true };
  const hit = await cache.match(url.pathname, options);
  if (hit || url.pathname !== "/q") return hit;
  // "/q" (the installed app's start) redirects to the respondent's questionnaire: the last one.
  const keys = await cache.keys();
  return keys.length ? cache.match(keys[keys.length - 1], options) : undefined;
}

/** Network first, the kept copy when the network fails or is too slow. */
async function page(event, url) {
  const network = fetch(event.request).then((response) => {
    event.waitUntil(keep(url.pathname, response.clone()).catch(() => {}));
    return response;
  });
  event.waitUntil(network.catch(() => {}));
  const slow = new Promise((done) => setTimeout(done, PATIENCE, "slow"));
  try {
    const first = await Promise.race([network, slow]);
    if (first !== "slow") return first;
    return (await cached(url)) ?? (await network);
  } catch {
    return (await cached(url)) ?? offline();
  }
}

/** The client modules carry their hash in their name: a kept copy is always right. */
async function asset(request) {
  const cache = await caches.open(STATIC);
  const hit = await cache.match(request, { ignoreVary: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** Signing out forgets the kept pages and what the signed-out owner left in IndexedDB. */
async function signOut(request) {
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const response = await fetch(request).catch(() => null);
  // Offline, the session is still open on the server: keep everything.
  if (!response) return offline();
  await caches.delete(PAGES);
  const owner = form?.get("owner");
  if (owner) await forget(String(owner));
  return response;
}

function forget(owner) {
  return new Promise((done) => {
    const open = indexedDB.open("jalon-questionnaire");
    // No database yet: nothing to forget, and none is made here.
    open.onupgradeneeded = () => open.transaction.abort();
    open.onerror = () => done();
    open.onsuccess = () => {
      const db = open.result;
      try {
        const t = db.transaction(["drafts", "outbox"], "readwrite");
        for (const name of ["drafts", "outbox"])
          t.objectStore(name).openCursor().onsuccess = (e) => {
            const cursor = e.target.result;
            if (!cursor) return;
            if (cursor.value?.owner === owner) cursor.delete();
            cursor.continue();
          };
        t.oncomplete = t.onabort = () => {
          db.close();
          done();
        };
      } catch {
        db.close();
        done();
      }
    };
  });
}
