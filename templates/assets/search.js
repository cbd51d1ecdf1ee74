// Search and filters for the home page, the only script the board ships.
// The page already lists every open posting; this shows the form and then
// hides, shows and reorders those same cards. Filters read each card's data
// attributes; the words typed are looked up in the Pagefind index (loaded on
// first use), whose `job` filter names the matching postings. The filter
// state lives in the address, so a view can be shared and Back undoes a step.

/** Query parameters in the order the address shows them; defaults are left out. */
const PARAMS = ['q', 'country', 'remote', 'type', 'tag', 'company', 'min', 'currency', 'salaried', 'sort'];
const TYPING_PAUSE_MS = 150;

function start(form, list) {
  const field = (name) => form.elements.namedItem(name);
  const cards = [...list.children].filter((item) => item.dataset.id).map(readCard);
  const status = document.getElementById('search-status');
  const empty = document.getElementById('search-empty');
  const filters = document.getElementById('search-filters');
  const activeCount = document.getElementById('search-active');
  const currencySelect = field('currency');
  const defaultCurrency = currencySelect?.querySelector('option[selected]')?.value ?? currencySelect?.value ?? '';
  const rates = new Map([...(currencySelect?.options ?? [])].map((option) => [option.value, Number(option.dataset.rate) || 0]));
  let order = cards;
  let typingIn = null;
  let runs = 0;
  let pause;

  const readForm = () => {
    const value = (name) => {
      const control = field(name);
      if (!control) return '';
      if (control.type === 'checkbox') return control.checked ? '1' : '';
      return control.value.trim();
    };
    const state = Object.fromEntries(PARAMS.map((name) => [name, value(name)]));
    if (!(Number(state.min) > 0)) state.min = '';
    return state;
  };

  const fillForm = (params) => {
    for (const name of PARAMS) {
      const control = field(name);
      if (!control) continue;
      const wanted = params.get(name) ?? '';
      if (control.type === 'checkbox') control.checked = wanted === '1';
      else if (control instanceof HTMLSelectElement) {
        const fallback = name === 'currency' ? defaultCurrency : '';
        control.value = [...control.options].some((option) => option.value === wanted) ? wanted : fallback;
      } else control.value = wanted;
    }
  };

  const addressOf = (state) => {
    const params = new URLSearchParams();
    for (const name of PARAMS) {
      const isDefault = state[name] === '' || (name === 'currency' && state[name] === defaultCurrency);
      if (!isDefault) params.set(name, state[name]);
    }
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  };

  // One history entry per change of a choice; typing into a box keeps replacing
  // the entry its first keystroke made, so Back leaves the box, not one letter.
  const remember = (state, source) => {
    const address = addressOf(state);
    if (address === `${location.pathname}${location.search}${location.hash}`) return;
    const replace = source !== null && source === typingIn;
    history[replace ? 'replaceState' : 'pushState'](null, '', address);
    typingIn = source;
  };

  const toYearlyIn = (card, currency) => {
    if (!card.salary) return null;
    if (card.salary.currency === currency) return card.salary.max;
    const from = rates.get(card.salary.currency);
    const to = rates.get(currency);
    return from && to ? (card.salary.max / from) * to : null;
  };

  const matchesFilters = (card, state) => {
    if (state.country === 'worldwide' ? !card.worldwide : state.country && !card.worldwide && !card.countries.includes(state.country)) return false;
    if (state.remote && card.remote !== state.remote) return false;
    if (state.type && card.type !== state.type) return false;
    if (state.tag && !card.tags.includes(state.tag)) return false;
    if (state.company && card.company !== state.company) return false;
    const yearly = toYearlyIn(card, state.currency);
    // A posting without a salary, or in a currency the table cannot convert, stays unless the reader hides it.
    if (yearly === null) return state.salaried !== '1' || (card.salary !== null && !state.min);
    return !state.min || yearly >= Number(state.min);
  };

  const show = (state, hits) => {
    const visible = cards.filter((card) => (hits === null || hits.has(card.id)) && matchesFilters(card, state));
    const shown = new Set(visible);
    for (const card of cards) card.item.hidden = !shown.has(card);
    const wanted = sortCards(cards, state, toYearlyIn);
    if (wanted.some((card, index) => card !== order[index])) {
      list.append(...wanted.map((card) => card.item));
      order = wanted;
    }
    const active = PARAMS.filter((name) => name !== 'q' && name !== 'currency' && state[name] !== '').length;
    if (activeCount) activeCount.textContent = active ? ` (${active})` : '';
    const filtered = state.q !== '' || visible.length !== cards.length || active > 0;
    if (status) status.textContent = filtered ? `${visible.length} of ${count(cards.length)}` : count(cards.length);
    if (empty) empty.hidden = visible.length > 0;
    list.hidden = visible.length === 0;
  };

  const apply = async () => {
    const run = ++runs;
    const state = readForm();
    const hits = state.q ? await findPostings(state.q, cards) : null;
    if (run === runs) show(state, hits);
  };

  const changed = (source, typing) => {
    remember(readForm(), typing ? source : null);
    clearTimeout(pause);
    if (typing) pause = setTimeout(apply, TYPING_PAUSE_MS);
    else apply();
  };

  form.addEventListener('input', (event) => {
    const target = event.target;
    const typing = target instanceof HTMLInputElement && (target.type === 'search' || target.type === 'number');
    changed(target.name, typing);
  });
  // Leaving a box ends its typing: the next words typed there get their own history entry.
  form.addEventListener('change', () => {
    typingIn = null;
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    typingIn = null;
    clearTimeout(pause);
    apply();
  });
  const clearAll = () => {
    fillForm(new URLSearchParams());
    changed(null, false);
  };
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    clearAll();
  });
  document.getElementById('search-clear')?.addEventListener('click', () => {
    clearAll();
    field('q')?.focus();
  });
  window.addEventListener('popstate', () => {
    typingIn = null;
    fillForm(new URLSearchParams(location.search));
    apply();
  });
  field('q')?.addEventListener('focus', () => loadPagefind().catch(() => {}), { once: true });

  fillForm(new URLSearchParams(location.search));
  const initial = readForm();
  const anyFilter = PARAMS.some((name) => name !== 'q' && name !== 'currency' && initial[name] !== '');
  if (filters && (anyFilter || matchMedia('(min-width: 60rem)').matches)) filters.open = true;
  form.hidden = false;
  document.getElementById('board')?.classList.add('board--search');
  if (PARAMS.some((name) => initial[name] !== '' && !(name === 'currency' && initial[name] === defaultCurrency))) apply();
}

