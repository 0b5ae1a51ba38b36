import { Alert, App, Button, Flex, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  TPairingHelper,
  TPairingSuggestion,
  TPairingSuggestionItem,
} from '../../../domain/api/pairing.ts';
import { useAssignPairings } from '../../api/pairing.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { HelperSelect } from './helper-select.tsx';
import { isEdited, projectedLoads, type TChoices, toPairs } from './pairing-model.ts';
import { CollegeClass } from './unpaired-table.tsx';

const REASON_COLORS = { leader_first: 'gold', same_college: 'blue', balance: 'default' } as const;

type TProps = {
  suggestion: TPairingSuggestion | null;
  helpers: readonly TPairingHelper[];
  onClose: () => void;
  /** after a confirmed assignment */
  onDone: () => void;
};

/**
 * The suggestion as a preview: graduate → helper with the reason, each row's helper changeable, confirmed once
 * for all. Nothing is written before the confirmation.
 */
export function SuggestionModal({ suggestion, helpers, onClose, onDone }: TProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const assign = useAssignPairings();
  const [choices, setChoices] = useState<TChoices>({});
  const items = suggestion?.items ?? [];
  const loads = useMemo(() => projectedLoads(helpers, items, choices), [helpers, items, choices]);

  const confirm = () =>
    assign.mutate(
      { pairs: toPairs(items, choices) },
      {
        onSuccess: (r) => {
          void message.success(t('pairing.done', r));
          onDone();
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );

  const columns: ColumnsType<TPairingSuggestionItem> = [
    {
      key: 'graduate',
      title: t('pairing.suggest.graduate'),
      width: 220,
      render: (_, i) => (
        <>
          <Typography.Text strong>{i.graduateName}</Typography.Text>
          <div style={{ fontSize: 12 }}>
            <CollegeClass collegeName={i.collegeName} className={i.className} />
          </div>
        </>
      ),
    },
    {
      key: 'helper',
      title: t('pairing.assign.helper'),
      width: 320,
      render: (_, i) => (
        <HelperSelect
          helpers={helpers}
          loads={loads}
          value={choices[i.caseId] ?? i.helperUserId}
          onChange={(id) => setChoices((c) => ({ ...c, [i.caseId]: id ?? i.helperUserId }))}
          aria-label={`${i.graduateName} ${t('pairing.assign.helper')}`}
          data-testid="suggestion-helper"
        />
      ),
    },
    {
      key: 'reason',
      title: t('pairing.suggest.reason'),
      width: 120,
      render: (_, i) =>
        isEdited(i, choices) ? (
          <Tag color="purple">{t('pairing.suggest.edited')}</Tag>
        ) : (
          <Tag color={REASON_COLORS[i.reason]}>{t(`pairing.reasons.${i.reason}`)}</Tag>
        ),
    },
  ];

  return (
    <Modal
      open={suggestion !== null}
      title={t('pairing.suggest.title')}
      width={860}
      onCancel={onClose}
      afterClose={() => setChoices({})}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap="small">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Popconfirm
            title={t('pairing.suggest.confirmTitle', { count: items.length })}
            description={t('pairing.suggest.confirmDetail')}
            onConfirm={confirm}
            disabled={items.length === 0}
          >
            <Button
              type="primary"
              loading={assign.isPending}
              disabled={items.length === 0}
              data-testid="suggestion-confirm"
            >
              {t('pairing.suggest.confirm')}
            </Button>
          </Popconfirm>
        </Flex>
      }
      data-testid="suggestion-modal"
    >
      {suggestion && suggestion.helperCount === 0 ? (
        <Alert type="warning" showIcon title={t('pairing.noHelpers')} />
      ) : (
        <>
          <Typography.Paragraph>
            {items.length > 0
              ? t('pairing.suggest.summary', { count: items.length })
              : t('pairing.suggest.nothing')}
          </Typography.Paragraph>
          {suggestion && suggestion.skipped > 0 && (
            <Alert
              type="info"
              showIcon
              title={t('pairing.suggest.skipped', { count: suggestion.skipped })}
              style={{ marginBottom: 12 }}
            />
          )}
          {items.length > 0 && (
            <Table<TPairingSuggestionItem>
              rowKey="caseId"
              size="small"
              columns={columns}
              dataSource={items}
              pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
              scroll={{ x: 660 }}
              data-testid="suggestion-table"
            />
          )}
        </>
      )}
    </Modal>
  );
}
