// The server half of the warning pages' key queue (components/warnings/key-queue.tsx): a script in
// the page's HTML that runs before any bundle, so keys pressed before hydration are kept.

/** Installs the queue (idempotent). Runs inline in the page, before any bundle: keep it plain ES5. */
const INSTALL = `(function(){if(window.__warningKeys)return;var q={keys:[],ready:0};window.__warningKeys=q;
window.addEventListener("keydown",function(e){if(q.ready>0||e.metaKey||e.ctrlKey||e.altKey||e.repeat)return;
var t=e.target;if(t&&(t.isContentEditable||/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))return;
if(e.key.length!==1&&e.key!=="Enter"&&e.key!=="Escape")return;q.keys.push({key:e.key,at:Date.now()});},true);})();`;

/** The script that queues early keys; rendered once by the warnings layout. */
export function KeyQueueScript({ nonce }: { nonce?: string }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: INSTALL }} />;
}

