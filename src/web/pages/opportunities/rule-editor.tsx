import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  DatePicker,
  Dropdown,
  Flex,
  InputNumber,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEligibilityRule } from '../../../domain/opportunities/types.ts';
import { LEVELS } from '../../../domain/registry/fields.ts';
import { RegionSelect } from '../cases/region-select.tsx';
import { MajorSelect } from './major-select.tsx';
import { isRuleComplete } from './opportunity-form-model.ts';
import { isPreferredRule } from './opportunity-labels.ts';

type TRuleKind = TEligibilityRule['kind'];

export const RULE_KINDS: readonly TRuleKind[] = [
  'max_age',
  'min_level',
  'levels',
  'major_categories',
  'domicile_regions',
  'cohorts',
  'party_member',
  'teacher_certificate',
  'target_group_only',
];

/** A new rule of a kind, empty where the user must fill it in. */
export function blankRule(kind: TRuleKind, at: { referenceDate: string; cohort: number }): TEligibilityRule {
  switch (kind) {
    case 'max_age':
      return { kind, years: 30, referenceDate: at.referenceDate };
    case 'min_level':
      return { kind, level: '本科' };
    case 'levels':
      return { kind, levels: [] };
    case 'major_categories':
    case 'domicile_regions':
      return { kind, codes: [] };
    case 'cohorts':
      return { kind, cohorts: [at.cohort] };
    case 'party_member':
      return { kind, preferred: true };
    case 'teacher_certificate':
      return { kind };
    case 'target_group_only':
      return { kind };
  }
}

type TProps = {
  value?: TEligibilityRule[];
  onChange?: (rules: TEligibilityRule[]) => void;
  /** the date a new age rule is taken at, and the cohort a new cohort rule starts with */
  at: { referenceDate: string; cohort: number };
  cohortOptions: number[];
  /** show which rules still miss a value (after a submit attempt) */
  showIncomplete?: boolean;
};

/** The post's further conditions as an editable list: one row per rule, each kind at most once. */
export function RuleEditor({ value = [], onChange, at, cohortOptions, showIncomplete }: TProps) {
  const { t } = useTranslation();
  const present = new Set(value.map((r) => r.kind));
  const replace = (i: number, rule: TEligibilityRule) =>
    onChange?.(value.map((r, j) => (j === i ? rule : r)));
  const remove = (i: number) => onChange?.(value.filter((_, j) => j !== i));
  const add = (kind: TRuleKind) => onChange?.([...value, blankRule(kind, at)]);

  return (
    <Flex vertical gap="small" data-testid="rule-editor">
      {value.length === 0 && (
        <Typography.Text type="secondary">{t('opportunities.rules.empty')}</Typography.Text>
      )}
      {value.map((rule, i) => {
        const incomplete = showIncomplete && !isRuleComplete(rule);
        return (
          <Card
            key={rule.kind}
            size="small"
            styles={{ body: { padding: '8px 12px' } }}
            style={incomplete ? { borderColor: 'var(--ant-color-error)' } : undefined}
            data-testid={`rule-${rule.kind}`}
          >
            <Flex gap="small" align="center" wrap>
              <Flex gap={6} align="center" style={{ minWidth: 150 }}>
                <Typography.Text strong>{t(`opportunities.ruleKinds.${rule.kind}`)}</Typography.Text>
                <Tag color={isPreferredRule(rule) ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
                  {isPreferredRule(rule)
                    ? t('opportunities.rules.preferredTag')
                    : t('opportunities.rules.hardTag')}
                </Tag>
              </Flex>
              <div style={{ flex: 1, minWidth: 260 }}>
                <RuleInputs rule={rule} onChange={(r) => replace(i, r)} cohortOptions={cohortOptions} />
              </div>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => remove(i)}
                aria-label={`${t('opportunities.rules.remove')} ${t(`opportunities.ruleKinds.${rule.kind}`)}`}
                data-testid={`rule-remove-${rule.kind}`}
              />
            </Flex>
            {incomplete && (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {t('opportunities.rules.needValue')}
              </Typography.Text>
            )}
          </Card>
        );
      })}
      <Dropdown
        trigger={['click']}
        menu={{
          items: RULE_KINDS.map((kind) => ({
            key: kind,
            label: t(`opportunities.ruleKinds.${kind}`),
            disabled: present.has(kind),
          })),
          onClick: ({ key }) => add(key as TRuleKind),
        }}
      >
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          style={{ alignSelf: 'flex-start' }}
          disabled={present.size === RULE_KINDS.length}
          data-testid="rule-add"
        >
          {t('opportunities.rules.add')}
        </Button>
      </Dropdown>
    </Flex>
  );
}

