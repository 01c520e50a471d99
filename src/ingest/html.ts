import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { countWarning, isoDate, normalizeSpace, SourceError, type Found } from './found.ts';

/**
 * A web page's article as paragraphs, with the page's own metadata. linkedom, not jsdom: the 18 test
 * pages go through about eight times faster (README, "Adding and removing reports").
 */
export function extractHtml(html: string, pageUrl?: string): Found {
  return extractArticle(parseHTML(html).document, pageUrl);
}

/**
 * Readability's article, or null. Readability throws on what is not a whole page (an empty file,
 * a fragment without a body: "Cannot read properties of null"), which is no article either.
 */
function readArticle(document: Document): ReturnType<Readability<Node>['parse']> {
  try {
    return new Readability(document, { keepClasses: true, serializer: (node) => node }).parse();
  } catch {
    return null;
  }
}

/** Same, from a parsed document (any DOM: the timing script also runs it over jsdom). Mutates it. */
export function extractArticle(document: Document, pageUrl?: string): Found {
  const meta = pageMetadata(document, pageUrl);
  // Readability turns some divs into paragraphs without their classes, so adverts, share and
  // "related" blocks go first. Not bylines (Readability finds the author in them), nor captions
  // and empty icon links: Readability weighs a block's captions and images, and they leave a figure.
  for (const element of [...document.querySelectorAll('[class], [id], [aria-label]')]) {
    if (element.textContent?.trim() && hasFurnitureName(element, PRUNED_WORD)) element.remove();
  }
  // Readability makes a paragraph of each run of text between comments: "A version of this
  // article appears in print on <!-- -->, on Page <!-- -->A<!-- -->22" came out as five.
  removeComments(document);
  // keepClasses: the furniture filter below reads class names ("advert", "share", "caption").
  const article = readArticle(document);
  const content = article?.content as Element | null | undefined;
  if (!article || !content) throw new SourceError('no article found on this page');

  const title = meta.title ?? clean(article.title);
  const author = meta.author ?? authorName(article.byline);
  const blocks = blocksOf(content);
  let navigation = 0;
  let furniture = 0;
  let labels = 0;
  const paragraphs: string[] = [];
  for (const block of blocks) {
    if (isNavigation(block)) navigation++;
    else if (isFurniture(block.text, title, author)) furniture++;
    else if (isLabel(block.text)) labels++;
    else paragraphs.push(block.text);
  }
  if (paragraphs.join(' ').length < MIN_ARTICLE_CHARS) throw new SourceError('no article found on this page (too little text outside navigation)');

  const found: Found = { paragraphs, warnings: [...countWarning(navigation, 'left out as navigation'), ...countWarning(furniture, 'left out as page furniture (byline, share links, adverts, copyright)'), ...countWarning(labels, 'left out as labels (a few words, no sentence)')] };
  const outlet = meta.outlet ?? clean(article.siteName);
  const published = meta.published ?? isoDate(article.publishedTime ?? undefined);
  if (title) found.title = title;
  if (author) found.author = author;
  if (outlet) found.outlet = outlet;
  if (published) found.published = published;
  if (meta.url) found.url = meta.url;
  return found;
}

/** Less text than this is not an article (an index page, an error page). */
const MIN_ARTICLE_CHARS = 200;

type Metadata = Pick<Found, 'title' | 'author' | 'outlet' | 'published' | 'url'>;

/** JSON-LD NewsArticle/Article first, then OpenGraph and <meta>; Readability's own come after. */
function pageMetadata(document: Document, pageUrl: string | undefined): Metadata {
  const ld = jsonLdArticle(document);
  const metaTag = (key: string) => clean(document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content'));
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaTag('og:url') ?? (typeof ld?.['url'] === 'string' ? ld['url'] : undefined);
  return {
    title: clean(text(ld?.['headline'])) ?? metaTag('og:title'),
    author: names(ld?.['author']) ?? authorName(metaTag('author')),
    outlet: names(ld?.['publisher']) ?? metaTag('og:site_name'),
    published: isoDate(text(ld?.['datePublished'])) ?? isoDate(metaTag('article:published_time')),
    url: absoluteHttpUrl(canonical, pageUrl),
  };
}

const ARTICLE_TYPE = /(?:^|[^a-z])(?:\w*Article|BlogPosting)$/i;

function jsonLdArticle(document: Document): Record<string, unknown> | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      // Some sites wrap it in CDATA, as XHTML wanted.
      data = JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    const found = flattenLd(data).find((node) => [node['@type']].flat().some((type) => typeof type === 'string' && ARTICLE_TYPE.test(type)));
    if (found) return found;
  }
  return undefined;
}

