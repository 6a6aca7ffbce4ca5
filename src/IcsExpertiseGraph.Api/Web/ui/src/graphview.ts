// A network drawing with Cytoscape.js, loaded only when a page draws a graph (the search page never pays for
// it). The canvas is a picture for sighted mouse users: pages give the same data as text beside it, and select
// nodes from that text through select().

import type { Core, ElementDefinition, EventObject, NodeSingular, StylesheetJson } from 'cytoscape';
import { h } from './dom';

export interface GraphNode {
  id: string;
  label: string;
  /** Shown in the hover tooltip after the label, e.g. the organisation. */
  detail: string;
  color: string;
  /** Diameter in pixels. */
  size: number;
  /** Rings for the concentric layout: 0 at the centre. */
  level?: number;
  centre?: boolean;
  /** Drawn with a dashed border (e.g. an isolated organisation). */
  dashed?: boolean;
  /** Which labels win where two would overlap: higher first (after the selected, hovered and centre nodes). */
  priority?: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** Line width in pixels. */
  width: number;
  title: string;
}

export interface GraphOptions {
  /** rings: by level (0 at the centre), each crowded ring split into several; cose: force-directed. */
  layout: 'rings' | 'cose';
  /** A node was tapped or clicked (null: the background). */
  onSelect(id: string | null): void;
  /** A node was double-clicked or double-tapped. */
  onOpen?(id: string): void;
}

export interface GraphView {
  /** Selects a node (highlighting its neighbours) and brings it into view; null clears the selection. */
  select(id: string | null): void;
  /** Names a node first (as pointing at it does) while its entry in a list has keyboard focus; null: none. */
  reveal(id: string | null): void;
  /** The drawing as it stands (labels as shown), as a PNG twice the screen's resolution on white. */
  png(): Promise<Blob>;
  destroy(): void;
}

/** Labels keep this size on screen whatever the zoom, so zooming in makes room for more of them. */
const labelPixels = 12;

/** Kenneth Kelly's colours of maximum contrast (white and black left out); text is drawn outside the nodes. */
export const palette = [
  '#f3c300', '#875692', '#f38400', '#a1caf1', '#be0032', '#c2b280', '#848482', '#008856', '#e68fac', '#0067a5',
  '#f99379', '#604e97', '#f6a600', '#b3446c', '#dcd300', '#882d17', '#8db600', '#654522', '#e25822', '#2b3d26',
];

function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

/**
 * A colour per key that depends on the key (an organisation keeps its colour from drawing to drawing), moved to
 * the next free colour when two keys in one drawing would share one. Past the palette's size colours repeat, so
 * the legend and labels always name what a colour stands for.
 */
export function stableColours(keys: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(keys)].sort();
  const taken = new Set<number>();
  const colours = new Map<string, string>();
  for (const key of sorted) {
    let slot = hash(key) % palette.length;
    if (taken.size < palette.length) {
      while (taken.has(slot)) slot = (slot + 1) % palette.length;
    }
    taken.add(slot);
    colours.set(key, palette[slot] ?? '#768692');
  }
  return colours;
}

/** Maps values onto [min, max] pixels by square root, so a few large values do not dwarf everything else. */
export function scaler(values: number[], min: number, max: number): (value: number) => number {
  const top = Math.max(0, ...values);
  if (top <= 0) return () => min;
  return (value) => min + (max - min) * Math.sqrt(Math.max(0, value) / top);
}

/** A swatch for legends: the colour goes in through the CSSOM (the CSP allows no style attributes). */
export function swatch(colour: string, dashed = false): HTMLElement {
  const element = h('span', { className: `swatch${dashed ? ' swatch--dashed' : ''}`, 'aria-hidden': 'true' });
  element.style.backgroundColor = colour;
  return element;
}

/**
 * Positions on rings by level, computed here in one pass (Cytoscape's concentric layout puts a whole level on
 * one ring, which for hundreds of people is wider than any screen). Each node sits near the angle of its links
 * in the ring inside it, so links stay short; a ring with more nodes than fit is split into staggered rings.
 */
