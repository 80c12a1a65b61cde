// The one inline script in index.html (the build adds it with its sha256 in the Content-Security-Policy,
// scripts/vite-prerender-plugin.ts). It runs in <head>, before first paint, and does what the pre-rendered
// page cannot wait for the app's code to do:
// - apply the theme the person picked (localStorage), so the first paint is in that theme;
// - when the address asks for another scenario than the one pre-rendered (a shared link), mark the page
//   data-prerender="stale", which hides the pre-rendered numbers (app.css) until the app renders the link's;
// - load the app's code once the first contentful paint has been presented (Paint Timing; where that is not
//   supported, two frames after the document is parsed), so nothing competes with first paint, which needs
//   only the HTML and its inline stylesheet. In a hidden tab (nothing is painted there), at once.
import { THEME_STORAGE_KEY } from './theme';

/** A JSON literal safe inside <script> (no "</script>", no "<!--"). */
const literal = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export interface BootOptions {
  /** The query of the scenario the page was pre-rendered with. */
  prerenderedQuery: string;
  /** The app's entry module, as index.html referred to it. */
  entry: string;
  /** Modules the entry imports, fetched with it. */
  preloads: readonly string[];
}

export function bootScript(options: BootOptions): string {
  return [
    '(function(){var d=document,r=d.documentElement;',
    `try{var t=localStorage.getItem(${literal(THEME_STORAGE_KEY)});`,
    'if(t==="light"||t==="dark")r.setAttribute("data-theme",t)}catch(e){}',
    `var q=location.search;if(q.length>1&&q!==${literal(options.prerenderedQuery)})r.setAttribute("data-prerender","stale");`,
    'var started=false;function load(){if(started)return;started=true;',
    `${literal(options.preloads)}.forEach(function(h){var l=d.createElement("link");l.rel="modulepreload";l.href=h;d.head.appendChild(l)});`,
    `var s=d.createElement("script");s.type="module";s.src=${literal(options.entry)};d.head.appendChild(s)}`,
    // After the first contentful paint has been presented (Paint Timing), else after two frames.
    'var P=window.PerformanceObserver;if(d.visibilityState==="hidden")load();',
    'else if(P&&P.supportedEntryTypes&&P.supportedEntryTypes.indexOf("paint")>=0)new P(function(l){',
    'if(l.getEntriesByName("first-contentful-paint").length)setTimeout(load,0)}).observe({type:"paint",buffered:true});',
    'else d.addEventListener("DOMContentLoaded",function(){requestAnimationFrame(function(){requestAnimationFrame(function(){setTimeout(load,0)})})})',
    '})();',
  ].join('');
}
