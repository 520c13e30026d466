import type { XYPosition } from '@xyflow/react';
import type { Exchange, Lane } from '../../engine/model/exchange.ts';
import type { Finding, Severity } from '../../engine/model/finding.ts';
import type { FlowSession } from '../../engine/model/session.ts';
import type { Step } from '../../engine/model/step.ts';
import { STEP_DEFINITIONS } from '../../engine/steps/registry.ts';
import { stepTitle } from '../../engine/steps/step-title.ts';
import { STEP_STATUS_STYLE } from '../../ui/status.ts';
import { currentStep } from './current-step.ts';
import type { DiagramNode, LaneColumn, LifelineDiagramNode, MessageDiagramNode, MessageTone, NoteDiagramNode, StepBandDiagramNode } from './diagram-nodes.ts';
import { LANE_ORDER, LANE_TITLES, laneIndex } from '../../ui/lanes.ts';
import { exchangesOf } from './step-exchanges.ts';
import {
  BADGE_TEXT,
  failureAriaLabel,
  failureLabel,
  isFailedOutcome,
  replyLabelLines,
  requestAriaLabel,
  responseAriaLabel,
  responseLabel,
  responseTone,
} from './message-labels.ts';

export interface SequenceLayoutOptions {
  /** Distance between two lane centres. */
  laneSpacing?: number;
  /** Height of one arrow row. */
  rowHeight?: number;
  /** The diagram's font size (CSS px at zoom 1): a status label that would not fit on one line gets a taller row. */
  fontPx?: number;
}

export interface SequenceLayout {
  /** Top to bottom: the lifelines first, then each step's band followed by what is inside it. */
  nodes: DiagramNode[];
  /** The lane headers, drawn outside the canvas (LaneHeaderStrip) so they never cover a step. */
  lanes: LaneColumn[];
  laneSpacing: number;
  width: number;
  height: number;
}

export const DEFAULT_LANE_SPACING = 260;
export const DEFAULT_ROW_HEIGHT = 46;
export const DEFAULT_FONT_PX = 14;
export const MAX_NOTE_LINES = 3;

/**
 * Lifelines show faintly through the translucent bands, so they never cross a step's title; arrows
 * and notes sit above every band, selected or not, so they stay at full strength and clickable.
 */
const Z = { lifeline: 0, band: 1, message: 2 } as const;

export function layoutSequence(session: FlowSession, options: SequenceLayoutOptions = {}): SequenceLayout {
  const laneSpacing = options.laneSpacing ?? DEFAULT_LANE_SPACING;
  const rowHeight = options.rowHeight ?? DEFAULT_ROW_HEIGHT;
  const row = { height: rowHeight, fontPx: options.fontPx ?? DEFAULT_FONT_PX };
  const geometry = {
    stepHeaderHeight: Math.round(rowHeight * 1.25),
    noteLineHeight: Math.round(rowHeight * 0.45),
    gap: Math.round(rowHeight / 4),
  };
  const laneX = (lane: Lane) => laneSpacing * (laneIndex(lane) + 0.5);
  const width = laneSpacing * LANE_ORDER.length;
  const current = currentStep(session)?.id;

  const nodes: DiagramNode[] = [];
  let y = geometry.gap;
  session.steps.forEach((step, index) => {
    const top = y;
    const findings = session.findings.filter((finding) => finding.stepId === step.id);
    const inside: DiagramNode[] = [];
    y += geometry.stepHeaderHeight;

    const exchanges = exchangesOf(step, session.exchanges);
    // Notes are drawn only where no HTTP arrow tells the story: a parse, or PKCE before the popup.
    if (step.notes.length > 0 && exchanges.every((exchange) => exchange.outcome === 'navigation')) {
      const note = noteNode(step, { x: laneX('client') - laneSpacing * 0.4, y }, laneSpacing * 2.3, geometry.noteLineHeight);
      inside.push(note);
      y += (note.height ?? 0) + geometry.gap;
    }
    for (const exchange of exchanges) {
      const messages = messageNodes(exchange, findings, laneX, y, row, failureTone(step));
      inside.push(...messages);
      y += messages.reduce((sum, node) => sum + (node.height ?? 0), 0);
    }
    y += geometry.gap;
    const box = { position: { x: 0, y: top }, width, height: y - top };
    nodes.push(stepBandNode(step, index + 1, step.id === current, findings, box), ...inside);
    y += geometry.gap / 2;
  });
  const height = y + geometry.gap;

  const lifelines = LANE_ORDER.map((lane) => lifelineNode(lane, laneX(lane), height));
  const lanes = LANE_ORDER.map((lane) => ({ lane, centreX: laneX(lane), title: LANE_TITLES[lane], subtitle: laneSubtitle(lane, session) }));
  return { nodes: [...lifelines, ...nodes], lanes, laneSpacing, width, height };
}

