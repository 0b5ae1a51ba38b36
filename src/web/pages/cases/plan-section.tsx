import { Alert, App, Button, Checkbox, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TCaseDetail } from '../../../domain/api/ledger.ts';
import { MEASURE_GROUPS, type TMeasureItem } from '../../../domain/ledger/codes.ts';
import { useOverwrite } from './conflict-modal.tsx';
import { MEASURE_GROUP_LIST } from './measure-select.tsx';
import { useSectionBase } from './section-base.ts';
import { submitOnCtrlEnter } from './submit-keys.ts';

type TForm = { planText: string; plannedMeasures: TMeasureItem[] };

const pickPlan = (d: TCaseDetail): TForm => ({
  planText: d.planText ?? '',
  plannedMeasures: d.plannedMeasures as TMeasureItem[],
});

/** 一人一策: the plan in words and the measures planned, by the notice's five tasks. */
export function PlanSection({ detail, readOnly }: { detail: TCaseDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const base = useSectionBase(detail, pickPlan);
  const { save, saving, modal } = useOverwrite(detail.id);
  const onFinish = (v: TForm) =>
    save(
      {
        path: '/plan',
        method: 'PUT',
        body: {
          version: base.version,
          planText: v.planText?.trim() ?? '',
          plannedMeasures: v.plannedMeasures ?? [],
        },
      },
      (d) => {
        void message.success(t('cases.plan.saved'));
        base.adopt(d);
      },
    );
  return (
    <>
      {base.stale && (
        <Alert type="warning" showIcon title={t('cases.staleSection')} style={{ marginBottom: 12 }} />
      )}
      <PlanForm
        key={base.stamp}
        initial={base.values}
        readOnly={readOnly}
        saving={saving}
        onDirty={() => base.setDirty(true)}
        onFinish={onFinish}
      />
      {modal}
    </>
  );
}

function PlanForm(props: {
  initial: TForm;
  readOnly: boolean;
  saving: boolean;
  onDirty: () => void;
  onFinish: (v: TForm) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TForm>();
  return (
    <Form<TForm>
      form={form}
      layout="vertical"
      initialValues={props.initial}
      disabled={props.readOnly}
      onValuesChange={props.onDirty}
      onFinish={props.onFinish}
      data-testid="plan-form"
    >
      <Form.Item name="planText" label={t('cases.plan.text')}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={5000}
          showCount
          placeholder={t('cases.plan.textPlaceholder')}
          onKeyDown={submitOnCtrlEnter(form)}
          data-testid="plan-text"
        />
      </Form.Item>
      <Form.Item name="plannedMeasures" label={t('cases.plan.planned')}>
        <Checkbox.Group style={{ display: 'block' }}>
          {MEASURE_GROUP_LIST.map((group) => (
            <Flex key={group} gap="small" wrap align="baseline" style={{ marginBottom: 8 }}>
              <Typography.Text strong style={{ minWidth: 72 }}>
                {t(`cases.measureGroups.${group}`)}
              </Typography.Text>
              {MEASURE_GROUPS[group].map((item) => (
                <Checkbox key={item} value={item}>
                  {t(`cases.measures.${item}`)}
                </Checkbox>
              ))}
            </Flex>
          ))}
        </Checkbox.Group>
      </Form.Item>
      {!props.readOnly && (
        <Button type="primary" htmlType="submit" loading={props.saving} data-testid="plan-save">
          {t('cases.plan.save')}
        </Button>
      )}
    </Form>
  );
}