function ringPositions(nodes: GraphNode[], edges: GraphEdge[]): Record<string, { x: number; y: number }> {
  const spacing = Math.max(10, nodes.reduce((sum, n) => sum + n.size, 0) / Math.max(1, nodes.length) + 6);
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    (neighbours.get(e.source) ?? neighbours.set(e.source, []).get(e.source)!).push(e.target);
    (neighbours.get(e.target) ?? neighbours.set(e.target, []).get(e.target)!).push(e.source);
  }
  const levels = new Map<number, GraphNode[]>();
  for (const n of nodes) {
    const level = n.level ?? 0;
    (levels.get(level) ?? levels.set(level, []).get(level)!).push(n);
  }
  const angle = new Map<string, number>();
  const positions: Record<string, { x: number; y: number }> = {};
  let radius = 0;
  for (const level of [...levels.keys()].sort((a, b) => a - b)) {
    const ring = levels.get(level)!;
    if (level === 0 && ring.length === 1) {
      positions[ring[0]!.id] = { x: 0, y: 0 };
      radius = Math.max(60, ring[0]!.size);
      continue;
    }
    // Where each node's already-placed neighbours are (a circular mean); the unlinked go last.
    const wanted = new Map<string, number>();
    for (const n of ring) {
      let x = 0; let y = 0;
      for (const other of neighbours.get(n.id) ?? []) {
        const a = angle.get(other);
        if (a !== undefined) { x += Math.cos(a); y += Math.sin(a); }
      }
      wanted.set(n.id, x === 0 && y === 0 ? 10 : Math.atan2(y, x));
    }
    ring.sort((a, b) => wanted.get(a.id)! - wanted.get(b.id)! || a.detail.localeCompare(b.detail));
    const base = radius + spacing * 3;
    const split = Math.max(1, Math.ceil((ring.length * spacing) / (2 * Math.PI * base)));
    ring.forEach((n, i) => {
      const a = (2 * Math.PI * i) / ring.length - Math.PI / 2;
      const r = base + (i % split) * spacing;
      angle.set(n.id, a);
      positions[n.id] = { x: r * Math.cos(a), y: r * Math.sin(a) };
    });
    radius = base + (split - 1) * spacing;
  }
  return positions;
}

