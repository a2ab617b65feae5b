/**
 * Story cards: X shows a Grok-written story as a card (headline, summary, a disclaimer label such as "This
 * story is a summary of posts on X..."). The label text decides that a card is Grok's; site structure only
 * narrows how far up we look. A card becomes ONE `grok-summary` finding covering its headline and summary.
 *
 * The card container is found by walking up from the label while the ancestor's text stays small and holds
 * no other story's label. `[data-testid="trend"]`, `[data-testid="cellInnerDiv"]` (X's list cells) and
 * `article` stop the walk: a card never extends past them.
 */
import type { Finding } from '../core/types';
import { readBlocks } from './stream-reader';
import { trimSpan, type TextBlock } from './text-index';

/** A card's text stays under this many characters; a bigger ancestor is a page section, not a card. */
export const CARD_TEXT_LIMIT = 1500;

/** Characters besides the label a card's label block may hold (a "Learn more" link, a separator dot). */
const LABEL_EXTRA_LIMIT = 16;

/** Words a block needs to count as summary text (shorter ones are meta lines: "Trending now · 5K posts"). */
const SUMMARY_MIN_WORDS = 6;

const BOUNDARY_SELECTOR = '[data-testid="trend"], [data-testid="cellInnerDiv"], article, [role="article"]';
const QUOTING_SELECTOR = 'blockquote, q, cite, figcaption';
const HEADING_SELECTOR = 'h1, h2, h3, [role="heading"]';
const QUOTE_MARKS = /["“”„«»'‘’‚״׳]/;

export interface BlockSpan {
  block: TextBlock;
  start: number;
  end: number;
}

export interface StoryCard {
  element: Element;
  headline: BlockSpan;
  summary: BlockSpan[];
}

/**
 * Whether a label finding stands alone in its block, as X's disclaimer does. A label quoted inside a
 * sentence, in quote marks or in a blockquote/caption is someone writing about the label, not a card.
 */
export function isStandaloneLabel(block: TextBlock, finding: Finding): boolean {
  if (finding.why.rule !== 'label') return false;
  const rest = (block.text.slice(0, finding.start) + block.text.slice(finding.end)).replace(/\s+/g, '');
  if (rest.length > LABEL_EXTRA_LIMIT || QUOTE_MARKS.test(rest)) return false;
  return block.container.closest(QUOTING_SELECTOR) === null;
}

/** The length of the text under `element`, counted up to `cap` + 1 (stops there). */
export function textLength(element: Element, cap: number): number {
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  let total = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    total += (node as Text).data.trim().length;
    if (total > cap) return cap + 1;
  }
  return total;
}

/** Words with a letter in them ("·", "4", "12K" do not count). */
function letterWords(text: string): number {
  let count = 0;
  for (const word of text.split(/\s+/)) if (/\p{L}/u.test(word)) count++;
  return count;
}

/** A card's meta line ("Trending now · World news", "Sports · 2 hours ago") is not its headline. */
function isMetaLine(text: string): boolean {
  return /[·•]/.test(text) || letterWords(text) < 2;
}

/** Summary text is sentences: "Trending now · Last updated 4 hours ago" and "12K posts" are not. */
function isSummaryText(text: string): boolean {
  const words = letterWords(text);
  return words >= SUMMARY_MIN_WORDS && (/[.!?…]/.test(text) || words >= 10);
}

function hasLetter(text: string): boolean {
  return /\p{L}/u.test(text);
}

function spanOf(block: TextBlock): BlockSpan {
  const [start, end] = trimSpan(block.text, 0, block.text.length);
  return { block, start, end };
}

/** Text a card needs besides its label: a headline at least. */
const MIN_OTHER_TEXT = 12;
/** How much text a headline outside the label's wrapper may add when we step out to include it. */
const HEADLINE_REACH = 300;

function holdsHeading(element: Element, label: Element): boolean {
  for (const heading of element.querySelectorAll(HEADING_SELECTOR)) if (!heading.contains(label)) return true;
  return false;
}

/**
 * The story card around a standalone label, or null when the label is not part of a card. The card is the
 * smallest ancestor of the label holding other text (stopping at X's list cells, trends and articles, at
 * the size limit and before an ancestor holding another story's label); if it has no heading but its parent
 * adds little more than one, the card reaches out to include it. `otherLabels` are the containers of the
 * page's other standalone labels.
 */
export function findStoryCard(labelBlock: TextBlock, otherLabels: readonly Element[]): StoryCard | null {
  const start = labelBlock.container;
  const document = start.ownerDocument;
  const isPageLevel = (element: Element): boolean => element === document.body || element === document.documentElement;
  const holdsOtherLabel = (element: Element): boolean => otherLabels.some((other) => other !== start && element.contains(other));
  const labelLength = textLength(start, CARD_TEXT_LIMIT);

  let card: Element | null = null;
  let cardLength = 0;
  for (let element: Element | null = start; element !== null && !isPageLevel(element); element = element.parentElement) {
    if (element !== start && holdsOtherLabel(element)) break;
    const length = textLength(element, CARD_TEXT_LIMIT);
    if (length > CARD_TEXT_LIMIT) break;
    if (length - labelLength >= MIN_OTHER_TEXT) {
      card = element;
      cardLength = length;
      break;
    }
    if (element.matches(BOUNDARY_SELECTOR)) break;
  }
  if (card === null) return null;

  // Headline, then a wrapper around summary and label: step out (twice at most) to take the headline in.
  if (!holdsHeading(card, start)) {
    let current = card;
    let currentLength = cardLength;
    for (let step = 0; step < 2 && !current.matches(BOUNDARY_SELECTOR); step++) {
      const parent = current.parentElement;
      if (parent === null || isPageLevel(parent) || holdsOtherLabel(parent)) break;
      const length = textLength(parent, CARD_TEXT_LIMIT);
      if (length > CARD_TEXT_LIMIT || length - currentLength > HEADLINE_REACH) break;
      if (holdsHeading(parent, start)) {
        card = parent;
        break;
      }
      current = parent;
      currentLength = length;
    }
  }

  const element = card;
  const labelNode = labelBlock.nodes[0];
  const blocks = readBlocks(element).filter((block) => !block.nodes.includes(labelNode as Text) && hasLetter(block.text));
  const inHeading = (block: TextBlock): boolean => {
    const holder = block.container.closest(HEADING_SELECTOR) ?? block.nodes[0]?.parentElement?.closest(HEADING_SELECTOR);
    return holder != null && element.contains(holder);
  };
  const headline = blocks.find(inHeading) ?? blocks.find((block) => !isMetaLine(block.text)) ?? blocks[0];
  if (headline === undefined) return null;
  const summary = blocks.filter((block) => block !== headline && isSummaryText(block.text)).map(spanOf);
  return { element, headline: spanOf(headline), summary };
}
