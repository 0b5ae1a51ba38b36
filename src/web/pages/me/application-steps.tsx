import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TApplicationStatus } from '../../../domain/opportunities/codes.ts';
import { ApplicationStatusTag } from '../opportunities/opportunity-tags.tsx';
import { APPLICATION_STEPS, stepOf } from './application-status.ts';

/** An application's status as the staff pages' tag, marked for the browser tests. */
export function ApplicationTag({ status }: { status: TApplicationStatus }) {
  return (
    <span data-testid="application-status" data-status={status}>
      <ApplicationStatusTag status={status} />
    </span>
  );
}

/**
 * An application's progress as steps (已报名 → 面试 → 拟录用 → 已录用), compact enough for a phone; an
 * application that was rejected or withdrawn shows its tag instead.
 */
export function ApplicationSteps({ status }: { status: TApplicationStatus }) {
  const { t } = useTranslation();
  const current = stepOf(status);
  if (current === null) return <ApplicationTag status={status} />;
  return (
    <Steps
      size="small"
      type="dot"
      titlePlacement="vertical"
      responsive={false}
      current={current}
      status={status === 'hired' ? 'finish' : 'process'}
      items={APPLICATION_STEPS.map((s) => ({ key: s, title: t(`opportunities.applicationStatuses.${s}`) }))}
      data-testid="application-steps"
      data-status={status}
    />
  );
}
