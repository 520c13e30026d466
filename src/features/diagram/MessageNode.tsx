import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { SEVERITY_STYLE } from '../../ui/status.ts';
import { classNames } from './class-names.ts';
import { useSelectButton } from './diagram-actions.ts';
import type { MessageDiagramNode, MessageTone } from './diagram-nodes.ts';
import { BADGE_TEXT } from './message-labels.ts';

const TONE_COLOUR: Record<MessageTone, string> = {
  request: '#0f172a',
  navigation: '#4338ca',
  success: '#047857',
  redirect: '#0369a1',
  'client-error': '#b45309',
  'server-error': '#b91c1c',
  blocked: '#c026d3',
  failure: '#dc2626',
};

const HEAD = 11;

export const MessageNode = memo(function MessageNode({ data, width = 0, height = 0 }: NodeProps<MessageDiagramNode>) {
  const request = data.part === 'request';
  const button = useSelectButton({ kind: 'exchange', id: data.exchangeId }, data.ariaLabel, request);
  const colour = TONE_COLOUR[data.tone];
  const failure = data.part === 'failure';
  const lineY = height - 10;
  return (
    <div
      {...button}
      data-testid={`message-${data.exchangeId}-${request ? 'req' : 'res'}`}
      data-part={data.part}
      data-tone={data.tone}
      aria-pressed={data.picked}
      title={data.detail}
      className={classNames(
        'relative h-full w-full cursor-pointer rounded-md hover:bg-slate-900/5',
        'focus-visible:outline-[3px] focus-visible:outline-offset-2 focus-visible:outline-slate-900',
        failure && (data.tone === 'blocked' ? 'bg-fuchsia-100' : 'bg-red-100'),
        data.picked && 'bg-blue-100 ring-[3px] ring-blue-600 hover:bg-blue-100',
      )}
    >
      {/* A request's path may be cut (the tooltip has it whole); a status wraps and is never cut. */}
      <div
        className={classNames(
          'absolute inset-x-1 top-0 flex items-end justify-center gap-x-1.5 leading-tight',
          request ? 'flex-nowrap' : 'flex-wrap content-end',
        )}
        style={{ height: lineY - 3 }}
      >
        <span
          data-testid="message-label"
          className={classNames(
            'text-[1.05em]',
            request ? 'min-w-0 truncate' : 'text-center [overflow-wrap:anywhere]',
            failure || FAILURE_TONES.has(data.tone) ? 'font-bold' : 'font-medium',
          )}
          style={{ color: colour }}
        >
          {data.label}
        </span>
        {data.hiddenHeaders.length > 0 && (
          <span
            className="shrink-0 rounded border border-amber-500 bg-amber-100 px-1 text-[0.8em] font-semibold whitespace-nowrap text-amber-900"
            title={`Hidden from the script (not exposed by CORS): ${data.hiddenHeaders.join(', ')}`}
          >
            {BADGE_TEXT.hidden}
          </span>
        )}
        {data.relay && (
          <span
            className="shrink-0 rounded border border-violet-500 bg-violet-100 px-1 text-[0.8em] font-semibold whitespace-nowrap text-violet-900"
            title={
              data.relay === 'sent'
                ? 'Sent through the local relay: a browser would not have seen this response'
                : 'The relay re-sent this request to explain what the browser hid'
            }
          >
            {BADGE_TEXT[data.relay]}
          </span>
        )}
        {data.findingSeverity && (
          <span
            className={classNames('shrink-0 rounded border px-1 text-[0.8em] font-bold whitespace-nowrap', SEVERITY_STYLE[data.findingSeverity].className)}
            title={`${data.findingCount} finding${data.findingCount === 1 ? '' : 's'} on this exchange`}
          >
            <span aria-hidden="true">{SEVERITY_STYLE[data.findingSeverity].icon}</span> {data.findingCount}
          </span>
        )}
      </div>
      <Arrow width={width} lineY={lineY} direction={data.direction} colour={colour} dashed={!request} crossed={failure} strong={FAILURE_TONES.has(data.tone)} />
    </div>
  );
});

const FAILURE_TONES: ReadonlySet<MessageTone> = new Set(['failure', 'blocked']);

function Arrow(props: { width: number; lineY: number; direction: 'left' | 'right'; colour: string; dashed: boolean; crossed: boolean; strong: boolean }) {
  const { width, lineY, colour } = props;
  const sign = props.direction === 'right' ? 1 : -1;
  const tip = props.direction === 'right' ? width - 2 : 2;
  const start = props.direction === 'right' ? 2 : width - 2;
  const base = tip - sign * HEAD;
  return (
    <svg aria-hidden="true" className="pointer-events-none absolute top-0 left-0 overflow-visible" width={width} height={lineY + HEAD}>
      <line
        x1={start}
        y1={lineY}
        x2={props.crossed ? tip : base}
        y2={lineY}
        stroke={colour}
        strokeWidth={props.strong ? 3 : 2}
        strokeDasharray={props.dashed ? '8 5' : undefined}
      />
      {props.crossed ? (
        // No arrowhead: nothing arrived. A cross marks where the answer should have landed.
        <path
          d={`M ${tip - sign * 14} ${lineY - 7} l ${sign * 14} 14 M ${tip - sign * 14} ${lineY + 7} l ${sign * 14} -14`}
          stroke={colour}
          strokeWidth={3.5}
          strokeLinecap="round"
        />
      ) : (
        <polygon points={`${tip},${lineY} ${base},${lineY - HEAD / 2} ${base},${lineY + HEAD / 2}`} fill={colour} />
      )}
    </svg>
  );
}
