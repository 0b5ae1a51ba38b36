import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Popconfirm, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LEDGER_RULES, type TLedgerRules } from '../../../domain/ledger/rules.ts';
import { useLedgerRules, useSaveLedgerRules } from '../../api/ledger-admin.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import {
  dayBounds,
  isValidRule,
  parseRules,
  RULE_SECTIONS,
  ruleChanges,
  type TDayRuleKey,
  type TRuleKey,
} from './rules-model.ts';

/** 服务时限规则: the periods of the zero-gap clock and the 四清, set by the ministry. */
export function LedgerRulesPage() {
  const { t } = useTranslation();
  const rules = useLedgerRules();
  return (
    <>
      <PageHeader title={t('nav.ledgerRules')} />
      <Typography.Paragraph type="secondary">{t('siqing.rules.intro')}</Typography.Paragraph>
      {rules.isPending ? (
        <LoadingState />
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <RulesForm saved={rules.data} />
      )}
    </>
  );
}

function RulesForm({ saved }: { saved: TLedgerRules }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const serverMessage = useServerErrorMessage();
  const [form] = Form.useForm<TLedgerRules>();
  const save = useSaveLedgerRules();
  const values = Form.useWatch([], form) as Partial<TLedgerRules> | undefined;
  const current = parseRules(values);
  const dirty = values !== undefined && (current === null || ruleChanges(saved, current).length > 0);

  useEffect(() => form.setFieldsValue(saved), [form, saved]);

  const label = (key: TRuleKey) => t(`siqing.rules.fields.${key}`);
  const show = (key: TRuleKey, value: TLedgerRules[TRuleKey]) =>
    key === 'leavingMonthDay' ? String(value) : `${value} ${t('siqing.rules.days')}`;

  const confirmSave = (next: TLedgerRules) => {
    const changes = ruleChanges(saved, next);
    modal.confirm({
      title: t('siqing.rules.saveConfirm'),
      content: (
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {changes.length > 0
              ? t('siqing.rules.saveChanges', { count: changes.length })
              : t('siqing.rules.saveNoChange')}
          </Typography.Paragraph>
          {changes.length > 0 && (
            <ul style={{ paddingInlineStart: 20 }}>
              {changes.map((c) => (
                <li key={c.key}>
                  {t('siqing.rules.change', {
                    field: label(c.key),
                    from: show(c.key, c.from),
                    to: show(c.key, c.to),
                  })}
                </li>
              ))}
            </ul>
          )}
          <Typography.Text type="secondary">{t('siqing.rules.saveNote')}</Typography.Text>
        </>
      ),
      okText: t('siqing.rules.save'),
      cancelText: t('common.cancel'),
      onOk: () =>
        save
          .mutateAsync(next)
          .then(() => void message.success(t('siqing.rules.saved')))
          .catch((error: unknown) => {
            void message.error(t('siqing.rules.saveFailed', { reason: serverMessage(error) }));
          }),
    });
  };

  const resetDefaults = () => {
    form.setFieldsValue(DEFAULT_LEDGER_RULES);
    void form.validateFields();
    void message.info(t('siqing.rules.resetDone'));
  };

  return (
    <Form<TLedgerRules>
      form={form}
      layout="vertical"
      initialValues={saved}
      onFinish={(v) => {
        const parsed = parseRules(v);
        if (parsed) confirmSave(parsed);
      }}
      style={{ maxWidth: 760 }}
      data-testid="ledger-rules-form"
    >
      {RULE_SECTIONS.map((section) => (
        <Card
          key={section.key}
          size="small"
          title={t(`siqing.rules.sections.${section.key}`)}
          style={{ marginBottom: 16 }}
        >
          {section.fields.map((key) => (
            <RuleField key={key} field={key} label={label(key)} />
          ))}
        </Card>
      ))}
      {dirty && <Alert type="info" showIcon title={t('siqing.rules.unsaved')} style={{ marginBottom: 16 }} />}
      <Flex gap="small" wrap>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={save.isPending}
          data-testid="rules-save"
        >
          {t('siqing.rules.save')}
        </Button>
        <Popconfirm
          title={t('siqing.rules.resetConfirm')}
          description={t('siqing.rules.resetDetail')}
          okText={t('siqing.rules.resetDefaults')}
          cancelText={t('common.cancel')}
          onConfirm={resetDefaults}
        >
          <Button icon={<UndoOutlined />} data-testid="rules-reset">
            {t('siqing.rules.resetDefaults')}
          </Button>
        </Popconfirm>
      </Flex>
    </Form>
  );
}

function RuleField({ field, label }: { field: TRuleKey; label: string }) {
  const { t } = useTranslation();
  const fallback = DEFAULT_LEDGER_RULES[field];
  const extra = (
    <>
      {t(`siqing.rules.help.${field}`)}{' '}
      <Typography.Text type="secondary">
        {t('siqing.rules.defaultValue', {
          value: field === 'leavingMonthDay' ? fallback : `${fallback} ${t('siqing.rules.days')}`,
        })}
      </Typography.Text>
    </>
  );
  if (field === 'leavingMonthDay') {
    return (
      <Form.Item
        name={field}
        label={label}
        extra={extra}
        required
        rules={[
          {
            validator: (_, value) =>
              isValidRule(field, value)
                ? Promise.resolve()
                : Promise.reject(new Error(t('siqing.rules.invalidMonthDay'))),
          },
        ]}
      >
        <Input placeholder="06-30" maxLength={5} style={{ width: 120 }} className="mono" />
      </Form.Item>
    );
  }
  const { min, max } = dayBounds(field as TDayRuleKey);
  return (
    <Form.Item
      name={field}
      label={label}
      extra={extra}
      required
      rules={[
        {
          validator: (_, value) =>
            isValidRule(field, value)
              ? Promise.resolve()
              : Promise.reject(new Error(t('siqing.rules.invalidNumber', { min, max }))),
        },
      ]}
    >
      <InputNumber min={min} max={max} precision={0} suffix={t('siqing.rules.days')} style={{ width: 160 }} />
    </Form.Item>
  );
}
