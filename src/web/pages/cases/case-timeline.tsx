import {
  AimOutlined,
  BellOutlined,
  CheckSquareOutlined,
  EditOutlined,
  FileAddOutlined,
  FlagOutlined,
  LockOutlined,
  PaperClipOutlined,
  PhoneOutlined,
  ProfileOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  SwapOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Button, Card, Empty, Flex, Select, Tag, Timeline, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCaseEvent } from '../../../domain/api/ledger.ts';
import { CASE_EVENT_KINDS, type TCaseEventKind } from '../../../domain/ledger/codes.ts';
import { useCaseEvents } from '../../api/cases.ts';
import { codeLabel, formatDateTime } from './case-labels.ts';
import { useDestinationTables } from './destination-section.tsx';
import { describeEvent } from './event-text.ts';

const ICONS: Record<TCaseEventKind, ReactNode> = {
  opened: <FileAddOutlined />,
  needs: <AimOutlined />,
  plan: <ProfileOutlined />,
  profile_verified: <SafetyCertificateOutlined />,
  measure: <CheckSquareOutlined />,
  follow_up: <PhoneOutlined />,
  progress: <RiseOutlined />,
  destination: <FlagOutlined />,
  status: <SwapOutlined />,
  pairing: <TeamOutlined />,
  handover: <SendOutlined />,
  responsible: <UserSwitchOutlined />,
  counselor: <UserSwitchOutlined />,
  file: <PaperClipOutlined />,
  note: <EditOutlined />,
  push: <BellOutlined />,
};
const COLORS: Partial<Record<TCaseEventKind, string>> = {
  measure: 'green',
  follow_up: 'blue',
  destination: 'green',
  status: 'gray',
  handover: 'purple',
};
const PAGE_SIZE = 20;

/** The case's append-only timeline, newest first, by kind; private notes are marked as such. */
export function CaseTimeline({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<TCaseEventKind | undefined>();
  const [pages, setPages] = useState(1);
  const events = useCaseEvents(caseId, { kind, page: 1, pageSize: PAGE_SIZE * pages });
  const tables = useDestinationTables();
  const destination = (code: string) => tables.destination.find((e) => e.code === code)?.name;
  const items = events.data?.items ?? [];
  const more = (events.data?.total ?? 0) > items.length;

  const item = (e: TCaseEvent) => {
    const known = (CASE_EVENT_KINDS as readonly string[]).includes(e.kind);
    const text = describeEvent(t, e, { destination });
    return {
      key: e.id,
      icon: known ? ICONS[e.kind as TCaseEventKind] : undefined,
      color: (known && COLORS[e.kind as TCaseEventKind]) || 'blue',
      content: (
        <div data-testid={`event-${e.kind}`}>
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong>{codeLabel(t, 'eventKinds', e.kind)}</Typography.Text>
            {e.private && (
              <Tag icon={<LockOutlined />} color="purple" data-testid="event-private">
                {t('cases.timeline.private')}
              </Tag>
            )}
          </Flex>
          {text && <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{text}</div>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('cases.timeline.by', {
              who: e.actorName ?? t('cases.timeline.system'),
              at: formatDateTime(e.at),
            })}
            {e.occurredOn && e.occurredOn !== e.at.slice(0, 10)
              ? ` · ${t('cases.timeline.occurredOn', { date: e.occurredOn })}`
              : ''}
          </Typography.Text>
        </div>
      ),
    };
  };

  return (
    <Card
      size="small"
      title={t('cases.timeline.title')}
      style={{ marginBottom: 16 }}
      extra={
        <Select
          allowClear
          size="small"
          value={kind ?? null}
          placeholder={t('cases.timeline.allKinds')}
          options={CASE_EVENT_KINDS.map((k) => ({ value: k, label: t(`cases.eventKinds.${k}`) }))}
          onChange={(k) => {
            setKind(k ?? undefined);
            setPages(1);
          }}
          style={{ width: 130 }}
          data-testid="timeline-kind"
        />
      }
      data-testid="case-timeline"
    >
      {items.length === 0 && !events.isPending ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.timeline.empty')} />
      ) : (
        <Timeline items={items.map(item)} />
      )}
      {more && (
        <Button block loading={events.isFetching} onClick={() => setPages((p) => p + 1)}>
          {t('cases.timeline.more')}
        </Button>
      )}
    </Card>
  );
}
