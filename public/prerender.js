// The prerendered home and catalogue frame: a template that scripts/post-build.mjs fills with their markup
// (texts from src/i18n/id.rs) and writes as ppid-portal-prerender-<hash>.js, which the boot script imports on
// those two paths only. `show` puts a page into the boot shell; when the app removes the shell (app::mount),
// a citizen who began here goes on where they were: focus moves to the app's same element (the same id, or
// the same link and text), and what they typed in the search box is typed into the app's.

/** The markup of each page, by name. */
const PAGES = {}; // ppid:pages

export function show(boot, page) {
  if (!Object.hasOwn(PAGES, page) || !boot.isConnected) return false;
  boot.innerHTML = PAGES[page];
  boot.setAttribute('data-prerendered', '');
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
