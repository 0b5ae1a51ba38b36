import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Table, Tag, Typography, theme } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCaseDetail, TVersionConflict } from '../../../domain/api/ledger.ts';
import { caseKey, type TCaseEdit, useCaseEdit, versionConflictOf } from '../../api/cases.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { conflictFieldLabel, conflictValue, formatDateTime } from './case-labels.ts';
import { conflictRows, type TConflictRow, withVersion } from './conflict.ts';

type TOverwriteEdit = Extract<TCaseEdit, { body: { version: number } }>;
type TPending = { edit: TOverwriteEdit; conflict: TVersionConflict; onSaved: (d: TCaseDetail) => void };
type TNames = Parameters<typeof conflictValue>[3];

/**
 * Saving an overwriting section (needs, plan, profile check, destination, status). On a version conflict the
 * user sees both sides and chooses: reload what is stored, or save theirs again on the stored version.
 */
export function useOverwrite(caseId: string, names?: TNames) {
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const queryClient = useQueryClient();
  const edit = useCaseEdit(caseId);
  const [pending, setPending] = useState<TPending | null>(null);

  const save = (e: TOverwriteEdit, onSaved: (d: TCaseDetail) => void) =>
    edit.mutate(e, {
      onSuccess: (d) => {
        setPending(null);
        onSaved(d);
      },
      onError: (error) => {
        const conflict = versionConflictOf(error);
        if (conflict) setPending({ edit: e, conflict, onSaved });
        else void message.error(errorText(error));
      },
    });

  const reload = async () => {
    if (!pending) return;
    await queryClient.refetchQueries({ queryKey: caseKey(caseId), exact: true });
    const fresh = queryClient.getQueryData<TCaseDetail>(caseKey(caseId));
    setPending(null);
    if (fresh) pending.onSaved(fresh);
  };
  const overwrite = () => {
    if (!pending) return;
    const { edit: e, conflict, onSaved } = pending;
    save({ ...e, body: withVersion(e.body, conflict.currentVersion) } as TOverwriteEdit, onSaved);
  };

  const modal: ReactNode = (
    <ConflictModal
      pending={pending}
      saving={edit.isPending}
      names={names}
      onReload={() => void reload()}
      onOverwrite={overwrite}
      onCancel={() => setPending(null)}
    />
  );
  return { save, saving: edit.isPending, modal };
}

function ConflictModal({
  pending,
  saving,
  names,
  onReload,
  onOverwrite,
  onCancel,
}: {
  pending: TPending | null;
  saving: boolean;
  names: TNames;
  onReload: () => void;
  onOverwrite: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const c = pending?.conflict;
  const rows = c ? conflictRows(c.yours, c.theirs) : [];
  const value = (row: TConflictRow, side: 'yours' | 'theirs') => (
    <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
      {conflictValue(t, row.field, row[side], names)}
    </Typography.Text>
  );
  return (
    <Modal
      open={pending !== null}
      title={t('cases.conflict.title')}
      onCancel={onCancel}
      width={760}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <>
          <Button autoFocus onClick={onReload} data-testid="conflict-reload">
            {t('cases.conflict.reload')}
          </Button>
          <Button
            type="primary"
            danger
            loading={saving}
            onClick={onOverwrite}
            data-testid="conflict-overwrite"
          >
            {t('cases.conflict.overwrite')}
          </Button>
        </>
      }
      data-testid="conflict-modal"
    >
      {c && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('cases.conflict.intro', {
            who: c.updatedBy ?? t('cases.conflict.someone'),
            at: c.updatedAt ? formatDateTime(c.updatedAt) : t('common.none'),
          })}
        />
      )}
      <Table<TConflictRow>
        rowKey="field"
        size="small"
        pagination={false}
        dataSource={rows}
        onRow={(row) => ({ style: row.differs ? { background: token.colorWarningBg } : undefined })}
        columns={[
          {
            key: 'field',
            title: t('cases.conflict.field'),
            width: 130,
            render: (_, row) => (
              <>
                <div>{conflictFieldLabel(t, row.field)}</div>
                {row.differs && <Tag color="warning">{t('cases.conflict.differs')}</Tag>}
              </>
            ),
          },
          { key: 'yours', title: t('cases.conflict.yours'), render: (_, row) => value(row, 'yours') },
          { key: 'theirs', title: t('cases.conflict.theirs'), render: (_, row) => value(row, 'theirs') },
        ]}
        data-testid="conflict-table"
      />
    </Modal>
  );
}
