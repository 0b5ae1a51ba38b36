/**
 * Messages of the employer's portal (招聘管理): the registration's review state, my posts, the post form and
 * the applicants of a post. Employers only ever see who applied, with a masked profile: nothing here may speak
 * of anyone's poverty, focus county or assistance status. employer-portal.en-US.ts has exactly these keys.
 * Kind, status and field labels come from the `opportunities` and `employers` namespaces.
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
  profile: {
    creditCode: '统一社会信用代码',
    region: '所在地区',
    industry: '行业',
    reviewedAt: '审核时间',
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
  },
  applicant: {
    name: '姓名',
    gender: '性别',
    level: '学历',
    major: '专业',
    cohortValue: '{{year}} 届',
    phone: '手机号',
    appliedAt: '投递时间',
    status: '进度',
    actions: '操作',
    empty: '暂无投递',
    moves: {
      interview: '安排面试',
      offer: '发放录用通知',
      hired: '确认入职',
      rejected: '不予录用',
    },
    confirm: {
      interview: '确认安排 {{name}} 参加面试？',
      offer: '确认向 {{name}} 发放录用通知？',
      hired: '确认 {{name}} 已入职？',
      rejected: '确认不录用 {{name}}？',
    },
    confirmDetail: {
      interview: '毕业生会在“我的申请”中看到面试状态。',
      offer: '将占用一个招聘名额，毕业生会在“我的申请”中看到拟录用。',
      hired: '入职后不能再更改，毕业生的就业去向将据此登记。',
      rejected: '不予录用后不能再更改。',
    },
    note: '备注（可选，仅留档）',
    moved: '已更新：{{status}}',
    final: '已结束',
  },
};
