import type { Node } from '@xyflow/react';
import type { Lane } from '../../engine/model/exchange.ts';
import type { Severity } from '../../engine/model/finding.ts';
import type { StepStatus } from '../../engine/model/step.ts';

/** Node data is plain, JSON-friendly values: the layout stays pure and nodes compare cheaply. */

/** A lane's header: drawn above the canvas, centred on the lane's lifeline (`centreX`, diagram units). */
export type LaneColumn = { lane: Lane; centreX: number; title: string; subtitle: string };

export type LifelineData = { lane: Lane };

/** `current`: the step running now, or the one "Next step" would run. */
export type StepBandData = {
  stepId: string;
  number: number;
  title: string;
  status: StepStatus;
  summary: string;
  /** What the step is for, shown in place of a summary until the step has one. */
  hint: string;
  current: boolean;
  errorCount: number;
  warningCount: number;
  /** Ran after the user chose to continue past an error a conforming client stops at. */
  offSpec: boolean;
  ariaLabel: string;
  /** Part of the selection (shown in the inspector). */
  picked: boolean;
};

/** request: what was sent; response: what came back; failure: why nothing came back. */
export type MessagePart = 'request' | 'response' | 'failure';

export type MessageTone = 'request' | 'navigation' | 'success' | 'redirect' | 'client-error' | 'server-error' | 'blocked' | 'failure';

export type MessageData = {
  exchangeId: string;
  part: MessagePart;
  /** Which way the arrowhead points on screen. */
  direction: 'right' | 'left';
  from: Lane;
  to: Lane;
  label: string;
  tone: MessageTone;
  /** Full text for the tooltip: the label may be cut short on screen. */
  detail: string;
  hiddenHeaders: string[];
  /** Sent through the local relay (relay mode), or explained by it: the browser did not see this as drawn. */
  relay: 'sent' | 'explained' | null;
  /** The worst severity among the findings raised on this exchange, shown on its last arrow. */
  findingSeverity: Severity | null;
  findingCount: number;
  ariaLabel: string;
  /** Part of the selection (shown in the inspector). */
  picked: boolean;
};

export type NoteData = { stepId: string; lines: string[]; moreCount: number; fullText: string };

export type LifelineDiagramNode = Node<LifelineData, 'lifeline'>;
export type StepBandDiagramNode = Node<StepBandData, 'stepBand'>;
export type MessageDiagramNode = Node<MessageData, 'message'>;
export type NoteDiagramNode = Node<NoteData, 'note'>;

export type DiagramNode = LifelineDiagramNode | StepBandDiagramNode | MessageDiagramNode | NoteDiagramNode;
