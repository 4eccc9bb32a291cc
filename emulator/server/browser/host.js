// The local host page: switching module, user or space reloads the page for that view, and the
// iframe's bridge hands page-level effects (flags, window title) here, as Confluence's host does.
(() => {
  const form = document.querySelector('form.switcher');
  // A problem page (no such view) has no switcher and no module: nothing to wire up.
  if (!form) return;
  // Another user may not see the space shown: let the page pick one they can see.
  form.addEventListener('change', (event) => {
    if (event.target.name === 'user') form.elements.space.disabled = true;
    form.submit();
  });

  const flags = document.getElementById('flags');
  const baseTitle = document.title;

  function showFlag({ id, title, description, type = 'info' }) {
    closeFlag({ id });
    const flag = document.createElement('div');
    flag.className = `flag flag-${type}`;
    flag.dataset.id = String(id);
    flag.setAttribute('role', type === 'error' || type === 'warning' ? 'alert' : 'status');
    const text = document.createElement('div');
    const heading = document.createElement('strong');
    heading.textContent = title ?? '';
    text.append(heading);
    if (description) {
      const body = document.createElement('p');
      body.textContent = description;
      text.append(body);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'flag-close';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '×';
    close.addEventListener('click', () => flag.remove());
    flag.append(text, close);
    flags.append(flag);
    // Confluence dismisses informational flags after a while; errors and warnings stay.
    if (type === 'info' || type === 'success') setTimeout(() => flag.remove(), 8000);
  }

  function closeFlag({ id }) {
    for (const flag of flags.querySelectorAll('.flag')) if (flag.dataset.id === String(id)) flag.remove();
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== location.origin || event.data?.source !== 'forge-local-bridge') return;
    const { call, payload } = event.data;
    if (call === 'showFlag') showFlag(payload);
    if (call === 'closeFlag') closeFlag(payload);
    if (call === 'changeWindowTitle') document.title = `${payload} · ${baseTitle}`;
  });
})();
