import { SwapOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TClassList } from '../../../domain/api/staff.ts';
import { useClasses, useMoveCaseload, useSetClassCounselors } from '../../api/staff.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState } from '../../components/states.tsx';
import { translateError } from '../../i18n/error-message.ts';

type TClass = TClassList['classes'][number];
const keyOf = (c: Pick<TClass, 'collegeId' | 'className'>) => `${c.collegeId}/${c.className}`;

/**
 * Counselor ↔ class assignments of the admin's university (issue 22): the rosters' classes with their counts,
 * those without a counselor first, a counselor picker per class, and handing a whole caseload over.
 */
export function ClassesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const classes = useClasses(undefined);
  const setCounselors = useSetClassCounselors();
  const [onlyUnassigned, setOnlyUnassigned] = useState(false);
  const [q, setQ] = useState('');
  const [draft, setDraft] = useState<Record<string, string[]>>({});
  const [moving, setMoving] = useState(false);
  const data = classes.data;
  const rows = useMemo(
    () =>
      (data?.classes ?? []).filter(
        (c) =>
          (!onlyUnassigned || c.unassigned) && (!q || c.className.includes(q) || c.collegeName.includes(q)),
      ),
    [data, onlyUnassigned, q],
  );
  const options = (data?.counselors ?? [])
    .filter((c) => c.active)
    .map((c) => ({ value: c.userId, label: `${c.name}（${c.username}）` }));

  const save = (c: TClass) =>
    setCounselors.mutate(
      { collegeId: c.collegeId, className: c.className, counselorUserIds: draft[keyOf(c)] ?? [] },
      {
        onSuccess: (r) => {
          void message.success(t('staff.classes.saved', r));
          setDraft(({ [keyOf(c)]: _, ...rest }) => rest);
        },
        onError: (e) => void message.error(translateError(t, e)),
      },
    );

  if (classes.isError) return <ErrorState error={classes.error} onRetry={() => void classes.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('nav.classes')}
        extra={
          <Button icon={<SwapOutlined />} onClick={() => setMoving(true)} data-testid="classes-move">
            {t('staff.classes.move')}
          </Button>
        }
      />
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('staff.classes.intro')}
        </Typography.Paragraph>
        {data &&
          (data.unassigned.classes > 0 ? (
            <Alert type="warning" showIcon title={t('staff.classes.unassignedAlert', data.unassigned)} />
          ) : (
            <Alert type="success" showIcon title={t('staff.classes.allAssigned')} />
          ))}
        <Flex gap={12} align="center" wrap>
          <Input.Search
            allowClear
            placeholder={t('staff.classes.search')}
            onSearch={setQ}
            style={{ width: 260 }}
          />
          <Flex gap={6} align="center">
            <Switch checked={onlyUnassigned} onChange={setOnlyUnassigned} size="small" />
            <span>{t('staff.classes.onlyUnassigned')}</span>
          </Flex>
        </Flex>
        <Table<TClass>
          size="small"
          rowKey={keyOf}
          loading={classes.isFetching}
          dataSource={rows}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          columns={[
            { title: t('staff.classes.college'), dataIndex: 'collegeName' },
            { title: t('staff.classes.className'), dataIndex: 'className' },
            { title: t('staff.classes.graduates'), dataIndex: 'graduates', align: 'right', width: 90 },
            { title: t('staff.classes.targets'), dataIndex: 'targets', align: 'right', width: 90 },
            { title: t('staff.classes.cases'), dataIndex: 'cases', align: 'right', width: 80 },
            {
              title: t('staff.classes.counselors'),
              width: 380,
              render: (_, c) => {
                const k = keyOf(c);
                const value = draft[k] ?? c.counselors.filter((p) => p.active).map((p) => p.userId);
                return (
                  <Flex gap={6} align="center">
                    {c.unassigned && <Tag color="warning">{t('staff.classes.none')}</Tag>}
                    <Select
                      mode="multiple"
                      size="small"
                      style={{ flex: 1, minWidth: 180 }}
                      placeholder={t('staff.classes.pick')}
                      options={options}
                      value={value}
                      optionFilterProp="label"
                      onChange={(ids) => setDraft((d) => ({ ...d, [k]: ids }))}
                    />
                    <Button
                      size="small"
                      type="primary"
                      disabled={!(k in draft)}
                      loading={setCounselors.isPending && keyOf(setCounselors.variables ?? c) === k}
                      onClick={() => save(c)}
                    >
                      {t('staff.classes.save')}
                    </Button>
                  </Flex>
                );
              },
            },
          ]}
        />
      </Flex>
      <MoveCaseloadModal open={moving} onClose={() => setMoving(false)} counselors={data?.counselors ?? []} />
    </>
  );
}

function MoveCaseloadModal({
  open,
  onClose,
  counselors,
}: {
  open: boolean;
  onClose: () => void;
  counselors: TClassList['counselors'];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const move = useMoveCaseload();
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const [reason, setReason] = useState('');
  const label = (c: TClassList['counselors'][number]) =>
    `${c.name}（${c.username}）${c.active ? '' : t('staff.classes.inactive')}`;
  return (
    <Modal
      open={open}
      title={t('staff.classes.moveTitle')}
      okText={t('staff.classes.moveSubmit')}
      okButtonProps={{ disabled: !from || !to || from === to, loading: move.isPending }}
      onCancel={onClose}
      onOk={() =>
        move.mutate(
          { fromUserId: from!, toUserId: to!, ...(reason.trim() ? { reason: reason.trim() } : {}) },
          {
            onSuccess: (r) => {
              void message.success(t('staff.classes.saved', r));
              onClose();
            },
            onError: (e) => void message.error(translateError(t, e)),
          },
        )
      }
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Select
          placeholder={t('staff.classes.from')}
          value={from}
          onChange={setFrom}
          options={counselors.map((c) => ({ value: c.userId, label: label(c) }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <Select
          placeholder={t('staff.classes.to')}
          value={to}
          onChange={setTo}
          options={counselors.filter((c) => c.active).map((c) => ({ value: c.userId, label: label(c) }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <Input
          placeholder={t('staff.classes.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={200}
        />
      </Flex>
    </Modal>
  );
}
