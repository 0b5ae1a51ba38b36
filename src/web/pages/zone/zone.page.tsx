import { AppstoreOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type TZoneSearch, useZonePage } from '../../api/opportunities.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState } from '../../components/states.tsx';
import { OpportunityFilters } from '../opportunities/opportunity-filters.tsx';
import {
  applyPatch,
  isFiltered,
  parseZoneSearch,
  toSearchParams,
} from '../opportunities/opportunity-search.ts';
import { OpportunityTable } from '../opportunities/opportunity-table.tsx';
import { ZoneCards } from './zone-cards.tsx';

type TView = 'cards' | 'table';

/**
 * 52县专区: open posts that put the focus counties' and registered-poor families' graduates first, the same list
 * graduates see in self-service; as cards or as a table.
 */
export function ZonePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = parseZoneSearch(params);
  const view: TView = params.get('view') === 'table' ? 'table' : 'cards';
  const page = useZonePage(search);

  const write = (next: TZoneSearch, nextView: TView = view) => {
    const p = toSearchParams(next);
    if (nextView === 'table') p.set('view', 'table');
    return p;
  };
  const setSearch = (next: TZoneSearch) => setParams(write(next));
  const onFilter = (patch: Partial<TZoneSearch>) =>
    setParams(
      (prev) =>
        write(applyPatch(parseZoneSearch(prev), patch), prev.get('view') === 'table' ? 'table' : 'cards'),
      {
        replace: Boolean(patch.q && search.q),
      },
    );
  const reset = () => setSearch({ page: 1, pageSize: search.pageSize });
  const onPage = (p: number, pageSize: number) =>
    setSearch({ ...search, page: pageSize === search.pageSize ? p : 1, pageSize });

  const empty = isFiltered(search) ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noMatch')} data-testid="zone-no-match">
      <Button onClick={reset}>{t('opportunities.list.reset')}</Button>
    </Empty>
  ) : (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <div>{t('opportunities.zone.empty')}</div>
          <Typography.Text type="secondary">{t('opportunities.zone.emptyHint')}</Typography.Text>
        </>
      }
      data-testid="zone-empty"
    />
  );

  return (
    <>
      <PageHeader
        title={t('nav.zone')}
        extra={
          <Segmented<TView>
            value={view}
            onChange={(v) => setParams(write(search, v), { replace: true })}
            options={[
              { value: 'cards', label: t('opportunities.zone.cards'), icon: <AppstoreOutlined /> },
              { value: 'table', label: t('opportunities.zone.table'), icon: <UnorderedListOutlined /> },
            ]}
            data-testid="zone-view"
          />
        }
      />
      <Typography.Paragraph type="secondary">{t('opportunities.zone.intro')}</Typography.Paragraph>
      <OpportunityFilters variant="zone" search={search} onChange={onFilter} onReset={reset} />
      {page.isError ? (
        <ErrorState error={page.error} onRetry={() => void page.refetch()} />
      ) : view === 'cards' ? (
        <ZoneCards
          data={page.data}
          loading={page.isFetching}
          search={search}
          empty={<Card>{empty}</Card>}
          onPage={onPage}
        />
      ) : (
        <OpportunityTable
          variant="zone"
          data={page.data}
          loading={page.isFetching}
          search={search}
          empty={empty}
          onPage={onPage}
          onSort={(sort, order) => setSearch({ ...search, sort, order: sort ? order : undefined, page: 1 })}
        />
      )}
    </>
  );
}
