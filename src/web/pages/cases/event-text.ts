import type { TFunction } from 'i18next';
import type { TCaseEvent } from '../../../domain/api/ledger.ts';
import { codeLabel, codeLabels } from './case-labels.ts';

const str = (v: unknown) =>
  typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : String(v);
const join = (...parts: unknown[]) => parts.map(str).filter(Boolean).join(' · ');

/**
 * What one timeline entry says, from its kind and data, in the reader's language. Unknown kinds and missing
 * fields give less text, never an error: the timeline is append-only and older entries may have older shapes.
 */
export function describeEvent(
  t: TFunction,
  e: TCaseEvent,
  names: { destination?: (code: string) => string | undefined } = {},
): string {
  const d = e.data;
  switch (e.kind) {
    case 'needs':
      return join(
        codeLabel(t, 'intentions', d.intention),
        d.confirmed === true ? t('cases.timeline.confirmed') : '',
      );
    case 'plan':
      return join(str(d.planText).slice(0, 120), codeLabels(t, 'measures', d.plannedMeasures));
    case 'profile_verified':
      return t('cases.timeline.verified');
    case 'measure':
      return join(
        d.group
          ? t('cases.timeline.measureInGroup', {
              item: codeLabel(t, 'measures', d.item),
              group: codeLabel(t, 'measureGroups', d.group),
            })
          : codeLabel(t, 'measures', d.item),
        d.note,
      );
    case 'follow_up':
      return join(
        codeLabel(t, 'followUpMethods', d.method),
        d.content,
        typeof d.nextDue === 'string' ? t('cases.timeline.nextDue', { date: d.nextDue }) : '',
      );
    case 'progress':
      return join(codeLabel(t, 'progressKinds', d.kind), d.employer, d.post, d.note);
    case 'destination': {
      const code = str(d.code);
      return join(code && `${code} ${names.destination?.(code) ?? ''}`.trim(), d.employer);
    }
    case 'status':
      return join(
        t('cases.timeline.statusChange', {
          from: codeLabel(t, 'statuses', d.from),
          to: codeLabel(t, 'statuses', d.to),
        }),
        d.note,
      );
    case 'pairing':
      return join(
        d.helperName,
        d.previousHelperName && `← ${str(d.previousHelperName)}`,
        d.reason ?? d.endReason,
      );
    case 'counselor': {
      const names = (v: unknown) =>
        Array.isArray(v) && v.length ? v.join('、') : t('staff.timeline.nobody');
      return join(
        t('staff.timeline.counselorText', { className: str(d.className), to: names(d.counselorNames) }),
        `← ${names(d.previousCounselorNames)}`,
        d.reason,
      );
    }
    case 'handover':
      return join(d.toOrgName ?? d.orgName ?? d.holderOrgName, d.note);
    case 'responsible':
      return d.name
        ? join(d.name, d.previousName && `← ${str(d.previousName)}`)
        : t('cases.timeline.responsibleCleared', { name: str(d.previousName) });
    case 'file':
      return t('cases.timeline.uploaded', { name: str(d.name) });
    case 'push':
      return join(d.title, d.note);
    default:
      return join(d.note ?? d.text);
  }
}
