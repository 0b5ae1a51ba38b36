import { Alert, App, Button, Flex, Form } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  OPPORTUNITY_KINDS,
  type TEligibilityRule,
  type TOpportunityKind,
} from '../../../domain/opportunities/types.ts';
import { ApiError } from '../../api/client.ts';
import type { TOpportunityInput } from '../../api/opportunities.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { DEFAULT_COHORT } from '../imports/import-model.ts';
import {
  bodyOfValues,
  isRuleComplete,
  sameRules,
  type TPostFormValues,
  templateOf,
} from './opportunity-form-model.ts';
import { PostBasicsCard, PostConditionsCard, type TEmployerPicker } from './post-form-cards.tsx';

type TProps = {
  initial: TPostFormValues;
  mode: 'create' | 'edit';
  /** the kinds this user may post (employers: jobs, internships, training) */
  kinds?: readonly TOpportunityKind[];
  /** staff who review employers may post on an approved employer's behalf */
  employerPicker?: TEmployerPicker;
  saving: boolean;
  onSubmit: (body: TOpportunityInput) => Promise<unknown>;
  onCancel: () => void;
};

/**
 * The post form, kind first: choosing a kind fills in that programme's usual conditions (age, level, certificate
 * …), which stay editable. Keyboard-friendly: fields in reading order, Enter confirms a field, Ctrl+Enter saves.
 */
export function OpportunityForm({
  initial,
  mode,
  kinds = OPPORTUNITY_KINDS,
  employerPicker,
  saving,
  onSubmit,
  onCancel,
}: TProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const errorText = useServerErrorMessage();
  const [form] = Form.useForm<TPostFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  // the template last filled in: rules still equal to it were not edited and may be replaced silently
  const applied = useRef({ kind: initial.kind, rules: initial.eligibilityRules, minLevel: initial.minLevel });

  const at = () => ({
    referenceDate: form.getFieldValue('deadline') ?? dayjs().format('YYYY-MM-DD'),
    cohort: form.getFieldValue('cohort') ?? DEFAULT_COHORT,
  });

  const onKindChange = (kind: TOpportunityKind) => {
    const previous = applied.current;
    if (kind === previous.kind) return;
    const cohort =
      form.getFieldValue('cohort') ??
      (kind === 'zhuanshengben' || kind === 'second_degree' ? DEFAULT_COHORT : null);
    const template = templateOf(kind, { ...at(), cohort: cohort ?? DEFAULT_COHORT });
    const fill = () => {
      form.setFieldsValue({ eligibilityRules: template.rules, minLevel: template.minLevel, cohort });
      applied.current = { kind, rules: template.rules, minLevel: template.minLevel };
    };
    const untouched =
      sameRules(form.getFieldValue('eligibilityRules') ?? [], previous.rules) &&
      (form.getFieldValue('minLevel') ?? null) === previous.minLevel;
    if (untouched) return fill();
    modal.confirm({
      title: t('opportunities.form.replaceRulesTitle', { kind: t(`opportunities.kinds.${kind}`) }),
      content: t('opportunities.form.replaceRulesDetail'),
      okText: t('opportunities.form.replaceRules'),
      cancelText: t('opportunities.form.keepRules'),
      onOk: fill,
      onCancel: () => {
        applied.current = { ...previous, kind };
      },
    });
  };

  // an age rule taken at the default date follows the deadline (the usual cut-off) until someone sets its date
  const lastDeadline = useRef<string>(initial.deadline ?? dayjs().format('YYYY-MM-DD'));
  const onValuesChange = (changed: Partial<TPostFormValues>) => {
    if (!('deadline' in changed)) return;
    const previous = lastDeadline.current;
    const next = changed.deadline ?? dayjs().format('YYYY-MM-DD');
    lastDeadline.current = next;
    const follow = (rules: TEligibilityRule[]) =>
      rules.map((r) =>
        r.kind === 'max_age' && r.referenceDate === previous ? { ...r, referenceDate: next } : r,
      );
    const rules: TEligibilityRule[] = form.getFieldValue('eligibilityRules') ?? [];
    if (sameRules(rules, applied.current.rules))
      applied.current = { ...applied.current, rules: follow(rules) };
    form.setFieldValue('eligibilityRules', follow(rules));
  };

  const onFinish = async (values: TPostFormValues) => {
    setTried(true);
    setError(null);
    if (!values.eligibilityRules.every(isRuleComplete)) return;
    try {
      await onSubmit(bodyOfValues({ ...initial, ...values }));
    } catch (e) {
      const field = e instanceof ApiError ? (e.details as { field?: string } | undefined)?.field : undefined;
      if (field && field in initial)
        form.setFields([{ name: field as keyof TPostFormValues, errors: [errorText(e)] }]);
      else setError(errorText(e));
    }
  };

  return (
    <Form<TPostFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={onFinish}
      onValuesChange={onValuesChange}
      onFinishFailed={() => setTried(true)}
      disabled={saving}
      scrollToFirstError
      // Enter confirms a date or an option in this long form; it must not send a half-filled post. Ctrl+Enter sends.
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || (e.target as HTMLElement).tagName !== 'INPUT') return;
        e.preventDefault();
        if (e.ctrlKey || e.metaKey) form.submit();
      }}
      data-testid="post-form"
    >
      <PostBasicsCard mode={mode} kinds={kinds} employerPicker={employerPicker} onKindChange={onKindChange} />
      <PostConditionsCard at={at} tried={tried} />
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="post-form-error"
        />
      )}
      <Flex gap="small">
        <Button type="primary" htmlType="submit" loading={saving} data-testid="post-submit">
          {mode === 'create' ? t('opportunities.form.submitCreate') : t('opportunities.form.submitEdit')}
        </Button>
        <Button onClick={onCancel} disabled={false}>
          {t('common.cancel')}
        </Button>
      </Flex>
    </Form>
  );
}
