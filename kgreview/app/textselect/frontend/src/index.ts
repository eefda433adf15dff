// The transcript as turns (speaker, timestamp, words) with existing codings highlighted;
// selecting words inside one turn sends {segment, start16, end16, text, n} back to Python.
// Offsets are UTF-16 code units, as the browser counts them: the Python side converts
// them to the code points the store uses (kgreview/app/textselect/__init__.py).
import { Streamlit, RenderData } from "streamlit-component-lib/dist/streamlit";

interface Piece {
  t: string; // the words of this piece, exactly as stored
  k?: string; // "mine" | "other" | "auto" | "both": which highlight
  title?: string; // the codes on it (tooltip)
  p?: string; // "1": part of the selection waiting for a code
}

interface Turn {
  id: string;
  speaker?: string;
  timestamp?: string;
  pieces: Piece[];
}

interface Args {
  turns: Turn[];
  hint?: string;
  selected?: string; // the segment id of the pending selection, outlined
}

let lastArgs = "";
let sent = 0;

function turnOf(node: Node | null): HTMLElement | null {
  const element = node instanceof HTMLElement ? node : node?.parentElement ?? null;
  return element ? (element.closest(".kg-text") as HTMLElement | null) : null;
}

// UTF-16 offset of (node, offset) from the start of a turn's text: the length of the text
// before it (marks included), as Range.toString() counts it.
function offsetIn(text: HTMLElement, node: Node, offset: number): number {
  const before = document.createRange();
  before.selectNodeContents(text);
  before.setEnd(node, offset);
  return before.toString().length;
}

function report(): void {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
    return;
  }
  const range = selection.getRangeAt(0);
  const text = turnOf(range.startContainer);
  if (!text) {
    return;
  }
  const full = text.textContent ?? "";
  const start16 = offsetIn(text, range.startContainer, range.startOffset);
  // A selection running into the next turn stops at the end of the turn it started in.
  const end16 =
    turnOf(range.endContainer) === text
      ? offsetIn(text, range.endContainer, range.endOffset)
      : full.length;
  if (end16 <= start16) {
    return;
  }
  sent += 1;
  Streamlit.setComponentValue({
    segment: text.dataset.segment,
    start16,
    end16,
    text: full.slice(start16, end16),
    n: Date.now() * 1000 + sent, // a new value for the same words selected twice
  });
}

function el(tag: string, cls: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = cls;
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function draw(args: Args): void {
  const root = document.getElementById("root") as HTMLElement;
  root.replaceChildren();
  if (args.hint) {
    root.appendChild(el("div", "kg-hint", args.hint));
  }
  for (const turn of args.turns) {
    const box = el("div", turn.id === args.selected ? "kg-turn kg-picked" : "kg-turn");
    const head = el("div", "kg-head");
    if (turn.timestamp) {
      head.appendChild(el("span", "kg-time", turn.timestamp));
    }
    head.appendChild(el("span", "kg-speaker", turn.speaker || "—"));
    box.appendChild(head);
    const text = el("div", "kg-text");
    text.dataset.segment = turn.id;
    for (const piece of turn.pieces) {
      if (!piece.k && !piece.p) {
        text.appendChild(document.createTextNode(piece.t));
        continue;
      }
      const kinds = [piece.k ? `kg-${piece.k}` : "", piece.p ? "kg-pending" : ""];
      const mark = el("mark", kinds.join(" ").trim(), piece.t);
      if (piece.title) {
        mark.title = piece.title;
      }
      text.appendChild(mark);
    }
    box.appendChild(text);
    root.appendChild(box);
  }
}

function onRender(event: Event): void {
  const data = (event as CustomEvent<RenderData>).detail;
  const args = data.args as Args;
  const key = JSON.stringify(args);
  if (key !== lastArgs) {
    // Redraw only when the turns or highlights changed: a rerun with the same arguments
    // keeps the user's selection on the page.
    lastArgs = key;
    if (data.theme) {
      document.body.style.color = data.theme.textColor;
      document.body.style.background = data.theme.backgroundColor;
    }
    draw(args);
  }
  Streamlit.setFrameHeight();
}

document.addEventListener("mouseup", () => setTimeout(report, 0));
document.addEventListener("keyup", (event) => {
  if (event.shiftKey || event.key === "Shift") {
    report();
  }
});
new ResizeObserver(() => Streamlit.setFrameHeight()).observe(document.body);
Streamlit.events.addEventListener(Streamlit.RENDER_EVENT, onRender);
Streamlit.setComponentReady();
