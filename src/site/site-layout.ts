/**
 * The frame of every page of the site: head (Content-Security-Policy, stylesheet, script), a skip
 * link, the header with the site navigation and the search box, and the footer; plus the link
 * helpers every page uses, all relative so the site works from `file://` and any static host.
 *
 * @internal
 * @module
 */
import { esc } from '../scoring/scorecard/_html.js';

/**
 * The site's Content-Security-Policy: nothing loads unless the site ships it (`'self'`), no inline
 * script or style, images only from the site or `data:` URLs. @internal
 */
export const SITE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'";

/** Where a page sits: at the root (`index.html`) or one folder down (`questions/x.html`). @internal */
export type PageDepth = 0 | 1;

/** The navigation entries of the header. @internal */
export type NavSection = 'home' | 'claims' | 'sources' | 'none';

/** A page's relative path from the site root to the page of a forecaster, question or source. @internal */
export const sitePath = {
  forecaster: (id: string): string => `forecasters/${encodeURIComponent(id)}.html`,
  question: (id: string): string => `questions/${encodeURIComponent(id)}.html`,
  source: (id: string): string => `sources/${encodeURIComponent(id)}.html`,
};

/** Builds links relative to a page at `depth`. @internal */
export interface Linker {
  /** The relative href of a path from the site root (e.g. `questions/x.html`). */
  href(path: string): string;
  /** An escaped `<a>` to a path from the site root. */
  a(path: string, text: string, attrs?: string): string;
}

/** The {@link Linker} of a page at `depth`. @internal */
export function linker(depth: PageDepth): Linker {
  const root = depth === 0 ? '' : '../';
  const href = (path: string) => `${root}${path}`;
  return { href, a: (path, text, attrs = '') => `<a href="${esc(href(path))}"${attrs ? ` ${attrs}` : ''}>${esc(text)}</a>` };
}

/** An external link (a source's URL, a piece of evidence): http(s) only, any other scheme is shown as text. @internal */
export function externalLink(url: string | undefined, text: string): string {
  if (!url || !/^https?:\/\//i.test(url)) return esc(text);
  return `<a href="${esc(url)}" rel="external noopener noreferrer">${esc(text)}</a>`;
}

/** Wraps a wide table so it scrolls sideways inside the page on a narrow screen. @internal */
export function scrollTable(label: string, tableHtml: string): string {
  return `<div class="table-wrap" role="region" aria-label="${esc(label)}" tabindex="0">${tableHtml}</div>`;
}

/** Wraps a chart so a wide one scrolls sideways on a narrow screen instead of shrinking its labels. @internal */
export function chartFigure(label: string, svg: string, caption: string): string {
  return `<figure class="chart"><div class="scroll" role="region" aria-label="${esc(label)}" tabindex="0">${svg}</div><figcaption>${caption}</figcaption></figure>`;
}

/** What a page needs besides its body. @internal */
export interface PageFrame {
  /** The `<title>`, plain text. */
  readonly title: string;
  readonly depth: PageDepth;
  /** The header entry marked current. */
  readonly section: NavSection;
  /** The site's name, plain text. */
  readonly siteTitle: string;
  /** A footer line, plain text. */
  readonly footer: string;
}

/** A complete page of the site around an already-escaped body. @internal */
export function sitePage(frame: PageFrame, body: string): string {
  const link = linker(frame.depth);
  const nav = (section: NavSection, path: string, text: string) =>
    `<a href="${esc(link.href(path))}"${frame.section === section ? ' aria-current="page"' : ''}>${esc(text)}</a>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${SITE_CSP}">
<meta name="referrer" content="no-referrer">
<title>${esc(frame.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${esc(link.href('assets/site.css'))}">
<script src="${esc(link.href('assets/site.js'))}" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top"><div class="bar">
<nav aria-label="Site">${link.a('index.html', frame.siteTitle, 'class="brand"')}${nav('home', 'index.html', 'Leaderboard')}${nav('claims', 'claims.html', 'All claims')}${nav('sources', 'sources.html', 'Sources')}<a href="${esc(link.href('index.html#downloads'))}">Downloads</a></nav>
<form class="search" role="search" action="${esc(link.href('claims.html'))}" method="get"><label class="vh" for="site-search">Search claims</label><input id="site-search" type="search" name="q" placeholder="Search claims"><button type="submit">Search</button></form>
</div></header>
<main id="main">
${body}
</main>
<footer>${esc(frame.footer)}</footer>
</body>
</html>
`;
}
