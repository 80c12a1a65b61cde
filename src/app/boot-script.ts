// The one inline script in index.html (the build adds it with its sha256 in the Content-Security-Policy,
// scripts/vite-prerender-plugin.ts). It runs before first paint, while the page is parsed, and does the two
// things the pre-rendered page cannot wait for the app's code to do:
// - apply the theme the person picked (localStorage), so the first paint is in that theme;
// - when the address asks for another scenario than the one pre-rendered (a shared link), mark the page
//   data-prerender="stale", which hides the pre-rendered numbers (app.css) until the app renders the link's.
import { THEME_STORAGE_KEY } from './theme';

/** A JSON string literal safe inside <script> (no "</script>", no "<!--"). */
const literal = (value: string) => JSON.stringify(value).replace(/</g, '\\u003c');

export function bootScript(prerenderedQuery: string): string {
  return [
    '(function(){var r=document.documentElement;',
    `try{var t=localStorage.getItem(${literal(THEME_STORAGE_KEY)});`,
    'if(t==="light"||t==="dark")r.setAttribute("data-theme",t)}catch(e){}',
    `var q=location.search;if(q.length>1&&q!==${literal(prerenderedQuery)})r.setAttribute("data-prerender","stale")`,
    '})();',
  ].join('');
}
