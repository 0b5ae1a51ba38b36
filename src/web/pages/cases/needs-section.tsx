import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { TCaseDetail } from '../../../domain/api/ledger.ts';
import {
  INDUSTRIES,
  INTENTIONS,
  POST_KINDS,
  SERVICE_NEEDS,
  type TIntention,
  type TPostKind,
  type TServiceNeed,
} from '../../../domain/ledger/codes.ts';
import { QualificationFields } from '../../components/qualification-fields.tsx';
import { formatDate } from './case-labels.ts';
import { useOverwrite } from './conflict-modal.tsx';
import { RegionSelect } from './region-select.tsx';
import { useSectionBase } from './section-base.ts';
import { submitOnCtrlEnter } from './submit-keys.ts';

type TForm = {
  intention?: TIntention;
  regions: string[];
  returnHome: boolean;
  partnerProvinces: boolean;
  industries: string[];
  postKinds: TPostKind[];
  salaryFloor: number | null;
  constraints: string;
  services: TServiceNeed[];
  partyMember: boolean | null;
  teacherCertificate: boolean | null;
  confirmed: boolean;
};

const pickNeeds = (d: TCaseDetail) => ({ intention: d.intention, needs: d.needs });
type TNeeds = ReturnType<typeof pickNeeds>;

const toForm = ({ intention, needs }: TNeeds): TForm => ({
  intention: intention ?? undefined,
  ...needs,
  confirmed: true,
});

/** 就业需求: intention and needs, confirmed with the graduate (that date makes 就业需求清). */
export function NeedsSection({ detail, readOnly }: { detail: TCaseDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const base = useSectionBase(detail, pickNeeds);
  const { save, saving, modal } = useOverwrite(detail.id);

  const onFinish = (v: TForm) => {
    if (!v.intention) return;
    save(
      {
        path: '/needs',
        method: 'PUT',
        body: {
          version: base.version,
          intention: v.intention,
          confirmed: v.confirmed,
          needs: {
            regions: v.regions,
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
      },
      (d) => {
        void message.success(t('cases.needs.saved'));
        base.adopt(d);
      },
    );
  };

  return (
    <>
      <Typography.Paragraph
        type={detail.needsConfirmedAt ? 'secondary' : 'warning'}
        data-testid="needs-confirmed"
      >
        {detail.needsConfirmedAt
          ? t('cases.needs.confirmedAt', { date: formatDate(detail.needsConfirmedAt) })
          : t('cases.needs.neverConfirmed')}
      </Typography.Paragraph>
      {base.stale && (
        <Alert type="warning" showIcon title={t('cases.staleSection')} style={{ marginBottom: 12 }} />
      )}
      <NeedsForm
        key={base.stamp}
        initial={toForm(base.values)}
        readOnly={readOnly}
        saving={saving}
        onDirty={() => base.setDirty(true)}
        onFinish={onFinish}
      />
      {modal}
    </>
  );
}

function NeedsForm({
  initial,
  readOnly,
  saving,
  onDirty,
  onFinish,
}: {
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
      initialValues={initial}
      disabled={readOnly}
      onValuesChange={onDirty}
      onFinish={onFinish}
      data-testid="needs-form"
    >
      <Form.Item
        name="intention"
        label={t('cases.needs.intention')}
        rules={[{ required: true, message: t('cases.needs.intentionRequired') }]}
      >
        <Radio.Group
          optionType="button"
          options={INTENTIONS.map((i) => ({ value: i, label: t(`cases.intentions.${i}`) }))}
          data-testid="needs-intention"
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="regions" label={t('cases.needs.regions')}>
            <RegionSelect multiple data-testid="needs-regions" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label=" " colon={false} style={{ marginBottom: 0 }}>
            <Form.Item name="returnHome" valuePropName="checked" noStyle>
              <Checkbox>{t('cases.needs.returnHome')}</Checkbox>
            </Form.Item>
            <Form.Item name="partnerProvinces" valuePropName="checked" noStyle>
              <Checkbox>{t('cases.needs.partnerProvinces')}</Checkbox>
            </Form.Item>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="industries" label={t('cases.needs.industries')}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('cases.needs.industriesPlaceholder')}
              options={INDUSTRIES.map((c) => ({ value: c, label: t(`cases.industries.${c}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="salaryFloor" label={t('cases.needs.salaryFloor')}>
            <InputNumber<number>
              min={0}
              max={100_000}
              step={500}
              precision={0}
              suffix={t('cases.needs.salaryUnit')}
              style={{ width: 200 }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="postKinds" label={t('cases.needs.postKinds')}>
        <Checkbox.Group options={POST_KINDS.map((k) => ({ value: k, label: t(`cases.postKinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="services" label={t('cases.needs.services')}>
        <Checkbox.Group options={SERVICE_NEEDS.map((s) => ({ value: s, label: t(`cases.services.${s}`) }))} />
      </Form.Item>
      <Form.Item name="constraints" label={t('cases.needs.constraints')}>
        <Input.TextArea
          rows={2}
          maxLength={500}
          showCount
          placeholder={t('cases.needs.constraintsPlaceholder')}
          onKeyDown={submitOnCtrlEnter(form)}
        />
      </Form.Item>
      <QualificationFields ns="cases" />
      {!readOnly && (
        <Form.Item name="confirmed" valuePropName="checked" extra={t('cases.needs.confirmedHint')}>
          <Checkbox data-testid="needs-confirmed-box">{t('cases.needs.confirmed')}</Checkbox>
        </Form.Item>
      )}
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={saving} data-testid="needs-save">
          {t('cases.needs.save')}
        </Button>
      )}
    </Form>
  );
}
