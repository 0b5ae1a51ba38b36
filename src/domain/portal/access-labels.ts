/**
 * What a graduate's access log calls each audited action on their record. The audit trail stores codes such as
 * `graduate.reveal_id` or `case.needs`; the graduate sees a plain label ("查看了您的身份证号"). Matching goes by
 * the shape of the code, so actions added by later modules land on a sensible label instead of a raw code.
 */
export const ACCESS_LABELS = [
  'revealed_id',
  'revealed_phone',
  'exported',
  'viewed',
  'viewed_timeline',
  'downloaded_file',
  'account_issued',
  'needs_updated',
  'plan_updated',
  'measure_logged',
  'follow_up_logged',
  'progress_logged',
  'destination_updated',
  'status_changed',
  'paired',
  'handed_over',
  'file_added',
  'profile_updated',
  'record_changed',
] as const;
export type TAccessLabel = (typeof ACCESS_LABELS)[number];

const RULES: [RegExp, TAccessLabel][] = [
  [/export/, 'exported'],
  [/download/, 'downloaded_file'],
  [/timeline/, 'viewed_timeline'],
  [/self_account/, 'account_issued'],
  [/needs/, 'needs_updated'],
  [/plan/, 'plan_updated'],
  [/measure/, 'measure_logged'],
  [/follow/, 'follow_up_logged'],
  [/progress/, 'progress_logged'],
  [/destination/, 'destination_updated'],
  [/status/, 'status_changed'],
  [/pair/, 'paired'],
  [/handover|hand_over/, 'handed_over'],
  [/file/, 'file_added'],
  [/profile|verif/, 'profile_updated'],
  [/view|read/, 'viewed'],
];

/** The label of an audit action on the graduate's record; `after` tells which field a reveal showed. */
export function accessLabel(action: string, after: unknown): TAccessLabel {
  const verb = action.slice(action.indexOf('.') + 1);
  if (/reveal/.test(verb)) {
    const field = (after as { field?: unknown } | null)?.field;
    return field === 'phone' || /phone/.test(verb) ? 'revealed_phone' : 'revealed_id';
  }
  return RULES.find(([re]) => re.test(verb))?.[1] ?? 'record_changed';
}
