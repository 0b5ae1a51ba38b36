import type { siqingZh } from './siqing.zh-CN.ts';

export const siqingEn: typeof siqingZh = {
  report: {
    intro:
      'The four clears: profile, needs, measures and progress. Cases meeting each rule per unit, as counts and rates; the periods are set in the service-level rules.',
    groupBy: {
      university: 'By university',
      college: 'By college',
      province: 'By home province',
      county: 'By home county',
    },
    allCohorts: 'All cohorts',
    unit: 'Unit',
    totalHint:
      'Every case file in your scope (at school and handed over to HRSS, of the chosen cohort): the denominator of each flag and of all four. By university it equals the pairing page’s cases at school + handed over.',
    total: 'Cases',
    allFour: 'All four clear',
    overall: 'Overall',
    overallCount: '{{count}} of {{total}} cases',
    cell: '{{count}} / {{total}}',
    lagging: 'All-four rate, lowest first',
    laggingHint:
      'Of the units with at least {{min}} cases, the {{count}} with the lowest all-four rate (smaller units are left out of the ranking: their rates are mostly chance; see the table); each flag owns a quarter of the bar, filled by its rate.',
    allFourShort: 'all four {{percent}}%',
    unnamed: '(not given)',
    empty: 'No case files in your scope yet',
  },
  rules: {
    intro:
      'These periods drive overdue reminders, escalation and whether the four clears are met, for every university. Worklists and cases follow new rules at once.',
    sections: {
      service: 'Pairing and follow-up',
      siqing: 'Four-clears periods',
      leaving: 'Leaving school',
      escalation: 'Escalation',
    },
    fields: {
      pairWithinDays: 'Pair within',
      followUpEveryDays: 'Follow up every',
      needsPeriodDays: 'Needs confirmation valid for',
      measurePeriodDays: 'Measure period',
      progressPeriodDays: 'Progress period',
      leavingMonthDay: 'Leaving date (MM-DD)',
      escalateToUniversityDays: 'Escalate to university admin after',
      escalateToProvinceDays: 'Then escalate to the province after',
    },
    help: {
      pairWithinDays: 'Days after a case opens by which the graduate must have a helper (one-to-one).',
      followUpEveryDays: 'Follow up a graduate who is not placed at least this often.',
      needsPeriodDays:
        'Intention and needs confirmed by the graduate within this many days count as "needs clear"; they must be reconfirmed before leaving school (a case opened after leaving: within this many days of opening).',
      measurePeriodDays: 'While not placed, a measure within this many days counts as "measures clear".',
      progressPeriodDays:
        'While not placed, progress updated within this many days counts as "progress clear".',
      leavingMonthDay:
        'Each cohort leaves school on this day of its year (e.g. 06-30); handover to HRSS comes after it.',
      escalateToUniversityDays:
        'An overdue item still open after this many days goes to the university admin (0: at once).',
      escalateToProvinceDays: 'This many days later it goes to the provincial department (0: at once).',
    },
    days: 'days',
    invalidNumber: 'Enter a whole number from {{min}} to {{max}}',
    invalidMonthDay: 'Enter a real date as MM-DD (not 02-29)',
    resetDefaults: 'Reset to defaults',
    resetConfirm: 'Reset the form to the system defaults?',
    resetDetail: 'Only the form changes; nothing applies until you save.',
    resetDone: 'Defaults restored; check them and save',
    save: 'Save rules',
    saveConfirm: 'Save the service-level rules?',
    saveChanges: '{{count}} change(s):',
    saveNoChange: 'No rule changes.',
    saveNote:
      'Overdue reminders and four-clears counts of every university follow at once; the change is audited.',
    change: '{{field}}: {{from}} → {{to}}',
    saved: 'Service-level rules saved',
    saveFailed: 'Could not save: {{reason}}',
    defaultValue: '(default {{value}})',
    unsaved: 'Unsaved changes',
  },
};
