/**
 * Messages of the employer's portal (招聘管理): the registration's review state, the profile (单位信息), my
 * posts, the post form and the applicants of a post. Employers only ever see who applied, with a masked profile:
 * nothing here may speak of anyone's poverty, focus county or assistance status. employer-portal.en-US.ts has
 * exactly these keys. Kind, status and field labels come from the `opportunities` and `employers` namespaces;
 * the applicants table (shared with the staff post page) has its words in `opportunities.applicants`.
 */
export const employerPortalZh = {
  title: '招聘管理',
  review: {
    pendingTitle: '单位注册正在审核中',
    pendingDetail:
      '审核由所在地人社部门或高校就业指导中心办理，通过后即可发布岗位、查看投递者。如需补充材料，审核人员会联系 {{contact}}。',
    rejectedTitle: '单位注册未通过审核',
    rejectedDetail: '审核意见：{{note}}。如有疑问，请联系所在地人社部门。',
    noNote: '未填写',
    noProfileTitle: '本单位尚未登记用人单位信息',
    noProfileDetail: '请先完成用人单位注册，审核通过后才能发布岗位。',
    submittedAt: '提交时间',
  },
  tabs: {
    posts: '我的岗位',
    profile: '单位信息',
  },
  profile: {
    creditCode: '统一社会信用代码',
    region: '所在地区',
    industry: '行业',
    reviewedAt: '审核时间',
    title: '单位信息',
    edit: '修改单位信息',
    editTitle: '修改单位信息',
    save: '保存',
    saved: '单位信息已保存',
    identityTitle: '统一社会信用代码和单位名称不能在此修改',
    identityDetail: '它们是单位的身份信息，已在注册审核时核验。如需更正，请联系审核本单位的管理员。',
    reviewer: '审核人：{{name}}',
    tagsHint: '单位标签由审核部门核实确认，单位不能自行修改。',
    keepsReview: '修改联系人、行业、规模或省内地区不影响审核状态；迁往其他省份后需由所在省份重新审核。',
    conflict: '单位信息刚被本单位其他账户修改，已载入最新内容，请核对后重新保存。',
  },
  posts: {
    title: '我的岗位',
    create: '发布岗位',
    searchPlaceholder: '搜索岗位名称',
    empty: '还没有发布岗位',
    emptyHint: '点击“发布岗位”填写岗位信息，保存为草稿后再开放报名。',
    applicants: '投递',
    quota: '已录用 / 名额',
    viewApplicants: '查看投递者',
    edit: '编辑',
    openDetail: '开放后毕业生即可在平台上申请，学校老师也可以把岗位推荐给合适的毕业生。',
    delete: '删除草稿',
    deleteConfirm: '删除草稿“{{title}}”？删除后不能恢复。',
    deleted: '已删除草稿',
  },
  form: {
    createTitle: '发布岗位',
    editTitle: '编辑岗位',
    saved: '已保存',
    created: '已保存为草稿，确认无误后点击“开放报名”',
  },
  post: {
    back: '返回我的岗位',
    applicants: '投递者',
    privacy: '只显示投递本岗位的毕业生；手机号已隐藏部分数字，请通过平台推进面试与录用。',
    filterAll: '全部',
    appliedAt: '投递时间',
    empty: '暂无投递',
  },
};
