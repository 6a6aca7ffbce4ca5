// Keyboard for a text box with a list of suggestion buttons under it: Down moves into the list, Up/Down move
// within it, Escape closes it, Enter in the box takes the first suggestion. (The skill picker has its own copy.)

export function wireSuggestions(input: HTMLInputElement, list: HTMLElement): void {
  input.addEventListener('keydown', (event) => {
    const first = list.hidden ? null : list.querySelector<HTMLButtonElement>('button');
    if (event.key === 'ArrowDown' && first) { event.preventDefault(); first.focus(); }
    if (event.key === 'Escape') list.hidden = true;
    if (event.key === 'Enter' && first) { event.preventDefault(); first.click(); }
  });
  list.addEventListener('keydown', (event) => {
    const buttons = [...list.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown') { event.preventDefault(); buttons[Math.min(at + 1, buttons.length - 1)]?.focus(); }
    if (event.key === 'ArrowUp') { event.preventDefault(); if (at <= 0) input.focus(); else buttons[at - 1]?.focus(); }
    if (event.key === 'Escape') { list.hidden = true; input.focus(); }
  });
}
