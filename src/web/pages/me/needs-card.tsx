import {
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { TSelfCase } from '../../../domain/api/portal.ts';
import {
  INDUSTRIES,
  INTENTIONS,
  POST_KINDS,
  SERVICE_NEEDS,
  type TIntention,
  type TPostKind,
  type TServiceNeed,
} from '../../../domain/ledger/codes.ts';
import { useUpdateSelfNeeds } from '../../api/me.ts';
import { QualificationFields } from '../../components/qualification-fields.tsx';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { useCardSize } from './card-size.ts';
import { formatDay } from './me-format.ts';

type TForm = {
  intention?: TIntention;
  services: TServiceNeed[];
  postKinds: TPostKind[];
  industries: string[];
  returnHome: boolean;
  partnerProvinces: boolean;
  salaryFloor: number | null;
  constraints: string;
  partyMember: boolean | null;
  teacherCertificate: boolean | null;
};

const toForm = (r: TSelfCase): TForm => ({
  intention: r.intention ?? undefined,
  services: r.needs.services,
  postKinds: r.needs.postKinds,
  industries: r.needs.industries,
  returnHome: r.needs.returnHome,
  partnerProvinces: r.needs.partnerProvinces,
  salaryFloor: r.needs.salaryFloor,
  constraints: r.needs.constraints,
  partyMember: r.needs.partyMember,
  teacherCertificate: r.needs.teacherCertificate,
});

/** Confirm or update my intention and needs; submitting also confirms them (the date staff see). */
export function NeedsCard({ record }: { record: TSelfCase }) {
  const { t } = useTranslation();
  const size = useCardSize();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const update = useUpdateSelfNeeds();
  const [form] = Form.useForm<TForm>();

  const onFinish = (v: TForm) => {
    if (!v.intention) return;
    update.mutate(
      {
        intention: v.intention,
        needs: {
          // preferred regions are kept with staff (a region picker is too heavy for a phone)
          regions: record.needs.regions,
          returnHome: v.returnHome,
          partnerProvinces: v.partnerProvinces,
          industries: v.industries,
          postKinds: v.postKinds,
          salaryFloor: v.salaryFloor ?? null,
          constraints: v.constraints?.trim() ?? '',
          services: v.services,
          partyMember: v.partyMember ?? null,
          teacherCertificate: v.teacherCertificate ?? null,
        },
      },
      {
        onSuccess: () => void message.success(t('me.needs.saved')),
        onError: (error) => void message.error(errorText(error)),
      },
    );
  };

  return (
    <Card size={size} title={t('me.needs.title')} data-testid="me-needs">
      <Typography.Paragraph
        type={record.needsConfirmedAt ? 'secondary' : 'warning'}
        data-testid="me-needs-confirmed"
      >
        {record.needsConfirmedAt
          ? t('me.needs.confirmedAt', { date: formatDay(record.needsConfirmedAt) })
          : t('me.needs.notConfirmed')}
      </Typography.Paragraph>
      <Form<TForm>
        form={form}
        layout="vertical"
        initialValues={toForm(record)}
        onFinish={onFinish}
        disabled={update.isPending}
        data-testid="me-needs-form"
      >
        <Form.Item
          name="intention"
          label={t('me.needs.intention')}
          rules={[{ required: true, message: t('me.needs.intentionRequired') }]}
        >
          <Radio.Group
            optionType="button"
            options={INTENTIONS.map((i) => ({ value: i, label: t(`me.intentions.${i}`) }))}
            data-testid="me-intention"
          />
        </Form.Item>
        <Form.Item name="services" label={t('me.needs.services')}>
          <Checkbox.Group options={SERVICE_NEEDS.map((s) => ({ value: s, label: t(`me.services.${s}`) }))} />
        </Form.Item>
        <Form.Item name="postKinds" label={t('me.needs.postKinds')}>
          <Select
            mode="multiple"
            allowClear
            options={POST_KINDS.map((k) => ({ value: k, label: t(`cases.postKinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="industries" label={t('me.needs.industries')}>
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            options={INDUSTRIES.map((k) => ({ value: k, label: t(`cases.industries.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="returnHome" valuePropName="checked" label={t('me.needs.returnHome')}>
          <Switch />
        </Form.Item>
        <Form.Item name="partnerProvinces" valuePropName="checked" label={t('me.needs.partnerProvinces')}>
          <Switch />
        </Form.Item>
        <Form.Item name="salaryFloor" label={t('me.needs.salaryFloor')}>
          <InputNumber min={0} max={100_000} step={500} style={{ width: '100%' }} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="constraints" label={t('me.needs.constraints')}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            showCount
            placeholder={t('me.needs.constraintsPlaceholder')}
          />
        </Form.Item>
        <QualificationFields ns="me" />
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={update.isPending}
          data-testid="me-needs-submit"
        >
          {t('me.needs.submit')}
        </Button>
      </Form>
    </Card>
  );
}