/** A failed or blocked step draws its requests in the failure colour, at full strength. */
function failureTone(step: Step): MessageTone | null {
  if (step.status === 'failed') return 'failure';
  if (step.status === 'blocked') return 'blocked';
  return null;
}

function lifelineNode(lane: Lane, x: number, height: number): LifelineDiagramNode {
  return {
    id: `lifeline-${lane}`,
    type: 'lifeline',
    position: { x: x - 1, y: 0 },
    width: 2,
    height,
    data: { lane },
    ...inert(Z.lifeline),
  };
}

function laneSubtitle(lane: Lane, session: FlowSession): string {
  switch (lane) {
    case 'client':
      return hostOf(session.settings.redirectUri) ?? 'this page';
    case 'mcp':
      return hostOf(session.settings.serverUrl) ?? session.settings.serverUrl;
    case 'as':
      return hostOf(session.learned.issuer) ?? 'not known yet';
    case 'user':
      return 'login in a popup';
  }
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

function stepBandNode(
  step: Step,
  number: number,
  current: boolean,
  findings: Finding[],
  box: { position: XYPosition; width: number; height: number },
): StepBandDiagramNode {
  const title = stepTitle(step);
  const { teaching } = STEP_DEFINITIONS[step.kind];
  const status = STEP_STATUS_STYLE[step.status].label;
  const position = current ? (step.status === 'running' ? ' (current step)' : ' (next step)') : '';
  return {
    id: `step-${step.id}`,
    type: 'stepBand',
    ...box,
    data: {
      stepId: step.id,
      number,
      title,
      status: step.status,
      summary: step.summary ?? '',
      hint: firstSentence(teaching),
      current,
      errorCount: findings.filter((finding) => finding.severity === 'error').length,
      warningCount: findings.filter((finding) => finding.severity === 'warning').length,
      offSpec: !!step.offSpec,
      ariaLabel: `Step ${number} ${title}: ${status}${position}${step.offSpec ? ', off-spec' : ''}`,
      picked: false,
    },
    selectable: true,
    ...fixed(Z.band),
  };
}

function messageNodes(
  exchange: Exchange,
  stepFindings: Finding[],
  laneX: (lane: Lane) => number,
  top: number,
  row: { height: number; fontPx: number },
  stepFailure: MessageTone | null,
): MessageDiagramNode[] {
  const rowHeight = row.height;
  const fromX = laneX(exchange.from);
  const toX = laneX(exchange.to);
  // A lane talking to itself gets a short arrow rather than none.
  const span = Math.max(Math.abs(toX - fromX), 60);
  const left = Math.min(fromX, toX);
  const goesRight = toX >= fromX;
  const findings = stepFindings.filter((finding) => finding.exchangeId === exchange.id);
  const base = {
    type: 'message' as const,
    position: { x: left, y: top },
    width: span,
    height: rowHeight,
    selectable: true,
    ...fixed(Z.message),
  };
  const relay = exchange.relayed ? ('sent' as const) : exchange.relay ? ('explained' as const) : null;
  const common = {
    exchangeId: exchange.id,
    from: exchange.from,
    to: exchange.to,
    hiddenHeaders: [],
    relay,
    findingSeverity: null,
    findingCount: 0,
    picked: false,
  };
  const { label } = exchange;
  const request: MessageDiagramNode = {
    ...base,
    id: `${exchange.id}-req`,
    data: {
      ...common,
      part: 'request',
      direction: goesRight ? 'right' : 'left',
      label,
      tone: stepFailure ?? (exchange.outcome === 'navigation' ? 'navigation' : 'request'),
      detail: `${exchange.request.method} ${exchange.request.url}`,
      ariaLabel: requestAriaLabel(exchange),
    },
  };
  const reply = replyNode(exchange, { ...base, position: { x: left, y: top + rowHeight } }, common, goesRight ? 'left' : 'right');
  const last = reply ?? request;
  if (exchange.hiddenHeaders?.length) last.data.hiddenHeaders = [...exchange.hiddenHeaders];
  if (findings.length) {
    last.data.findingCount = findings.length;
    last.data.findingSeverity = worstSeverity(findings);
  }
  if (!reply) return [request];
  const lines = replyLabelLines(reply.data.label, badgesOf(reply.data), span, row.fontPx);
  // Each extra line: the label's 1.05em at leading-tight (1.25).
  reply.height = rowHeight + Math.ceil((lines - 1) * row.fontPx * 1.05 * 1.25);
  return [request, reply];
}

function badgesOf(data: MessageDiagramNode['data']): string[] {
  const badges: string[] = [];
  if (data.hiddenHeaders.length) badges.push(BADGE_TEXT.hidden);
  if (data.relay) badges.push(BADGE_TEXT[data.relay]);
  if (data.findingSeverity) badges.push(`✕ ${data.findingCount}`);
  return badges;
}

function replyNode(
  exchange: Exchange,
  base: Omit<MessageDiagramNode, 'id' | 'data'>,
  common: Pick<MessageDiagramNode['data'], 'exchangeId' | 'from' | 'to' | 'hiddenHeaders' | 'relay' | 'findingSeverity' | 'findingCount' | 'picked'>,
  direction: 'left' | 'right',
): MessageDiagramNode | undefined {
  const id = `${exchange.id}-res`;
  if (exchange.response) {
    const label = responseLabel(exchange.response);
    const { response } = exchange;
    return {
      ...base,
      id,
      data: {
        ...common,
        part: 'response',
        direction,
        label,
        tone: responseTone(response.status),
        detail: `${label} · ${response.bodyBytes} bytes in ${Math.round(exchange.durationMs)} ms${response.redirected ? ` · redirected to ${response.finalUrl}` : ''}`,
        ariaLabel: responseAriaLabel(exchange, label),
      },
    };
  }
  if (!isFailedOutcome(exchange.outcome)) return undefined;
  const label = failureLabel(exchange.outcome);
  return {
    ...base,
    id,
    data: {
      ...common,
      part: 'failure',
      direction,
      label,
      tone: exchange.outcome === 'blocked' ? 'blocked' : 'failure',
      detail: exchange.error ? `${label}: ${exchange.error}` : label,
      ariaLabel: failureAriaLabel(exchange, label),
    },
  };
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function worstSeverity(findings: Finding[]): Severity {
  return findings.reduce<Severity>((worst, finding) => (SEVERITY_RANK[finding.severity] > SEVERITY_RANK[worst] ? finding.severity : worst), 'info');
}

function noteNode(step: Step, position: XYPosition, width: number, lineHeight: number): NoteDiagramNode {
  const { notes } = step;
  const lines = notes.slice(0, MAX_NOTE_LINES);
  const moreCount = notes.length - lines.length;
  return {
    id: `note-${step.id}`,
    type: 'note',
    position,
    width,
    height: (lines.length + (moreCount > 0 ? 1 : 0)) * lineHeight + 12,
    data: { stepId: step.id, lines, moreCount, fullText: notes.join('\n') },
    ...fixed(Z.message),
  };
}

/** React Flow's own focus and drag are off: the node content is the button, layout is fixed. */
function fixed(zIndex: number) {
  return { zIndex, draggable: false, focusable: false, connectable: false, deletable: false };
}

function inert(zIndex: number) {
  return { ...fixed(zIndex), selectable: false };
}
