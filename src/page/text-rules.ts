/**
 * How a page's visible text is read, shared by the content script's DOM text index and the scan command
 * (src/cli), so both feed the core the same text for the same page. Pure: element and attribute names in,
 * decisions out; no DOM types, so Node code can use it too.
 *
 * The text of a page is a list of blocks joined with BLOCK_SEPARATOR. The core ends a block at a blank line
 * (or U+2029), so a match never spans two paragraphs; inside a block, inline elements (a, b, em, span, ...)
 * add no characters at all, so a headline split across `<a>`, `<b>` and `<em>` reads as one string.
 * All names are lowercase HTML local names (the DOM's `localName`; htmlparser2 reports them lowercased).
 *
 * What is not read: SKIPPED_ELEMENTS (whole subtrees), elements `hidesContent` says are hidden, and the
 * content of a closed `<details>` other than its `<summary>` (`isClosedDetails`).
 */

/** Joins blocks: a blank line, which the core treats as the end of a block. */
export const BLOCK_SEPARATOR = '\n\n';

/** What a `<br>` adds: a line break inside the block (the core folds it to a space when matching). */
export const LINE_BREAK = '\n';

/**
 * Elements whose whole subtree is never read.
 * - script, style, template, noscript: not rendered (noscript only shows with scripting off, and a content
 *   script runs only with scripting on).
 * - textarea, input, select, option, optgroup, datalist: form fields hold what the user types or picks;
 *   reading them would flag the user's own words, and highlights cannot be painted inside them.
 *   `button` is NOT skipped: its label is ordinary visible page text that nobody types.
 * - iframe, object, embed, frame, frameset, noframes, canvas, video, audio: their children are fallback
 *   content shown only when the embedded thing cannot be; a framed document is scanned on its own.
 * - head, title, meta, link, base: document metadata, not page text.
 * - svg `title` and `desc` are tooltips/descriptions that are never painted (HTML `title` lives in head).
 * - rp: ruby fallback parentheses, hidden wherever ruby is supported.
 */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'iframe',
  'object',
  'embed',
  'frame',
  'frameset',
  'noframes',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'desc',
  'rp',
]);

/**
 * Elements that start and end a block (browsers lay them out as blocks, list items, table parts or
 * captions). Elements not listed here, including custom elements, are inline, as in the browser's default
 * style sheet. On a live page the DOM index may also consult computed style; this list is the default.
 */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'plaintext',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'xmp',
]);

/** Elements whose whitespace is kept as written (white-space: pre in the default style sheet). */
export const PREFORMATTED_ELEMENTS: ReadonlySet<string> = new Set(['pre', 'listing', 'xmp', 'plaintext']);

/** The characters HTML treats as collapsible whitespace (NOT U+00A0, which renders as a space but never collapses). */
export function isHtmlWhitespace(char: string): boolean {
  return char === ' ' || char === '\n' || char === '\t' || char === '\r' || char === '\f';
}

export function isSkippedElement(localName: string): boolean {
  return SKIPPED_ELEMENTS.has(localName);
}

export function isBlockElement(localName: string): boolean {
  return BLOCK_ELEMENTS.has(localName);
}

/** Reads one attribute: its value, `''` for a bare attribute, or null/undefined when absent. */
export type AttributeReader = (name: string) => string | null | undefined;

/**
 * True when an element's own attributes hide it and its subtree from view:
 * - `hidden` (any value, including "until-found": that content is not painted until revealed);
 * - `contenteditable` other than "false": editable regions hold what the user writes (as with form fields);
 * - an inline style with `display: none`;
 * - a `dialog` without `open`.
 * `aria-hidden="true"` does NOT hide: it removes text from the accessibility tree only; sighted readers
 * still see it, and a claim a reader can see must be explained.
 */
export function hidesContent(localName: string, getAttribute: AttributeReader): boolean {
  if (getAttribute('hidden') != null) return true;
  const editable = getAttribute('contenteditable');
  if (editable != null && editable.trim().toLowerCase() !== 'false') return true;
  const style = getAttribute('style');
  if (style != null && styleHasDisplayNone(style)) return true;
  if (localName === 'dialog' && getAttribute('open') == null) return true;
  return false;
}

/**
 * True for a `<details>` element that is closed: only its `<summary>` child is rendered, the rest of its
 * content (text directly inside it included) is not painted until the reader opens it.
 */
export function isClosedDetails(localName: string, getAttribute: AttributeReader): boolean {
  return localName === 'details' && getAttribute('open') == null;
}

/**
 * Whether an inline style declares `display: none` (optionally `!important`). The last `display`
 * declaration wins, as in CSS. Splits on ';' instead of a regex so long attributes stay linear.
 */
export function styleHasDisplayNone(style: string): boolean {
  let displayNone = false;
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    if (declaration.slice(0, colon).trim().toLowerCase() !== 'display') continue;
    const value = declaration
      .slice(colon + 1)
      .replace(/!\s*important/i, '')
      .trim()
      .toLowerCase();
    displayNone = value === 'none';
  }
  return displayNone;
}
