/**
 * The card's stylesheet, adopted by the shadow root. px only: `rem` would follow the page's root font size.
 * `:host` rules are !important because a page's own rules (`* { … }`, `html > * { … }`) reach the host
 * element and would otherwise win over a shadow tree's normal declarations.
 */
export const CARD_CSS = `
:host{all:initial!important;display:block!important;position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;margin:0!important;padding:0!important;border:0!important;overflow:visible!important;z-index:2147483647!important;pointer-events:none!important;visibility:visible!important;opacity:1!important;transform:none!important;filter:none!important;contain:none!important}
.wrap{position:fixed;left:0;top:0;width:360px;max-width:calc(100vw - 16px);z-index:2147483647;pointer-events:auto;
--gc-bg:#fff;--gc-fg:#1b1b1f;--gc-muted:#55555f;--gc-line:#d5d5dc;--gc-quote:#f3f3f6;--gc-link:#0b57d0;--gc-focus:#0b57d0;--gc-kind:#c5221f;--gc-shadow:rgba(0,0,0,.22)}
.wrap[data-theme=dark]{--gc-bg:#202124;--gc-fg:#ececf1;--gc-muted:#ababb5;--gc-line:#3c3d42;--gc-quote:#2b2c30;--gc-link:#8ab4f8;--gc-focus:#8ab4f8;--gc-kind:#f28b82;--gc-shadow:rgba(0,0,0,.6)}
.wrap{color-scheme:light}
.wrap[data-theme=dark]{color-scheme:dark}
.wrap[hidden]{display:none}
*{box-sizing:border-box}
.card{max-height:min(460px,calc(100vh - 16px));overflow:auto;overscroll-behavior:contain;scrollbar-width:thin;scrollbar-color:var(--gc-line) transparent;padding:0;border:1px solid var(--gc-line);border-top:4px solid var(--gc-kind);border-radius:10px;background:var(--gc-bg);color:var(--gc-fg);box-shadow:0 8px 28px var(--gc-shadow);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Hebrew",Arial,sans-serif;text-align:start;word-wrap:break-word;overflow-wrap:anywhere;cursor:auto}
.card[data-kind=grok-summary]{--gc-kind:#a05a00}
.wrap[data-theme=dark] .card[data-kind=grok-summary]{--gc-kind:#fdd663}
.head{position:sticky;top:0;z-index:1;display:flex;align-items:flex-start;gap:8px;padding:10px 14px 4px;background:var(--gc-bg)}
.body{padding:0 14px}
.title{flex:1;margin:0;font-size:15px;line-height:1.35;font-weight:650;color:var(--gc-fg)}
h3{margin:10px 0 2px;font-size:12px;line-height:1.3;font-weight:650;color:var(--gc-muted);letter-spacing:.02em}
p,ul,dl,blockquote{margin:0}
p+p,p+ul{margin-top:6px}
ul{padding-inline-start:18px}
li+li{margin-top:2px}
blockquote{padding:6px 10px;border-inline-start:3px solid var(--gc-kind);border-radius:4px;background:var(--gc-quote);font-weight:550}
a{color:var(--gc-link);text-decoration:underline;text-underline-offset:2px}
.muted{color:var(--gc-muted)}
details{margin-top:10px}
summary{cursor:pointer;color:var(--gc-muted);font-size:12px;font-weight:650}
summary span{font-weight:400}
details[open] summary{margin-bottom:4px}
.row{display:flex;gap:6px}
dt{flex:none;color:var(--gc-muted)}
dt::after{content:":"}
dd{margin:0;min-width:0}
q{quotes:"\\201C" "\\201D"}
.card[lang=he] q{quotes:'"' '"'}
.date{display:block;font-size:12px}
.actions{position:sticky;bottom:0;z-index:1;display:flex;align-items:center;justify-content:space-between;gap:8px;margin-top:12px;padding:8px 14px 10px;border-top:1px solid var(--gc-line);background:var(--gc-bg)}
.context{font-weight:600}
button{font:inherit;color:inherit;cursor:pointer;margin:0}
.dismiss{padding:4px 12px;border:1px solid var(--gc-line);border-radius:6px;background:transparent}
.close{flex:none;width:28px;height:28px;margin:-4px;padding:0;border:0;border-radius:6px;background:transparent;font-size:20px;line-height:28px;color:var(--gc-muted)}
.dismiss:hover,.close:hover{background:var(--gc-quote);color:var(--gc-fg)}
:focus{outline:none}
:focus-visible{outline:2px solid var(--gc-focus);outline-offset:2px}
@media (forced-colors:active){.card{border:2px solid CanvasText}}
`;
