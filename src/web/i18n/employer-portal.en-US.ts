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
  tabs: {
    posts: 'My posts',
    profile: 'Profile',
  },
  profile: {
    creditCode: 'Unified social credit code',
    region: 'Region',
    industry: 'Industry',
    reviewedAt: 'Reviewed',
    title: 'Organisation profile',
    edit: 'Edit profile',
    editTitle: 'Edit organisation profile',
    save: 'Save',
    saved: 'Profile saved',
    identityTitle: 'The credit code and the legal name cannot be changed here',
    identityDetail:
      'They identify your organisation and were verified when your registration was reviewed. To correct them, contact the administrator who reviewed your organisation.',
    reviewer: 'Reviewed by: {{name}}',
    tagsHint: 'Tags are confirmed by the reviewing department; your organisation cannot change them.',
    keepsReview:
      'Changing the contact, industry, size or region within your province keeps your review status; moving to another province sends the registration to that province for review.',
    conflict:
      'A colleague has just changed this profile. The latest version is loaded; check it and save again.',
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
    appliedAt: 'Applied',
    empty: 'No applicants yet',
  },
};
