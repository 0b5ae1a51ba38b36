import { App, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TCaseDetail } from '../../../domain/api/ledger.ts';
import { useCaseEdit, useResponsibleCandidates } from '../../api/cases.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';

/**
 * A handed-over case's responsible person at the county bureau: shown to everyone who sees the case; the
 * bureau (who may edit) picks one of its own staff, or clears it. The server checks the person and audits it.
 */
export function ResponsiblePerson({ detail, canEdit }: { detail: TCaseDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const candidates = useResponsibleCandidates(detail.id, canEdit);
  const edit = useCaseEdit(detail.id);
  const label = t('cases.labelled', { label: t('cases.responsible') });
  if (!canEdit)
    return (
      <Typography.Text data-testid="case-responsible">
        {label}
        {detail.responsible ? (
          detail.responsible.name
        ) : (
          <Typography.Text type="danger">{t('cases.noResponsible')}</Typography.Text>
        )}
      </Typography.Text>
    );
  const options = (candidates.data ?? []).map((c) => ({ value: c.userId, label: c.name }));
  if (detail.responsible && !options.some((o) => o.value === detail.responsible!.userId))
    options.unshift({ value: detail.responsible.userId, label: detail.responsible.name });
  return (
    <Typography.Text data-testid="case-responsible">
      {label}
      <Select
        size="small"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ minWidth: 160 }}
        placeholder={t('cases.pickResponsible')}
        value={detail.responsible?.userId ?? null}
        options={options}
        loading={candidates.isPending || edit.isPending}
        onChange={(userId: string | null | undefined) =>
          edit.mutate(
            { path: '/responsible', method: 'PUT', body: { userId: userId ?? null } },
            {
              onSuccess: () => void message.success(t('cases.responsibleSaved')),
              onError: (e) => void message.error(errorText(e)),
            },
          )
        }
        aria-label={t('cases.responsible')}
        data-testid="case-responsible-select"
      />
    </Typography.Text>
  );
}