function readCard(item) {
  const data = item.dataset;
  const [min, max, currency] = (data.salary ?? '').split(' ');
  const words = (text) => (text ?? '').split(' ').filter(Boolean);
  return {
    item,
    id: data.id,
    countries: words(data.countries),
    worldwide: 'worldwide' in data,
    remote: data.remote ?? '',
    type: data.type ?? '',
    tags: words(data.tags),
    company: data.company ?? '',
    salary: currency ? { min: Number(min), max: Number(max), currency } : null,
  };
}

/** Newest first is the order the page came in; by salary, the top of each range, highest first. */
function sortCards(cards, state, toYearlyIn) {
  if (state.sort !== 'salary') return cards;
  const keyed = cards.map((card, index) => ({ card, index, salary: toYearlyIn(card, state.currency) }));
  keyed.sort((a, b) => (b.salary ?? -1) - (a.salary ?? -1) || a.index - b.index);
  return keyed.map(({ card }) => card);
}

function count(n) {
  return `${n} open position${n === 1 ? '' : 's'}`;
}

let pagefind = null;

/**
 * The index comes in shards (src/render/search/plan-search-shards.ts), each a
 * Pagefind index of its own, named by the form; the first one's script is
 * loaded and the others are merged into it, filters and results alike.
 */
function loadPagefind() {
  pagefind ??= (async () => {
    const folders = (form?.dataset.indexes ?? '').split(' ').filter(Boolean);
    if (folders.length === 0) throw new Error('no search index');
    const siteRoot = new URL('../', import.meta.url);
    const [primary, ...others] = folders.map((folder) => new URL(`${folder}/`, siteRoot));
    const module = await import(new URL('pagefind.js', primary).href);
    for (const folder of others) await module.mergeIndex(folder.pathname);
    // Loads the `job` filter, so every search reports which postings it found.
    await module.filters();
    return module;
  })();
  return pagefind;
}

/** Ids of the postings the words find; without the index (a page opened from disk), the cards' own text. */
async function findPostings(query, cards) {
  try {
    const module = await loadPagefind();
    const found = await module.search(query);
    const counts = found?.filters?.job ?? {};
    return new Set(Object.keys(counts).filter((id) => counts[id] > 0));
  } catch {
    const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const textOf = (card) => (card.text ??= card.item.textContent.toLocaleLowerCase());
    return new Set(cards.filter((card) => words.every((word) => textOf(card).includes(word))).map((card) => card.id));
  }
}

const form = document.getElementById('job-search');
const list = document.querySelector('#search-results .job-list');
if (form instanceof HTMLFormElement && list) start(form, list);
