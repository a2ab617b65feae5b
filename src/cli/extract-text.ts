/**
 * Reads the visible text of a saved HTML page the way the content script reads a live one (rules in
 * src/page/text-rules.ts): skipped and hidden subtrees contribute nothing, inline markup adds no characters,
 * blocks are joined with a blank line, and whitespace collapses as a browser renders normal text.
 * Uses htmlparser2's streaming Parser, so no DOM is built and large pages stay cheap.
 */
import { Parser } from 'htmlparser2';
import {
  BLOCK_SEPARATOR,
  LINE_BREAK,
  PREFORMATTED_ELEMENTS,
  hidesContent,
  isBlockElement,
  isClosedDetails,
  isHtmlWhitespace,
  isSkippedElement,
} from '../page/text-rules';

export interface ExtractedText {
  /** The blocks joined with BLOCK_SEPARATOR: the text handed to the core; finding offsets point into it. */
  text: string;
  /** The visible blocks, in document order, none empty. */
  blocks: string[];
}

export interface ExtractOptions {
  /**
   * The page is XHTML (.xhtml): honour `<tag/>` self-closing syntax and CDATA text as an XML parser would,
   * while keeping HTML's named entities and raw-text elements.
   */
  xhtml?: boolean;
}

interface Frame {
  name: string;
  /** This element or an ancestor is skipped or hidden: nothing inside is read. */
  hidden: boolean;
  /** This element or an ancestor keeps whitespace as written. */
  pre: boolean;
  block: boolean;
  /** A closed <details>: its children other than <summary>, and its own text, are not rendered. */
  closedDetails: boolean;
}

const WHITESPACE_RUNS = /[ \t\n\r\f]+/g;

const ROOT: Frame = { name: '#root', hidden: false, pre: false, block: true, closedDetails: false };

/** Extracts the visible text blocks of an HTML document. Never throws on malformed markup. */
export function extractText(html: string, options: ExtractOptions = {}): ExtractedText {
  const blocks: string[] = [];
  const stack: Frame[] = [ROOT];
  let current = '';
  // A collapsed whitespace run seen since the last visible character; written only if more text follows
  // in the same block, so blocks never start or end with a space (as in rendered text).
  let pendingSpace = false;
  // The HTML parser drops one newline right after a <pre> start tag.
  let afterPreStart = false;

  const top = (): Frame => stack[stack.length - 1] ?? ROOT;

  const flush = (): void => {
    pendingSpace = false;
    afterPreStart = false;
    const block = trimBlock(current);
    current = '';
    if (block.length > 0) blocks.push(block);
  };

  const appendCollapsed = (data: string): void => {
    // Native replace keeps this linear and fast; only ASCII whitespace collapses (not U+00A0).
    const collapsed = data.replace(WHITESPACE_RUNS, ' ');
    const leading = collapsed.startsWith(' ');
    const trailing = collapsed.length > 1 && collapsed.endsWith(' ');
    const words = collapsed.slice(leading ? 1 : 0, trailing ? -1 : undefined);
    // Whitespace at the start of a block or of a line (after <br>) collapses away entirely.
    if (leading && current.length > 0 && !current.endsWith(LINE_BREAK)) pendingSpace = true;
    if (words.length > 0) {
      if (pendingSpace) current += ' ';
      current += words;
      pendingSpace = trailing;
    }
  };

  // One attribute reader for the element being opened, so no closure is made per element.
  let openingAttributes: Record<string, string> = {};
  const getAttribute = (attribute: string): string | undefined =>
    Object.hasOwn(openingAttributes, attribute) ? openingAttributes[attribute] : undefined;

  const closeFrame = (frame: Frame): void => {
    if (!frame.hidden && frame.block) flush();
  };

  const parser = new Parser(
    {
      onopentag(rawName, attributes): void {
        const name = rawName.toLowerCase();
        const parent = top();
        openingAttributes = attributes;
        const hidden =
          parent.hidden ||
          (parent.closedDetails && name !== 'summary') ||
          (isSkippedElement(name) && !isDeclarativeShadowRoot(name, getAttribute)) ||
          hidesContent(name, getAttribute);
        const block = isBlockElement(name);
        const pre = parent.pre || PREFORMATTED_ELEMENTS.has(name);
        stack.push({ name, hidden, pre, block, closedDetails: isClosedDetails(name, getAttribute) });
        if (hidden) return;
        if (block) flush();
        if (name === 'br') {
          // A line break ends the line: whitespace before it is dropped, and so is whitespace after it.
          pendingSpace = false;
          if (current.length > 0) current += LINE_BREAK;
        }
        if (PREFORMATTED_ELEMENTS.has(name)) afterPreStart = true;
      },
      onclosetag(rawName): void {
        const name = rawName.toLowerCase();
        // htmlparser2 reports a close for every element it pops (implied ones too), innermost first, so the
        // match is normally on top; search down only to stay in step if that ever differs.
        for (let index = stack.length - 1; index > 0; index -= 1) {
          if (stack[index]?.name !== name) continue;
          while (stack.length > index) {
            const frame = stack.pop();
            if (frame) closeFrame(frame);
          }
          return;
        }
      },
      ontext(data): void {
        const frame = top();
        if (frame.hidden || frame.closedDetails) return;
        if (frame.pre) {
          let text = data;
          if (afterPreStart && current.length === 0 && text.startsWith('\n')) text = text.slice(1);
          afterPreStart = false;
          if (pendingSpace && text.length > 0) current += ' ';
          pendingSpace = false;
          current += text;
          return;
        }
        afterPreStart = false;
        appendCollapsed(data);
      },
      onend(): void {
        flush();
      },
    },
    {
      decodeEntities: true,
      lowerCaseTags: true,
      lowerCaseAttributeNames: true,
      recognizeSelfClosing: options.xhtml === true,
      recognizeCDATA: options.xhtml === true,
    },
  );
  // The HTML parser normalizes CR LF and lone CR to LF before tokenizing; do the same so <pre> text and
  // line-based offsets agree with the browser's.
  parser.end(normalizeNewlines(html));
  return { text: blocks.join(BLOCK_SEPARATOR), blocks };
}

/**
 * A `<template shadowrootmode>` (saved by tools that keep web components' shadow roots, or written by the
 * page's server): the browser makes it its parent's shadow root, shown in the page, not an inert template.
 */
function isDeclarativeShadowRoot(name: string, getAttribute: (attribute: string) => string | undefined): boolean {
  if (name !== 'template') return false;
  const mode = (getAttribute('shadowrootmode') ?? getAttribute('shadowroot'))?.toLowerCase();
  return mode === 'open' || mode === 'closed';
}

function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Trims whitespace at either end of a block (e.g. a <br> closing a paragraph, indentation inside <pre>). */
function trimBlock(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isHtmlWhitespace(text.charAt(start))) start += 1;
  while (end > start && isHtmlWhitespace(text.charAt(end - 1))) end -= 1;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
