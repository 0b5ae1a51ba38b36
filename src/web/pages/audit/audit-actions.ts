/**
 * What the audit page knows about action codes. The server writes `family.verb` codes; the ones listed here get
 * a translated label (i18n `audit.actions.<family>.<verb>`), anything else — a module added later — shows its
 * raw code.
 */

export const ACTION_FAMILIES = [
  'auth',
  'user',
  'graduate',
  'import',
  'case',
  'pairing',
  'handover',
  'ledger',
  'notification',
  'employer',
  'opportunity',
  'application',
  'zsb',
  'matching',
  'seed',
] as const;
export type TActionFamily = (typeof ACTION_FAMILIES)[number];

/** Every action the server writes today, grouped by family in the order the filter lists them. */
export const KNOWN_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.login_failed',
  'auth.locked',
  'auth.login_locked',
  'auth.password_changed',
  'auth.password_change_failed',
  'auth.sms_requested',
  'auth.sms_refused',
  'auth.sms_login_failed',
  'user.create',
  'user.update',
  'user.unlock',
  'user.reset_password',
  'user.import',
  'user.assign_classes',
  'graduate.reveal_id',
  'graduate.reveal_phone',
  'graduate.reveal_refused',
  'graduate.export',
  'import.stage',
  'import.commit',
  'import.discard',
  'import.revert',
  'import.error_workbook',
  'import.mapping_template',
  'case.needs',
  'case.plan',
  'case.verify_profile',
  'case.destination',
  'case.status',
  'case.measure',
  'case.follow_up',
  'case.progress',
  'case.file',
  'case.view',
  'case.timeline_view',
  'case.file_download',
  'case.bulk_measure',
  'case.bulk_status',
  'case.self_needs',
  'case.self_progress',
  'case.self_file',
  'case.self_account',
  'pairing.assign',
  'handover.commit',
  'ledger.rules',
  'ledger.tick',
  'ledger.digest',
  'notification.read',
  'notification.read_all',
  'employer.register',
  'employer.approve',
  'employer.reject',
  'employer.update',
  'opportunity.create',
  'opportunity.update',
  'opportunity.delete',
  'opportunity.open',
  'opportunity.close',
  'application.create',
  'application.status',
  'application.withdraw',
  'zsb.plan',
  'matching.push',
  'matching.dispatch',
  'matching.push_viewed',
  'matching.settings',
  'seed.demo_orgs',
  'seed.demo_graduates',
  'seed.demo_ledger',
  'seed.demo_opportunities',
  'seed.demo_pushes',
] as const;
export type TKnownAction = (typeof KNOWN_ACTIONS)[number];

/** Entity types the filter offers (the server matches them exactly). */
export const ENTITY_TYPES = [
  'user',
  'graduate',
  'import_batch',
  'org_unit',
  'ledger_case',
  'setting',
  'opportunity',
  'application',
  'zsb_plan',
  'handover_batch',
  'helper_pairing',
  'matching_run',
  'notification',
  'overdue_item',
  'push',
  'counselor_class',
] as const;
export type TEntityType = (typeof ENTITY_TYPES)[number];

export type TActionColor = 'red' | 'orange' | 'blue' | 'purple' | undefined;

export function knownAction(action: string): TKnownAction | undefined {
  return KNOWN_ACTIONS.find((a) => a === action);
}

export function knownEntityType(type: string | null | undefined): TEntityType | undefined {
  return ENTITY_TYPES.find((e) => e === type);
}

/** The family of a code (`auth.login` → `auth`), if it is one we know. */
export function actionFamily(action: string): TActionFamily | undefined {
  const head = action.split('.', 1)[0];
  return ACTION_FAMILIES.find((f) => f === head);
}

/**
 * Tag colour: lockouts red, failures orange, account administration blue, looking at protected personal data
 * purple, everything else default. Rules go by shape, so future `*_failed` or `reveal_*` codes colour themselves.
 */
export function actionColor(action: string): TActionColor {
  const verb = action.slice(action.indexOf('.') + 1);
  if (verb === 'locked' || verb.endsWith('_locked')) return 'red';
  if (verb.endsWith('_failed')) return 'orange';
  if (verb.startsWith('reveal_')) return 'purple';
  if (actionFamily(action) === 'user') return 'blue';
  return undefined;
}

/** Known actions per family, for the filter's option groups; families with none yet are left out. */
export function actionsByFamily(): { family: TActionFamily; actions: TKnownAction[] }[] {
  return ACTION_FAMILIES.map((family) => ({
    family,
    actions: KNOWN_ACTIONS.filter((a) => actionFamily(a) === family),
  })).filter((g) => g.actions.length > 0);
}

/** `auth.` → `auth`, for labelling a family prefix that came back from the URL. */
export function familyOfPrefix(value: string): TActionFamily | undefined {
  return value.endsWith('.') ? ACTION_FAMILIES.find((f) => `${f}.` === value) : undefined;
}

/** A UUID cut to its first 8 characters; other ids are short enough to show whole. */
export function shortId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id.slice(0, 8) : id;
}
