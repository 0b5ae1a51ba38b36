import type { employerPortalZh } from './employer-portal.zh-CN.ts';

/** English messages of the employer's portal; same keys as employer-portal.zh-CN.ts, same care with wording. */
export const employerPortalEn: typeof employerPortalZh = {
  title: 'Recruitment',
  review: {
    pendingTitle: 'Your registration is awaiting review',
    pendingDetail:
      'The local HRSS bureau or a university employment centre reviews it; once approved you can post and see applicants. If anything is missing, the reviewer will contact {{contact}}.',
    rejectedTitle: 'Your registration was not approved',
    rejectedDetail: 'Reviewer’s note: {{note}}. For questions, contact your local HRSS bureau.',
    noNote: 'none given',
    noProfileTitle: 'Your organisation has no employer registration',
    noProfileDetail: 'Register as an employer first; you can post once the registration is approved.',
    submittedAt: 'Submitted',
  },
  profile: {
    creditCode: 'Unified social credit code',
    region: 'Region',
    industry: 'Industry',
    reviewedAt: 'Reviewed',
  },
  posts: {
    title: 'My posts',
    create: 'New post',
    searchPlaceholder: 'Search titles',
    empty: 'No posts yet',
    emptyHint: 'Click “New post”, fill it in and save it as a draft, then open it for applications.',
    applicants: 'Applicants',
    quota: 'Hired / places',
    viewApplicants: 'Applicants',
    edit: 'Edit',
    openDetail:
      'Once open, graduates can apply on the platform and teachers can recommend the post to suitable graduates.',
    delete: 'Delete draft',
    deleteConfirm: 'Delete the draft “{{title}}”? This cannot be undone.',
    deleted: 'Draft deleted',
  },
  form: {
    createTitle: 'New post',
    editTitle: 'Edit post',
    saved: 'Saved',
    created: 'Saved as a draft; check it, then click “Open for applications”',
  },
  post: {
    back: 'Back to my posts',
    applicants: 'Applicants',
    privacy:
      'Only graduates who applied to this post are shown; mobile numbers are partly hidden. Move them on here.',
    filterAll: 'All',
  },
  applicant: {
    name: 'Name',
    gender: 'Gender',
    level: 'Level',
    major: 'Major',
    cohortValue: 'Class of {{year}}',
    phone: 'Mobile',
    appliedAt: 'Applied',
    status: 'Stage',
    actions: 'Actions',
    empty: 'No applicants yet',
    moves: {
      interview: 'Invite to interview',
      offer: 'Make an offer',
      hired: 'Confirm hired',
      rejected: 'Decline',
    },
    confirm: {
      interview: 'Invite {{name}} to an interview?',
      offer: 'Make {{name}} an offer?',
      hired: 'Confirm that {{name}} has started?',
      rejected: 'Decline {{name}}?',
    },
    confirmDetail: {
      interview: 'The graduate sees the interview under “My applications”.',
      offer: 'This takes one of the places; the graduate sees the offer under “My applications”.',
      hired: 'This is final; the graduate’s destination is recorded from it.',
      rejected: 'This is final.',
    },
    note: 'Note (optional, kept on record)',
    moved: 'Updated: {{status}}',
    final: 'Final',
  },
};
