import { Alert, App, Form, Input, Modal, Select, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TZsbReportRowApi } from '../../../domain/api/opportunities.ts';
import { useSetZsbPlan } from '../../api/opportunities.ts';
import { useProvinces } from '../../api/reference.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { percentOfBp, previewQuota, readRatioInput } from './zsb-model.ts';

export type TRatioTarget = { provinceCode: string | null; cohort: number; ratioBp: number | null };

type TProps = {
  target: TRatioTarget | null;
  /** the report's rows: the base of the chosen province (0 when it has none yet) */
  rows: TZsbReportRowApi[];
  /** a provincial department sets its own province only */
  provinceCodes: string[] | null;
  onClose: () => void;
};

/** Set a province's ratio for a cohort, with the quota the domain's arithmetic gives previewed as one types. */
export function ZsbRatioModal({ target, rows, provinceCodes, onClose }: TProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const provinces = useProvinces();
  const save = useSetZsbPlan();
  const [province, setProvince] = useState<string | null>(null);
  const [raw, setRaw] = useState('');
  const [error, setError] = useState<string | null>(null);
  const code = province ?? target?.provinceCode ?? null;
  const row = rows.find((r) => r.provinceCode === code);
  const base = row?.base ?? 0;
  const input = readRatioInput(raw);
  const preview = previewQuota(base, raw);
  const provinceName =
    row?.provinceName ??
    provinces.data?.find((p) => p.code === code)?.name ??
    code ??
    t('opportunities.zsb.pickProvince');
  const options = (provinces.data ?? [])
    .filter((p) => !provinceCodes || provinceCodes.includes(p.code))
    .map((p) => ({ value: p.code, label: p.name }));

  const reset = () => {
    setProvince(null);
    setRaw('');
    setError(null);
  };
  const submit = () => {
    if (!target || !code || !input.ok) return;
    setError(null);
    save.mutate(
      { provinceCode: code, cohort: target.cohort, ratioBp: input.ratioBp },
      {
        onSuccess: () => {
          void message.success(t('opportunities.zsb.saved'));
          onClose();
        },
        onError: (e) => setError(errorText(e)),
      },
    );
  };
  const inputError =
    raw.trim() === '' || input.ok
      ? undefined
      : input.reason === 'too_precise'
        ? t('opportunities.zsb.ratioTooPrecise')
        : t('opportunities.zsb.ratioInvalid');

  return (
    <Modal
      open={target !== null}
      title={
        target
          ? t('opportunities.zsb.modalTitle', { province: provinceName, cohort: target.cohort })
          : undefined
      }
      onCancel={onClose}
      afterClose={reset}
      onOk={submit}
      okButtonProps={{ disabled: !input.ok || !code, loading: save.isPending }}
      destroyOnHidden
      data-testid="zsb-ratio-modal"
    >
      <Form layout="vertical" component="div">
        {!target?.provinceCode && (
          <Form.Item label={t('opportunities.zsb.province')} required>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              value={code}
              onChange={setProvince}
              options={options}
              placeholder={t('opportunities.zsb.pickProvince')}
              data-testid="zsb-province"
            />
          </Form.Item>
        )}
        <Form.Item
          label={t('opportunities.zsb.ratioLabel')}
          extra={t('opportunities.zsb.ratioHint')}
          validateStatus={inputError ? 'error' : undefined}
          help={inputError}
        >
          <Input
            autoFocus
            value={raw}
            onChange={(e) => setRaw(e.target.value)}
            onPressEnter={submit}
            placeholder={target?.ratioBp ? percentOfBp(target.ratioBp) : '10%'}
            style={{ maxWidth: 200 }}
            data-testid="zsb-ratio-input"
          />
        </Form.Item>
      </Form>
      <Statistic
        title={t('opportunities.zsb.preview')}
        value={preview ? preview.quota : '—'}
        data-testid="zsb-preview"
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 4 }} data-testid="zsb-preview-line">
        {preview
          ? t('opportunities.zsb.previewLine', {
              base,
              ratio: percentOfBp(preview.ratioBp),
              exact: preview.exact,
              quota: preview.quota,
            })
          : `${t('opportunities.zsb.base')}：${base}`}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
