import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { TGraduateListItem } from '../../../domain/api/registry.ts';
import { hasPermission } from '../../../domain/roles.ts';
import {
  type TGraduateSearch,
  useExportGraduates,
  useGraduatePage,
  useGraduateStats,
} from '../../api/graduates.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCurrentUser } from '../../components/require-auth.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { GraduateFilters } from './graduate-filters.tsx';
import {
  applyFilterPatch,
  filtersOf,
  isFiltered,
  parseGraduateSearch,
  toGraduateSearchParams,
} from './graduate-search.ts';
import { CountBars, StatCards } from './graduate-stats.tsx';
import { GraduateTable } from './graduate-table.tsx';
import { RevealModal } from './reveal-modal.tsx';

/** The export's row limit (graduates-export.ts); checked here first so the user learns it before waiting. */
const EXPORT_LIMIT = 200_000;

export function GraduatesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const me = useCurrentUser();
  const canReveal = hasPermission(me.roles, 'graduates.reveal');
  const canExport = hasPermission(me.roles, 'graduates.export');
  const canImport = hasPermission(me.roles, 'imports.manage');
  const [params, setParams] = useSearchParams();
  const search = parseGraduateSearch(params);
  const filters = filtersOf(search);
  const page = useGraduatePage(search);
  // the counts ignore the target toggle, so the cards can say how many of all are in the target group
  const stats = useGraduateStats({ ...filters, target: undefined });
  // everyone in scope, unfiltered: tells "nothing imported yet" apart from "nothing matches"
  const anyone = useGraduateStats({});
  const exporter = useExportGraduates();
  const [revealing, setRevealing] = useState<TGraduateListItem | null>(null);

  const setSearch = (next: TGraduateSearch, replace = false) =>
    setParams(toGraduateSearchParams(next), { replace });

  const lastPage = page.data ? Math.max(1, Math.ceil(page.data.total / page.data.pageSize)) : undefined;
  const pastTheEnd = !page.isPlaceholderData && lastPage !== undefined && search.page > lastPage;
  useEffect(() => {
    if (pastTheEnd && lastPage)
      setParams(toGraduateSearchParams({ ...search, page: lastPage }), { replace: true });
  });

  const onExport = () => {
    const total = page.data?.total;
    if (total !== undefined && total > EXPORT_LIMIT) {
      void message.error(t('graduates.exportTooMany', { count: total }));
      return;
    }
    exporter.mutate(filters, {
      onSuccess: () => void message.success(t('graduates.exportStarted')),
      onError: (error) => void message.error(errorText(error)),
    });
  };

  const nothingImported = anyone.data?.total === 0;
  const empty = nothingImported ? (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <div>{t('graduates.noGraduates')}</div>
          <Typography.Text type="secondary">{t('graduates.noGraduatesHint')}</Typography.Text>
        </>
      }
      data-testid="graduates-none"
    >
      {canImport && (
        <Link to="/imports?upload=1">
          <Button type="primary">{t('graduates.goImport')}</Button>
        </Link>
      )}
    </Empty>
  ) : search.target === 'true' && !isFiltered(search) ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('graduates.noTarget')}>
      <Button onClick={() => setSearch({ ...search, target: undefined, page: 1 })}>
        {t('graduates.showAll')}
      </Button>
    </Empty>
  ) : (
    <EmptyState filtered />
  );

  return (
    <>
      <PageHeader
        title={t('nav.graduates')}
        extra={
          canExport && (
            <Tooltip title={t('graduates.exportHint')}>
              <Button
                icon={<DownloadOutlined />}
                loading={exporter.isPending}
                disabled={!page.data || page.data.total === 0}
                onClick={onExport}
                data-testid="graduates-export"
              >
                {t('graduates.export')}
              </Button>
            </Tooltip>
          )
        }
      />
      <GraduateFilters
        search={search}
        onChange={(patch) =>
          // built from the URL as it is now, not as this render saw it: a debounced text filter applying right
          // after another filter changed must not undo that change; refining a text filter replaces the
          // history entry instead of leaving one per pause in typing
          setParams(
            (prev) => {
              const current = parseGraduateSearch(prev);
              return toGraduateSearchParams(applyFilterPatch(current, patch));
            },
            { replace: Boolean((patch.q && search.q) || (patch.major && search.major)) },
          )
        }
        onReset={() => setSearch({ page: 1, pageSize: search.pageSize, target: 'true' })}
      />
      {stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <StatCards stats={stats.data} loading={stats.isFetching} />
          {!nothingImported && <CountBars stats={stats.data} />}
        </>
      )}
      {page.isError ? (
        <ErrorState error={page.error} onRetry={() => void page.refetch()} />
      ) : (
        <GraduateTable
          data={page.data}
          loading={page.isFetching}
          search={search}
          canReveal={canReveal}
          empty={empty}
          onPage={(p, pageSize) =>
            setSearch({ ...search, page: pageSize === search.pageSize ? p : 1, pageSize })
          }
          onSort={(sort, order) => setSearch({ ...search, sort, order: sort ? order : undefined, page: 1 })}
          onReveal={setRevealing}
        />
      )}
      <RevealModal graduate={revealing} onClose={() => setRevealing(null)} />
    </>
  );
}
