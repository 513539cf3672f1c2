// The page's own words in OpsBot:Culture (PlaygroundText.resx, served by /playground/api/texts).
// Static labels in index.html name their key with data-text (textContent), data-text-placeholder or
// data-text-aria-label; scripts call text(key, ...args).
import { api } from './api.js';

let texts = {};
let numbers = new Intl.NumberFormat('en');

const attributes = { textPlaceholder: 'placeholder', textAriaLabel: 'aria-label' };

/** Loads the texts, sets <html lang> and fills in every labelled element of the page. */
export async function loadTexts() {
  const page = await api.texts();
  texts = page.texts;
  numbers = new Intl.NumberFormat(page.culture);
  document.documentElement.lang = page.culture;
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = text(node.dataset.text);
  for (const node of document.querySelectorAll('[data-text-placeholder], [data-text-aria-label]')) {
    for (const [key, attribute] of Object.entries(attributes)) {
      if (node.dataset[key]) node.setAttribute(attribute, text(node.dataset[key]));
    }
  }
}

/**
 * The text with {0}, {1}… filled in, numbers in the page's culture. A key the page does not have shows
 * itself with its arguments, so a typo (or texts that never loaded) is seen and the message is not lost.
 */
export function text(key, ...args) {
  const template = texts[key];
  if (template === undefined) return [key, ...args].join(' ');
  return template.replace(/\{(\d+)\}/g, (_, i) => {
    const arg = args[Number(i)];
    return typeof arg === 'number' ? numbers.format(arg) : String(arg ?? '');
  });
}

/** The page's culture, for dates and times the browser formats. */
export const culture = () => document.documentElement.lang;
