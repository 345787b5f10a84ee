// The prerendered home and catalogue frame: a template that scripts/post-build.mjs fills with their markup
// (texts from src/i18n/id.rs) and writes as ppid-portal-prerender-<hash>.js, which the boot script imports on
// those two paths only. `show` puts a page into the boot shell; when the app removes the shell (app::mount),
// a citizen who began here goes on where they were: focus moves to the app's same element (the same id, or
// the same link and text), and what they typed in the search box is typed into the app's.

/** The markup of each page, by name. */
const PAGES = {}; // ppid:pages
/** An announcement's texts from src/i18n/id.rs: [label, hazard, affected, instructions, source, dismiss]. */
const ANNOUNCEMENT = []; // ppid:announcement

/** How long the page waits for the serta-merta alerts, to be painted with them rather than pushed down. */
const ALERT_WAIT_MS = 700;

export async function show(boot, page) {
  if (!Object.hasOwn(PAGES, page) || !boot.isConnected) return false;
  const config = fetch(new URL('config.json', globalThis.ppidRoot)).then(async (res) => ({ status: res.status, body: await res.text() }));
  globalThis.ppidConfig = config.catch(() => null);
  const alerts = announce(config).catch(() => null);
  globalThis.ppidAnnouncements = alerts.then((a) => a?.answer ?? null);
  const early = await Promise.race([alerts, new Promise((late) => setTimeout(late, ALERT_WAIT_MS))]);
  if (!boot.isConnected) return false;
  boot.innerHTML = PAGES[page];
  boot.setAttribute('data-prerendered', '');
  // An alert that comes late is still drawn at once: it warns of danger to life.
  const place = (a) => boot.isConnected && boot.querySelector('main')?.before(...(a?.sections ?? []));
  if (early) place(early);
  else alerts.then(place);
  let focused = null;
  boot.addEventListener('focusin', (event) => (focused = event.target));
  boot.addEventListener('focusout', (event) => event.relatedTarget && !boot.contains(event.relatedTarget) && (focused = null));
  // Delivered after the task that removed the shell, which drew the app's page too; the timeout lets the
  // page's first effects run (the search box follows the URL) before the typed text goes in.
  new MutationObserver((_, observer) => {
    if (boot.isConnected) return;
    observer.disconnect();
    setTimeout(() => handOver(boot, focused));
  }).observe(document.body, { childList: true });
  return true;
}

function handOver(boot, focused) {
  const typed = boot.querySelector('#search-q')?.value;
  const input = document.getElementById('search-q');
  if (typed && input) {
    input.value = typed;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  if (!focused) return;
  const same = focused.id
    ? document.getElementById(focused.id)
    : [...document.querySelectorAll(focused.tagName)].find((e) => e.href === focused.href && e.textContent === focused.textContent);
  same?.focus();
}

/**
 * Serta-merta announcements (UU KIP Pasal 10) warn of danger to life: the page's most urgent text, and
 * its largest. Asked of the backend as the app asks (config.json's `api_base`, from the portal's root)
 * while the bundle downloads, and drawn as the app draws them (components::announcements), as text only;
 * the answer is handed to the app (`ppidAnnouncements`, api::early_announcements), which draws the same
 * sections over these. The demo backend runs in the bundle: nothing is asked before it.
 * `configAnswer`: config.json's answer, also handed to the app (`ppidConfig`, api::load_config).
 * Resolves to the backend's answer and the sections to draw, or null.
 */
async function announce(configAnswer) {
  const root = globalThis.ppidRoot;
  const config = JSON.parse((await configAnswer).body);
  const base = typeof config.api_base === 'string' ? config.api_base.trim() : '';
  if (!base || base === 'demo' || (location.protocol === 'https:' && /^http:/i.test(base))) return null;
  const res = await fetch(`${new URL(base, root).href.replace(/\/+$/, '')}/v1/announcements`, {
    headers: { Accept: 'application/json, application/problem+json' },
  });
  const answer = { status: res.status, body: await res.text() };
  const list = res.ok ? JSON.parse(answer.body).announcements : null;
  let dismissed = [];
  try { dismissed = (localStorage.getItem('ppid.dismissed') ?? '').split('\n'); } catch {}
  const [label, ...rows] = ANNOUNCEMENT;
  const dismiss = rows.pop();
  const el = (tag, props, ...children) => {
    const e = Object.assign(document.createElement(tag), props);
    e.append(...children);
    return e;
  };
  const sections = [];
  for (const a of Array.isArray(list) ? list : []) {
    const texts = ['id', 'title', 'hazard', 'affected', 'instructions', 'source'].map((k) => a?.[k]);
    if (!texts.every((v) => typeof v === 'string') || dismissed.includes(a.id)) continue;
    const [id, title, ...values] = texts;
    const heading = `alert-${id.replace(/[^A-Za-z0-9]/g, '')}`;
    const close = el('button', { type: 'button', className: 'button secondary' }, dismiss);
    const section = el('section', { className: 'announcement' },
      el('p', { className: 'announcement-label' }, label),
      el('h2', { id: heading }, title),
      el('dl', {}, ...rows.map((row, i) => el('div', { className: 'row' }, el('dt', {}, row), el('dd', {}, values[i])))),
      close);
    section.setAttribute('aria-labelledby', heading);
    close.onclick = () => {
      try { localStorage.setItem('ppid.dismissed', [...dismissed, id].slice(-20).join('\n')); } catch {}
      dismissed.push(id);
      section.remove();
      document.getElementById('main')?.focus();
    };
    sections.push(section);
  }
  return { answer, sections };
}
