// The explorer page's style sheet (inlined in the HTML).
import { BROWSER_FONT } from './pageIds.js';

export const EXPLORER_STYLE = `
*{box-sizing:border-box}
body{font-family:${BROWSER_FONT};margin:0;color:#222;line-height:1.4;background:#fafafa;font-size:14px}
header.top{display:flex;align-items:baseline;gap:18px;padding:10px 18px;background:#fff;border-bottom:1px solid #ddd;flex-wrap:wrap}
header.top h1{font-size:1.35em;margin:0}
header.top .sub{color:#555;font-size:.92em}
header.top select{font-size:1em;padding:2px 4px;max-width:360px}
#version{margin-left:auto;color:#888;font-size:.85em}
main.layout{display:grid;grid-template-columns:480px minmax(380px,1fr) 340px;gap:14px;padding:12px 18px;align-items:start}
.panel{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px}
.dish-wrap{position:relative;width:460px;height:460px;margin:0 auto}
.dish-col canvas#dish{width:460px;height:460px;display:block}
.overlay{position:absolute;font-size:13px;color:#333;background:rgba(255,255,255,.85);padding:1px 6px;border-radius:3px}
.overlay.day{left:0;top:0;font-weight:bold}
.overlay.scale{right:0;top:0}
.dish-col canvas#drug-strip{width:460px;display:block;margin:6px auto 0}
.transport{display:flex;gap:8px;align-items:center;flex-wrap:wrap;margin:8px 0 4px}
.transport button{font-size:1em;padding:4px 14px;border:1px solid #888;border-radius:4px;background:#f2f2f2;cursor:pointer}
.transport button#play{min-width:76px;font-weight:bold}
.transport button#play.playing{background:#e8e0f0}
.status{font-size:.9em;color:#333;min-height:2.6em}
.legend{display:flex;gap:12px;flex-wrap:wrap;font-size:.85em;color:#444;margin-top:4px;align-items:center}
.legend .swatch{display:inline-block;width:12px;height:12px;border-radius:50%;margin:0 4px 0 6px;vertical-align:-2px;border:1px solid #999}
.level-scale{display:flex;gap:6px;align-items:center;flex-wrap:wrap;width:100%}
.level-scale .bar{position:relative;display:inline-block;width:200px;height:12px;border-radius:3px;border:1px solid #999}
.level-scale .tick{position:absolute;top:12px;transform:translateX(-50%);font-size:.8em}
.level-scale .tick::before{content:'';position:absolute;top:-12px;left:50%;height:12px;border-left:1px solid #222}
.level-scale .small{font-size:.85em;color:#555;margin-top:8px}
.note{font-size:.82em;color:#666;margin:8px 0 0}
.charts-col .chart{position:relative;height:300px;margin-bottom:10px}
.side-col h2{font-size:1.12em;margin:.2em 0 .1em}
.side-col h3{font-size:.95em;margin:.8em 0 .2em;color:#5a2a6a}
.side-col p{margin:.3em 0}
.side-col ul{margin:.2em 0;padding-left:1.2em}
.side-col .try{background:#f5effa;border-left:3px solid #8a4a9a;padding:4px 8px}
.side-col .arm{display:block;margin:.6em 0}
#controls-panel{margin-top:10px}
fieldset.group{border:1px solid #ddd;border-radius:5px;margin:8px 0;padding:4px 8px 8px}
fieldset.group legend{font-weight:bold;font-size:.92em;color:#333}
.control{display:grid;grid-template-columns:1fr auto;gap:0 8px;margin:6px 0}
.control label{font-size:.92em}
.control output{font-size:.9em;text-align:right;color:#333}
.control output.changed{color:#8a1a8a;font-weight:bold}
.control input,.control select{grid-column:1/3;width:100%}
.control .help{grid-column:1/3;font-size:.78em;color:#777}
#reset-controls{margin-top:6px;padding:3px 10px}
.error{white-space:pre-wrap;background:#fff0f0;border:1px solid #d88;color:#800;padding:8px;border-radius:5px;margin-top:10px;font-size:.85em}
#glossary{padding:0 18px 24px;max-width:1100px}
#glossary h2{font-size:1.15em}
#glossary dt{font-weight:bold;margin-top:.5em}
#glossary dd{margin:0 0 0 1.2em}
`;
