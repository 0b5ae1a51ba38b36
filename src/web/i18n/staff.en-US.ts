import type { staffZh } from './staff.zh-CN.ts';

/** Messages of the staff import and the class assignment page (en-US). */
export const staffEn: typeof staffZh = {
  import: {
    open: 'Import accounts',
    title: 'Import accounts from Excel',
    intro:
      'Download the template and fill in username, name, org code and roles from the drop-downs; counselors also need their college and classes (several separated by 、). .xlsx and CSV (UTF-8 or GBK) are accepted. If any row is wrong, nothing in the file is written.',
    template: 'Download template',
    choose: 'Choose file',
    submit: 'Import',
    failed: 'The file has {{count}} problem(s); no account was created. Fix them and upload again.',
    errorWorkbook: 'Download the rows in error (fix and upload again)',
    row: 'Row',
    column: 'Column',
    message: 'Problem',
    done: '{{count}} account(s) created, {{classes}} class(es) assigned.',
    passwordsOnce:
      'Temporary passwords are shown this once: copy or download them now and hand them over securely. Users must change them at first sign-in.',
    downloadPasswords: 'Download accounts and temporary passwords (once)',
    downloaded: 'Downloaded; the temporary passwords have been cleared from the page',
    username: 'Username',
    name: 'Name',
    org: 'Org code',
    roles: 'Roles',
    classes: 'Classes',
    password: 'Temporary password',
  },
  classes: {
    intro:
      'Classes brought in by the rosters. Counselors see cases through the classes they keep; graduates of a class without a counselor are in nobody’s caseload. Reassigning records the change on the timeline of every case in the class.',
    unassignedAlert: '{{classes}} class(es) have no counselor, holding {{targets}} target graduate(s).',
    allAssigned: 'Every class has a counselor.',
    onlyUnassigned: 'Only classes without a counselor',
    cohort: 'Cohort',
    college: 'College',
    className: 'Class',
    graduates: 'Graduates',
    targets: 'Target group',
    cases: 'Cases',
    counselors: 'Counselors',
    none: 'No counselor',
    inactive: ' (deactivated)',
    pick: 'Choose counselors',
    save: 'Save',
    saved: 'Saved: {{classes}} class(es), change recorded on {{cases}} case(s)',
    reason: 'Reason (optional)',
    move: 'Hand over all',
    moveTitle: 'Move all classes of one counselor to another',
    from: 'From counselor',
    to: 'To counselor',
    moveSubmit: 'Move',
    search: 'Search college or class',
  },
  ledger: {
    noCounselor: 'No counselor',
    noCounselorHint:
      'Nobody keeps this graduate’s class, so the case is in no counselor’s caseload. A university admin assigns one under “Class counselors”.',
    noCounselorCard: 'No counselor',
    noCounselorFilter: 'Only without a counselor',
  },
  timeline: {
    counselor: 'Counselor changed',
    counselorText: '{{className}}: {{to}}',
    nobody: 'nobody',
  },
};
