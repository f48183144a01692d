// Instant filtering on /resources/: the filter links (plain pages that work without JavaScript)
// become two selects; the list filters as they change, and the address keeps the choice.
(() => {
  const nav = document.querySelector('[data-resource-filters]');
  if (!nav) return;
  const items = [...document.querySelectorAll('.resource')];
  const sections = [...document.querySelectorAll('[data-topic-section]')];
  const status = document.querySelector('.filter-status');
  const choices = (attr) => [...nav.querySelectorAll(`[${attr}]`)].map((a) => [a.getAttribute(attr), a.textContent]);

  const form = document.createElement('form');
  form.className = 'filter-form';
  form.setAttribute('aria-label', 'Filter resources');
  const select = (id, label, options) => {
    const wrap = document.createElement('div');
    const l = document.createElement('label');
    l.htmlFor = id;
    l.textContent = label;
    const s = document.createElement('select');
    s.id = id;
    s.append(new Option('All', ''));
    for (const [value, text] of options) s.append(new Option(text, value));
    wrap.append(l, s);
    form.append(wrap);
    return s;
  };
  const topic = select('filter-topic', 'Topic', choices('data-filter-topic'));
  const stakeholder = select('filter-stakeholder', 'Stakeholder', choices('data-filter-stakeholder'));
  form.addEventListener('submit', (event) => event.preventDefault());
  nav.hidden = true;
  nav.after(form);

  const params = new URLSearchParams(location.search);
  for (const [name, s] of [['topic', topic], ['stakeholder', stakeholder]]) {
    const value = params.get(name);
    if (value && [...s.options].some((o) => o.value === value)) s.value = value;
  }

  const apply = () => {
    let shown = 0;
    for (const item of items) {
      const match =
        (!topic.value || item.dataset.topic === topic.value) &&
        (!stakeholder.value || item.dataset.stakeholders.split(' ').includes(stakeholder.value));
      item.hidden = !match;
      if (match) shown++;
    }
    for (const section of sections) section.hidden = !section.querySelector('.resource:not([hidden])');
    const filtered = topic.value || stakeholder.value;
    status.textContent = filtered ? `Showing ${shown} of ${items.length} resources.` : '';
    const query = new URLSearchParams();
    if (topic.value) query.set('topic', topic.value);
    if (stakeholder.value) query.set('stakeholder', stakeholder.value);
    history.replaceState(null, '', filtered ? `?${query}` : location.pathname);
  };
  topic.addEventListener('change', apply);
  stakeholder.addEventListener('change', apply);
  apply();
})();