/** The inputs a rule of each kind needs. */
function RuleInputs({
  rule,
  onChange,
  cohortOptions,
}: {
  rule: TEligibilityRule;
  onChange: (rule: TEligibilityRule) => void;
  cohortOptions: number[];
}): ReactNode {
  const { t } = useTranslation();
  const levelOptions = LEVELS.map((l) => ({ value: l, label: t(`graduates.levels.${l}`) }));
  switch (rule.kind) {
    case 'max_age':
      return (
        <Space wrap>
          <InputNumber
            min={16}
            max={70}
            precision={0}
            value={rule.years}
            onChange={(years) => onChange({ ...rule, years: years ?? rule.years })}
            suffix={t('opportunities.rules.years')}
            aria-label={t('opportunities.rules.yearsLabel')}
            style={{ width: 110 }}
            data-testid="rule-max-age-years"
          />
          <Typography.Text type="secondary">{t('opportunities.rules.referenceDate')}</Typography.Text>
          <DatePicker
            value={rule.referenceDate ? dayjs(rule.referenceDate) : null}
            onChange={(d) => onChange({ ...rule, referenceDate: d ? d.format('YYYY-MM-DD') : '' })}
            aria-label={t('opportunities.rules.referenceDate')}
            title={t('opportunities.rules.referenceDateHint')}
            data-testid="rule-max-age-date"
          />
        </Space>
      );
    case 'min_level':
      return (
        <Select
          value={rule.level}
          options={levelOptions}
          onChange={(level) => onChange({ ...rule, level })}
          aria-label={t('opportunities.rules.level')}
          style={{ width: 140 }}
        />
      );
    case 'levels':
      return (
        <Select
          mode="multiple"
          value={rule.levels}
          options={levelOptions}
          onChange={(levels) => onChange({ ...rule, levels })}
          aria-label={t('opportunities.rules.levels')}
          style={{ width: '100%', maxWidth: 320 }}
          data-testid="rule-levels"
        />
      );
    case 'major_categories':
      return (
        <MajorSelect
          value={rule.codes}
          onChange={(codes) => onChange({ ...rule, codes })}
          data-testid="rule-majors"
        />
      );
    case 'domicile_regions':
      return (
        <RegionSelect
          multiple
          value={rule.codes}
          onChange={(codes) => onChange({ ...rule, codes })}
          data-testid="rule-regions"
        />
      );
    case 'cohorts':
      return (
        <Select
          mode="multiple"
          value={rule.cohorts}
          options={cohortOptions.map((year) => ({
            value: year,
            label: t('opportunities.cohortOption', { year }),
          }))}
          onChange={(cohorts) => onChange({ ...rule, cohorts })}
          aria-label={t('opportunities.rules.cohorts')}
          style={{ width: '100%', maxWidth: 320 }}
          data-testid="rule-cohorts"
        />
      );
    case 'teacher_certificate':
      return (
        <Space size={6}>
          <Switch
            checked={rule.preferred === true}
            onChange={(on) => onChange(on ? { kind: rule.kind, preferred: true } : { kind: rule.kind })}
            aria-label={t('opportunities.rules.preferred')}
            data-testid="rule-teacher-preferred"
          />
          <Typography.Text>{t('opportunities.rules.preferred')}</Typography.Text>
        </Space>
      );
    case 'party_member':
    case 'target_group_only':
      return <Typography.Text type="secondary">{t('opportunities.rules.noInput')}</Typography.Text>;
  }
}
