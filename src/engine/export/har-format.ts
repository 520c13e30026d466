import type { ExchangeOutcome, Lane } from '../model/exchange.ts';
import type { Severity } from '../model/finding.ts';
import type { FlowReport } from '../report/report-format.ts';
import type { StepKind } from '../model/step-kind.ts';

/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) as we write it. Our own data rides in
 * `_`-prefixed fields, which the format reserves for custom data and viewers ignore.
 */

/** Marks the log-level data of a HAR we wrote; import reads steps and findings back from it. */
export const HAR_DATA_FORMAT = 'mcp-auth-flow/har@1';

export interface HarLog {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    pages: HarPage[];
    entries: HarEntry[];
    comment?: string;
    _mcpAuthFlow: HarFlowData;
  };
}

export interface HarPage {
  startedDateTime: string;
  id: string;
  title: string;
  pageTimings: { onContentLoad: number; onLoad: number };
}

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: HarNameValue[];
  headers: HarNameValue[];
  queryString: HarNameValue[];
  postData?: { mimeType: string; text: string };
  headersSize: -1;
  bodySize: number;
}

export interface HarResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  cookies: HarNameValue[];
  headers: HarNameValue[];
  content: { size: number; mimeType: string; text: string };
  redirectURL: string;
  headersSize: -1;
  bodySize: number;
  /** Why no response came (where Chrome puts it too). */
  _error?: string;
  _finalUrl?: string;
  _redirected?: boolean;
  _responseType?: string;
  _bodyTruncated?: boolean;
}

export interface HarEntry {
  pageref: string;
  startedDateTime: string;
  time: number;
  request: HarRequest;
  response: HarResponse;
  cache: Record<string, never>;
  timings: { blocked: -1; dns: -1; connect: -1; send: 0; wait: number; receive: 0 };
  comment?: string;
  /** Chrome's request type: how its Network panel files the entry. */
  _resourceType: 'fetch' | 'document';
  _exchangeId: string;
  _stepId: string;
  _stepKind?: StepKind;
  _label: string;
  _lanes: { from: Lane; to: Lane };
  _outcome: ExchangeOutcome;
  /** Nothing came back: `response` is a status-0 placeholder, not a recorded response. */
  _noResponse?: true;
  _hiddenHeaders?: string[];
  /** Sent through the local relay (relay mode), not by the browser. */
  _relayed?: true;
  _findings: Array<{ ruleId: string; severity: Severity; detail: string }>;
}

/** The run around the exchanges: what the report carries besides them, secrets redacted the same way. */
export interface HarFlowData extends Omit<FlowReport, 'format' | 'generator' | 'exchanges'> {
  format: typeof HAR_DATA_FORMAT;
}
