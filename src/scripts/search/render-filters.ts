/**
 * Fills a filter's fieldset (`<fieldset data-filter="kind" data-labels="{…}">`) with one checkbox per value, in
 * alphabetical order, each with the number of pages that have it. A chosen value missing from the index keeps
 * its checkbox so it can be unchecked. Returns false when the filter has no value at all.
 */
export function renderFilterValues(
  fieldset: HTMLFieldSetElement,
  counts: Record<string, number> | undefined,
  chosen: readonly string[],
): boolean {
  const doc = fieldset.ownerDocument;
  const name = fieldset.dataset.filter ?? '';
  const labels = readLabels(fieldset.dataset.labels);
  const values = [...new Set([...Object.keys(counts ?? {}), ...chosen])].sort((a, b) =>
    (labels[a] ?? a).localeCompare(labels[b] ?? b, 'en'),
  );
  const list = fieldset.querySelector('ul') ?? fieldset.appendChild(doc.createElement('ul'));
  list.className = values.length > 8 ? 'filter-values many' : 'filter-values';
  list.replaceChildren(
    ...values.map((value) => {
      const item = doc.createElement('li');
      const label = doc.createElement('label');
      const input = doc.createElement('input');
      input.type = 'checkbox';
      input.name = name;
      input.value = value;
      input.checked = chosen.includes(value);
      const text = doc.createElement('span');
      text.textContent = labels[value] ?? value;
      const count = doc.createElement('span');
      count.className = 'filter-count';
      label.append(input, ' ', text, ' ', count);
      item.append(label);
      return item;
    }),
  );
  updateFilterCounts(fieldset, counts ?? {});
  return values.length > 0;
}

/**
 * Sets each value's count (`(3)`) from a Pagefind filter count, 0 when the value is missing; 0 is dimmed.
 * Without counts for the filter (its index not loaded), no count is shown.
 */
export function updateFilterCounts(fieldset: HTMLFieldSetElement, counts: Record<string, number> | undefined): void {
  for (const input of fieldset.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    const value = counts === undefined ? undefined : (counts[input.value] ?? 0);
    const count = input.parentElement?.querySelector('.filter-count');
    if (count) count.textContent = value === undefined ? '' : `(${value.toLocaleString('en-US')})`;
    input.closest('li')?.classList.toggle('none', value === 0);
  }
}

function readLabels(json: string | undefined): Record<string, string> {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}