export async function drawGraph(container: HTMLElement, nodes: GraphNode[], edges: GraphEdge[], options: GraphOptions): Promise<GraphView> {
  let cytoscape: typeof import('cytoscape');
  try {
    ({ default: cytoscape } = await import('cytoscape'));
  } catch {
    // A tab opened before the service was updated asks for a drawing library the new build no longer has.
    throw new Error('The drawing code could not be loaded; the service may have been updated since this page was opened. Reload the page.');
  }
  const elements: ElementDefinition[] = [
    ...nodes.map((n, i) => ({
      group: 'nodes' as const,
      // Force-directed layouts start from a sunflower spiral in the pages' order (brokers first, so in the middle) instead of
      // at random: the same network is drawn the same way every time, and people find their way back to someone.
      position: { x: 20 * Math.sqrt(i) * Math.cos(i * 2.399963), y: 20 * Math.sqrt(i) * Math.sin(i * 2.399963) },
      data: { id: n.id, label: n.label, detail: n.detail, color: n.color, size: n.size, level: n.level ?? 0 },
      classes: [n.centre ? 'centre' : '', n.dashed ? 'dashed' : ''].filter(Boolean).join(' '),
    })),
    ...edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target, width: e.width, title: e.title } })),
  ];
  const many = nodes.length > 150;

  // The style for a zoom level: label text keeps its size on screen (see placeLabels).
  const styles = (zoom: number): StylesheetJson => [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        width: 'data(size)',
        height: 'data(size)',
        // A dark outline: pale fills (yellow, light blue) would be under 3:1 against the white canvas on their own.
        'border-width': 1.5,
        'border-color': '#4c6272',
        // No label unless placement gives it room (node.labelled): see placeLabels.
        label: '',
        'font-size': labelPixels / zoom,
        'font-family': 'Arial, Helvetica, sans-serif',
        color: '#212b32',
        'text-valign': 'bottom',
        'text-margin-y': 3 / zoom,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2 / zoom,
        'text-wrap': 'ellipsis',
        'text-max-width': `${140 / zoom}px`,
      },
    },
    { selector: 'node.labelled', style: { label: 'data(label)' } },
    // Dashed nodes (isolated organisations) are many and listed beside the graph: their names show on hover or selection.
    { selector: 'node.dashed', style: { 'border-style': 'dashed', 'border-color': '#212b32', 'border-width': 2, 'text-opacity': 0 } },
    {
      selector: 'node.centre',
      style: { 'border-width': 5, 'border-color': '#212b32', 'font-weight': 'bold', 'font-size': (labelPixels + 2) / zoom, 'z-index': 10 },
    },
    {
      selector: 'edge',
      style: { width: 'data(width)', 'line-color': '#8c9aa5', opacity: many ? 0.35 : 0.7, 'curve-style': 'haystack' },
    },
    // Selected: a thick dark-blue ring (#ffb81c, the old ring, was 1.7:1 on white; this is over 12:1).
    { selector: 'node:selected', style: { 'border-width': 6, 'border-color': '#003087', 'border-style': 'double', 'text-opacity': 1, 'z-index': 20 } },
    { selector: 'edge.near', style: { 'line-color': '#003087', opacity: 1 } },
    { selector: '.faded', style: { opacity: 0.15, 'text-opacity': 0 } },
  ];

  const cy: Core = cytoscape({
    container,
    elements,
    minZoom: 0.02,
    maxZoom: 4,
    boxSelectionEnabled: false,
    textureOnViewport: many,
    hideEdgesOnViewport: nodes.length > 500,
    style: styles(1),
    layout: options.layout === 'rings'
      ? { name: 'preset', positions: ringPositions(nodes, edges), fit: true, padding: 30 }
      : { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 80, numIter: 1000, fit: true, padding: 30 },
  });

  const priority = new Map(nodes.map((n) => [n.id, (n.centre ? 1e9 : 0) + (n.priority ?? n.size)]));
  let hovered: NodeSingular | null = null;

  /**
   * Labels only where they fit: candidates in order (the selected node, the hovered one, the centre, then by priority),
   * each kept only when its label, as Cytoscape measures it, lies inside the view and clear of every label kept before
   * it. Labels keep their size on screen, so zooming in frees room and more of them appear.
   */
  const placeLabels = () => {
    const zoom = cy.zoom();
    cy.style().fromJson(styles(zoom)).update();
    const view = cy.extent();
    const gap = 2 / zoom;
    const kept: { x1: number; x2: number; y1: number; y2: number }[] = [];
    const selected = cy.nodes(':selected');
    const rank = (node: NodeSingular) => (node.selected() ? 4e9 : 0) + (node.same(hovered ?? cy.collection()) ? 3e9 : 0)
      + (selected.nonempty() && node.neighborhood().intersect(selected).nonempty() ? 2e9 : 0) + (priority.get(node.id()) ?? 0);
    const candidates = cy.nodes().filter((node: NodeSingular) => !node.hasClass('faded') && node.data('label') && (!node.hasClass('dashed') || node.selected())
      && node.position('x') >= view.x1 && node.position('x') <= view.x2 && node.position('y') >= view.y1 && node.position('y') <= view.y2)
      .sort((a, b) => rank(b as NodeSingular) - rank(a as NodeSingular));
    cy.nodes().removeClass('labelled');
    candidates.forEach((node: NodeSingular) => {
      node.addClass('labelled');
      const box = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
      const inside = box.w > 0 && box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2;
      const clear = kept.every((k) => box.x2 + gap < k.x1 || box.x1 - gap > k.x2 || box.y2 + gap < k.y1 || box.y1 - gap > k.y2);
      if (inside && clear) kept.push(box);
      else node.removeClass('labelled');
    });
    container.dataset.labelsPlaced = String(kept.length);
    container.dataset.labelsZoom = zoom.toFixed(4);
  };
  let placing = 0;
  const placeSoon = () => { window.clearTimeout(placing); placing = window.setTimeout(placeLabels, 120); };
  cy.on('viewport', placeSoon);
  cy.ready(placeLabels);
  // The page's tests read the drawn labels from Cytoscape itself (not enumerable, so nothing iterates over it by accident).
  Object.defineProperty(container, 'cytoscape', { value: cy, configurable: true });

  // Hover tooltip: who (or what) a node is, and its organisation, without clicking.
  const tooltip = h('div', { className: 'graph-tooltip', role: 'presentation', hidden: true });
  container.parentElement?.append(tooltip);
  cy.on('mouseover', 'node', (event: EventObject) => {
    const node = event.target as NodeSingular;
    hovered = node;
    placeLabels();
    tooltip.textContent = `${String(node.data('label'))}${node.data('detail') ? ` · ${String(node.data('detail'))}` : ''}`;
    const position = node.renderedPosition();
    tooltip.style.left = `${Math.round(position.x + container.offsetLeft + 12)}px`;
    tooltip.style.top = `${Math.round(position.y + container.offsetTop + 12)}px`;
    tooltip.hidden = false;
  });
  cy.on('mouseout', 'node', () => { tooltip.hidden = true; hovered = null; placeSoon(); });
  cy.on('viewport', () => { tooltip.hidden = true; });

  const highlight = (node: NodeSingular | null) => {
    cy.batch(() => {
      cy.elements().removeClass('faded near');
      if (!node) return;
      const around = node.closedNeighborhood();
      cy.elements().not(around).addClass('faded');
      node.connectedEdges().addClass('near');
    });
    placeLabels();
  };

  cy.on('tap', (event: EventObject) => {
    if (event.target === cy) {
      cy.elements().unselect();
      highlight(null);
      options.onSelect(null);
    }
  });
  cy.on('tap', 'node', (event: EventObject) => {
    const node = event.target as NodeSingular;
    cy.elements().unselect();
    node.select();
    highlight(node);
    options.onSelect(node.id());
  });
  if (options.onOpen) {
    const open = options.onOpen;
    cy.on('dbltap', 'node', (event: EventObject) => open((event.target as NodeSingular).id()));
  }

  return {
    select(id) {
      cy.elements().unselect();
      const node = id ? cy.getElementById(id) : null;
      if (!node || node.empty()) { highlight(null); return; }
      node.select();
      cy.center(node);
      highlight(node);
    },
    reveal(id) {
      const node = id ? cy.getElementById(id) : null;
      hovered = node && node.nonempty() ? node : null;
      placeLabels();
    },
    async png() {
      return cy.png({ output: 'blob-promise', bg: '#ffffff', full: true, scale: 2 });
    },
    destroy() {
      window.clearTimeout(placing);
      tooltip.remove();
      cy.destroy();
    },
  };
}