function flattenLd(data: unknown): Record<string, unknown>[] {
  if (Array.isArray(data)) return data.flatMap(flattenLd);
  if (!data || typeof data !== 'object') return [];
  const node = data as Record<string, unknown>;
  return [node, ...flattenLd(node['@graph'])];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A JSON-LD person or organisation, or a list of them: their names, joined. */
function names(value: unknown): string | undefined {
  const list = [value].flat().map((item) => authorName(typeof item === 'string' ? item : text((item as Record<string, unknown> | null)?.['name'])));
  const kept = list.filter((name): name is string => name !== undefined);
  return kept.length ? kept.join(', ') : undefined;
}

/** A byline as a name: "By Jane Roe" -> "Jane Roe"; a date or a link is not a name. */
function authorName(value: string | null | undefined): string | undefined {
  const name = clean(value)?.replace(/^by\s+/i, '');
  if (!name || name.length > 100 || /^https?:/.test(name) || /\d{4}/.test(name)) return undefined;
  return name;
}

function clean(value: string | null | undefined): string | undefined {
  const cleaned = value ? normalizeSpace(value) : '';
  return cleaned || undefined;
}

function absoluteHttpUrl(href: string | undefined, base: string | undefined): string | undefined {
  try {
    const url = href ? new URL(href, base) : base ? new URL(base) : undefined;
    return url && /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

interface Block {
  text: string;
  /** How much of the text is inside links. */
  linked: number;
}

/** Elements that start and end a paragraph. */
const BLOCK_TAGS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DETAILS DIV DL DT FIELDSET FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TFOOT THEAD TR UL'.split(' '),
);
/** Never article text. */
const SKIPPED_TAGS = new Set('ASIDE BUTTON FIGCAPTION FIGURE FOOTER FORM IFRAME NAV NOSCRIPT SCRIPT STYLE SVG TEMPLATE'.split(' '));
/** Class, id and aria-label words of page furniture: adverts, share and social links, related stories, captions. */
const FURNITURE_WORD = /^(?:ad|ads|advert|adverts|advertisement|advertising|sponsor|sponsored|promo|share|sharing|social|related|newsletter|cookie|cookies|consent|caption|credit|byline|copyright|outbrain|taboola)$/i;

const MAX_FURNITURE_CHARS = 600;

function isFurnitureElement(element: Element): boolean {
  return SKIPPED_TAGS.has(element.tagName) || hasFurnitureName(element);
}

/** What is taken out before Readability runs (see extractArticle). */
const PRUNED_WORD = /^(?:ad|ads|advert|adverts|advertisement|advertising|sponsor|sponsored|promo|share|sharing|social|related|newsletter|cookie|cookies|consent|outbrain|taboola)$/i;

function hasFurnitureName(element: Element, furniture = FURNITURE_WORD): boolean {
  // Furniture is small: a long block with such a class ("no_caption") is the article itself.
  if ((element.textContent ?? '').length > MAX_FURNITURE_CHARS) return false;
  const names = [element.getAttribute('class'), element.getAttribute('id'), element.getAttribute('aria-label')].join(' ').split(/\s+/);
  // "no_caption", "no-ads": a name that says the thing is absent.
  return names.some((name) => !/^no[_-]/i.test(name) && name.split(/[_-]+/).some((word) => furniture.test(word)));
}

/** The text of each block element, in document order, with how much of it is link text. */
function blocksOf(root: Element): Block[] {
  const blocks: Block[] = [];
  let current = '';
  let linked = 0;
  const flush = () => {
    const text = normalizeSpace(current);
    if (text) blocks.push({ text, linked: Math.min(linked, text.length) });
    current = '';
    linked = 0;
  };
  const visit = (node: Node, inLink: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.textContent ?? '';
      current += value;
      if (inLink) linked += normalizeSpace(value).length;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    if (isFurnitureElement(element)) return;
    if (element.tagName === 'BR') current += ' ';
    const block = BLOCK_TAGS.has(element.tagName);
    if (block) flush();
    for (const child of element.childNodes) visit(child, inLink || element.tagName === 'A');
    if (block) flush();
    else if (element.tagName === 'TD' || element.tagName === 'TH') current += ' ';
  };
  visit(root, false);
  flush();
  return blocks;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const COMMENT_NODE = 8;

function removeComments(node: Node): void {
  for (const child of [...node.childNodes]) {
    if (child.nodeType === COMMENT_NODE) child.parentNode?.removeChild(child);
    else if (child.nodeType === ELEMENT_NODE) removeComments(child);
  }
}

/**
 * A section label, a widget's caption or a short subhead ("Biz & IT —", "Facebook", "About the
 * Author", "$7/month"): too short to quote as evidence, and a one-word match would make it the
 * best passage for any question with that word.
 */
export function isLabel(text: string): boolean {
  return (text.match(WORDS) ?? []).length < 4 && !SENTENCE_END.test(text);
}

const WORDS = /[\p{L}\p{N}]+/gu;
const SENTENCE_END = /[.!?]["'”’)]*$/;

/** A short block that is all (or nearly all) links: a menu, a list of other stories. */
function isNavigation(block: Block): boolean {
  return block.linked >= 0.8 * block.text.length && block.text.length < 200;
}

const FURNITURE_TEXT = [
  /^(?:advertisement|advert|sponsored(?: content)?|story continues below(?: advertisement)?|ad)$/i,
  /^(?:share|tweet|email|print|follow)(?: this(?: article| story)?| on \w+| us)?\b.{0,40}$/i,
  /^(?:related(?: stories| articles| content| coverage)?|read more|more from|see also|recommended(?: for you)?|most (?:read|popular))\b.{0,60}$/i,
  /^(?:©|\(c\)|copyright\b).{0,200}$/i,
  /all rights reserved\.?$/i,
  // The print edition's note, a reprint's, a contributor's line, a date line after the outlet's name.
  /^a version of this (?:article|story) appears in print\b/i,
  /^this (?:article|story) (?:was|is|first) (?:originally )?(?:re)?(?:printed|published|appeared)\b/i,
  /\bcontributed (?:reporting )?to this (?:report|article|story)\.?$/i,
  /^.{0,40}\bfirst published\b.{0,60}$/i,
];

/** A byline line, the headline repeated, share links, "related stories", the copyright footer. */
function isFurniture(text: string, title: string | undefined, author: string | undefined): boolean {
  if (title && text === title) return true;
  if (/^by\s+\S/i.test(text) && text.length < 80 && (!author || text.toLowerCase().includes(author.toLowerCase().split(/[ ,]/)[0]!))) return true;
  if (author && text.length < 80 && text.toLowerCase() === author.toLowerCase()) return true;
  return text.length < 250 && (FURNITURE_TEXT.some((pattern) => pattern.test(text)) || isDateLine(text));
}

/** "Published March 5, 2024", "Updated 5 March 2024 at 08:00": the page's date line, not text. */
function isDateLine(text: string): boolean {
  const date = text.replace(/^(?:(?:first )?published|updated|last updated|posted)\s*:?\s*(?:on\s+)?/i, '').replace(/,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}.*$/i, '');
  return DATE_LINE.test(date);
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
/** A date alone: "March 5, 2024", "Tuesday 5 March 2024", "2024-03-05". */
const DATE_LINE = new RegExp(`^(?:[A-Z][a-z]+day,? )?(?:\\d{1,2} ${MONTH}|${MONTH} \\d{1,2}(?:st|nd|rd|th)?,?) \\d{4}$|^\\d{4}-\\d{2}-\\d{2}$`);
