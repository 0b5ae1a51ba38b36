import { Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { INDUSTRIES, POST_KINDS } from '../../../domain/ledger/codes.ts';
import type { TOpportunityKind } from '../../../domain/opportunities/types.ts';
import { LEVELS } from '../../../domain/registry/fields.ts';
import { RegionSelect } from '../cases/region-select.tsx';
import { cohortYears } from '../imports/import-model.ts';
import { EmployerSelect } from './employer-select.tsx';
import { MajorSelect } from './major-select.tsx';
import { RuleEditor } from './rule-editor.tsx';

/*
 * The two cards of the post form: what the post is (kind first) and who may apply. They render form items only;
 * the form's state and its kind logic live in opportunity-form.tsx.
 */

export const COHORTS = cohortYears(dayjs().year());
const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

export type TEmployerPicker = { current: { id: string; name: string } | null } | false;

type TBasicsProps = {
  mode: 'create' | 'edit';
  kinds: readonly TOpportunityKind[];
  employerPicker: TEmployerPicker | undefined;
  onKindChange: (kind: TOpportunityKind) => void;
};

/** Kind, title, employer, where, until when, how many, pay, category, cohort, the zone flag, description. */
export function PostBasicsCard({ mode, kinds, employerPicker, onKindChange }: TBasicsProps) {
  const { t } = useTranslation();
  return (
    <Card title={t('opportunities.form.basics')} size="small" style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="kind"
            label={t('opportunities.form.kind')}
            extra={t('opportunities.form.kindHint')}
            rules={[{ required: true }]}
          >
            <Select
              autoFocus={mode === 'create'}
              showSearch={{ optionFilterProp: 'label' }}
              options={kinds.map((k) => ({ value: k, label: t(`opportunities.kinds.${k}`) }))}
              onChange={onKindChange}
              data-testid="post-kind"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            name="title"
            label={t('opportunities.form.title')}
            rules={[
              {
                required: true,
                whitespace: true,
                min: 2,
                max: 100,
                message: t('opportunities.form.titleRequired'),
              },
            ]}
          >
            <Input maxLength={100} showCount data-testid="post-title" />
          </Form.Item>
        </Col>
      </Row>
      {employerPicker && (
        <Form.Item
          name="employerOrgId"
          label={t('opportunities.form.employer')}
          extra={t('opportunities.form.employerHint')}
        >
          <EmployerSelect current={employerPicker.current} />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="regionCodes"
            label={t('opportunities.form.regions')}
            extra={t('opportunities.form.regionsHint')}
            rules={[
              { required: true, type: 'array', min: 1, message: t('opportunities.form.regionsRequired') },
            ]}
          >
            <RegionSelect multiple data-testid="post-regions" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="deadline"
            label={t('opportunities.form.deadline')}
            rules={[{ required: true, message: t('opportunities.form.deadlineRequired') }]}
            {...dateProps}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
              data-testid="post-deadline"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="quota"
            label={t('opportunities.form.quota')}
            extra={t('opportunities.form.quotaHint')}
          >
            <InputNumber
              min={1}
              max={100_000}
              precision={0}
              placeholder={t('opportunities.form.quotaPlaceholder')}
              style={{ width: '100%' }}
              data-testid="post-quota"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label={t('opportunities.form.salary')} style={{ marginBottom: 0 }}>
            <Flex gap="small">
              <Form.Item name="salaryMin" style={{ flex: 1 }}>
                <InputNumber
                  min={0}
                  max={200_000}
                  step={500}
                  precision={0}
                  placeholder={t('opportunities.form.salaryMin')}
                  style={{ width: '100%' }}
                  data-testid="post-salary-min"
                />
              </Form.Item>
              <Form.Item
                name="salaryMax"
                style={{ flex: 1 }}
                dependencies={['salaryMin']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_, max: number | null) => {
                      const min = getFieldValue('salaryMin') as number | null;
                      if (min != null && max != null && max < min)
                        throw new Error(t('opportunities.form.salaryRange'));
                    },
                  }),
                ]}
              >
                <InputNumber
                  min={0}
                  max={200_000}
                  step={500}
                  precision={0}
                  placeholder={t('opportunities.form.salaryMax')}
                  style={{ width: '100%' }}
                  data-testid="post-salary-max"
                />
              </Form.Item>
            </Flex>
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="industry" label={t('opportunities.form.industry')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={INDUSTRIES.map((i) => ({ value: i, label: t(`cases.industries.${i}`) }))}
              popupMatchSelectWidth={300}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name="postKind" label={t('opportunities.form.postKind')}>
            <Select
              allowClear
              options={POST_KINDS.map((p) => ({ value: p, label: t(`cases.postKinds.${p}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item noStyle dependencies={['kind']}>
            {({ getFieldValue }) => (
              <Form.Item
                name="cohort"
                label={t('opportunities.form.cohort')}
                rules={[
                  {
                    required: getFieldValue('kind') === 'zhuanshengben',
                    message: t('opportunities.form.cohortRequired'),
                  },
                ]}
              >
                <Select
                  allowClear
                  options={COHORTS.map((year) => ({
                    value: year,
                    label: t('opportunities.cohortOption', { year }),
                  }))}
                  data-testid="post-cohort"
                />
              </Form.Item>
            )}
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="targetPriority"
        label={t('opportunities.form.targetPriority')}
        extra={t('opportunities.form.targetPriorityHint')}
        valuePropName="checked"
      >
        <Switch data-testid="post-target-priority" />
      </Form.Item>
      <Form.Item name="description" label={t('opportunities.form.description')}>
        <Input.TextArea
          rows={4}
          maxLength={5000}
          showCount
          placeholder={t('opportunities.form.descriptionPlaceholder')}
          data-testid="post-description"
        />
      </Form.Item>
    </Card>
  );
}

/** Minimum level, accepted majors and the further conditions (the kind's template, editable). */
export function PostConditionsCard({
  at,
  tried,
}: {
  at: () => { referenceDate: string; cohort: number };
  tried: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card title={t('opportunities.form.rules')} size="small" style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item name="minLevel" label={t('opportunities.form.minLevel')} normalize={(v) => v ?? null}>
            <Select
              allowClear
              placeholder={t('opportunities.form.minLevelPlaceholder')}
              options={LEVELS.map((l) => ({ value: l, label: t(`graduates.levels.${l}`) }))}
              data-testid="post-min-level"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={18}>
          <Form.Item
            name="majorPrefixes"
            label={t('opportunities.form.majors')}
            extra={t('opportunities.form.majorsHint')}
          >
            <MajorSelect data-testid="post-majors" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item noStyle dependencies={['deadline', 'cohort']}>
        {() => (
          <Form.Item name="eligibilityRules">
            <RuleEditor at={at()} cohortOptions={COHORTS} showIncomplete={tried} />
          </Form.Item>
        )}
      </Form.Item>
    </Card>
  );
}
