import { describe, expect, it } from 'vitest';
import type { DiagramNode } from './diagram-nodes.ts';
import { replyLabelLines } from './message-labels.ts';
import { FIT_MARGIN_PX, fittedX, LABEL_EM, readableZoom } from './readable-zoom.ts';
import { nodesInRange, windowRange } from './visible-nodes.ts';

describe('readableZoom', () => {
  it('fits the width when that keeps labels at the minimum size or more', () => {
    const zoom = readableZoom({ paneWidth: 922, layoutWidth: 1040, fontPx: 14, minLabelPx: 11 });
    expect(zoom).toBeCloseTo((922 - 2 * FIT_MARGIN_PX) / 1040);
    expect(14 * LABEL_EM * zoom).toBeGreaterThanOrEqual(11);
  });

  it('never shrinks labels below the minimum: a narrow pane scrolls sideways instead', () => {
    for (const [fontPx, minLabelPx] of [
      [14, 11],
      [22, 16],
    ] as const) {
      const zoom = readableZoom({ paneWidth: 390, layoutWidth: 1040, fontPx, minLabelPx });
      expect(fontPx * LABEL_EM * zoom).toBeGreaterThanOrEqual(minLabelPx);
      expect(fontPx * LABEL_EM * zoom).toBeLessThan(minLabelPx + 0.05);
    }
  });

  it('centres a diagram narrower than the pane and keeps a wide one at the left margin', () => {
    expect(fittedX(2000, 1040, 1)).toBe(480);
    expect(fittedX(500, 1040, 0.75)).toBe(FIT_MARGIN_PX);
  });
});

describe('windowing', () => {
  const node = (id: string, y: number, height: number) => ({ id, type: 'message', position: { x: 0, y }, height, data: {} }) as unknown as DiagramNode;

  it('widens the view by two screens on each side and snaps to two screens', () => {
    expect(windowRange(1500, 600)).toEqual({ top: 0, bottom: 3600 });
    expect(windowRange(2300, 600)).toEqual({ top: 0, bottom: 3600 });
    expect(windowRange(2500, 600)).toEqual({ top: 1200, bottom: 4800 });
    expect(windowRange(0, 600)).toEqual({ top: -1200, bottom: 2400 });
  });

  it('keeps what overlaps the range, and what it is asked to keep', () => {
    const nodes = [node('above', 0, 100), node('tall', 0, 5000), node('in', 700, 40), node('below', 3000, 40), node('focused', 4000, 40)];
    const kept = nodesInRange(nodes, { top: 600, bottom: 2400 }, (candidate) => candidate.id === 'focused');
    expect(kept.map((candidate) => candidate.id)).toEqual(['tall', 'in', 'focused']);
  });
});

describe('replyLabelLines', () => {
  it('gives a label and badges that fit one line, and more lines (up to three) as they grow', () => {
    expect(replyLabelLines('200 OK', [], 260, 14)).toBe(1);
    expect(replyLabelLines('✕ blocked by the browser (CORS?)', ['relay explained', '✕ 4'], 260, 14)).toBe(2);
    expect(replyLabelLines('x'.repeat(500), [], 260, 14)).toBe(3);
  });
});
