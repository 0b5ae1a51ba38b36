import { FilterOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, Pagination, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OPPORTUNITY_KINDS, type TOpportunityKind } from '../../../domain/opportunities/types.ts';
import { LEVELS, type TLevel } from '../../../domain/registry/fields.ts';
import { type TZoneSearch, useMyApplications, useZone, useZoneRegions } from '../../api/me.ts';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { MeHeader } from './me-tabs.tsx';
import { PostCard } from './post-card.tsx';

const PAGE_SIZE = 10;

/** The zone's search as the URL carries it; unknown values are dropped rather than sent. */
function readSearch(params: URLSearchParams): TZoneSearch {
  const kind = params.get('kind');
  const level = params.get('level');
  const region = params.get('region');
  return {
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
    kind: OPPORTUNITY_KINDS.find((k) => k === kind),
    level: LEVELS.find((l) => l === level),
    region: region && /^\d{6}$/.test(region) ? region : undefined,
    q: params.get('q') ?? undefined,
  };
}

/**
 * 专属岗位: open posts collected for this year's graduates, on a phone. Filters by region (only the provinces,
 * cities and counties the posts are in: graduates do not read the region catalogue), kind and level, and a
 * search box matching post and employer names; each post opens its own page, where the graduate applies.
 */
export function MeZonePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const zone = useZone(search);
  const mine = useMyApplications();
  const applied = new Map((mine.data ?? []).map((a) => [a.opportunity.id, a.status]));
  const filtered = Boolean(search.kind || search.level || search.region || search.q);
  const [showFilters, setShowFilters] = useState(filtered);
  const regions = useZoneRegions(showFilters);
  const [typed, setTyped] = useState(search.q ?? '');

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };

  const list = () => {
    if (zone.isPending) return <LoadingState />;
    if (zone.isError) return <ErrorState error={zone.error} onRetry={() => void zone.refetch()} />;
    if (zone.data.items.length === 0) {
      return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meJobs.zone.empty')} />;
    }
    return (
      <Flex vertical gap="small" data-testid="me-zone-list">
        <Typography.Text type="secondary">
          {t('meJobs.zone.count', { count: zone.data.total })}
        </Typography.Text>
        {zone.data.items.map((p) => {
          const status = applied.get(p.id);
          return (
            <PostCard
              key={p.id}
              post={{ ...p, orgName: p.employer?.name ?? p.owner.name }}
              to={`/me/posts/${p.id}?from=zone`}
              extra={
                status && status !== 'withdrawn' ? (
                  <Tag color="blue">{t(`opportunities.applicationStatuses.${status}`)}</Tag>
                ) : undefined
              }
            />
          );
        })}
        {zone.data.total > PAGE_SIZE && (
          <Pagination
            simple
            align="center"
            current={search.page}
            pageSize={PAGE_SIZE}
            total={zone.data.total}
            onChange={(page) => update({ page: String(page) })}
          />
        )}
      </Flex>
    );
  };

  return (
    <div data-testid="me-zone-page" style={{ maxWidth: 720 }}>
      <MeHeader title={t('meJobs.zone.title')} />
      <Typography.Paragraph type="secondary">{t('meJobs.zone.intro')}</Typography.Paragraph>
      <Flex gap="small" style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          value={typed}
          placeholder={t('meJobs.zone.search')}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          data-testid="me-zone-search"
        />
        <Button
          icon={<FilterOutlined />}
          type={filtered ? 'primary' : 'default'}
          ghost={filtered}
          onClick={() => setShowFilters((s) => !s)}
          aria-expanded={showFilters}
        >
          {t('meJobs.zone.filters')}
        </Button>
      </Flex>
      {showFilters && (
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          <Select<string>
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('meJobs.zone.region')}
            value={search.region}
            loading={regions.isPending}
            onChange={(v) => update({ region: v })}
            options={(regions.data ?? []).map((p) => ({
              label: p.name,
              title: p.name,
              options: [
                { value: p.code, label: t('meJobs.zone.wholeProvince', { name: p.name }) },
                ...p.places.map((c) => ({ value: c.code, label: c.name })),
              ],
            }))}
            notFoundContent={regions.isError ? t('meJobs.zone.regionsFailed') : undefined}
            data-testid="me-zone-region"
          />
          <Select<TOpportunityKind>
            allowClear
            placeholder={t('meJobs.zone.kind')}
            value={search.kind}
            onChange={(v) => update({ kind: v })}
            options={OPPORTUNITY_KINDS.map((k) => ({ value: k, label: t(`opportunities.kinds.${k}`) }))}
            data-testid="me-zone-kind"
          />
          <Select<TLevel>
            allowClear
            placeholder={t('meJobs.zone.level')}
            value={search.level}
            onChange={(v) => update({ level: v })}
            options={LEVELS.map((l) => ({ value: l, label: t(`graduates.levels.${l}`) }))}
          />
          {filtered && (
            <Button
              onClick={() => {
                setTyped('');
                update({ kind: undefined, level: undefined, region: undefined, q: undefined });
              }}
            >
              {t('meJobs.zone.clear')}
            </Button>
          )}
        </Flex>
      )}
      {list()}
    </div>
  );
}
