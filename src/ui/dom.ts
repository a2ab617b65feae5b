/** Small DOM helpers for the extension's own pages. Text is always set with textContent, never parsed. */
import { dirOf, type UiLang } from './lang';

export type Attrs = Record<string, string>;

export type ElementBuilder = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs,
  content?: string,
) => HTMLElementTagNameMap[K];

export function elementBuilder(doc: Document): ElementBuilder {
  return (tag, attrs = {}, content) => {
    const el = doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    if (content !== undefined) el.textContent = content;
    return el;
  };
}

/** Sets a page's language, direction and title. */
export function applyDocumentLang(doc: Document, lang: UiLang, title: string): void {
  doc.documentElement.lang = lang;
  doc.documentElement.dir = dirOf(lang);
  doc.title = title;
}
