/**
 * Messages of the 四清 report and the service-level rules page (zh-CN, the reference); siqing.en-US.ts must
 * have exactly these keys. The four flags' names are the shared ledger labels (cases.siqing.*).
 */
export const siqingZh = {
  report: {
    intro:
      '四清：人员底数清、就业需求清、帮扶举措清、求职进展清。按单位统计达标的台账数与比例，时限见“服务时限规则”。',
    groupBy: { university: '按高校', college: '按院系', province: '按生源省', county: '按生源县' },
    allCohorts: '全部届别',
    unit: '单位',
    total: '台账数',
    totalHint:
      '范围内全部帮扶台账（在校与已移交人社的都算，按所选届别）。四项各自达标的台账数与“四清全部达标”都以它为分母；按高校统计时，台账数 = 一帮一结对页的“在校台账”+“已移交人社”。',
    allFour: '四清全部达标',
    overall: '总体达标率',
    overallCount: '{{count}} / {{total}} 份台账',
    cell: '{{count}} / {{total}}',
    lagging: '四清达标率（由低到高）',
    laggingHint:
      '台账数不少于 {{min}} 份的单位中，四清全部达标率最低的 {{count}} 个（更小的单位比例偶然性大，不参与排名，见下表）；每项占四分之一长度，按该项达标比例填充。',
    allFourShort: '四清 {{percent}}%',
    unnamed: '（未填写）',
    empty: '范围内还没有帮扶台账',
  },
  rules: {
    intro:
      '这些时限决定逾期提醒、逾期升级和“四清”是否达标，对所有高校生效。修改后，工作台与台账立即按新规则计算。',
    sections: {
      service: '一帮一与跟踪服务',
      siqing: '“四清”时限',
      leaving: '离校',
      escalation: '逾期升级',
    },
    fields: {
      pairWithinDays: '结对时限',
      followUpEveryDays: '跟踪服务周期',
      needsPeriodDays: '就业需求确认有效期',
      measurePeriodDays: '帮扶举措周期',
      progressPeriodDays: '求职进展更新周期',
      leavingMonthDay: '离校日期（月-日）',
      escalateToUniversityDays: '升级到高校管理员',
      escalateToProvinceDays: '再升级到省级部门',
    },
    help: {
      pairWithinDays: '台账建立后多少天内须为毕业生确定一名帮扶责任人（一帮一）。',
      followUpEveryDays: '对未落实去向的毕业生，至少每隔多少天跟踪服务一次。',
      needsPeriodDays:
        '就业意向与需求在多少天内经毕业生确认，才算“就业需求清”；离校前须重新确认（离校后才建档的，自建档起这么多天内确认）。',
      measurePeriodDays: '未落实去向时，多少天内须有一项帮扶举措，才算“帮扶举措清”。',
      progressPeriodDays: '未落实去向时，多少天内须更新求职进展，才算“求职进展清”。',
      leavingMonthDay: '每届毕业生在当年这一天离校（如 06-30）；此后才能移交人社部门。',
      escalateToUniversityDays: '逾期事项超过多少天仍未处理，提醒高校就业管理员（0 表示立即）。',
      escalateToProvinceDays: '升级到高校后再过多少天仍未处理，提醒省级部门（0 表示立即）。',
    },
    days: '天',
    invalidNumber: '请输入 {{min}}–{{max}} 之间的整数',
    invalidMonthDay: '请按 MM-DD 填写一个存在的日期（不能是 02-29）',
    resetDefaults: '恢复默认值',
    resetConfirm: '把表单恢复为系统默认值？',
    resetDetail: '只改表单，保存后才生效。',
    resetDone: '已恢复默认值，请检查后保存',
    save: '保存规则',
    saveConfirm: '保存服务时限规则？',
    saveChanges: '将修改 {{count}} 项：',
    saveNoChange: '没有修改任何规则。',
    saveNote: '保存后立即影响所有高校的逾期提醒与四清统计，并记入审计日志。',
    change: '{{field}}：{{from}} → {{to}}',
    saved: '服务时限规则已保存',
    saveFailed: '保存失败：{{reason}}',
    defaultValue: '（默认 {{value}}）',
    unsaved: '有尚未保存的修改',
  },
};
